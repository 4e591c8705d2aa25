// expect: BASE_TYPE_BAD_LENGTH

use bot_core::prelude::*;

#[user_command(name = "Show the avatar of this user now!")]
async fn cmd(
    ctx: &ApplicationContext,
    user: User
) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

fn main() {}

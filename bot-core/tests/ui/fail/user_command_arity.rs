// expect: takes exactly two parameters

use bot_core::prelude::*;

#[user_command(name = "Avatar")]
async fn cmd(
    ctx: &ApplicationContext,
    user: User,
    extra: String
) -> CommandResult {
    let _ = (ctx, user, extra);
    Ok(())
}

fn main() {}

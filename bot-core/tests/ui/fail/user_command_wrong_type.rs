// expect: cannot be the target of a user command

use bot_core::prelude::*;

#[user_command(name = "Avatar")]
async fn cmd(
    ctx: &ApplicationContext,
    user: String
) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

fn main() {}

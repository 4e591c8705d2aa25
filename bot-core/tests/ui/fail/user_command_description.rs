// expect: no description

use bot_core::prelude::*;

#[user_command(name = "Avatar", description = "Show it")]
async fn cmd(
    ctx: &ApplicationContext,
    user: User
) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

fn main() {}

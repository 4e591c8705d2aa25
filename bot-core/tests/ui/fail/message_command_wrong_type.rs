// expect: cannot be the target of a message command

use bot_core::prelude::*;

#[message_command(name = "Quote")]
async fn cmd(
    ctx: &ApplicationContext,
    message: User
) -> CommandResult {
    let _ = (ctx, message);
    Ok(())
}

fn main() {}

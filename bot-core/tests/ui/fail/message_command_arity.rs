// expect: takes exactly two parameters

use bot_core::prelude::*;

#[message_command(name = "Quote")]
async fn cmd(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

// expect: APPLICATION_COMMAND_INVALID_NAME

use bot_core::prelude::*;

/// A command.
#[slash_command(name = "Ping")]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

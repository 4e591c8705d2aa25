// expect: APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// a
    a: Option<String>,
    /// b
    b: String
) -> CommandResult {
    let _ = (ctx, a, b);
    Ok(())
}

fn main() {}

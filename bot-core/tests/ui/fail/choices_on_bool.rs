// expect: APPLICATION_COMMAND_FIELD_NOT_ALLOWED

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// b
    #[choices("yes")]
    b: bool
) -> CommandResult {
    let _ = (ctx, b);
    Ok(())
}

fn main() {}

// expect: APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// a
    a: String,
    /// b
    #[rename = "a"]
    b: String
) -> CommandResult {
    let _ = (ctx, a, b);
    Ok(())
}

fn main() {}

// expect: APPLICATION_COMMAND_INVALID_NAME

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// x
    #[rename = "Text"]
    text: String
) -> CommandResult {
    let _ = (ctx, text);
    Ok(())
}

fn main() {}

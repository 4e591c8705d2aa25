// expect: an option needs a description

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    text: String
) -> CommandResult {
    let _ = (ctx, text);
    Ok(())
}

fn main() {}

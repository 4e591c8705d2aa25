// expect: an autocomplete callback returns

use bot_core::prelude::*;

async fn suggest(_: &AutocompleteContext) -> Option<String> {
    None
}

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// s
    #[autocomplete = suggest]
    s: String,
) -> CommandResult {
    let _ = (ctx, s);
    Ok(())
}

fn main() {}

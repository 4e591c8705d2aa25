// expect: expected `&ApplicationContext`, found `&AutocompleteContext`

use bot_core::prelude::*;

async fn suggest(_: &ApplicationContext) -> Vec<String> {
    Vec::new()
}

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// s
    #[autocomplete = suggest]
    s: String
) -> CommandResult {
    let _ = (ctx, s);
    Ok(())
}

fn main() {}

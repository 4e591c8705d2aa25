// expect: APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES

use bot_core::prelude::*;

async fn suggest(_: &AutocompleteContext) -> Vec<bot_core::spec::ChoiceSpec<'static>> {
    Vec::new()
}

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// s
    #[choices("a")]
    #[autocomplete = suggest]
    s: String
) -> CommandResult {
    let _ = (ctx, s);
    Ok(())
}

fn main() {}

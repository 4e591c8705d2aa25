// expect: `autocomplete` applies only to

use bot_core::prelude::*;

#[derive(Choice)]
enum Unit {
    Celsius,
    Kelvin,
}

async fn suggest(_: &AutocompleteContext) -> Vec<bot_core::spec::ChoiceSpec<'static>> {
    Vec::new()
}

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// u
    #[autocomplete = suggest]
    u: Unit
) -> CommandResult {
    let _ = (ctx, u);
    Ok(())
}

fn main() {}

// expect: first parameter is its context

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd() -> CommandResult {
    Ok(())
}

fn main() {}

// expect: unknown context

use bot_core::prelude::*;

/// A command.
#[slash_command(contexts = [Server])]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

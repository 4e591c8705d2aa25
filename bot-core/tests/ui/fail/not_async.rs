// expect: must be an `async fn`

use bot_core::prelude::*;

/// A command.
#[slash_command]
fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

// expect: unsupported integer width

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    n: u128
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

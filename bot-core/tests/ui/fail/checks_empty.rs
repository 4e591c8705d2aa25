// expect: `checks = []` lists no check

use bot_core::prelude::*;

/// A command.
#[slash_command(checks = [])]
async fn cmd(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

// expect: mismatched types

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(ctx: &ApplicationContext) -> Result<(), String> {
    let _ = ctx;
    Ok(())
}

fn main() {}

// expect: BASE_TYPE_MIN_LENGTH

use bot_core::prelude::*;

/// A command.
#[slash_command(contexts = [])]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

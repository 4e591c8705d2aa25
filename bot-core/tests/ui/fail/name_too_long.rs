// expect: BASE_TYPE_BAD_LENGTH

use bot_core::prelude::*;

/// A command.
#[slash_command(name = "abcdefghijklmnopqrstuvwxyz0123456")]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

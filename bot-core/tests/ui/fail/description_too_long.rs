// expect: BASE_TYPE_BAD_LENGTH

use bot_core::prelude::*;

/// ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

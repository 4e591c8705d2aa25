// expect: needs a description

use bot_core::prelude::*;

#[slash_command]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

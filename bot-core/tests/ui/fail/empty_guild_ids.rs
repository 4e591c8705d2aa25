// expect: `guild_ids` is empty

use bot_core::prelude::*;

/// A command.
#[slash_command(guild_ids = [])]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

// expect: APPLICATION_COMMAND_FIELD_NOT_ALLOWED

use bot_core::prelude::*;

/// A command.
#[slash_command(guild_ids = [1], contexts = [Guild])]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

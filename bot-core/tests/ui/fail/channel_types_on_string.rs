// expect: APPLICATION_COMMAND_FIELD_NOT_ALLOWED

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// s
    #[channel_types(GuildText)]
    s: String
) -> CommandResult {
    let _ = (ctx, s);
    Ok(())
}

fn main() {}

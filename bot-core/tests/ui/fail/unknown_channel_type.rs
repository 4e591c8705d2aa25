// expect: unknown channel type

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// c
    #[channel_types(GuildTxt)]
    c: Channel
) -> CommandResult {
    let _ = (ctx, c);
    Ok(())
}

fn main() {}

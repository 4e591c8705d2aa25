// expect: unknown attribute `nsfw_only`; expected one of

use bot_core::prelude::*;

/// A command.
#[slash_command(nsfw_only)]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

// expect: BASE_TYPE_MAX_VALUE

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// s
    #[min_length = 6001]
    s: String
) -> CommandResult {
    let _ = (ctx, s);
    Ok(())
}

fn main() {}

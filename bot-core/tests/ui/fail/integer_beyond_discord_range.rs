// expect: BASE_TYPE_MAX_VALUE

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    #[max = 9007199254740992]
    n: i64
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

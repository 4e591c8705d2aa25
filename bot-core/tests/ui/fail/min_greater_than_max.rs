// expect: BASE_TYPE_MIN_VALUE

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    #[min = 5]
    #[max = 1]
    n: i64
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

// expect: unknown parameter attribute `minimum`; expected one of

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    #[minimum = 1]
    n: i64
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

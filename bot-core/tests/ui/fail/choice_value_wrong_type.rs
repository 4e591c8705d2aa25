// expect: NUMBER_TYPE_COERCE

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    #[choices(("one", "1"))]
    n: i64
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

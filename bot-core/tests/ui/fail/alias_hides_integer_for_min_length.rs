// expect: apply only to string options

use bot_core::prelude::*;

type Count = i64;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    #[min_length = 1]
    n: Count
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

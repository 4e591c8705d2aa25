// expect: outside the range of the parameter's type

use bot_core::prelude::*;

type Small = u8;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    #[min = -1]
    n: Small
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

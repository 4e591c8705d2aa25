// expect: outside the range of the parameter's type

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    #[min = -1]
    n: u8
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

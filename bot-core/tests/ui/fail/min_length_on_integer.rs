// expect: APPLICATION_COMMAND_FIELD_NOT_ALLOWED

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// n
    #[min_length = 1]
    n: i64
) -> CommandResult {
    let _ = (ctx, n);
    Ok(())
}

fn main() {}

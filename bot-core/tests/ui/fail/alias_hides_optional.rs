// expect: required but follows an optional one

use bot_core::prelude::*;

type Maybe = Option<String>;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// a
    a: Maybe,
    /// b
    b: String
) -> CommandResult {
    let _ = (ctx, a, b);
    Ok(())
}

fn main() {}

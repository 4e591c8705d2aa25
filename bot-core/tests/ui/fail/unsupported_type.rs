// expect: cannot be the type of a slash-command option

use bot_core::prelude::*;

struct Point;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// p
    p: Point
) -> CommandResult {
    let _ = (ctx, p);
    Ok(())
}

fn main() {}

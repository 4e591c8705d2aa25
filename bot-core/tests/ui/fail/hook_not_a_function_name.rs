// expect: `before_invoke` names an `async fn`

use bot_core::prelude::*;

/// A command.
#[slash_command(before_invoke = 3)]
async fn cmd(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

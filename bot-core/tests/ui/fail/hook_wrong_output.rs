// expect: a hook or an error handler returns `()` or `Result<(), E>`, not `i32`

use bot_core::prelude::*;

async fn log(_: &ApplicationContext) -> i32 {
    1
}

/// A command.
#[slash_command(after_invoke = log)]
async fn cmd(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

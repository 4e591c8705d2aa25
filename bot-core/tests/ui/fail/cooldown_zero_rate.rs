// expect: a cooldown allows at least one use per window
// expect: a cooldown's window is a positive number of seconds
// expect: unknown bucket type `Planet`

use bot_core::prelude::*;

/// A command.
#[slash_command(cooldown(0, 5))]
async fn first(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// A command.
#[slash_command(cooldown(1, 0))]
async fn second(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// A command.
#[slash_command(cooldown(1, 5.0, Planet))]
async fn third(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

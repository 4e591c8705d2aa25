// expect: lets at least one invocation run
// expect: expected `wait`
// expect: expected `max_concurrency(n, Bucket, wait)`

use bot_core::prelude::*;

/// A command.
#[slash_command(max_concurrency(0, User))]
async fn first(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// A command.
#[slash_command(max_concurrency(1, User, forever))]
async fn second(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// A command.
#[slash_command(max_concurrency = 2)]
async fn third(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

// expect: function takes 1 argument but 2 arguments were supplied

use bot_core::prelude::*;

async fn oops(_: &ApplicationContext) {}

/// A command.
#[slash_command(on_error = oops)]
async fn cmd(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

// expect: expected `&str`, found `&ApplicationContext`

use bot_core::prelude::*;

async fn is_admin(name: &str) -> bool {
    name == "admin"
}

/// A command.
#[slash_command(checks = [is_admin])]
async fn cmd(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

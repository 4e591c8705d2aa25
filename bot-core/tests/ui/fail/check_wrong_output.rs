// expect: a check returns `bool`, `Result<bool, E>` or `Result<(), E>`, not `std::string::String`

use bot_core::prelude::*;

async fn is_admin(_: &ApplicationContext) -> String {
    String::new()
}

/// A command.
#[slash_command(checks = [is_admin])]
async fn cmd(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

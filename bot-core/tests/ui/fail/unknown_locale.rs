// expect: ENUM_TYPE_COERCE

use bot_core::prelude::*;

/// A command.
#[slash_command(name_localized("xx", "bonjour"))]
async fn cmd(
    ctx: &ApplicationContext
) -> CommandResult {
    let _ = ctx;
    Ok(())
}

fn main() {}

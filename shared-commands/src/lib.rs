//! Commands defined in a library crate. A binary collects them only if it links this crate:
//! `use shared_commands as _;` when nothing else in the binary names it.

use bot_core::prelude::*;

/// Shows the library's version.
#[slash_command]
async fn version(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

//! An option named like its command's function does not shadow the function at the call.
#![deny(warnings, missing_docs)]

use bot_core::prelude::*;

/// Echoes.
#[slash_command]
pub async fn echo(
    ctx: &ApplicationContext,
    /// What to echo
    echo: String,
) -> CommandResult {
    let _ = (ctx, echo);
    Ok(())
}

fn main() {}

// expect: BASE_TYPE_MAX_LENGTH

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// s
    #[choices(("long", "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"))]
    s: String
) -> CommandResult {
    let _ = (ctx, s);
    Ok(())
}

fn main() {}

// expect: BASE_TYPE_MAX_LENGTH

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// s
    #[choices("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", "c18", "c19", "c20", "c21", "c22", "c23", "c24", "c25")]
    s: String
) -> CommandResult {
    let _ = (ctx, s);
    Ok(())
}

fn main() {}

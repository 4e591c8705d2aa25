// expect: BASE_TYPE_MAX_LENGTH

use bot_core::prelude::*;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// o
    o0: Option<String>,
    /// o
    o1: Option<String>,
    /// o
    o2: Option<String>,
    /// o
    o3: Option<String>,
    /// o
    o4: Option<String>,
    /// o
    o5: Option<String>,
    /// o
    o6: Option<String>,
    /// o
    o7: Option<String>,
    /// o
    o8: Option<String>,
    /// o
    o9: Option<String>,
    /// o
    o10: Option<String>,
    /// o
    o11: Option<String>,
    /// o
    o12: Option<String>,
    /// o
    o13: Option<String>,
    /// o
    o14: Option<String>,
    /// o
    o15: Option<String>,
    /// o
    o16: Option<String>,
    /// o
    o17: Option<String>,
    /// o
    o18: Option<String>,
    /// o
    o19: Option<String>,
    /// o
    o20: Option<String>,
    /// o
    o21: Option<String>,
    /// o
    o22: Option<String>,
    /// o
    o23: Option<String>,
    /// o
    o24: Option<String>,
    /// o
    o25: Option<String>
) -> CommandResult {
    let _ = (ctx, o0, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, o12, o13, o14, o15, o16, o17, o18, o19, o20, o21, o22, o23, o24, o25);
    Ok(())
}

fn main() {}

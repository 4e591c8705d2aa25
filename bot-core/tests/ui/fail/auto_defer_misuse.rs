// expect: `after` is 0 to 2.5 seconds
// expect: unknown `auto_defer` argument
// expect: `after` is 0 to 2.5 seconds
// expect: expected `auto_defer = false`
// expect: `auto_defer` is given twice
// expect: `auto_defer()` sets nothing
// expect: `ephemeral` is given twice
// expect: unknown `auto_defer` argument

use bot_core::prelude::*;

/// Too late to beat the deadline.
#[slash_command(auto_defer(after = 4))]
async fn late(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// Every error of one attribute at once.
#[slash_command(auto_defer(soon, ephemeral, after = -1))]
async fn several(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// Not a bool.
#[user_command(name = "Look", auto_defer = "no")]
async fn look(ctx: &ApplicationContext, user: User) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

/// Twice.
#[message_command(name = "Quote", auto_defer, auto_defer(ephemeral))]
async fn quote(ctx: &ApplicationContext, message: Message) -> CommandResult {
    let _ = (ctx, message);
    Ok(())
}

/// Empty.
#[slash_group(auto_defer())]
mod admin {
    use super::*;

    /// Resets.
    #[slash_command(auto_defer(ephemeral, ephemeral))]
    async fn reset(ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

/// A cog.
struct Notes;

#[cog(auto_defer(later))]
impl Notes {
    /// Adds a note.
    #[slash_command]
    async fn note(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {}

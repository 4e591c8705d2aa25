// expect: a command in a cog takes `&self` (the cog is shared by every call)
// expect: a command in a cog takes `&self` (the cog is shared by every call)
// expect: a command in a cog takes `&self` first

use bot_core::prelude::*;

struct Music;

#[cog]
impl Music {
    /// By value.
    #[slash_command]
    async fn owned(self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Mutably.
    #[slash_command]
    async fn mutable(&mut self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Without self.
    #[slash_command]
    async fn free(ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {}

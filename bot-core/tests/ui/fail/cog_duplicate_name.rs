// expect: the cog already has a command named `play` of this type

use bot_core::prelude::*;

struct Music;

#[cog]
impl Music {
    /// Plays.
    #[slash_command]
    async fn play(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Plays again.
    #[slash_command(name = "play")]
    async fn again(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {}

// expect: must be lowercase [APPLICATION_COMMAND_INVALID_NAME]
// expect: `max_concurrency` lets at least one invocation run

use bot_core::prelude::*;

struct Music;

#[cog]
impl Music {
    /// Plays.
    #[slash_command(name = "Play")]
    async fn play(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Stops.
    #[slash_command(max_concurrency(0))]
    async fn stop(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {}

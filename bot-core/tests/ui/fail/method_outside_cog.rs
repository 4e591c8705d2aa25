// expect: needs a `#[cog]` impl block

use bot_core::prelude::*;

struct Bot;

impl Bot {
    /// A command.
    #[slash_command]
    async fn cmd(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {}

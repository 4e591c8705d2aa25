// expect: applies to a whole command, not to a subcommand

use bot_core::prelude::*;

/// Group.
#[slash_group]
mod group {
    use super::*;

    /// Sub.
    #[slash_command(nsfw)]
    async fn sub(ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {}

// expect: needs a description

use bot_core::prelude::*;

#[slash_group]
mod group {
    use super::*;

    /// Sub.
    #[slash_command]
    async fn sub(ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {}

// expect: `cog_check` must be an `async fn`
// expect: `cog_check` takes `async fn cog_check(&self, ctx: &ApplicationContext)`
// expect: `cog_command_error` takes `async fn cog_command_error(&self, ctx: &ApplicationContext, error: &CommandError)`

use bot_core::prelude::*;

struct Music;

#[cog]
impl Music {
    fn cog_check(&self) -> bool {
        true
    }

    async fn cog_command_error(&self, ctx: &ApplicationContext) {
        let _ = ctx;
    }
}

fn main() {}

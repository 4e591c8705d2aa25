// expect: `on_application_command_error` takes `async fn on_application_command_error(ctx: &ApplicationContext, error: &CommandError)`

use bot_core::prelude::*;

#[event]
async fn on_application_command_error(ctx: &ApplicationContext) {
    let _ = ctx;
}

fn main() {}

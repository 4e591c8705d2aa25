// expect: expected `&Context`, found `&ApplicationContext`

use bot_core::prelude::*;

#[event]
async fn on_application_command_error(ctx: &Context, error: &CommandError) {
    let _ = (ctx, error);
}

fn main() {}

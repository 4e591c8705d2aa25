// expect: expected `&Bot`, found `&ApplicationContext`

use bot_core::prelude::*;

#[event]
async fn on_application_command_error(bot: &Bot, error: &CommandError) {
    let _ = (bot, error);
}

fn main() {}

// expect: an event handler must be an `async fn`

use bot_core::prelude::*;

#[event]
fn on_ready(bot: &Bot) {
    let _ = bot;
}

fn main() {}

// expect: `on_message` is not an event with a default handler

use bot_core::prelude::*;

#[event]
async fn on_message(bot: &Bot) {
    let _ = bot;
}

fn main() {}

// expect: mismatched types
// expect: mismatched types

use bot_core::event::Connected;
use bot_core::prelude::*;

#[event]
async fn on_disconnect(bot: &Bot, disconnected: &Connected) {
    let _ = (bot, disconnected);
}

#[event]
async fn on_ready(bot: &String) {
    let _ = bot;
}

fn main() {}

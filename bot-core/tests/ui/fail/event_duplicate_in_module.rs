// expect: the name `on_ready` is defined multiple times

use bot_core::prelude::*;

#[event]
async fn on_ready(bot: &Bot) {
    let _ = bot;
}

#[event]
async fn on_ready(bot: &Bot) {
    let _ = bot;
}

fn main() {}

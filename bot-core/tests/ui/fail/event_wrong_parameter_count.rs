// expect: `on_connect` takes `async fn on_connect(bot: &Bot, connected: &Connected)`
// expect: `on_ready` takes `async fn on_ready(bot: &Bot)`: 1 parameter too many

use bot_core::event::Connected;
use bot_core::prelude::*;

#[event]
async fn on_connect(bot: &Bot) {
    let _ = bot;
}

mod other {
    use super::*;

    #[event]
    async fn on_ready(bot: &Bot, connected: &Connected) {
        let _ = (bot, connected);
    }
}

fn main() {}

// expect: not a method: remove `self`

use bot_core::prelude::*;

struct Cog;

impl Cog {
    #[event]
    async fn on_ready(&self, bot: &Bot) {
        let _ = bot;
    }
}

fn main() {}

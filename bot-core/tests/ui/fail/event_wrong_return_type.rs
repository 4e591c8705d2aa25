// expect: an event handler returns `()` or `Result<(), E>`, not `i32`

use bot_core::prelude::*;

#[event]
async fn on_ready(bot: &Bot) -> i32 {
    let _ = bot;
    0
}

fn main() {}

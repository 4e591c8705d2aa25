// expect: expected `&Bot`, found `&ApplicationContext`

use bot_core::prelude::*;

#[check]
async fn wrong(bot: &Bot) -> bool {
    let _ = bot;
    true
}

fn main() {}

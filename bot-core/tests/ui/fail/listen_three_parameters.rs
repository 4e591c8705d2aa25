// expect: takes one or two parameters

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
async fn f(bot: &Bot, message: &MessageCreate, extra: &MessageCreate) {
    let _ = (bot, message, extra);
}

fn main() {}

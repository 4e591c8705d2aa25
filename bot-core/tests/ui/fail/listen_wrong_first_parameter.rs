// expect: expected `&String`, found `&Bot`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
async fn f(bot: &String, message: &MessageCreate) {
    let _ = (bot, message);
}

fn main() {}

// expect: by shared reference: `bot: &Bot`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
async fn f(bot: Bot, message: &MessageCreate) {
    let _ = (bot, message);
}

fn main() {}

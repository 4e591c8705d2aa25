// expect: unknown key `twice`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen("on_message", twice)]
async fn f(message: &MessageCreate) {
    let _ = message;
}

fn main() {}

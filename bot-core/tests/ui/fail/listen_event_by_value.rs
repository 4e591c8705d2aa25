// expect: takes its event by reference: `&MessageCreate`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
async fn f(message: MessageCreate) {
    let _ = message;
}

fn main() {}

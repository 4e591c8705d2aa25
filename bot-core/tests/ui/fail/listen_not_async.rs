// expect: must be an `async fn`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
fn f(message: &MessageCreate) {
    let _ = message;
}

fn main() {}

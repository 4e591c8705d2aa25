// expect: a listener returns `()` or `Result<(), E>`, not `i32`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
async fn f(message: &MessageCreate) -> i32 {
    let _ = message;
    0
}

fn main() {}

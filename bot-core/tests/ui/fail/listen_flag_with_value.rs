// expect: `once` takes no value

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen(once = true)]
async fn f(message: &MessageCreate) {
    let _ = message;
}

fn main() {}

// expect: must start with 'on_'

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen("message")]
async fn f(message: &MessageCreate) {
    let _ = message;
}

fn main() {}

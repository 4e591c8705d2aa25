// expect: not the name of the parameter's event type

use bot_core::event::payload::MessageDelete;
use bot_core::prelude::*;

#[listen("on_message")]
async fn f(deleted: &MessageDelete) {
    let _ = deleted;
}

fn main() {}

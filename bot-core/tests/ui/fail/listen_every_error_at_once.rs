// expect: unknown key `times`
// expect: must start with 'on_'
// expect: must be an `async fn`
// expect: takes its event by reference

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen(times, "message")]
fn f(message: MessageCreate) {
    let _ = message;
}

fn main() {}

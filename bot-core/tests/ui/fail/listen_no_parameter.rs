// expect: takes the event it listens to

use bot_core::prelude::*;

#[listen("on_ready")]
async fn f() {}

fn main() {}

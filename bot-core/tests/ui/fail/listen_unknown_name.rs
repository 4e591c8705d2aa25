// expect: no gateway event has this Pycord name

use bot_core::prelude::*;

#[listen("on_mesage")]
async fn f(event: &Event) {
    let _ = event;
}

fn main() {}

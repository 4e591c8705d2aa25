// expect: an event handler must be an `async fn`

use bot_core::prelude::*;

#[event]
fn on_ready(ctx: &Context) {
    let _ = ctx;
}

fn main() {}

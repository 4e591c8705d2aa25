// expect: an event handler returns `()` or `Result<(), E>`, not `i32`

use bot_core::prelude::*;

#[event]
async fn on_ready(ctx: &Context) -> i32 {
    let _ = ctx;
    0
}

fn main() {}

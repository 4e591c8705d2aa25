// expect: `on_message` is not an event with a default handler

use bot_core::prelude::*;

#[event]
async fn on_message(ctx: &Context) {
    let _ = ctx;
}

fn main() {}

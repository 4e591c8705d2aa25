// expect: mismatched types
// expect: mismatched types

use bot_core::event::Connected;
use bot_core::prelude::*;

#[event]
async fn on_disconnect(ctx: &Context, disconnected: &Connected) {
    let _ = (ctx, disconnected);
}

#[event]
async fn on_ready(ctx: &String) {
    let _ = ctx;
}

fn main() {}

// expect: the name `on_ready` is defined multiple times

use bot_core::prelude::*;

#[event]
async fn on_ready(ctx: &Context) {
    let _ = ctx;
}

#[event]
async fn on_ready(ctx: &Context) {
    let _ = ctx;
}

fn main() {}

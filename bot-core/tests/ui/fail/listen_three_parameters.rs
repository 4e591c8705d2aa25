// expect: takes one or two parameters

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
async fn f(ctx: &Context, message: &MessageCreate, extra: &MessageCreate) {
    let _ = (ctx, message, extra);
}

fn main() {}

// expect: expected `&String`, found `&Context`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
async fn f(ctx: &String, message: &MessageCreate) {
    let _ = (ctx, message);
}

fn main() {}

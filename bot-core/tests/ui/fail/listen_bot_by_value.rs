// expect: by shared reference: `ctx: &Context`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

#[listen]
async fn f(ctx: Context, message: &MessageCreate) {
    let _ = (ctx, message);
}

fn main() {}

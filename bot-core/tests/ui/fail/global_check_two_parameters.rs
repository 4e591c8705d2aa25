// expect: a check takes one parameter, the invocation's context

use bot_core::prelude::*;

#[check_once]
async fn two(ctx: &ApplicationContext, extra: u8) -> bool {
    let _ = (ctx, extra);
    true
}

fn main() {}

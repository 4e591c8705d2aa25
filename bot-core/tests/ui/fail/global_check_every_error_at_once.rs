// expect: `#[check]` takes no arguments
// expect: a check must be an `async fn`
// expect: a check takes the context by reference: `&ApplicationContext`

use bot_core::prelude::*;

#[check(always)]
fn not_async(ctx: ApplicationContext) -> bool {
    let _ = ctx;
    true
}

fn main() {}

// expect: a hook or an error handler returns `()` or `Result<(), E>`, not `bool`

use bot_core::prelude::*;

#[after_invoke]
async fn done(ctx: &ApplicationContext) -> bool {
    let _ = ctx;
    true
}

fn main() {}

// expect: `#[before_invoke]` goes on a free `async fn`, not a method
// expect: a hook takes the context by shared reference: remove `mut`

use bot_core::prelude::*;

struct Hooks;

impl Hooks {
    #[before_invoke]
    async fn method(&self) {}
}

#[after_invoke]
async fn mutable(ctx: &mut ApplicationContext) {
    let _ = ctx;
}

fn main() {}

// expect: not a method: remove `self`

use bot_core::prelude::*;

struct Cog;

impl Cog {
    #[event]
    async fn on_ready(&self, ctx: &Context) {
        let _ = ctx;
    }
}

fn main() {}

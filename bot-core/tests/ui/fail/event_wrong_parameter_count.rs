// expect: `on_connect` takes `async fn on_connect(ctx: &Context, connected: &Connected)`
// expect: `on_ready` takes `async fn on_ready(ctx: &Context)`: 1 parameter too many

use bot_core::event::Connected;
use bot_core::prelude::*;

#[event]
async fn on_connect(ctx: &Context) {
    let _ = ctx;
}

mod other {
    use super::*;

    #[event]
    async fn on_ready(ctx: &Context, connected: &Connected) {
        let _ = (ctx, connected);
    }
}

fn main() {}

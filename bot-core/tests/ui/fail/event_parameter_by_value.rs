// expect: takes its parameters by reference: `&EventError`
// expect: remove `mut`

use bot_core::event::EventError;
use bot_core::prelude::*;

#[event]
async fn on_error(ctx: &Context, error: EventError) {
    let _ = (ctx, error);
}

mod other {
    use bot_core::event::Disconnected;
    use bot_core::prelude::*;

    #[event]
    async fn on_disconnect(ctx: &Context, disconnected: &mut Disconnected) {
        let _ = (ctx, disconnected);
    }
}

fn main() {}

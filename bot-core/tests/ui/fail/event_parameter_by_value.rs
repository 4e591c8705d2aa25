// expect: takes its parameters by reference: `&EventError`
// expect: remove `mut`

use bot_core::event::EventError;
use bot_core::prelude::*;

#[event]
async fn on_error(bot: &Bot, error: EventError) {
    let _ = (bot, error);
}

mod other {
    use bot_core::event::Disconnected;
    use bot_core::prelude::*;

    #[event]
    async fn on_disconnect(bot: &Bot, disconnected: &mut Disconnected) {
        let _ = (bot, disconnected);
    }
}

fn main() {}

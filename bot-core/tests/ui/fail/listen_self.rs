// expect: not a method: remove `self`

use bot_core::event::MessageCreate;
use bot_core::prelude::*;

struct Listeners;

impl Listeners {
    #[listen]
    async fn f(&self, message: &MessageCreate) {
        let _ = message;
    }
}

fn main() {}

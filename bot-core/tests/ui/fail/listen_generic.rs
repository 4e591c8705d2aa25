// expect: cannot be generic

use bot_core::event::EventType;
use bot_core::prelude::*;

#[listen]
async fn f<E: EventType>(event: &E) {
    let _ = event;
}

fn main() {}

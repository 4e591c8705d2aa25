// expect: `#[event]` goes on a free `async fn` named after the event

use bot_core::prelude::*;

#[event]
struct OnReady;

fn main() {}

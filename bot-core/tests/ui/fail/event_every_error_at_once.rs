// expect: `#[event]` takes no arguments
// expect: must be an `async fn`
// expect: returns `()` or `Result<(), E>`, not `String`
// expect: takes its parameters by reference: `&Context`
// expect: 1 parameter too many

use bot_core::event::EventError;
use bot_core::prelude::*;

#[event(on_error)]
fn on_error(ctx: Context, error: &EventError, extra: u8) -> String {
    let _ = (ctx, error, extra);
    String::new()
}

fn main() {}

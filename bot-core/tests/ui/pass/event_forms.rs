//! Every form of `#[event]` compiles under the strictest lints: the generated code adds no
//! warning. (Several handlers of one event in different modules compile; the bot refuses them
//! when it is built.)
#![deny(warnings, missing_docs, clippy::all)]

use bot_core::event::{Connected, Disconnected, EventError};
use bot_core::prelude::*;

/// The bot alone.
#[event]
async fn on_ready(ctx: &Context) {
    let _ = ctx;
}

/// A connection, returning a `Result`.
#[event]
pub async fn on_connect(ctx: &Context, connected: &Connected) -> Result<(), bot_core::Error> {
    let _ = (ctx, connected);
    Ok(())
}

/// Patterns for names.
#[event]
async fn on_disconnect(_: &Context, _: &Disconnected) {}

/// A boxed error.
#[event]
async fn on_error(
    ctx: &Context,
    error: &EventError,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let _ = ctx;
    Err(error.to_string().into())
}

/// Full paths, an explicit `()`, a raw identifier and an alias of `Result`.
mod full_paths {
    /// An alias the macro cannot see through.
    type Outcome = std::io::Result<()>;

    /// Full paths.
    #[bot_core::event]
    pub(crate) async fn on_connect(
        ctx: &bot_core::Context,
        connected: &bot_core::event::Connected,
    ) -> () {
        let _ = (ctx, connected);
    }

    /// A raw identifier and an alias.
    #[bot_core::event]
    async fn r#on_error(_ctx: &bot_core::Context, _error: &bot_core::event::EventError) -> Outcome {
        Ok(())
    }
}

/// A local handler.
fn main() {
    #[event]
    async fn on_ready(_ctx: &Context) {}
}

//! Every form of `#[listen]` compiles under the strictest lints: the generated code adds no
//! warning.
#![deny(warnings, missing_docs, clippy::all)]

use bot_core::event::MessageCreate;
use bot_core::event::payload::{GuildMemberAdd, MessageDelete, Ready};
use bot_core::prelude::*;

/// The event's type alone.
#[listen]
pub async fn on_delete(deleted: &MessageDelete) {
    let _ = deleted;
}

/// Pycord's name, fitting the type.
#[listen("on_message")]
async fn on_message(message: &MessageCreate) {
    let _ = message;
}

/// Every event.
#[listen]
async fn every_event(event: &Event) {
    let _ = event;
}

/// Every event Pycord names `on_member_join`.
#[listen("on_member_join")]
async fn named_any(event: &Event) {
    let _ = event;
}

/// The first READY only.
#[listen(once)]
async fn first_ready(ready: &Ready) {
    let _ = ready;
}

/// One task per event.
#[listen(concurrent)]
async fn welcome(member: &GuildMemberAdd) {
    let _ = member;
}

/// The bot and the event, a name and both flags, a `Result`.
#[listen("on_connect", once, concurrent)]
async fn connected(ctx: &Context, ready: &Ready) -> Result<(), bot_core::Error> {
    let _ = (ctx, ready);
    Ok(())
}

/// The full paths, a raw event name, an explicit `()` and a boxed error.
#[listen("on_raw_message_delete")]
async fn raw_delete(
    ctx: &bot_core::Context,
    deleted: &bot_core::event::payload::MessageDelete,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let _ = (ctx, deleted);
    Ok(())
}

/// An explicit unit return and a pattern.
#[listen(concurrent, "on_message")]
async fn r#unit(_: &MessageCreate) -> () {}

/// A local listener.
fn main() {
    #[listen]
    async fn inside(event: &Event) {
        let _ = event;
    }
}

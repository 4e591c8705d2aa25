//! Where a shard hands its events: the bot's dispatcher (or a test's collector). Delivery is
//! synchronous when every consumer has room; otherwise the shard gets a future to await before
//! it reads the next frame — that is the back-pressure. The shard also says when a session
//! starts or resumes and when a connection ends.

use super::Event;
use crate::event::{Connected, Disconnected};
use std::future::Future;
use std::pin::Pin;

/// A delivery that must wait for room in a consumer's queue.
pub(crate) type Backlog = Pin<Box<dyn Future<Output = ()> + Send + Sync>>;

/// Takes a shard's events in order.
pub(crate) trait EventSink: Send + Sync + 'static {
    /// Delivers `event` from `shard`; `Some` when a consumer is full: the shard awaits it (and
    /// keeps heartbeating) before delivering the next one.
    fn deliver(&self, shard: u64, event: Event) -> Option<Backlog>;

    /// A session started (READY arrived) or resumed (RESUMED arrived); called before that event
    /// is delivered. Must not block.
    fn connected(&self, connected: Connected) {
        let _ = connected;
    }

    /// A connection the shard had opened ended. Must not block.
    fn disconnected(&self, disconnected: Disconnected) {
        let _ = disconnected;
    }
}

/// Runs `first` then `then`: keeps the order of two waiting deliveries.
pub(crate) fn chain(first: Option<Backlog>, then: Backlog) -> Backlog {
    match first {
        None => then,
        Some(first) => Box::pin(async move {
            first.await;
            then.await;
        }),
    }
}

//! Where a shard hands its events: the bot's dispatcher (or a test's collector). Delivery never
//! waits: the shard reads its socket whatever its consumers do. The shard also says when a
//! session starts or resumes and when a connection ends.

use crate::dispatch::Delivery;
use crate::event::{Connected, Disconnected};

/// Takes a shard's events in order.
pub(crate) trait EventSink: Send + Sync + 'static {
    /// Delivers an event of a shard, in the shard's order. Must not block.
    fn deliver(&self, delivery: Delivery);

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

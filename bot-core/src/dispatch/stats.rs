//! What the dispatcher counts: events, waits for a full queue (back-pressure), listener failures.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// Counters of the dispatcher, from [`Bot::dispatch_stats`](crate::Bot::dispatch_stats).
///
/// A back-pressure wait is a shard that stopped reading because a consumer's queue (a
/// listener's, a stream's or an `events()` stream's) was full; it reads again once there is
/// room. No event is dropped in either case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DispatchStats {
    /// Events dispatched, from every shard.
    pub events: u64,
    /// Times a shard stopped reading until a consumer had room.
    pub backpressure_waits: u64,
    /// How long shards stood still for that, in all.
    pub backpressure_time: Duration,
    /// Listener calls that returned an error or panicked.
    pub listener_failures: u64,
}

#[derive(Debug, Default)]
pub(super) struct Stats {
    pub(super) events: AtomicU64,
    pub(super) waits: AtomicU64,
    pub(super) waited: Mutex<Duration>,
    pub(super) failures: AtomicU64,
    /// Whether the first back-pressure wait was logged.
    pub(super) warned: AtomicBool,
}

impl Stats {
    pub(super) fn snapshot(&self) -> DispatchStats {
        DispatchStats {
            events: self.events.load(Ordering::Relaxed),
            backpressure_waits: self.waits.load(Ordering::Relaxed),
            backpressure_time: *self.waited.lock().unwrap_or_else(|p| p.into_inner()),
            listener_failures: self.failures.load(Ordering::Relaxed),
        }
    }

    pub(super) fn add_waited(&self, time: Duration) {
        let mut waited = self.waited.lock().unwrap_or_else(|p| p.into_inner());
        *waited = waited.saturating_add(time);
    }
}

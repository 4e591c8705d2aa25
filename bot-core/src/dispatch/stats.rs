//! What the dispatcher counts: events, events lost by consumers that lagged, listener failures.

use std::sync::atomic::{AtomicU64, Ordering};

/// Counters of the dispatcher, from [`Bot::dispatch_stats`](crate::Bot::dispatch_stats).
///
/// A shard never waits for a consumer: one that falls more than its
/// [`Budget`](crate::event::Budget) behind loses its oldest queued events. Each one lost is
/// counted in `lagged`, and each episode is reported to `on_error`
/// ([`EventFailure::Lagged`](crate::event::EventFailure::Lagged)) and counted in `lag_reports`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DispatchStats {
    /// Events dispatched, from every shard.
    pub events: u64,
    /// Events dropped for consumers past their budget (one per consumer that lost it).
    pub lagged: u64,
    /// Lag episodes reported to `on_error`.
    pub lag_reports: u64,
    /// Listener calls that returned an error or panicked.
    pub listener_failures: u64,
}

#[derive(Debug, Default)]
pub(super) struct Stats {
    pub(super) events: AtomicU64,
    pub(super) lagged: AtomicU64,
    pub(super) lag_reports: AtomicU64,
    pub(super) failures: AtomicU64,
}

impl Stats {
    pub(super) fn snapshot(&self) -> DispatchStats {
        DispatchStats {
            events: self.events.load(Ordering::Relaxed),
            lagged: self.lagged.load(Ordering::Relaxed),
            lag_reports: self.lag_reports.load(Ordering::Relaxed),
            listener_failures: self.failures.load(Ordering::Relaxed),
        }
    }
}

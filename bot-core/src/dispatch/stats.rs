//! What the dispatcher counts: events, events lost by consumers that lagged, listener failures.

use crate::event::DispatchStats;
use std::sync::atomic::{AtomicU64, Ordering};

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
            member_chunks_ignored: 0,
        }
    }
}

//! The report a receiver of events gets when it fell behind: how many events it will never see,
//! and which.

use std::fmt;

/// Events a receiver missed because it fell more than
/// [`event_capacity`](crate::ClientBuilder::event_capacity) events behind. Events are numbered
/// from 1 in the order the client emitted them (every kind counts), so `first..=last` names
/// exactly what was missed; [`Subscription::position`](crate::Subscription::position) is the
/// number of the last event a receiver got or was told it missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lag {
    /// How many events were missed: `last - first + 1`.
    pub missed: u64,
    /// The number of the first event missed.
    pub first: u64,
    /// The number of the last event missed.
    pub last: u64,
}

impl Lag {
    /// The `missed` events after `position` (the number of the last event seen).
    pub(crate) fn after(position: u64, missed: u64) -> Lag {
        Lag {
            missed,
            first: position + 1,
            last: position + missed,
        }
    }
}

impl fmt::Display for Lag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "missed {} events (numbers {} to {})",
            self.missed, self.first, self.last
        )
    }
}

//! Why a wait for an event ended without one.

use std::fmt;
use std::time::Duration;

/// Why [`Bot::wait_for`](crate::Bot::wait_for), [`Bot::stream`](crate::Bot::stream) or
/// [`Bot::wait_until_ready`](crate::Bot::wait_until_ready) ended without what it waited for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WaitError {
    /// Nothing matching came within the timeout.
    Timeout(Duration),
    /// The bot was closed.
    Closed,
}

impl fmt::Display for WaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Timeout(after) => write!(f, "no matching event within {after:?}"),
            WaitError::Closed => f.write_str("the bot was closed while waiting for an event"),
        }
    }
}

impl std::error::Error for WaitError {}

//! The errors of the limits around a command: a cooldown, a concurrency limit.

use super::BucketType;
use crate::command::Cooldown;
use std::fmt;
use std::time::Duration;

/// The command is on cooldown in the invoker's bucket (Pycord's `CommandOnCooldown`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandOnCooldown {
    /// How long until the bucket allows a use again.
    pub retry_after: Duration,
    /// The cooldown that tripped.
    pub cooldown: Cooldown,
    /// Its bucket type.
    pub bucket: BucketType,
}

impl fmt::Display for CommandOnCooldown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "You are on cooldown. Try again in {:.2}s",
            self.retry_after.as_secs_f64()
        )
    }
}

impl std::error::Error for CommandOnCooldown {}

/// Every slot of the invoker's bucket is in use (Pycord's `MaxConcurrencyReached`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaxConcurrencyReached {
    /// How many may run at once per bucket.
    pub limit: usize,
    /// The bucket type.
    pub bucket: BucketType,
}

impl fmt::Display for MaxConcurrencyReached {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let times = if self.limit == 1 { "time" } else { "times" };
        match self.bucket.noun() {
            None => write!(
                f,
                "Too many people are using this command. It can only be used {} {times} \
                 globally concurrently.",
                self.limit
            ),
            Some(noun) => write!(
                f,
                "Too many people are using this command. It can only be used {} {times} per \
                 {noun} concurrently.",
                self.limit
            ),
        }
    }
}

impl std::error::Error for MaxConcurrencyReached {}

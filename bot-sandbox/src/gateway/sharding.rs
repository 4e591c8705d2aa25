//! Sharding as Discord does it: the shard count and `max_concurrency` `GET /gateway/bot`
//! advertises, one IDENTIFY per rate-limit key (`shard_id % max_concurrency`) per window, the
//! day's session starts (`session_start_limit`, its `reset_after`), and the guilds a shard may
//! hold (GW L607-715, L179-211).

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Discord's limit of guilds on one shard (GW L611-613).
pub(crate) const MAX_GUILDS_PER_SHARD: u64 = 2500;

/// The sandbox's sharding settings, from the builder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sharding {
    /// The shard count `GET /gateway/bot` recommends.
    pub(crate) shards: u64,
    /// IDENTIFYs allowed per window, one per rate-limit key.
    pub(crate) max_concurrency: u64,
    /// Guilds one shard may hold; an IDENTIFY of a shard holding more is closed with 4011.
    pub(crate) max_guilds_per_shard: u64,
    /// Session starts allowed per reset window.
    pub(crate) session_starts: u64,
}

impl Default for Sharding {
    fn default() -> Self {
        Sharding {
            shards: 1,
            max_concurrency: 1,
            max_guilds_per_shard: MAX_GUILDS_PER_SHARD,
            session_starts: super::SESSION_START_TOTAL,
        }
    }
}

/// One IDENTIFY the sandbox accepted, from [`GatewayControl::identifies`](super::GatewayControl::identifies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct IdentifyRecord {
    /// When the sandbox read it.
    pub at: Instant,
    /// Its `shard`: `[shard_id, num_shards]` (`[0, 1]` when it sent none).
    pub shard: [u64; 2],
    /// Its rate-limit key: `shard_id % max_concurrency`.
    pub bucket: u64,
}

/// What becomes of an IDENTIFY, as far as the limits go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Admission {
    /// It starts a session.
    Accepted,
    /// Its rate-limit key identified inside the window: INVALID_SESSION `false`.
    TooSoon,
    /// No session start is left: the token is reset, and the connection closed with 4004.
    Exhausted,
}

/// The limits' state.
#[derive(Debug, Default)]
pub(crate) struct Starts {
    /// Every IDENTIFY accepted.
    pub(crate) accepted: Vec<IdentifyRecord>,
    /// The last accepted IDENTIFY of each rate-limit key.
    last_of_bucket: HashMap<u64, Instant>,
    /// When the current window of session starts began (at its first start).
    window_start: Option<Instant>,
    /// Starts in the current window.
    in_window: u64,
    /// INVALID_SESSION (op 9) payloads sent, for any reason.
    pub(crate) invalid_sessions: usize,
}

impl Starts {
    /// Ends the window of session starts once `reset` has passed.
    fn roll(&mut self, now: Instant, reset: Duration) {
        if self
            .window_start
            .is_some_and(|start| now.duration_since(start) >= reset)
        {
            self.window_start = None;
            self.in_window = 0;
        }
    }

    /// Session starts left in this window.
    pub(crate) fn remaining(&mut self, sharding: &Sharding, reset: Duration) -> u64 {
        self.roll(Instant::now(), reset);
        sharding.session_starts.saturating_sub(self.in_window)
    }

    /// How long until the window of session starts resets (the whole window when none began).
    pub(crate) fn reset_after(&mut self, reset: Duration) -> Duration {
        let now = Instant::now();
        self.roll(now, reset);
        self.window_start.map_or(reset, |start| {
            reset.saturating_sub(now.duration_since(start))
        })
    }

    /// Judges an IDENTIFY of `shard` under the limits, and counts it when accepted.
    pub(crate) fn admit(
        &mut self,
        shard: (u64, u64),
        sharding: &Sharding,
        window: Duration,
        reset: Duration,
    ) -> Admission {
        let now = Instant::now();
        self.roll(now, reset);
        if self.in_window >= sharding.session_starts {
            return Admission::Exhausted;
        }
        let bucket = shard.0 % sharding.max_concurrency.max(1);
        if self
            .last_of_bucket
            .get(&bucket)
            .is_some_and(|last| now.duration_since(*last) < window)
        {
            return Admission::TooSoon;
        }
        self.last_of_bucket.insert(bucket, now);
        self.window_start.get_or_insert(now);
        self.in_window += 1;
        self.accepted.push(IdentifyRecord {
            at: now,
            shard: [shard.0, shard.1],
            bucket,
        });
        Admission::Accepted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sharding(max_concurrency: u64, session_starts: u64) -> Sharding {
        Sharding {
            max_concurrency,
            session_starts,
            ..Sharding::default()
        }
    }

    const WINDOW: Duration = Duration::from_secs(60);
    const DAY: Duration = Duration::from_secs(86_400);

    #[test]
    fn one_identify_per_bucket_per_window() {
        let mut starts = Starts::default();
        let limits = sharding(2, 100);
        assert_eq!(
            starts.admit((0, 4), &limits, WINDOW, DAY),
            Admission::Accepted
        );
        assert_eq!(
            starts.admit((1, 4), &limits, WINDOW, DAY),
            Admission::Accepted
        );
        assert_eq!(
            starts.admit((2, 4), &limits, WINDOW, DAY),
            Admission::TooSoon
        );
        assert_eq!(
            starts.admit((3, 4), &limits, WINDOW, DAY),
            Admission::TooSoon
        );
        assert_eq!(
            starts.admit((2, 4), &limits, Duration::ZERO, DAY),
            Admission::Accepted
        );
        assert_eq!(starts.accepted.len(), 3);
        assert_eq!(starts.accepted[2].bucket, 0);
    }

    #[test]
    fn the_session_starts_run_out_and_reset() {
        let mut starts = Starts::default();
        let limits = sharding(1, 2);
        let short = Duration::from_millis(50);
        assert_eq!(starts.remaining(&limits, short), 2);
        for _ in 0..2 {
            assert_eq!(
                starts.admit((0, 1), &limits, Duration::ZERO, short),
                Admission::Accepted
            );
        }
        assert_eq!(starts.remaining(&limits, short), 0);
        assert!(starts.reset_after(short) <= short);
        assert_eq!(
            starts.admit((0, 1), &limits, Duration::ZERO, short),
            Admission::Exhausted
        );
        std::thread::sleep(short);
        assert_eq!(starts.remaining(&limits, short), 2, "a new window");
        assert_eq!(starts.reset_after(short), short);
    }
}

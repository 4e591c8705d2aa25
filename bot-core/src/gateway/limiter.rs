//! Discord's send limit on one gateway connection: 120 payloads per 60 s, heartbeats included
//! (developers/events/gateway.mdx, "Rate Limiting"); past it the gateway closes with 4008.
//!
//! The limiter keeps the times of the payloads sent within the last window (a sliding log, so
//! no window of that length, wherever it starts, holds more than the limit). Heartbeats,
//! IDENTIFY and RESUME are never held back: a part of the limit is kept for them (enough for
//! the heartbeats one window holds at HELLO's interval, plus one), and the bot's commands use
//! the rest, each waiting for a free slot.

use std::collections::VecDeque;
use std::time::Duration;
use tokio::time::Instant;

/// How many payloads a connection may send per window (Discord: 120 per 60 s).
///
/// ```
/// use bot_core::gateway::SendLimit;
/// use std::time::Duration;
/// assert_eq!(SendLimit::default(), SendLimit::new(120, Duration::from_secs(60)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SendLimit {
    /// Payloads per window.
    pub count: u32,
    /// The window.
    pub window: Duration,
}

impl SendLimit {
    /// Discord's: 120 payloads per 60 s.
    pub const DISCORD: SendLimit = SendLimit {
        count: 120,
        window: Duration::from_secs(60),
    };

    /// `count` payloads per `window`.
    pub fn new(count: u32, window: Duration) -> Self {
        SendLimit { count, window }
    }
}

impl Default for SendLimit {
    fn default() -> Self {
        SendLimit::DISCORD
    }
}

/// The sliding log of one connection's sends.
#[derive(Debug)]
pub(crate) struct SendLimiter {
    limit: SendLimit,
    /// Slots kept for heartbeats, IDENTIFY and RESUME.
    reserve: u32,
    /// When each payload of the last window was sent, oldest first.
    sent: VecDeque<Instant>,
}

impl SendLimiter {
    /// A limiter for a new connection; the reserve is set at HELLO.
    pub(crate) fn new(limit: SendLimit) -> Self {
        let mut limiter = SendLimiter {
            limit,
            reserve: 0,
            sent: VecDeque::new(),
        };
        limiter.keep_for_heartbeats(None);
        limiter
    }

    /// Keeps enough slots for the heartbeats a window holds at `interval` (HELLO's), plus one
    /// for IDENTIFY or RESUME and one for a heartbeat the gateway asks for; at most half the
    /// limit (a limit too small for that leaves the commands at least one slot).
    pub(crate) fn keep_for_heartbeats(&mut self, interval: Option<Duration>) {
        let beats = match interval {
            Some(interval) if !interval.is_zero() => {
                let per_window = self.limit.window.as_secs_f64() / interval.as_secs_f64();
                // A window holds `ceil(window / interval)` beats, and one more at its edges.
                per_window.ceil().min(f64::from(u32::MAX)) as u32 + 1
            }
            _ => 2,
        };
        self.reserve = beats
            .saturating_add(2)
            .min(self.limit.count / 2)
            .min(self.limit.count.saturating_sub(1));
    }

    /// The slots the bot's commands may use per window.
    fn command_budget(&self) -> usize {
        self.limit.count.saturating_sub(self.reserve).max(1) as usize
    }

    /// Forgets the sends older than a window.
    fn expire(&mut self, now: Instant) {
        while let Some(oldest) = self.sent.front() {
            if *oldest + self.limit.window <= now {
                self.sent.pop_front();
            } else {
                break;
            }
        }
    }

    /// A payload was sent at `now` (any payload: heartbeats and IDENTIFY count too).
    pub(crate) fn sent(&mut self, now: Instant) {
        self.expire(now);
        self.sent.push_back(now);
    }

    /// When a command may be sent: `now` when a slot is free, else when the oldest send that
    /// holds the budget full leaves the window.
    pub(crate) fn command_ready_at(&mut self, now: Instant) -> Instant {
        self.expire(now);
        let budget = self.command_budget();
        if self.sent.len() < budget {
            return now;
        }
        // `len - budget + 1` sends must leave the window: the last of them is at this index.
        let index = self.sent.len() - budget;
        self.sent
            .get(index)
            .map_or(now, |at| *at + self.limit.window)
    }

    /// Whether a command would have to wait now.
    pub(crate) fn is_saturated(&mut self, now: Instant) -> bool {
        self.command_ready_at(now) > now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends commands as soon as the limiter lets them and heartbeats every `beat`, for `span`;
    /// the times of every send.
    fn simulate(limiter: &mut SendLimiter, beat: Duration, span: Duration) -> Vec<Instant> {
        let start = Instant::now();
        let end = start + span;
        let mut times = Vec::new();
        let mut next_beat = start + beat;
        let mut now = start;
        while now < end {
            let command = limiter.command_ready_at(now);
            if next_beat <= command {
                now = next_beat;
                limiter.sent(now);
                next_beat += beat;
            } else {
                now = command;
                limiter.sent(now);
            }
            times.push(now);
        }
        times
    }

    fn max_in_any_window(times: &[Instant], window: Duration) -> usize {
        let mut most = 0;
        for (i, start) in times.iter().enumerate() {
            let within = times[i..]
                .iter()
                .take_while(|t| **t < *start + window)
                .count();
            most = most.max(within);
        }
        most
    }

    #[tokio::test(start_paused = true)]
    async fn commands_and_heartbeats_never_exceed_the_limit_in_any_window() {
        let limit = SendLimit::new(120, Duration::from_secs(60));
        let mut limiter = SendLimiter::new(limit);
        let beat = Duration::from_millis(41_250);
        limiter.keep_for_heartbeats(Some(beat));
        let times = simulate(&mut limiter, beat, Duration::from_secs(600));
        assert!(
            max_in_any_window(&times, limit.window) <= 120,
            "{}",
            max_in_any_window(&times, limit.window)
        );
        // The commands use what the heartbeats leave: about 10 minutes' worth of the budget.
        assert!(times.len() > 1000, "{} sent in 10 min", times.len());
    }

    #[tokio::test(start_paused = true)]
    async fn a_short_window_with_fast_heartbeats_keeps_room_for_them() {
        let limit = SendLimit::new(120, Duration::from_millis(600));
        let mut limiter = SendLimiter::new(limit);
        let beat = Duration::from_millis(50);
        limiter.keep_for_heartbeats(Some(beat));
        let times = simulate(&mut limiter, beat, Duration::from_secs(5));
        assert!(max_in_any_window(&times, limit.window) <= 120);
    }

    #[tokio::test(start_paused = true)]
    async fn a_saturated_limiter_frees_a_slot_when_the_oldest_send_leaves_the_window() {
        let mut limiter = SendLimiter::new(SendLimit::new(10, Duration::from_secs(1)));
        limiter.keep_for_heartbeats(Some(Duration::from_secs(10)));
        // 2 beats a window + 2: a reserve of 4 leaves the commands 6.
        let first = Instant::now();
        for _ in 0..6 {
            assert!(!limiter.is_saturated(Instant::now()));
            limiter.sent(Instant::now());
            tokio::time::advance(Duration::from_millis(100)).await;
        }
        assert!(limiter.is_saturated(Instant::now()));
        assert_eq!(
            limiter.command_ready_at(Instant::now()),
            first + Duration::from_secs(1)
        );
        // A heartbeat still goes (they are never held back), and counts.
        limiter.sent(Instant::now());
        tokio::time::advance(Duration::from_millis(401)).await;
        assert!(
            limiter.is_saturated(Instant::now()),
            "the first left, but the heartbeat took its place"
        );
        tokio::time::advance(Duration::from_millis(100)).await;
        assert!(!limiter.is_saturated(Instant::now()), "the second left too");
        limiter.sent(Instant::now());
        assert!(limiter.is_saturated(Instant::now()));
    }

    #[test]
    fn a_tiny_limit_leaves_the_commands_a_slot() {
        for count in [0, 1, 2, 3] {
            let mut limiter = SendLimiter::new(SendLimit::new(count, Duration::from_secs(1)));
            limiter.keep_for_heartbeats(Some(Duration::from_millis(1)));
            assert!(limiter.command_budget() >= 1, "{count}");
        }
    }
}

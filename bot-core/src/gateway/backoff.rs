//! How long a shard waits before its next connection.
//!
//! Every connection that ends, and every connect that fails, counts as one attempt; the waits
//! grow with the attempts and reset only once a connection has been healthy (it reached READY or
//! RESUMED) for [`Backoff::STABLE_AFTER`]. So a server that accepts and closes, a 4007/4009 or a
//! 4002 on every IDENTIFY, or a RESUMED followed by a close never make a hot loop, while the
//! first reconnect after a long healthy connection (a RECONNECT, a zombie) is immediate.

use std::time::Duration;
use tokio::time::Instant;

/// The attempt counter and its policy.
#[derive(Clone, Debug)]
pub(crate) struct Backoff {
    base: Duration,
    cap: Duration,
    stable_after: Duration,
    /// Attempts since the last reset.
    attempt: u32,
    /// When the current connection became healthy.
    healthy_since: Option<Instant>,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff::new(Backoff::BASE, Backoff::CAP, Backoff::STABLE_AFTER)
    }
}

impl Backoff {
    /// The wait before the second attempt in a row (the first is immediate).
    pub(crate) const BASE: Duration = Duration::from_secs(1);
    /// The longest wait.
    pub(crate) const CAP: Duration = Duration::from_secs(60);
    /// How long a connection must stay healthy for the attempts to reset.
    pub(crate) const STABLE_AFTER: Duration = Duration::from_secs(30);

    pub(crate) fn new(base: Duration, cap: Duration, stable_after: Duration) -> Self {
        Backoff {
            base,
            cap: cap.max(base),
            stable_after,
            attempt: 0,
            healthy_since: None,
        }
    }

    /// The connection reached READY or RESUMED.
    pub(crate) fn healthy(&mut self) {
        self.healthy_since.get_or_insert_with(Instant::now);
    }

    /// A connection ended or could not be made: the wait before the next one. The first attempt
    /// after a reset waits nothing; then `base`, `2 × base`, ... up to `cap`, each jittered
    /// down by up to half so that shards do not reconnect in step.
    pub(crate) fn next_delay(&mut self) -> Duration {
        if self
            .healthy_since
            .take()
            .is_some_and(|since| since.elapsed() >= self.stable_after)
        {
            self.attempt = 0;
        }
        self.attempt = self.attempt.saturating_add(1);
        let ceiling = self.ceiling();
        (ceiling / 2).saturating_add(ceiling.mul_f64(rand::random::<f64>() / 2.0))
    }

    /// The unjittered wait of the current attempt.
    fn ceiling(&self) -> Duration {
        match self.attempt {
            0 | 1 => Duration::ZERO,
            n => {
                let doublings = (n - 2).min(31);
                self.base.saturating_mul(1 << doublings).min(self.cap)
            }
        }
    }

    /// Attempts since the last reset (for logs).
    pub(crate) fn attempt(&self) -> u32 {
        self.attempt
    }
}

#[cfg(test)]
mod tests {
    use super::Backoff;
    use std::time::Duration;

    const SECOND: Duration = Duration::from_secs(1);

    fn policy() -> Backoff {
        Backoff::new(SECOND, 8 * SECOND, 30 * SECOND)
    }

    fn within(delay: Duration, ceiling: Duration) -> bool {
        delay >= ceiling / 2 && delay <= ceiling
    }

    #[tokio::test(start_paused = true)]
    async fn waits_grow_from_zero_to_the_cap_and_are_jittered() {
        let mut backoff = policy();
        let ceilings = [0, 1, 2, 4, 8, 8, 8].map(|s| s * SECOND);
        for round in 0..50 {
            let mut fresh = policy();
            let delays: Vec<_> = ceilings.iter().map(|_| fresh.next_delay()).collect();
            for (delay, ceiling) in delays.iter().zip(ceilings) {
                assert!(
                    within(*delay, ceiling),
                    "round {round}: {delay:?} of {ceiling:?}"
                );
            }
        }
        for _ in 0..100 {
            assert!(backoff.next_delay() <= 8 * SECOND);
        }
        assert_eq!(backoff.attempt(), 100);
    }

    #[tokio::test(start_paused = true)]
    async fn a_connection_that_is_healthy_for_a_while_resets_the_attempts() {
        let mut backoff = policy();
        for _ in 0..5 {
            backoff.next_delay();
        }
        backoff.healthy();
        tokio::time::advance(30 * SECOND).await;
        assert_eq!(backoff.next_delay(), Duration::ZERO, "reconnect at once");
        assert!(within(backoff.next_delay(), SECOND), "then back off again");
    }

    #[tokio::test(start_paused = true)]
    async fn a_connection_healthy_only_briefly_does_not_reset_them() {
        let mut backoff = policy();
        backoff.next_delay();
        backoff.next_delay();
        for ceiling in [2, 4, 8, 8] {
            // READY or RESUMED, then closed a moment later: no hot loop.
            backoff.healthy();
            tokio::time::advance(SECOND).await;
            assert!(within(backoff.next_delay(), ceiling * SECOND));
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_connection_that_never_became_healthy_does_not_reset_them() {
        let mut backoff = policy();
        backoff.next_delay();
        tokio::time::advance(3600 * SECOND).await;
        assert!(within(backoff.next_delay(), SECOND));
    }

    #[test]
    fn a_huge_attempt_count_does_not_overflow() {
        let mut backoff = Backoff::new(Duration::MAX, Duration::MAX, Duration::MAX);
        backoff.attempt = u32::MAX - 1;
        for _ in 0..3 {
            assert!(within(backoff.next_delay(), Duration::MAX));
        }
    }
}

//! Capped, jittered exponential back-off between reconnect attempts.

use std::time::Duration;

/// Delays between reconnect attempts: the ceiling doubles from `initial` up to `max`, and each
/// delay is drawn uniformly from the upper half of the ceiling, so clients that lost the server
/// together do not come back together, and none retries at once.
///
/// ```
/// use bot_mesh::Backoff;
/// use std::time::Duration;
///
/// let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(1));
/// let first = backoff.next_delay();
/// assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
/// for _ in 0..10 {
///     assert!(backoff.next_delay() <= Duration::from_secs(1));
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Backoff {
    initial: Duration,
    max: Duration,
    attempt: u32,
}

impl Backoff {
    /// Starts at `initial`, never above `max`.
    pub fn new(initial: Duration, max: Duration) -> Backoff {
        Backoff {
            initial: initial.min(max),
            max,
            attempt: 0,
        }
    }

    /// The ceiling of the next delay.
    pub fn ceiling(&self) -> Duration {
        let factor = 1u32.checked_shl(self.attempt.min(31)).unwrap_or(u32::MAX);
        self.initial.saturating_mul(factor).min(self.max)
    }

    /// The next delay, and one more attempt counted.
    pub fn next_delay(&mut self) -> Duration {
        let ceiling = self.ceiling();
        self.attempt = self.attempt.saturating_add(1);
        let half = ceiling / 2;
        half + half.mul_f64(rand::random::<f64>())
    }

    /// Sleeps for the next delay; returns it.
    pub async fn wait(&mut self) -> Duration {
        let delay = self.next_delay();
        tokio::time::sleep(delay).await;
        delay
    }

    /// Back to `initial` (after a connection that reached READY).
    pub fn reset(&mut self) {
        self.attempt = 0;
    }

    /// Attempts since the last reset.
    pub fn attempts(&self) -> u32 {
        self.attempt
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::time::Instant;

    #[tokio::test(start_paused = true)]
    async fn waits_grow_to_the_cap_and_reset() {
        let initial = Duration::from_millis(100);
        let max = Duration::from_secs(2);
        let mut backoff = Backoff::new(initial, max);
        let mut ceilings = Vec::new();
        for _ in 0..8 {
            let ceiling = backoff.ceiling();
            ceilings.push(ceiling);
            let start = Instant::now();
            let delay = backoff.wait().await;
            let slept = start.elapsed();
            // The timer wheel has millisecond resolution: the sleep ends on the next tick.
            assert!(
                slept >= delay && slept <= delay + Duration::from_millis(1),
                "{slept:?} for {delay:?}"
            );
            assert!(
                delay >= ceiling / 2 && delay <= ceiling,
                "{delay:?} within {ceiling:?}"
            );
        }
        let expected: Vec<Duration> = [100, 200, 400, 800, 1600, 2000, 2000, 2000]
            .into_iter()
            .map(Duration::from_millis)
            .collect();
        assert_eq!(ceilings, expected);
        assert_eq!(backoff.attempts(), 8);
        backoff.reset();
        assert_eq!(backoff.ceiling(), initial);
    }

    #[tokio::test(start_paused = true)]
    async fn delays_are_jittered() {
        let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(1));
        let mut delays = Vec::new();
        for _ in 0..20 {
            delays.push(backoff.wait().await);
        }
        delays.sort();
        delays.dedup();
        assert!(delays.len() > 1, "twenty draws were all equal: {delays:?}");
    }

    #[test]
    fn huge_attempt_counts_stay_capped() {
        let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
        backoff.attempt = u32::MAX;
        assert_eq!(backoff.ceiling(), Duration::from_secs(30));
        assert!(backoff.next_delay() <= Duration::from_secs(30));
    }
}

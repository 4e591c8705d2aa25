//! The heartbeat of one connection (GW L120-177): a jittered first beat, one every interval, and
//! a deadline for each ACK. The interval comes from the network, so it is clamped; no value,
//! from HELLO or from the configuration, can overflow a clock.

use std::time::Duration;
use tokio::time::Instant;

/// The shortest interval honoured: a HELLO asking for less (or for 0) gets this.
pub(crate) const MIN_INTERVAL: Duration = Duration::from_millis(100);
/// The longest interval honoured: a HELLO asking for more gets this (Discord's is about 41 s).
pub(crate) const MAX_INTERVAL: Duration = Duration::from_secs(600);
/// Discord's interval when HELLO does not say.
const DEFAULT_INTERVAL: Duration = Duration::from_millis(41_250);

/// `now + after`, or a year from now when that does not fit in an [`Instant`].
pub(crate) fn deadline_in(after: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(after)
        .or_else(|| now.checked_add(Duration::from_secs(365 * 24 * 3600)))
        .unwrap_or(now)
}

/// The heartbeat state after HELLO.
#[derive(Debug)]
pub(crate) struct Heartbeat {
    interval: Duration,
    timeout: Option<Duration>,
    next_beat: Instant,
    /// When the oldest unacknowledged beat was sent, if one is.
    awaiting: Option<Instant>,
    ack_deadline: Instant,
}

impl Heartbeat {
    /// From HELLO's `heartbeat_interval` (milliseconds) and the configured ACK timeout (`None`:
    /// one interval). The first beat is after a random part of the interval.
    pub(crate) fn new(interval_ms: Option<u64>, timeout: Option<Duration>) -> Self {
        let interval = interval_ms
            .map_or(DEFAULT_INTERVAL, Duration::from_millis)
            .clamp(MIN_INTERVAL, MAX_INTERVAL);
        Heartbeat {
            interval,
            timeout,
            next_beat: deadline_in(interval.mul_f64(rand::random::<f64>())),
            awaiting: None,
            ack_deadline: deadline_in(MAX_INTERVAL),
        }
    }

    /// The interval used.
    pub(crate) fn interval(&self) -> Duration {
        self.interval
    }

    /// When the next beat is due.
    pub(crate) fn next_beat(&self) -> Instant {
        self.next_beat
    }

    /// When the unacknowledged beat's ACK is overdue, if a beat is unacknowledged.
    pub(crate) fn ack_deadline(&self) -> Option<Instant> {
        self.awaiting.map(|_| self.ack_deadline)
    }

    /// Whether a beat is still unacknowledged.
    #[cfg(test)]
    pub(crate) fn is_awaiting_ack(&self) -> bool {
        self.awaiting.is_some()
    }

    /// A beat was sent now. The ACK deadline runs from the oldest unacknowledged beat, so beats
    /// sent while ACKs are late never push it back.
    pub(crate) fn sent(&mut self) {
        if self.awaiting.is_none() {
            self.awaiting = Some(Instant::now());
            self.ack_deadline = deadline_in(self.timeout.unwrap_or(self.interval));
        }
        self.next_beat = deadline_in(self.interval);
    }

    /// An ACK arrived: the round trip, if a beat was awaiting it.
    pub(crate) fn acked(&mut self) -> Option<Duration> {
        self.awaiting.take().map(|sent| sent.elapsed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn an_absurd_interval_is_clamped() {
        for (given, used) in [
            (Some(0), MIN_INTERVAL),
            (Some(1), MIN_INTERVAL),
            (Some(u64::MAX), MAX_INTERVAL),
            (None, DEFAULT_INTERVAL),
            (Some(45_000), Duration::from_secs(45)),
        ] {
            let heartbeat = Heartbeat::new(given, None);
            assert_eq!(heartbeat.interval(), used, "{given:?}");
            assert!(heartbeat.next_beat() <= Instant::now() + used);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_beat_awaits_its_ack_until_the_timeout() {
        let mut heartbeat = Heartbeat::new(Some(1000), Some(Duration::from_millis(300)));
        assert_eq!(heartbeat.ack_deadline(), None);
        heartbeat.sent();
        let sent = Instant::now();
        assert!(heartbeat.is_awaiting_ack());
        assert_eq!(
            heartbeat.ack_deadline(),
            Some(sent + Duration::from_millis(300))
        );
        assert_eq!(heartbeat.next_beat(), sent + Duration::from_secs(1));
        tokio::time::advance(Duration::from_millis(40)).await;
        assert_eq!(heartbeat.acked(), Some(Duration::from_millis(40)));
        assert_eq!(heartbeat.acked(), None, "an ACK nobody awaited");
        assert_eq!(heartbeat.ack_deadline(), None);
    }

    #[tokio::test(start_paused = true)]
    async fn a_later_beat_does_not_push_back_the_deadline_of_an_unacknowledged_one() {
        let mut heartbeat = Heartbeat::new(Some(100), Some(Duration::from_millis(350)));
        heartbeat.sent();
        let first = Instant::now();
        tokio::time::advance(Duration::from_millis(100)).await;
        heartbeat.sent();
        assert_eq!(
            heartbeat.ack_deadline(),
            Some(first + Duration::from_millis(350))
        );
        assert_eq!(
            heartbeat.next_beat(),
            Instant::now() + Duration::from_millis(100)
        );
        assert_eq!(heartbeat.acked(), Some(Duration::from_millis(100)));
    }

    #[tokio::test(start_paused = true)]
    async fn a_timeout_that_would_overflow_the_clock_is_a_far_deadline() {
        let mut heartbeat = Heartbeat::new(Some(1000), Some(Duration::MAX));
        heartbeat.sent();
        let deadline = heartbeat.ack_deadline().unwrap();
        assert!(deadline > Instant::now() + Duration::from_secs(3600));
        assert!(deadline_in(Duration::MAX) > Instant::now());
    }
}

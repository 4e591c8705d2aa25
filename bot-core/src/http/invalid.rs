//! Discord's invalid-request limit (RL L130-142): 401, 403 and 429 answers (except 429s of
//! scope `shared`) count, 10 000 per 10 minutes per IP; past that Cloudflare bans the IP for a
//! while. The client counts them in a sliding window, warns before the limit, and refuses to send
//! rather than cross it.

use super::HttpError;
use std::collections::VecDeque;
use std::time::Duration;
use tokio::time::Instant;

/// Discord's window.
pub const INVALID_REQUEST_WINDOW: Duration = Duration::from_secs(600);
/// Discord's limit in the window.
pub const INVALID_REQUEST_LIMIT: u32 = 10_000;
/// The counts are kept in slots of this length: at most window / slot slots, whatever the
/// traffic.
const SLOT: Duration = Duration::from_secs(1);

/// The invalid requests of the current window, as [`Http::invalid_requests`] reports them.
///
/// [`Http::invalid_requests`]: super::Http::invalid_requests
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct InvalidRequests {
    /// Invalid answers (401, 403, 429 not `shared`) in the last [`window`](Self::window).
    pub count: u32,
    /// The most the client lets through in the window (Discord's 10 000 unless configured lower).
    pub limit: u32,
    /// The count at which a warning is logged (once per crossing).
    pub warn_at: u32,
    /// The window (Discord's 10 minutes).
    pub window: Duration,
}

/// The sliding window of invalid answers.
#[derive(Debug)]
pub(crate) struct InvalidCounter {
    limit: u32,
    warn_at: u32,
    slots: VecDeque<(Instant, u32)>,
    count: u32,
    warned: bool,
}

impl InvalidCounter {
    /// A counter refusing at `limit` and warning at 80 % of it.
    pub(crate) fn new(limit: u32) -> Self {
        let limit = limit.max(1);
        InvalidCounter {
            limit,
            warn_at: (limit / 5 * 4).max(1),
            slots: VecDeque::new(),
            count: 0,
            warned: false,
        }
    }

    fn expire(&mut self, now: Instant) {
        while let Some(&(start, n)) = self.slots.front() {
            if now.saturating_duration_since(start) < INVALID_REQUEST_WINDOW {
                break;
            }
            self.slots.pop_front();
            self.count -= n;
        }
        if self.count < self.warn_at {
            self.warned = false;
        }
    }

    /// Counts one invalid answer at `now`; logs a warning when the count reaches the warning
    /// level.
    pub(crate) fn record(&mut self, now: Instant) {
        self.expire(now);
        match self.slots.back_mut() {
            Some((start, n)) if now.saturating_duration_since(*start) < SLOT => *n += 1,
            _ => self.slots.push_back((now, 1)),
        }
        self.count += 1;
        if self.count >= self.warn_at && !self.warned {
            self.warned = true;
            tracing::warn!(
                count = self.count,
                limit = self.limit,
                "many invalid requests (401, 403, 429) in the last 10 minutes: requests will be \
                 refused at the limit, before Discord bans the IP"
            );
        }
    }

    /// Whether a request may be sent at `now`: an error once the limit is reached.
    pub(crate) fn check(&mut self, now: Instant) -> Result<(), HttpError> {
        self.expire(now);
        if self.count < self.limit {
            return Ok(());
        }
        let retry_after = self.slots.front().map_or(Duration::ZERO, |(start, _)| {
            INVALID_REQUEST_WINDOW.saturating_sub(now.saturating_duration_since(*start))
        });
        Err(HttpError::InvalidRequestLimit {
            count: self.count,
            limit: self.limit,
            retry_after,
        })
    }

    /// The state at `now`.
    pub(crate) fn snapshot(&mut self, now: Instant) -> InvalidRequests {
        self.expire(now);
        InvalidRequests {
            count: self.count,
            limit: self.limit,
            warn_at: self.warn_at,
            window: INVALID_REQUEST_WINDOW,
        }
    }
}

/// Whether an answer counts toward the limit: 401, 403, and 429 unless its scope is `shared`.
pub(crate) fn counts(status: u16, scope: Option<&str>) -> bool {
    match status {
        401 | 403 => true,
        429 => scope != Some("shared"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_counts() {
        assert!(counts(401, None));
        assert!(counts(403, None));
        assert!(counts(429, Some("user")));
        assert!(counts(429, None));
        assert!(!counts(429, Some("shared")));
        assert!(!counts(404, None));
        assert!(!counts(400, None));
    }

    #[tokio::test(start_paused = true)]
    async fn the_window_slides_and_the_limit_is_never_crossed() {
        let mut counter = InvalidCounter::new(10);
        for _ in 0..9 {
            assert!(counter.check(Instant::now()).is_ok());
            counter.record(Instant::now());
            tokio::time::advance(Duration::from_secs(30)).await;
        }
        // Nine in 4.5 minutes: one more is allowed.
        assert!(counter.check(Instant::now()).is_ok());
        counter.record(Instant::now());
        let refused = counter.check(Instant::now()).unwrap_err();
        let HttpError::InvalidRequestLimit {
            count,
            limit,
            retry_after,
        } = refused
        else {
            panic!("{refused:?}")
        };
        assert_eq!((count, limit), (10, 10));
        // The first one was counted 4.5 minutes ago: it leaves the window in 5.5 minutes.
        assert_eq!(retry_after, Duration::from_secs(330));
        tokio::time::advance(retry_after).await;
        assert!(counter.check(Instant::now()).is_ok(), "the oldest expired");
        assert_eq!(counter.snapshot(Instant::now()).count, 9);
        tokio::time::advance(INVALID_REQUEST_WINDOW).await;
        assert_eq!(counter.snapshot(Instant::now()).count, 0);
    }

    #[tokio::test(start_paused = true)]
    async fn the_warning_level_and_bounded_state() {
        let mut counter = InvalidCounter::new(INVALID_REQUEST_LIMIT);
        let state = counter.snapshot(Instant::now());
        assert_eq!((state.limit, state.warn_at), (10_000, 8_000));
        for _ in 0..8_000 {
            counter.record(Instant::now());
            tokio::time::advance(Duration::from_millis(10)).await;
        }
        assert!(counter.warned);
        // 80 s of traffic in one-second slots.
        assert!(counter.slots.len() <= 81, "{} slots", counter.slots.len());
        assert!(counter.check(Instant::now()).is_ok());
        tokio::time::advance(INVALID_REQUEST_WINDOW).await;
        assert_eq!(counter.snapshot(Instant::now()).count, 0);
        assert!(!counter.warned, "the warning re-arms once below the level");
    }
}

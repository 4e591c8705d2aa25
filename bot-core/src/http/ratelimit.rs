//! What the client knows of Discord's rate limits: the bucket of each route, the limits of each
//! bucket and top-level resource, and the global limit. Server-sent values are clamped, and
//! state whose window has closed is dropped, so nothing grows with the number of interactions.

use reqwest::header::HeaderMap;
use std::collections::HashMap;
use std::time::Duration;
use tokio::time::Instant;

/// The longest wait a server value may impose; longer (or infinite) values are clamped to it.
/// An hour covers Discord's longest documented wait (a Cloudflare ban of invalid requests).
pub(crate) const MAX_WAIT: Duration = Duration::from_secs(3600);
/// The wait assumed when a 429 gives no usable value.
pub(crate) const DEFAULT_WAIT: Duration = Duration::from_secs(1);
/// The fewest entries at which a sweep of closed windows runs early.
const SWEEP_FLOOR: usize = 64;
/// Closed windows are swept at least this often (when requests are made).
const SWEEP_EVERY: Duration = Duration::from_secs(1);

/// A wait given by the server in seconds (`Retry-After`, `X-RateLimit-Reset-After`,
/// `retry_after`): negative is zero, not a number is `None`, infinite or absurd is
/// [`MAX_WAIT`]; anything clamped is logged.
pub(crate) fn server_wait(what: &str, seconds: f64) -> Option<Duration> {
    if seconds.is_nan() {
        tracing::warn!(
            header = what,
            "the server sent a wait that is not a number; ignored"
        );
        return None;
    }
    if seconds < 0.0 {
        tracing::warn!(
            header = what,
            seconds,
            "the server sent a negative wait; using 0"
        );
        return Some(Duration::ZERO);
    }
    match Duration::try_from_secs_f64(seconds) {
        Ok(wait) if wait <= MAX_WAIT => Some(wait),
        _ => {
            tracing::warn!(
                header = what,
                seconds,
                "the server sent an absurd wait; clamped to {MAX_WAIT:?}"
            );
            Some(MAX_WAIT)
        }
    }
}

/// A header's value as a number, if it is one.
pub(crate) fn header_f64(headers: &HeaderMap, name: &str) -> Option<f64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// What the headers said about one bucket on one resource.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Limit {
    /// Requests left in the window.
    pub(crate) remaining: Option<u64>,
    /// When the window resets.
    pub(crate) reset_at: Option<Instant>,
}

impl Limit {
    /// Whether this limit still says anything at `now` (its window is open).
    fn open(&self, now: Instant) -> bool {
        self.reset_at.is_some_and(|reset| reset > now)
    }

    /// How long a request must wait at `now`, if the window is used up.
    pub(crate) fn wait(&self, now: Instant) -> Option<Instant> {
        match (self.remaining, self.reset_at) {
            (Some(0), Some(reset)) if reset > now => Some(reset),
            _ => None,
        }
    }
}

/// Learned buckets and limits.
#[derive(Debug, Default)]
pub(crate) struct LimitStore {
    /// The bucket of each route template (bounded by the number of routes).
    buckets: HashMap<String, String>,
    /// The limits by bucket (or template, until the bucket is known) and resource.
    limits: HashMap<String, Limit>,
    /// The size above which the next sweep runs.
    sweep_at: usize,
    /// When the last sweep ran.
    swept: Option<Instant>,
}

impl LimitStore {
    /// The key of the limits a request is under.
    pub(crate) fn key(&self, template: &str, major: &str) -> String {
        match self.buckets.get(template) {
            Some(bucket) => format!("{bucket}:{major}"),
            None => format!("{template}:{major}"),
        }
    }

    /// The limit a request is under (empty when nothing is known).
    pub(crate) fn limit(&self, template: &str, major: &str) -> Limit {
        self.limits
            .get(&self.key(template, major))
            .copied()
            .unwrap_or_default()
    }

    /// Records what a response's headers say, at `now`.
    pub(crate) fn learn(&mut self, template: &str, major: &str, headers: &HeaderMap, now: Instant) {
        if let Some(bucket) = headers
            .get("x-ratelimit-bucket")
            .and_then(|v| v.to_str().ok())
            .filter(|b| !b.is_empty() && b.len() <= 128)
        {
            self.buckets.insert(template.to_owned(), bucket.to_owned());
        }
        let remaining = header_f64(headers, "x-ratelimit-remaining").filter(|r| !r.is_nan());
        let reset_after = header_f64(headers, "x-ratelimit-reset-after")
            .and_then(|s| server_wait("X-RateLimit-Reset-After", s));
        if remaining.is_some() || reset_after.is_some() {
            let key = self.key(template, major);
            let limit = self.limits.entry(key).or_default();
            if let Some(remaining) = remaining {
                // A float that is negative, NaN or huge saturates; it never panics.
                limit.remaining = Some(remaining.max(0.0) as u64);
            }
            if let Some(after) = reset_after {
                limit.reset_at = Some(now + after);
            }
        }
        self.sweep_if_due(now);
    }

    /// Drops every limit whose window has closed, at least every [`SWEEP_EVERY`] and whenever
    /// the store has grown past twice its size after the last sweep: amortised O(1) per request,
    /// at most twice the open windows (plus a floor) kept, and a closed window forgotten within
    /// a second.
    fn sweep_if_due(&mut self, now: Instant) {
        let grown = self.limits.len() >= self.sweep_at.max(SWEEP_FLOOR);
        let stale = self
            .swept
            .is_none_or(|at| now.saturating_duration_since(at) >= SWEEP_EVERY);
        if grown || (stale && !self.limits.is_empty()) {
            self.sweep(now);
        }
    }

    /// Drops every limit whose window has closed.
    pub(crate) fn sweep(&mut self, now: Instant) {
        self.limits.retain(|_, limit| limit.open(now));
        self.sweep_at = self.limits.len() * 2;
        self.swept = Some(now);
    }

    /// How many limits and buckets are kept.
    pub(crate) fn len(&self) -> (usize, usize) {
        (self.limits.len(), self.buckets.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn server_waits_never_panic_and_are_clamped() {
        assert_eq!(server_wait("t", 1.5), Some(Duration::from_millis(1500)));
        assert_eq!(server_wait("t", -3.0), Some(Duration::ZERO));
        assert_eq!(server_wait("t", f64::NAN), None);
        assert_eq!(server_wait("t", f64::INFINITY), Some(MAX_WAIT));
        assert_eq!(server_wait("t", f64::NEG_INFINITY), Some(Duration::ZERO));
        assert_eq!(server_wait("t", 1e300), Some(MAX_WAIT));
        assert_eq!(server_wait("t", 86_400.0), Some(MAX_WAIT));
    }

    #[tokio::test(start_paused = true)]
    async fn odd_header_values_are_learned_without_panicking() {
        let mut store = LimitStore::default();
        let now = Instant::now();
        for (remaining, reset) in [
            ("-1", "inf"),
            ("NaN", "-5"),
            ("1e30", "NaN"),
            ("x", "1e308"),
        ] {
            let sent = headers(&[
                ("x-ratelimit-remaining", remaining),
                ("x-ratelimit-reset-after", reset),
            ]);
            store.learn("GET/a", "", &sent, now);
            let limit = store.limit("GET/a", "");
            if let Some(reset_at) = limit.reset_at {
                assert!(reset_at <= now + MAX_WAIT);
            }
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_used_up_window_waits_until_its_reset() {
        let mut store = LimitStore::default();
        let sent = headers(&[
            ("x-ratelimit-bucket", "abc"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset-after", "2.5"),
        ]);
        let now = Instant::now();
        store.learn("POST/channels/{id}/messages", "channels/1", &sent, now);
        let limit = store.limit("POST/channels/{id}/messages", "channels/1");
        assert_eq!(limit.wait(now), Some(now + Duration::from_millis(2500)));
        tokio::time::advance(Duration::from_secs(3)).await;
        assert_eq!(limit.wait(Instant::now()), None);
        // Another resource of the same bucket has limits of its own.
        assert_eq!(
            store.limit("POST/channels/{id}/messages", "channels/2"),
            Limit::default()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn closed_windows_are_dropped_and_the_store_stays_bounded() {
        let mut store = LimitStore::default();
        let sent = headers(&[
            ("x-ratelimit-bucket", "webhook"),
            ("x-ratelimit-remaining", "4"),
            ("x-ratelimit-reset-after", "1"),
        ]);
        let mut largest = 0;
        for i in 0..10_000 {
            let major = format!("webhooks/1/#{i:016x}");
            store.learn("POST/webhooks/{id}/{token}", &major, &sent, Instant::now());
            largest = largest.max(store.len().0);
            // One interaction every 10 ms: about 100 windows are open at any time.
            tokio::time::advance(Duration::from_millis(10)).await;
        }
        assert!(largest <= 2 * 101 + SWEEP_FLOOR, "kept {largest} limits");
        assert_eq!(store.len().1, 1, "one bucket for one route");
        tokio::time::advance(Duration::from_secs(2)).await;
        let other = headers(&[("x-ratelimit-bucket", "other")]);
        store.learn("GET/users/@me", "", &other, Instant::now());
        assert_eq!(
            store.len().0,
            0,
            "every window closed and swept by the next request"
        );
    }
}

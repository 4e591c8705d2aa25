//! The session a shard can resume, and how its resumes have fared since the last success.
//!
//! A session is kept across failed resumes for a while, measured in time
//! ([`ResumePolicy::window`]: Discord keeps a session resumable for minutes) or in attempts that
//! reached the gateway and were refused ([`ResumePolicy::max_refused`]); connections that could
//! not be made at all count only in time. After [`RESUME_URL_TRIES`] failures in a row on
//! READY's `resume_gateway_url`, the resumes go to the main gateway URL instead.

use std::time::Duration;
use tokio::time::Instant;

/// Failures in a row on `resume_gateway_url` before the resumes go to the main URL.
pub(crate) const RESUME_URL_TRIES: u32 = 2;

/// How long a session is kept across failed resumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResumePolicy {
    /// How long resumes may keep failing before the session is dropped (default
    /// [`ResumePolicy::DEFAULT_WINDOW`], 3 minutes).
    pub window: Duration,
    /// How many resumes in a row may reach the gateway and be refused (INVALID_SESSION `true`,
    /// a close, no RESUMED in time) before the session is dropped (default 3).
    pub max_refused: u32,
}

impl ResumePolicy {
    /// The default [`window`](Self::window): 3 minutes.
    pub const DEFAULT_WINDOW: Duration = Duration::from_secs(180);
    /// The default [`max_refused`](Self::max_refused): 3.
    pub const DEFAULT_MAX_REFUSED: u32 = 3;

    /// A policy keeping a session for `window` or `max_refused` refusals, whichever comes first.
    pub fn new(window: Duration, max_refused: u32) -> Self {
        ResumePolicy {
            window,
            max_refused: max_refused.max(1),
        }
    }
}

impl Default for ResumePolicy {
    fn default() -> Self {
        ResumePolicy::new(Self::DEFAULT_WINDOW, Self::DEFAULT_MAX_REFUSED)
    }
}

/// How a connection that tried to resume ended without RESUMED.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ResumeFailure {
    /// The gateway was not reached (refused, timed out, no HELLO): RESUME was never sent.
    Unreachable,
    /// RESUME was sent and the gateway refused it or never answered.
    Refused,
}

/// A session from READY.
#[derive(Clone, Debug)]
pub(crate) struct Session {
    /// READY's `session_id`.
    pub(crate) id: String,
    /// READY's `resume_gateway_url` (or the main URL when it was missing or unusable).
    pub(crate) resume_url: String,
    /// The last dispatch's sequence number.
    pub(crate) seq: Option<u64>,
    /// When the resumes began failing (`None` while the session is live or resumed).
    failing_since: Option<Instant>,
    /// Refused resumes since the last success.
    refused: u32,
    /// Failures in a row since the last success, of any kind.
    failures: u32,
}

impl Session {
    pub(crate) fn new(id: String, resume_url: String, seq: Option<u64>) -> Self {
        Session {
            id,
            resume_url,
            seq,
            failing_since: None,
            refused: 0,
            failures: 0,
        }
    }

    /// A connection that tried to resume ended without RESUMED.
    pub(crate) fn failed(&mut self, how: ResumeFailure) {
        self.failing_since.get_or_insert_with(Instant::now);
        self.failures = self.failures.saturating_add(1);
        if how == ResumeFailure::Refused {
            self.refused = self.refused.saturating_add(1);
        }
    }

    /// The session ended with its connection (a drop, a close, RECONNECT): the clock of its
    /// resumes starts, unless it already runs.
    pub(crate) fn lost(&mut self) {
        self.failing_since.get_or_insert_with(Instant::now);
    }

    /// RESUMED arrived.
    pub(crate) fn resumed(&mut self) {
        self.failing_since = None;
        self.refused = 0;
        self.failures = 0;
    }

    /// Whether the session should be dropped under `policy`.
    pub(crate) fn exhausted(&self, policy: &ResumePolicy) -> bool {
        self.refused >= policy.max_refused
            || self
                .failing_since
                .is_some_and(|since| since.elapsed() >= policy.window)
    }

    /// Where the next resume goes: `resume_gateway_url`, or `main` after a few failures there.
    pub(crate) fn url<'a>(&'a self, main: &'a str) -> &'a str {
        if self.failures >= RESUME_URL_TRIES {
            main
        } else {
            &self.resume_url
        }
    }

    /// Refused resumes since the last success.
    pub(crate) fn refused(&self) -> u32 {
        self.refused
    }

    /// How long the resumes have been failing.
    pub(crate) fn failing_for(&self) -> Duration {
        self.failing_since
            .map_or(Duration::ZERO, |since| since.elapsed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new("s".into(), "ws://resume".into(), Some(3))
    }

    #[tokio::test(start_paused = true)]
    async fn refused_resumes_exhaust_a_session_and_a_success_resets_them() {
        let policy = ResumePolicy::default();
        let mut session = session();
        session.failed(ResumeFailure::Refused);
        session.failed(ResumeFailure::Refused);
        assert!(!session.exhausted(&policy));
        session.resumed();
        for _ in 0..3 {
            assert!(!session.exhausted(&policy), "RESUMED reset the count");
            session.failed(ResumeFailure::Refused);
        }
        assert!(session.exhausted(&policy));
        assert_eq!(session.refused(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn unreachable_gateways_count_in_time_only() {
        let policy = ResumePolicy::default();
        let mut session = session();
        for _ in 0..100 {
            session.failed(ResumeFailure::Unreachable);
            tokio::time::advance(Duration::from_secs(1)).await;
        }
        assert!(!session.exhausted(&policy), "100 s of refused connections");
        tokio::time::advance(Duration::from_secs(80)).await;
        assert!(session.exhausted(&policy), "past the 3 minutes");
        assert!(session.failing_for() >= ResumePolicy::DEFAULT_WINDOW);
    }

    #[tokio::test(start_paused = true)]
    async fn after_failures_on_the_resume_url_the_main_url_is_tried() {
        let mut session = session();
        assert_eq!(session.url("ws://main"), "ws://resume");
        session.failed(ResumeFailure::Unreachable);
        assert_eq!(session.url("ws://main"), "ws://resume");
        session.failed(ResumeFailure::Refused);
        assert_eq!(session.url("ws://main"), "ws://main");
        session.resumed();
        assert_eq!(session.url("ws://main"), "ws://resume");
    }
}

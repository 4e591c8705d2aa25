//! The session a shard can resume, and how many resumes of it failed in a row.

/// After this many connections in a row that tried to resume and did not reach RESUMED, the
/// session is dropped and the shard identifies anew on the main URL.
pub(crate) const MAX_RESUME_ATTEMPTS: u32 = 3;

/// A session from READY.
#[derive(Clone, Debug)]
pub(crate) struct Session {
    /// READY's `session_id`.
    pub(crate) id: String,
    /// READY's `resume_gateway_url` (or the main URL when it was missing or unusable).
    pub(crate) resume_url: String,
    /// The last dispatch's sequence number.
    pub(crate) seq: Option<u64>,
    /// Connections that tried to resume since the last RESUMED (or READY).
    attempts: u32,
}

impl Session {
    pub(crate) fn new(id: String, resume_url: String, seq: Option<u64>) -> Self {
        Session {
            id,
            resume_url,
            seq,
            attempts: 0,
        }
    }

    /// A connection is about to try to resume this session.
    pub(crate) fn resuming(&mut self) {
        self.attempts = self.attempts.saturating_add(1);
    }

    /// RESUMED arrived.
    pub(crate) fn resumed(&mut self) {
        self.attempts = 0;
    }

    /// Whether enough resumes failed that the session should be dropped.
    pub(crate) fn exhausted(&self) -> bool {
        self.attempts >= MAX_RESUME_ATTEMPTS
    }

    /// Resumes tried since the last success.
    pub(crate) fn attempts(&self) -> u32 {
        self.attempts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_failed_resumes_exhaust_a_session_and_a_success_resets_them() {
        let mut session = Session::new("s".into(), "ws://r".into(), Some(3));
        for _ in 0..MAX_RESUME_ATTEMPTS - 1 {
            session.resuming();
            assert!(!session.exhausted());
        }
        session.resuming();
        session.resumed();
        assert!(!session.exhausted(), "RESUMED resets the count");
        for _ in 0..MAX_RESUME_ATTEMPTS {
            session.resuming();
        }
        assert!(session.exhausted());
        assert_eq!(session.attempts(), MAX_RESUME_ATTEMPTS);
    }
}

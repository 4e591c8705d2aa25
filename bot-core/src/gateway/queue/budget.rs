//! The session start budget: how many IDENTIFYs are left until `reset_after`, as
//! `session_start_limit` of `GET /gateway/bot` tells it, spent one per IDENTIFY.

use crate::model::SessionStartLimit;
use std::time::Duration;
use tokio::time::Instant;

/// Discord's window of session starts: a day (GW L188).
pub(crate) const DAY: Duration = Duration::from_secs(24 * 60 * 60);
/// Discord's session starts per day for most bots (GW L752-766).
pub(crate) const DEFAULT_TOTAL: u32 = 1000;
/// The least time a renewed budget lasts, whatever a refresh said (a `reset_after` of 0 with
/// nothing remaining must not make a hot loop).
const LEAST_RESET: Duration = Duration::from_secs(1);

/// Session starts left, and when they reset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Budget {
    /// Starts allowed per window.
    pub(crate) total: u32,
    /// Starts left in this window; never above `total`.
    pub(crate) remaining: u32,
    /// When the window ends.
    pub(crate) reset_at: Instant,
}

impl Budget {
    /// Discord's usual budget, whole, from `now` on: 1000 a day.
    pub(crate) fn fresh(total: u32, now: Instant) -> Self {
        Budget {
            total,
            remaining: total,
            reset_at: now + DAY,
        }
    }

    /// What `GET /gateway/bot` said at `now`.
    pub(crate) fn from_limit(limit: &SessionStartLimit, now: Instant) -> Self {
        let reset_after = Duration::from_millis(limit.reset_after).max(LEAST_RESET);
        Budget {
            total: limit.total,
            remaining: limit.remaining.min(limit.total),
            reset_at: now.checked_add(reset_after).unwrap_or(now + DAY),
        }
    }

    /// Whether the window has ended at `now`.
    pub(crate) fn expired(&self, now: Instant) -> bool {
        now >= self.reset_at
    }

    /// Spends one start; `false` when none is left.
    pub(crate) fn spend(&mut self) -> bool {
        match self.remaining.checked_sub(1) {
            Some(left) => {
                self.remaining = left;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(total: u32, remaining: u32, reset_after: u64) -> SessionStartLimit {
        serde_json::from_value(serde_json::json!({
            "total": total, "remaining": remaining, "reset_after": reset_after,
            "max_concurrency": 1
        }))
        .unwrap()
    }

    #[tokio::test(start_paused = true)]
    async fn a_budget_never_holds_more_than_its_total_and_spends_down_to_zero() {
        let now = Instant::now();
        let mut budget = Budget::from_limit(&limit(3, 9, 1000), now);
        assert_eq!(budget.remaining, 3, "remaining is capped at total");
        assert!(budget.spend() && budget.spend() && budget.spend());
        assert!(!budget.spend());
        assert_eq!(budget.remaining, 0);
        assert!(!budget.expired(now + Duration::from_millis(999)));
        assert!(budget.expired(now + Duration::from_millis(1000)));
    }

    #[tokio::test(start_paused = true)]
    async fn a_reset_after_of_zero_or_past_the_clock_is_bounded() {
        let now = Instant::now();
        let zero = Budget::from_limit(&limit(1, 0, 0), now);
        assert_eq!(zero.reset_at, now + LEAST_RESET);
        let huge = Budget::from_limit(&limit(1, 0, u64::MAX), now);
        assert!(huge.reset_at > now);
    }
}

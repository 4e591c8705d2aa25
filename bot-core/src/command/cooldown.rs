//! Cooldowns, as Pycord's `commands.cooldown(rate, per, type)`: at most `rate` uses per `per`
//! in each bucket (a user, a guild, a channel, ...). The buckets are kept in a map that drops
//! expired windows, so memory stays bounded by the buckets active within one period.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::Duration;
use tokio::time::Instant;

/// `rate` uses per `per`, in one bucket.
///
/// ```
/// use bot_core::command::Cooldown;
/// use std::time::Duration;
/// let cooldown = Cooldown::new(2, Duration::from_secs(10));
/// assert_eq!((cooldown.rate(), cooldown.per()), (2, Duration::from_secs(10)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cooldown {
    rate: u32,
    per: Duration,
}

impl Cooldown {
    /// At most `rate` uses (at least 1) in any window of `per`.
    pub fn new(rate: u32, per: Duration) -> Self {
        Cooldown {
            rate: rate.max(1),
            per,
        }
    }

    /// Uses allowed per window.
    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// The window.
    pub fn per(&self) -> Duration {
        self.per
    }
}

/// One bucket's window: when it started and how many uses are left in it.
#[derive(Clone, Copy, Debug)]
struct Window {
    started: Instant,
    left: u32,
}

/// The windows of every bucket of one cooldown, keyed by the bucket's key.
#[derive(Debug)]
pub struct CooldownMapping<K> {
    cooldown: Cooldown,
    windows: HashMap<K, Window>,
    /// When expired windows were last dropped.
    swept: Instant,
}

impl<K: Eq + Hash> CooldownMapping<K> {
    /// No bucket used yet.
    pub fn new(cooldown: Cooldown) -> Self {
        CooldownMapping {
            cooldown,
            windows: HashMap::new(),
            swept: Instant::now(),
        }
    }

    /// Takes one use of `key`'s bucket now: `None` when allowed, or how long until the next
    /// use is (the use is then not taken).
    pub fn take(&mut self, key: K) -> Option<Duration> {
        let now = Instant::now();
        self.sweep(now);
        let cooldown = self.cooldown;
        let window = self.windows.entry(key).or_insert(Window {
            started: now,
            left: cooldown.rate,
        });
        if now.saturating_duration_since(window.started) >= cooldown.per {
            *window = Window {
                started: now,
                left: cooldown.rate,
            };
        }
        if window.left == 0 {
            let reset = window.started + cooldown.per;
            return Some(reset.saturating_duration_since(now));
        }
        window.left -= 1;
        None
    }

    /// Gives back one use of `key`'s bucket (Pycord's `reset_cooldown` forgets the bucket; a
    /// failed check gives its use back this way).
    pub fn reset(&mut self, key: &K) {
        self.windows.remove(key);
    }

    /// The cooldown these windows follow.
    pub fn cooldown(&self) -> Cooldown {
        self.cooldown
    }

    /// How many buckets are held now (expired ones are dropped as uses come).
    pub fn buckets(&self) -> usize {
        self.windows.len()
    }

    /// Drops windows that ended, at most once per period.
    fn sweep(&mut self, now: Instant) {
        let per = self.cooldown.per;
        if now.saturating_duration_since(self.swept) < per {
            return;
        }
        self.windows
            .retain(|_, window| now.saturating_duration_since(window.started) < per);
        self.swept = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn rate_uses_per_window_then_the_time_left() {
        let mut mapping = CooldownMapping::new(Cooldown::new(2, Duration::from_secs(10)));
        assert_eq!(mapping.take("ana"), None);
        tokio::time::advance(Duration::from_secs(3)).await;
        assert_eq!(mapping.take("ana"), None);
        assert_eq!(mapping.take("ana"), Some(Duration::from_secs(7)));
        assert_eq!(mapping.take("bob"), None, "another bucket");
        tokio::time::advance(Duration::from_secs(7)).await;
        assert_eq!(mapping.take("ana"), None, "a new window");
    }

    #[tokio::test(start_paused = true)]
    async fn a_refused_use_is_not_taken_and_reset_forgets_the_bucket() {
        let mut mapping = CooldownMapping::new(Cooldown::new(1, Duration::from_secs(5)));
        assert_eq!(mapping.take(1), None);
        assert_eq!(mapping.take(1), Some(Duration::from_secs(5)));
        tokio::time::advance(Duration::from_secs(1)).await;
        assert_eq!(mapping.take(1), Some(Duration::from_secs(4)));
        mapping.reset(&1);
        assert_eq!(mapping.take(1), None);
    }

    #[tokio::test(start_paused = true)]
    async fn expired_buckets_are_dropped() {
        let mut mapping = CooldownMapping::new(Cooldown::new(1, Duration::from_secs(1)));
        for user in 0..1000 {
            assert_eq!(mapping.take(user), None);
        }
        assert_eq!(mapping.buckets(), 1000);
        tokio::time::advance(Duration::from_secs(2)).await;
        assert_eq!(mapping.take(5000), None);
        assert_eq!(mapping.buckets(), 1, "only the live bucket is kept");
    }

    #[test]
    fn a_rate_of_zero_allows_one_use() {
        assert_eq!(Cooldown::new(0, Duration::from_secs(1)).rate(), 1);
    }
}

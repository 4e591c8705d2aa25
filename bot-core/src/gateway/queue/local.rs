//! [`LocalQueue`]: the identify queue of one process, keeping Discord's `max_concurrency`
//! buckets and the session start budget.

use super::budget::{Budget, DEFAULT_TOTAL};
use super::{Enqueued, IdentifyQueue, IdentifyQueueError, LimitSource};
use crate::model::SessionStartLimit;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// The in-process identify queue: one IDENTIFY per bucket (`shard_id % max_concurrency`) per
/// [`window`](Self::window), and at most the session start budget per day.
///
/// When no session start is left it waits for `reset_after` (asking `GET /gateway/bot` again,
/// through the bot, once it has passed) and fails with
/// [`IdentifyQueueError::SessionStartsExhausted`] only when that wait is longer than
/// [`max_wait`](Self::max_wait). It never allows more IDENTIFYs in a day than the `total`
/// Discord gave: going over would reset the bot's token.
///
/// Clones share their state: give one to every bot of a process that share a token.
#[derive(Clone, Debug)]
pub struct LocalQueue {
    window: Duration,
    max_wait: Option<Duration>,
    inner: Arc<Inner>,
}

/// What clones share.
struct Inner {
    buckets: Mutex<Buckets>,
    /// Held while a start is taken, waited for or renewed: starts are taken in turn.
    budget: tokio::sync::Mutex<Budget>,
    /// A budget told while a start was being taken, applied by the next.
    told: Mutex<Option<Budget>>,
    refresh: Mutex<Option<LimitSource>>,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalQueue")
            .field("buckets", &*self.lock_buckets())
            .field("budget", &self.budget)
            .finish_non_exhaustive()
    }
}

/// The next free instant of each bucket.
#[derive(Debug)]
struct Buckets {
    max_concurrency: u64,
    next: HashMap<u64, Instant>,
}

impl Default for LocalQueue {
    /// `max_concurrency` 1, Discord's 5-second window, 1000 starts a day, no longest wait.
    fn default() -> Self {
        LocalQueue::new(1)
    }
}

impl LocalQueue {
    /// Discord's window: one IDENTIFY per bucket per 5 seconds (GW L779).
    pub const WINDOW: Duration = Duration::from_secs(5);

    /// A queue with `max_concurrency` buckets (0 counts as 1), Discord's 5-second window, and
    /// Discord's usual budget of 1000 starts a day until the bot tells it what
    /// `GET /gateway/bot` said.
    pub fn new(max_concurrency: u64) -> Self {
        LocalQueue {
            window: Self::WINDOW,
            max_wait: None,
            inner: Arc::new(Inner {
                buckets: Mutex::new(Buckets {
                    max_concurrency: max_concurrency.max(1),
                    next: HashMap::new(),
                }),
                budget: tokio::sync::Mutex::new(Budget::fresh(DEFAULT_TOTAL, Instant::now())),
                told: Mutex::new(None),
                refresh: Mutex::new(None),
            }),
        }
    }

    /// The window of one IDENTIFY per bucket (default [`LocalQueue::WINDOW`], 5 s; tests
    /// against a sandbox shorten it with the sandbox's).
    pub fn window(mut self, window: Duration) -> Self {
        self.window = window;
        self
    }

    /// The longest the queue waits for session starts to reset before failing with
    /// [`IdentifyQueueError::SessionStartsExhausted`] (default: no limit, it waits for
    /// `reset_after` whatever it is).
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.max_wait = Some(max_wait);
        self
    }

    /// Starts from this session start limit (what the bot does with `GET /gateway/bot`'s
    /// answer), from now on.
    pub fn with_limit(self, limit: SessionStartLimit) -> Self {
        self.session_start_limit(limit);
        self
    }

    /// Session starts left before the reset.
    pub async fn remaining(&self) -> u32 {
        let mut budget = self.inner.budget.lock().await;
        self.inner.apply_told(&mut budget);
        budget.remaining
    }
}

impl Inner {
    fn lock_buckets(&self) -> std::sync::MutexGuard<'_, Buckets> {
        self.buckets.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn set_concurrency(&self, max_concurrency: u32) {
        let mut buckets = self.lock_buckets();
        let max_concurrency = u64::from(max_concurrency.max(1));
        if buckets.max_concurrency != max_concurrency {
            // Keys change meaning: every old bucket's last IDENTIFY still holds for all.
            let latest = buckets.next.values().max().copied();
            buckets.max_concurrency = max_concurrency;
            buckets.next = latest
                .map(|at| (0..max_concurrency).map(|key| (key, at)).collect())
                .unwrap_or_default();
        }
    }

    /// A new window of starts: what Discord says now, or the whole of `total`.
    async fn renew(&self, budget: &mut Budget) {
        let source = self
            .refresh
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(source) = source
            && let Some(limit) = source().await
        {
            self.set_concurrency(limit.max_concurrency);
            *budget = Budget::from_limit(&limit, Instant::now());
            return;
        }
        *budget = Budget::fresh(budget.total, Instant::now());
    }

    fn apply_told(&self, budget: &mut Budget) {
        if let Some(told) = self.told.lock().unwrap_or_else(|p| p.into_inner()).take() {
            *budget = told;
        }
    }

    /// Takes one session start, waiting for the reset when none is left (at most `max_wait`).
    async fn take_start(
        &self,
        shard: u64,
        max_wait: Option<Duration>,
    ) -> Result<(), IdentifyQueueError> {
        let mut budget = self.budget.lock().await;
        self.apply_told(&mut budget);
        loop {
            let now = Instant::now();
            if budget.expired(now) {
                self.renew(&mut budget).await;
            }
            if budget.spend() {
                return Ok(());
            }
            let reset_after = budget.reset_at.saturating_duration_since(now);
            if let Some(max_wait) = max_wait
                && reset_after > max_wait
            {
                return Err(IdentifyQueueError::SessionStartsExhausted {
                    total: budget.total,
                    reset_after,
                    max_wait,
                });
            }
            tracing::warn!(
                shard,
                "the {} session starts of the day are spent; waiting {reset_after:?} for them \
                 to reset",
                budget.total
            );
            tokio::time::sleep_until(budget.reset_at).await;
        }
    }

    /// Reserves the shard's bucket's next free instant.
    fn reserve(&self, shard: u64, window: Duration) -> Instant {
        let mut buckets = self.lock_buckets();
        let key = shard % buckets.max_concurrency;
        let now = Instant::now();
        let at = buckets.next.get(&key).map_or(now, |next| (*next).max(now));
        buckets.next.insert(key, at + window);
        at
    }
}

impl IdentifyQueue for LocalQueue {
    fn enqueue(&self, shard_id: u64) -> Enqueued {
        let inner = self.inner.clone();
        let (window, max_wait) = (self.window, self.max_wait);
        Box::pin(async move {
            inner.take_start(shard_id, max_wait).await?;
            let at = inner.reserve(shard_id, window);
            tokio::time::sleep_until(at).await;
            Ok(())
        })
    }

    fn session_start_limit(&self, limit: SessionStartLimit) {
        self.inner.set_concurrency(limit.max_concurrency);
        let budget = Budget::from_limit(&limit, Instant::now());
        match self.inner.budget.try_lock() {
            Ok(mut held) => *held = budget,
            // A start is being taken: the next one applies it.
            Err(_) => *self.inner.told.lock().unwrap_or_else(|p| p.into_inner()) = Some(budget),
        }
    }

    fn refresh_with(&self, source: LimitSource) {
        *self.inner.refresh.lock().unwrap_or_else(|p| p.into_inner()) = Some(source);
    }
}

#[cfg(test)]
mod tests;

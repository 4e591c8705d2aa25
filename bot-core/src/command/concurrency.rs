//! `max_concurrency(n, bucket, wait)`, as Pycord's: at most `n` invocations at once in each
//! bucket; the next one waits for a slot or is refused. A bucket is dropped as soon as none of
//! its slots is in use, so memory stays bounded by the buckets running now.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The running invocations of every bucket of one limit.
#[derive(Debug)]
pub struct ConcurrencyLimiter<K> {
    limit: usize,
    buckets: Arc<Mutex<HashMap<K, Arc<Semaphore>>>>,
}

/// A slot of a bucket: held while the invocation runs, given back when dropped.
#[derive(Debug)]
pub struct ConcurrencySlot<K: Eq + Hash> {
    key: Option<K>,
    permit: Option<OwnedSemaphorePermit>,
    buckets: Arc<Mutex<HashMap<K, Arc<Semaphore>>>>,
    limit: usize,
}

impl<K: Eq + Hash + Clone> ConcurrencyLimiter<K> {
    /// At most `limit` (at least 1) at once per bucket.
    pub fn new(limit: usize) -> Self {
        ConcurrencyLimiter {
            limit: limit.max(1),
            buckets: Arc::default(),
        }
    }

    fn semaphore(&self, key: &K) -> Arc<Semaphore> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        buckets
            .entry(key.clone())
            .or_insert_with(|| Arc::new(Semaphore::new(self.limit)))
            .clone()
    }

    fn slot(&self, key: K, permit: OwnedSemaphorePermit) -> ConcurrencySlot<K> {
        ConcurrencySlot {
            key: Some(key),
            permit: Some(permit),
            buckets: self.buckets.clone(),
            limit: self.limit,
        }
    }

    /// A slot of `key`'s bucket now, or `None` when all are taken (`wait = false`).
    pub fn try_acquire(&self, key: K) -> Option<ConcurrencySlot<K>> {
        let permit = self.semaphore(&key).try_acquire_owned().ok();
        match permit {
            Some(permit) => Some(self.slot(key, permit)),
            None => {
                self.forget_if_free(&key);
                None
            }
        }
    }

    /// Drops `key`'s bucket if no slot of it is in use and nobody holds it.
    fn forget_if_free(&self, key: &K) {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets
            .get(key)
            .is_some_and(|s| s.available_permits() == self.limit && Arc::strong_count(s) == 1)
        {
            buckets.remove(key);
        }
    }

    /// A slot of `key`'s bucket, waiting for one (`wait = true`). `None` only if the bucket's
    /// semaphore was closed, which this limiter never does.
    pub async fn acquire(&self, key: K) -> Option<ConcurrencySlot<K>> {
        // The waiter holds the bucket's semaphore, so the bucket is not dropped under it.
        let semaphore = self.semaphore(&key);
        let permit = semaphore.acquire_owned().await.ok()?;
        Some(self.slot(key, permit))
    }

    /// How many buckets have a slot in use.
    pub fn buckets(&self) -> usize {
        self.buckets.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

impl<K: Eq + Hash> Drop for ConcurrencySlot<K> {
    fn drop(&mut self) {
        let Some(permit) = self.permit.take() else {
            return;
        };
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        drop(permit);
        // Dropped only when free and held by nobody else (no waiter, no caller about to
        // acquire it): a caller clones the semaphore under this lock.
        if let Some(key) = self.key.take()
            && buckets
                .get(&key)
                .is_some_and(|s| s.available_permits() == self.limit && Arc::strong_count(s) == 1)
        {
            buckets.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn at_most_the_limit_at_once_and_the_bucket_goes_when_free() {
        let limiter = ConcurrencyLimiter::new(2);
        let a = limiter.try_acquire("guild").unwrap();
        let b = limiter.try_acquire("guild").unwrap();
        assert!(limiter.try_acquire("guild").is_none(), "no wait: refused");
        let other = limiter.try_acquire("elsewhere");
        assert!(other.is_some(), "another bucket");
        drop(other);
        assert_eq!(limiter.buckets(), 1);
        drop(a);
        assert!(limiter.try_acquire("guild").is_some());
        drop(b);
        assert_eq!(limiter.buckets(), 0, "nothing held for a free bucket");
    }

    #[tokio::test(start_paused = true)]
    async fn a_waiter_gets_the_slot_when_it_is_given_back() {
        let limiter = Arc::new(ConcurrencyLimiter::new(1));
        let first = limiter.try_acquire(7).unwrap();
        let waiting = tokio::spawn({
            let limiter = limiter.clone();
            async move {
                let _slot = limiter.acquire(7).await.unwrap();
                tokio::time::Instant::now()
            }
        });
        tokio::time::sleep(Duration::from_secs(3)).await;
        let released = tokio::time::Instant::now();
        drop(first);
        let got = waiting.await.unwrap();
        assert!(got >= released, "it waited for the slot");
        assert_eq!(limiter.buckets(), 0);
    }
}

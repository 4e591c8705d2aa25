//! A layer's cooldown and concurrency limit, with the bucket type that keys them.

use super::bucket::{BucketKey, BucketType};
use super::errors::{CommandOnCooldown, MaxConcurrencyReached};
use crate::command::{
    ApplicationContext, CommandError, ConcurrencyLimiter, ConcurrencySlot, Cooldown,
    CooldownMapping,
};
use std::sync::Mutex;

/// `cooldown(rate, per, bucket)` of one layer: its windows, kept across invocations.
#[derive(Debug)]
pub(crate) struct LayerCooldown {
    bucket: BucketType,
    mapping: Mutex<CooldownMapping<BucketKey>>,
}

impl LayerCooldown {
    pub(crate) fn new(cooldown: Cooldown, bucket: BucketType) -> Self {
        LayerCooldown {
            bucket,
            mapping: Mutex::new(CooldownMapping::new(cooldown)),
        }
    }

    /// Takes a use of `ctx`'s bucket, or the error saying how long to wait.
    pub(crate) async fn take(&self, ctx: &ApplicationContext) -> Result<(), CommandError> {
        let key = self.bucket.key(ctx).await?;
        let mut mapping = self.mapping.lock().unwrap_or_else(|p| p.into_inner());
        match mapping.take(key) {
            None => Ok(()),
            Some(retry_after) => Err(CommandError::OnCooldown(CommandOnCooldown {
                retry_after,
                cooldown: mapping.cooldown(),
                bucket: self.bucket,
            })),
        }
    }
}

/// `max_concurrency(n, bucket, wait)` of one layer.
#[derive(Debug)]
pub(crate) struct LayerConcurrency {
    bucket: BucketType,
    wait: bool,
    limit: usize,
    limiter: ConcurrencyLimiter<BucketKey>,
}

impl LayerConcurrency {
    pub(crate) fn new(limit: usize, bucket: BucketType, wait: bool) -> Self {
        LayerConcurrency {
            bucket,
            wait,
            limit: limit.max(1),
            limiter: ConcurrencyLimiter::new(limit),
        }
    }

    /// A slot of `ctx`'s bucket (waiting for one with `wait`), held until dropped. An
    /// invocation that has to wait is deferred first (unless its auto-defer is off), so that
    /// it still beats Discord's 3 s deadline however long it waits.
    pub(crate) async fn acquire(
        &self,
        ctx: &ApplicationContext,
    ) -> Result<ConcurrencySlot<BucketKey>, CommandError> {
        let key = self.bucket.key(ctx).await?;
        let slot = match self.limiter.try_acquire(key) {
            Some(slot) => Some(slot),
            None if self.wait => {
                ctx.defer_before_waiting().await;
                self.limiter.acquire(key).await
            }
            None => None,
        };
        slot.ok_or(CommandError::MaxConcurrency(MaxConcurrencyReached {
            limit: self.limit,
            bucket: self.bucket,
        }))
    }
}

//! Which shards a bot runs and how they identify: the builder's sharding settings, and the plan
//! made from them and `GET /gateway/bot` when the bot connects.

use crate::Error;
use crate::gateway::{
    BeforeIdentify, IdentifyQueue, LimitSource, LocalQueue, ResumePolicy, SendLimit,
};
use crate::http::Http;
use crate::model::GatewayBot;
use std::sync::Arc;
use std::time::Duration;

/// The builder's sharding settings.
#[derive(Clone, Debug, Default)]
pub(crate) struct ShardSettings {
    pub(crate) count: Option<u64>,
    pub(crate) ids: Option<Vec<u64>>,
    pub(crate) queue: Option<Arc<dyn IdentifyQueue>>,
    pub(crate) before_identify: Option<BeforeIdentify>,
    pub(crate) max_wait: Option<Duration>,
    pub(crate) ready_timeout: Option<Duration>,
    pub(crate) resume: Option<ResumePolicy>,
    pub(crate) send_limit: Option<SendLimit>,
}

impl ShardSettings {
    /// Refuses settings that cannot work.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if self.count == Some(0) {
            return Err(Error::Config("shard_count must be at least 1".to_owned()));
        }
        if let Some(ids) = &self.ids {
            let Some(count) = self.count else {
                return Err(Error::Config(
                    "shard_ids needs shard_count: the shards of every process must agree on it"
                        .to_owned(),
                ));
            };
            if ids.is_empty() {
                return Err(Error::Config("shard_ids is empty".to_owned()));
            }
            if let Some(id) = ids.iter().find(|id| **id >= count) {
                return Err(Error::Config(format!(
                    "shard id {id} is not below shard_count {count}"
                )));
            }
        }
        if self
            .send_limit
            .is_some_and(|limit| limit.count < 2 || limit.window.is_zero())
        {
            return Err(Error::Config(
                "the gateway send limit needs at least 2 payloads per non-zero window".to_owned(),
            ));
        }
        if self.ready_timeout.is_some_and(|t| t.is_zero()) {
            return Err(Error::Config(
                "ready_timeout must be more than zero".to_owned(),
            ));
        }
        Ok(())
    }

    /// The queue the bot's shards share: the one given, or a local one.
    pub(crate) fn queue(&self) -> Arc<dyn IdentifyQueue> {
        match &self.queue {
            Some(queue) => queue.clone(),
            None => {
                let queue = LocalQueue::default();
                Arc::new(match self.max_wait {
                    Some(max_wait) => queue.max_wait(max_wait),
                    None => queue,
                })
            }
        }
    }
}

/// The shards to run, from the settings and `GET /gateway/bot`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ShardPlan {
    /// The shard count of every process.
    pub(crate) count: u64,
    /// The shards of this process, ascending, without duplicates.
    pub(crate) ids: Vec<u64>,
}

impl ShardPlan {
    pub(crate) fn new(settings: &ShardSettings, gateway: &GatewayBot) -> Self {
        let count = settings
            .count
            .unwrap_or_else(|| u64::from(gateway.shards.max(1)));
        let mut ids = settings.ids.clone().unwrap_or_else(|| (0..count).collect());
        ids.sort_unstable();
        ids.dedup();
        ShardPlan { count, ids }
    }

    /// Refuses to start when the session starts left cannot cover these shards and the reset is
    /// further away than the queue may wait.
    pub(crate) fn check_budget(
        &self,
        settings: &ShardSettings,
        gateway: &GatewayBot,
    ) -> Result<(), Error> {
        let limit = gateway.session_start_limit;
        let (remaining, needed) = (u64::from(limit.remaining), self.ids.len() as u64);
        if remaining >= needed {
            return Ok(());
        }
        let reset_after = Duration::from_millis(limit.reset_after);
        if settings.queue.is_none()
            && let Some(max_wait) = settings.max_wait
            && reset_after > max_wait
        {
            return Err(Error::SessionStartLimit { remaining, needed });
        }
        tracing::warn!(
            "{remaining} session starts left for {needed} shards: the rest wait {reset_after:?} \
             for the reset"
        );
        Ok(())
    }
}

/// Asks `GET /gateway/bot` for the session start limit (the identify queue's refresh).
pub(crate) fn limit_source(http: &Http) -> LimitSource {
    let http = http.clone();
    Arc::new(move || {
        let http = http.clone();
        Box::pin(async move {
            match http.gateway_bot().await {
                Ok(gateway) => Some(gateway.session_start_limit),
                Err(error) => {
                    tracing::warn!(%error, "the session start limit could not be refreshed");
                    None
                }
            }
        })
    })
}

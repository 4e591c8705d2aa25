//! The identify queue: when a shard may send IDENTIFY.
//!
//! Discord lets `max_concurrency` shards identify per 5 seconds, one per rate-limit key
//! (`shard_id % max_concurrency`), and a bot a number of session starts per day
//! (`session_start_limit` of `GET /gateway/bot`; going over resets the token). Every IDENTIFY a
//! shard sends — the first one and each one after a lost session — waits for
//! [`IdentifyQueue::enqueue`]; a RESUME does not.
//!
//! [`LocalQueue`] keeps both limits for the shards of one process. An implementation of the
//! trait can share them across processes (one bot split over several machines with
//! [`BotBuilder::shard_ids`](crate::BotBuilder::shard_ids)).
//!
//! ```
//! use bot_core::gateway::{IdentifyQueue, LocalQueue};
//! use std::time::Duration;
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! let queue = LocalQueue::new(2).window(Duration::from_secs(5));
//! let start = tokio::time::Instant::now();
//! queue.enqueue(0).await.unwrap(); // bucket 0
//! queue.enqueue(1).await.unwrap(); // bucket 1: at once too
//! queue.enqueue(2).await.unwrap(); // bucket 0 again: one window later
//! assert!(start.elapsed() >= Duration::from_secs(5));
//! # }
//! ```

mod budget;
mod local;

pub use local::LocalQueue;

use crate::model::SessionStartLimit;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// What [`IdentifyQueue::enqueue`] returns: resolves once the shard may IDENTIFY.
pub type Enqueued = Pin<Box<dyn Future<Output = Result<(), IdentifyQueueError>> + Send + 'static>>;

/// Asks Discord (`GET /gateway/bot`) for the session start limit as it is now; `None` when the
/// answer could not be had. The bot supplies it, so that the gateway needs no REST client.
pub type LimitSource = Arc<
    dyn Fn() -> Pin<Box<dyn Future<Output = Option<SessionStartLimit>> + Send + 'static>>
        + Send
        + Sync,
>;

/// Decides when each shard may IDENTIFY (as twilight-gateway's `Queue`).
///
/// `enqueue` is called once per IDENTIFY, by the shard's task; the shard keeps its connection
/// (and heartbeats) while the returned future waits, and sends IDENTIFY as soon as it resolves
/// with `Ok`. An `Err` stops the shard with
/// [`GatewayError::IdentifyQueue`](super::GatewayError::IdentifyQueue).
pub trait IdentifyQueue: Send + Sync + fmt::Debug + 'static {
    /// Resolves when shard `shard_id` may IDENTIFY.
    fn enqueue(&self, shard_id: u64) -> Enqueued;

    /// What `GET /gateway/bot` said when the bot started: `max_concurrency` and the session
    /// start budget. The default ignores it.
    fn session_start_limit(&self, limit: SessionStartLimit) {
        let _ = limit;
    }

    /// Where to ask for the session start limit again once its `reset_after` has passed. The
    /// default ignores it.
    fn refresh_with(&self, source: LimitSource) {
        let _ = source;
    }
}

/// Why a shard may not IDENTIFY.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentifyQueueError {
    /// No session start is left today, and the reset is further away than the queue may wait.
    #[error(
        "the {total} session starts of the day are spent; they reset in {reset_after:?}, longer \
         than the {max_wait:?} the identify queue may wait (BotBuilder::session_start_max_wait)"
    )]
    SessionStartsExhausted {
        /// The starts allowed per day.
        total: u32,
        /// How long until they reset.
        reset_after: Duration,
        /// The longest wait allowed.
        max_wait: Duration,
    },
    /// Another implementation's failure (a shared queue that cannot be reached, ...).
    #[error("the identify queue failed: {0}")]
    Other(String),
}

/// Called before each IDENTIFY, before the queue, with the shard's id and whether this is the
/// shard's first IDENTIFY in this process (Pycord's `before_identify_hook(shard_id, initial)`).
#[derive(Clone)]
pub struct BeforeIdentify(pub(crate) Arc<HookFn>);

/// The hook's future.
type HookFuture = Pin<Box<dyn Future<Output = ()> + Send>>;
/// The hook, type-erased.
type HookFn = dyn Fn(u64, bool) -> HookFuture + Send + Sync;

impl BeforeIdentify {
    /// Wraps an async function of `(shard_id, initial)`.
    pub fn new<F, Fut>(hook: F) -> Self
    where
        F: Fn(u64, bool) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        BeforeIdentify(Arc::new(move |shard, initial| {
            Box::pin(hook(shard, initial))
        }))
    }

    /// Runs the hook.
    pub(crate) fn call(
        &self,
        shard: u64,
        initial: bool,
    ) -> Pin<Box<dyn Future<Output = ()> + Send>> {
        (self.0)(shard, initial)
    }
}

impl fmt::Debug for BeforeIdentify {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BeforeIdentify(..)")
    }
}

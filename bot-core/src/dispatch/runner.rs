//! A listener's task: takes its queue in order and calls it for each event — one call at a time,
//! or each on a task of its own when it is concurrent. Each event counts against the listener's
//! budget until its call returns. A failure or a panic (in the call or in building it) goes to
//! the bot's `on_error` handler and the listener goes on.

use super::handlers::EventHandlers;
use super::queue::Receiver;
use super::stats::Stats;
use crate::context::{Context, WeakContext};
use crate::event::{Callback, Event, EventError, EventFailure, ListenerFuture};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// What a listener is, to its task.
pub(super) struct Runner {
    pub(super) name: Arc<str>,
    pub(super) callback: Callback,
    pub(super) concurrent: bool,
    pub(super) ctx: WeakContext,
    pub(super) stats: Arc<Stats>,
    pub(super) handlers: Arc<EventHandlers>,
}

impl Runner {
    /// Runs until the queue ends (the listener removed, the bot closed).
    pub(super) async fn run(self, queue: Receiver) {
        while let Some((delivery, held)) = queue.take().await {
            let Some(ctx) = self.ctx.upgrade(Some(delivery.shard)) else {
                return;
            };
            let event = delivery.event;
            let call = call_guarded(&self.callback, ctx, event.clone());
            let name = self.name.clone();
            let stats = self.stats.clone();
            let handlers = self.handlers.clone();
            let report = async move {
                let outcome = call.await;
                drop(held);
                if let Err(failure) = outcome {
                    stats.failures.fetch_add(1, Ordering::Relaxed);
                    handlers.error(EventError {
                        listener: name.to_string(),
                        event: event.name().to_owned(),
                        failure,
                    });
                }
            };
            if self.concurrent {
                tokio::spawn(report);
            } else {
                report.await;
            }
        }
    }
}

/// Calls `callback` and runs what it returns, a panic in either caught.
fn call_guarded(
    callback: &Callback,
    ctx: Context,
    event: Arc<Event>,
) -> impl std::future::Future<Output = Result<(), EventFailure>> + Send + 'static {
    let call = crate::panic::call(|| callback(ctx, event));
    async move {
        match call {
            Ok(call) => guarded(call).await,
            Err(message) => Err(EventFailure::Panic(message)),
        }
    }
}

/// The call, with its panic caught.
pub(super) async fn guarded(call: ListenerFuture) -> Result<(), EventFailure> {
    match crate::panic::catch(call).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(EventFailure::Error(error)),
        Err(message) => Err(EventFailure::Panic(message)),
    }
}

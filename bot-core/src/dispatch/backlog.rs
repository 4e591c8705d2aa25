//! Back-pressure: the events a full queue could not take yet, as a future the shard awaits
//! before it reads its next frame.

use super::slot::Slot;
use super::stats::Stats;
use crate::event::Event;
use crate::gateway::Backlog;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::time::Instant;

/// Sends each waiting event once its queue has room, in order; warns (each time) about a
/// consumer that takes nothing for `stall`, and counts the wait.
pub(super) fn wait(
    waiting: Vec<(Arc<Slot>, Arc<Event>)>,
    stats: Arc<Stats>,
    shard: u64,
    stall: Duration,
) -> Backlog {
    stats.waits.fetch_add(1, Ordering::Relaxed);
    if !stats.warned.swap(true, Ordering::Relaxed) {
        let consumer = waiting.first().map(|(slot, _)| slot.name.clone());
        tracing::warn!(
            shard,
            consumer = consumer.as_deref().unwrap_or("?"),
            "a consumer's queue is full: the shard stops reading until it catches up (heartbeats \
             go on, nothing is dropped); `Bot::dispatch_stats` counts these waits (logged once)"
        );
    }
    Box::pin(async move {
        let started = Instant::now();
        for (slot, event) in waiting {
            let send = slot.tx.send(event);
            tokio::pin!(send);
            if tokio::time::timeout(stall, &mut send).await.is_err() {
                tracing::warn!(
                    shard,
                    consumer = &*slot.name,
                    "took no event for {stall:?}: dispatch is stalled until it reads again (an \
                     `events()` stream must be polled or dropped)"
                );
                // A consumer that went away (a dropped stream) is no reason to wait.
                let _ = send.await;
            }
        }
        stats.add_waited(started.elapsed());
    })
}

//! A consumer of events — a listener, a waiter, a stream — as the dispatcher offers events to it:
//! which kinds it takes, its check, how many more it takes, and its queue.

use super::queue::{Delivery, Pushed, Queue};
use crate::event::{Event, EventKind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// When a consumer gets an event, relative to the others: listeners, then waiters
/// (`wait_for`, `stream`), then `events()` streams.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Phase {
    Listener,
    Waiter,
    Events,
}

/// Which events a consumer takes beyond its kinds: a user's check, applied on the shard's task.
pub(super) type Filter = Box<dyn Fn(&Event) -> bool + Send + Sync>;

/// One consumer and its queue. Dropping the last reference to it ends the queue (the consumer
/// takes what is queued, then sees the end).
pub(super) struct Slot {
    pub(super) id: u64,
    /// The kinds it takes; `None`: every event (also those without a kind).
    pub(super) kinds: Option<Vec<EventKind>>,
    pub(super) phase: Phase,
    filter: Option<Filter>,
    /// How many more events it takes (`once`: 1; `None`: no end).
    remaining: Option<AtomicUsize>,
    queue: Arc<Queue>,
    /// Whether its filter panicked (reported once).
    filter_panicked: AtomicBool,
}

/// What offering an event to a slot came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Offer {
    /// Not for it.
    Skipped,
    /// Queued; `true` when it was the slot's last.
    Taken(bool),
    /// The consumer is gone.
    Gone,
}

impl Slot {
    pub(super) fn new(
        id: u64,
        kinds: Option<Vec<EventKind>>,
        phase: Phase,
        filter: Option<Filter>,
        limit: Option<usize>,
        queue: Arc<Queue>,
    ) -> Slot {
        Slot {
            id,
            kinds,
            phase,
            filter,
            remaining: limit.map(AtomicUsize::new),
            queue,
            filter_panicked: AtomicBool::new(false),
        }
    }

    /// Offers `delivery`: filtered, counted against the slot's limit, queued (never waits).
    pub(super) fn offer(&self, delivery: &Delivery) -> Offer {
        if let Some(filter) = &self.filter {
            match crate::panic::call(|| filter(&delivery.event)) {
                Ok(true) => {}
                Ok(false) => return Offer::Skipped,
                Err(_) => {
                    if !self.filter_panicked.swap(true, Ordering::Relaxed) {
                        tracing::error!(
                            consumer = self.queue.name(),
                            event = delivery.event.name(),
                            "a check panicked; it counts as false"
                        );
                    }
                    return Offer::Skipped;
                }
            }
        }
        let last = match &self.remaining {
            None => false,
            Some(remaining) => {
                let taken = remaining
                    .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
                match taken {
                    Ok(before) => before == 1,
                    // Already had its last (another shard was first).
                    Err(_) => return Offer::Skipped,
                }
            }
        };
        match self.queue.push(delivery) {
            Pushed::Queued => Offer::Taken(last),
            Pushed::Gone => Offer::Gone,
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.queue.close();
    }
}

#[cfg(test)]
mod tests {
    use super::super::queue::Receiver;
    use super::*;
    use crate::event::Budget;
    use std::time::Duration;

    fn slot(filter: Option<Filter>, limit: Option<usize>) -> (Slot, Receiver) {
        let queue = Queue::new(
            "test".into(),
            Budget::DEFAULT,
            Duration::from_secs(1),
            Arc::new(|_, _| {}),
            Arc::new(|| {}),
        );
        (
            Slot::new(1, None, Phase::Waiter, filter, limit, queue.clone()),
            Receiver(queue),
        )
    }

    fn delete() -> Delivery {
        Delivery {
            event: Arc::new(Event::from_dispatch_json(
                "MESSAGE_DELETE",
                r#"{"id":"2","channel_id":"1"}"#,
            )),
            shard: 0,
            seq: None,
            bytes: 0,
        }
    }

    #[tokio::test]
    async fn a_limited_slot_takes_its_limit_then_skips_and_a_gone_consumer_is_gone() {
        let (once, rx) = slot(None, Some(1));
        assert_eq!(once.offer(&delete()), Offer::Taken(true));
        assert_eq!(once.offer(&delete()), Offer::Skipped);
        assert!(rx.next().await.is_some());
        let (open, rx) = slot(None, None);
        assert_eq!(open.offer(&delete()), Offer::Taken(false));
        drop(rx);
        assert_eq!(open.offer(&delete()), Offer::Gone);
    }

    #[tokio::test]
    async fn a_dropped_slot_ends_its_queue_after_what_it_holds() {
        let (open, rx) = slot(None, None);
        open.offer(&delete());
        drop(open);
        assert!(rx.next().await.is_some());
        assert!(rx.next().await.is_none());
    }

    #[test]
    fn a_panicking_check_counts_as_false() {
        let filter: Filter = Box::new(|_| panic!("boom"));
        let (slot, _rx) = slot(Some(filter), Some(1));
        assert_eq!(slot.offer(&delete()), Offer::Skipped);
        assert_eq!(slot.offer(&delete()), Offer::Skipped);
    }
}

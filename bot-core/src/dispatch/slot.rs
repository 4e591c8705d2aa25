//! The consumers of events — listeners, waiters, streams — and the table that says which get
//! which kind, rebuilt on every change and read without copying on every event.

use crate::event::{Event, EventKind};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use tokio::sync::mpsc;

/// When a consumer gets an event, relative to the others: listeners, then waiters
/// (`wait_for`, `stream`), then `events()` streams.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Phase {
    Listener,
    Waiter,
    Events,
}

/// Which events a consumer takes beyond its kinds: a user's check, applied on the shard's task.
pub(super) type Filter = Box<dyn Fn(&Event) -> bool + Send + Sync>;

/// One consumer and its queue.
pub(super) struct Slot {
    pub(super) id: u64,
    /// How it is named in logs.
    pub(super) name: Arc<str>,
    /// The kinds it takes; `None`: every event (also those without a kind).
    pub(super) kinds: Option<Vec<EventKind>>,
    pub(super) phase: Phase,
    pub(super) filter: Option<Filter>,
    /// How many more events it takes (`once`: 1; `None`: no end).
    pub(super) remaining: Option<AtomicUsize>,
    pub(super) tx: mpsc::Sender<Arc<Event>>,
    /// Whether its filter panicked (reported once).
    filter_panicked: AtomicBool,
}

/// What offering an event to a slot came to.
pub(super) enum Offer {
    /// Not for it.
    Skipped,
    /// Queued; `true` when it was the slot's last.
    Taken(bool),
    /// Its queue is full: send it when there is room (`true`: the slot's last).
    Full(Arc<Event>, bool),
    /// The consumer is gone.
    Gone,
}

impl Slot {
    pub(super) fn new(
        id: u64,
        name: Arc<str>,
        kinds: Option<Vec<EventKind>>,
        phase: Phase,
        filter: Option<Filter>,
        limit: Option<usize>,
        tx: mpsc::Sender<Arc<Event>>,
    ) -> Slot {
        Slot {
            id,
            name,
            kinds,
            phase,
            filter,
            remaining: limit.map(AtomicUsize::new),
            tx,
            filter_panicked: AtomicBool::new(false),
        }
    }

    fn takes(&self, kind: Option<EventKind>) -> bool {
        match (&self.kinds, kind) {
            (None, _) => true,
            (Some(kinds), Some(kind)) => kinds.contains(&kind),
            (Some(_), None) => false,
        }
    }

    /// Offers `event`: filtered, counted against the slot's limit, queued if there is room.
    pub(super) fn offer(&self, event: &Arc<Event>) -> Offer {
        if let Some(filter) = &self.filter {
            match std::panic::catch_unwind(AssertUnwindSafe(|| filter(event))) {
                Ok(true) => {}
                Ok(false) => return Offer::Skipped,
                Err(_) => {
                    if !self.filter_panicked.swap(true, Ordering::Relaxed) {
                        tracing::error!(
                            consumer = &*self.name,
                            event = event.name(),
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
        match self.tx.try_send(event.clone()) {
            Ok(()) => Offer::Taken(last),
            Err(mpsc::error::TrySendError::Full(event)) => Offer::Full(event, last),
            Err(mpsc::error::TrySendError::Closed(_)) => Offer::Gone,
        }
    }
}

/// Every slot, and for each kind (and for events without one) the slots that take it, by phase.
pub(super) struct Table {
    slots: Vec<Arc<Slot>>,
    by_kind: Vec<Vec<Arc<Slot>>>,
}

impl Table {
    pub(super) fn new(mut slots: Vec<Arc<Slot>>) -> Table {
        slots.sort_by_key(|slot| (slot.phase, slot.id));
        let kinds: Vec<EventKind> = EventKind::all().collect();
        let mut by_kind: Vec<Vec<Arc<Slot>>> = kinds
            .iter()
            .map(|kind| {
                slots
                    .iter()
                    .filter(|slot| slot.takes(Some(*kind)))
                    .cloned()
                    .collect()
            })
            .collect();
        by_kind.push(slots.iter().filter(|s| s.takes(None)).cloned().collect());
        Table { slots, by_kind }
    }

    pub(super) fn empty() -> Table {
        Table::new(Vec::new())
    }

    /// The slots an event of `kind` goes to, in order.
    pub(super) fn targets(&self, kind: Option<EventKind>) -> &[Arc<Slot>] {
        let index = kind.map_or(self.by_kind.len() - 1, |kind| kind as usize);
        self.by_kind.get(index).map_or(&[], Vec::as_slice)
    }

    pub(super) fn slots(&self) -> &[Arc<Slot>] {
        &self.slots
    }

    /// The table with `slot` added.
    pub(super) fn with(&self, slot: Arc<Slot>) -> Table {
        let mut slots = self.slots.clone();
        slots.push(slot);
        Table::new(slots)
    }

    /// The table without the slots in `ids` (`None` when none of them is in it).
    pub(super) fn without(&self, ids: &[u64]) -> Option<Table> {
        let before = self.slots.len();
        let slots: Vec<_> = self
            .slots
            .iter()
            .filter(|slot| !ids.contains(&slot.id))
            .cloned()
            .collect();
        (slots.len() != before).then(|| Table::new(slots))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(
        id: u64,
        kinds: Option<Vec<EventKind>>,
        phase: Phase,
        limit: Option<usize>,
    ) -> (Arc<Slot>, mpsc::Receiver<Arc<Event>>) {
        let (tx, rx) = mpsc::channel(2);
        (
            Arc::new(Slot::new(
                id,
                format!("#{id}").into(),
                kinds,
                phase,
                None,
                limit,
                tx,
            )),
            rx,
        )
    }

    fn delete() -> Arc<Event> {
        Arc::new(Event::from_dispatch_json(
            "MESSAGE_DELETE",
            r#"{"id":"2","channel_id":"1"}"#,
        ))
    }

    #[test]
    fn each_kind_lists_its_slots_listeners_first_and_events_without_a_kind_only_go_to_every_event_slots()
     {
        let (events, _a) = slot(1, None, Phase::Events, None);
        let (waiter, _b) = slot(
            2,
            Some(vec![EventKind::MessageDelete]),
            Phase::Waiter,
            Some(1),
        );
        let (listener, _c) = slot(
            3,
            Some(vec![EventKind::MessageDelete]),
            Phase::Listener,
            None,
        );
        let (other, _d) = slot(4, Some(vec![EventKind::Ready]), Phase::Listener, None);
        let table = Table::new(vec![events, waiter, listener, other]);
        let ids = |kind| table.targets(kind).iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(Some(EventKind::MessageDelete)), [3, 2, 1]);
        assert_eq!(ids(Some(EventKind::Ready)), [4, 1]);
        assert_eq!(ids(None), [1]);
        let smaller = table.without(&[1, 3]).unwrap();
        assert_eq!(smaller.targets(Some(EventKind::MessageDelete)).len(), 1);
        assert!(smaller.without(&[99]).is_none());
    }

    #[test]
    fn a_limited_slot_takes_its_limit_then_skips_and_a_full_queue_gives_the_event_back() {
        let (once, mut rx) = slot(1, None, Phase::Waiter, Some(1));
        assert!(matches!(once.offer(&delete()), Offer::Taken(true)));
        assert!(matches!(once.offer(&delete()), Offer::Skipped));
        assert!(rx.try_recv().is_ok());
        let (open, rx) = slot(2, None, Phase::Listener, None);
        assert!(matches!(open.offer(&delete()), Offer::Taken(false)));
        assert!(matches!(open.offer(&delete()), Offer::Taken(false)));
        assert!(matches!(open.offer(&delete()), Offer::Full(_, false)));
        drop(rx);
        assert!(matches!(open.offer(&delete()), Offer::Gone));
    }

    #[test]
    fn a_panicking_check_counts_as_false() {
        let (tx, _rx) = mpsc::channel(1);
        let filter: Filter = Box::new(|_| panic!("boom"));
        let slot = Slot::new(
            1,
            "check".into(),
            None,
            Phase::Waiter,
            Some(filter),
            Some(1),
            tx,
        );
        assert!(matches!(slot.offer(&delete()), Offer::Skipped));
        assert!(matches!(slot.offer(&delete()), Offer::Skipped));
    }
}

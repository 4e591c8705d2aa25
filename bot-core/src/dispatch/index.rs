//! Which consumers take which kind of event: ordered maps per kind, changed in O(log n) for a
//! consumer of one kind, read on every event by collecting the targets (so no lock is held
//! while user checks run).

use super::slot::{Phase, Slot};
use crate::event::EventKind;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// A consumer's place in delivery order: listeners, waiters, then `events()` streams; within
/// each, by age.
type Key = (Phase, u64);

/// Every consumer, by kind.
pub(super) struct Index {
    by_id: HashMap<u64, Arc<Slot>>,
    /// Per kind (indexed by `EventKind as usize`), the consumers of that kind only.
    by_kind: Vec<BTreeMap<Key, Arc<Slot>>>,
    /// The consumers of every event (also of events without a kind).
    every: BTreeMap<Key, Arc<Slot>>,
}

impl Index {
    pub(super) fn new() -> Index {
        Index {
            by_id: HashMap::new(),
            by_kind: EventKind::all().map(|_| BTreeMap::new()).collect(),
            every: BTreeMap::new(),
        }
    }

    fn key(slot: &Slot) -> Key {
        (slot.phase, slot.id)
    }

    pub(super) fn insert(&mut self, slot: Arc<Slot>) {
        let key = Index::key(&slot);
        match &slot.kinds {
            None => {
                self.every.insert(key, slot.clone());
            }
            Some(kinds) => {
                for kind in kinds {
                    if let Some(map) = self.by_kind.get_mut(*kind as usize) {
                        map.insert(key, slot.clone());
                    }
                }
            }
        }
        self.by_id.insert(slot.id, slot);
    }

    /// Removes the consumer `id`; it, if it was there.
    pub(super) fn remove(&mut self, id: u64) -> Option<Arc<Slot>> {
        let slot = self.by_id.remove(&id)?;
        let key = Index::key(&slot);
        match &slot.kinds {
            None => {
                self.every.remove(&key);
            }
            Some(kinds) => {
                for kind in kinds {
                    if let Some(map) = self.by_kind.get_mut(*kind as usize) {
                        map.remove(&key);
                    }
                }
            }
        }
        Some(slot)
    }

    /// Removes every consumer.
    pub(super) fn clear(&mut self) -> Vec<Arc<Slot>> {
        for map in &mut self.by_kind {
            map.clear();
        }
        self.every.clear();
        self.by_id.drain().map(|(_, slot)| slot).collect()
    }

    pub(super) fn len(&self) -> usize {
        self.by_id.len()
    }

    /// The consumers an event of `kind` goes to, in delivery order, into `targets`.
    /// Whether a consumer asked for `kind` by name (consumers of every event are not counted:
    /// they get the dispatches, not the events the cache derives).
    pub(super) fn has_kind(&self, kind: EventKind) -> bool {
        self.by_kind
            .get(kind as usize)
            .is_some_and(|of_kind| !of_kind.is_empty())
    }

    /// The consumers that asked for `kind` by name.
    pub(super) fn targets_of_kind(&self, kind: EventKind, targets: &mut Vec<Arc<Slot>>) {
        if let Some(of_kind) = self.by_kind.get(kind as usize) {
            targets.extend(of_kind.values().cloned());
        }
    }

    pub(super) fn targets(&self, kind: Option<EventKind>, targets: &mut Vec<Arc<Slot>>) {
        let Some(of_kind) = kind.and_then(|kind| self.by_kind.get(kind as usize)) else {
            targets.extend(self.every.values().cloned());
            return;
        };
        if self.every.is_empty() {
            targets.extend(of_kind.values().cloned());
            return;
        }
        targets.reserve(of_kind.len() + self.every.len());
        let mut a = of_kind.iter().peekable();
        let mut b = self.every.iter().peekable();
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some((ka, _)), Some((kb, _))) => {
                    if ka <= kb {
                        a.next()
                    } else {
                        b.next()
                    }
                }
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            if let Some((_, slot)) = next {
                targets.push(slot.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::queue::Queue;
    use super::*;
    use crate::event::Budget;
    use std::time::Duration;

    fn slot(id: u64, kinds: Option<Vec<EventKind>>, phase: Phase) -> Arc<Slot> {
        let queue = Queue::new(
            format!("#{id}").into(),
            Budget::DEFAULT,
            Duration::from_secs(1),
            Arc::new(|_, _| {}),
            Arc::new(|| {}),
        );
        Arc::new(Slot::new(id, kinds, phase, None, None, queue))
    }

    fn ids(index: &Index, kind: Option<EventKind>) -> Vec<u64> {
        let mut targets = Vec::new();
        index.targets(kind, &mut targets);
        targets.iter().map(|slot| slot.id).collect()
    }

    #[test]
    fn each_kind_gets_its_consumers_listeners_first_and_events_without_a_kind_only_every_event_ones()
     {
        let mut index = Index::new();
        index.insert(slot(1, None, Phase::Events));
        index.insert(slot(2, Some(vec![EventKind::MessageDelete]), Phase::Waiter));
        index.insert(slot(
            3,
            Some(vec![EventKind::MessageDelete, EventKind::Ready]),
            Phase::Listener,
        ));
        index.insert(slot(4, Some(vec![EventKind::Ready]), Phase::Listener));
        index.insert(slot(5, None, Phase::Listener));
        assert_eq!(ids(&index, Some(EventKind::MessageDelete)), [3, 5, 2, 1]);
        assert_eq!(ids(&index, Some(EventKind::Ready)), [3, 4, 5, 1]);
        assert_eq!(ids(&index, None), [5, 1]);
        assert_eq!(index.len(), 5);
        assert!(index.remove(3).is_some());
        assert!(index.remove(1).is_some());
        assert!(index.remove(99).is_none());
        assert_eq!(ids(&index, Some(EventKind::MessageDelete)), [5, 2]);
        assert_eq!(ids(&index, Some(EventKind::Ready)), [4, 5]);
        assert_eq!(index.clear().len(), 3);
        assert!(ids(&index, Some(EventKind::Ready)).is_empty());
    }
}

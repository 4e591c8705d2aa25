//! A consumer's queue: what its shards delivered and it has not taken yet, within its
//! [`Budget`]. Pushing never waits: past the budget the oldest queued events are dropped and
//! noted as a lag episode, reported when the consumer takes its next event or after the report
//! interval, whichever comes first.

use super::lag::Episodes;
use crate::event::{Budget, Event, EventKind, Lagged};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;
use tokio::sync::Notify;

/// An event as a shard delivered it: shared by every consumer that takes it.
#[derive(Clone, Debug)]
pub(crate) struct Delivery {
    pub(crate) event: Arc<Event>,
    pub(crate) shard: u64,
    pub(crate) seq: Option<u64>,
    /// The length of the dispatch's wire text (its `d`).
    pub(crate) bytes: usize,
}

/// Where a queue reports its lag episodes (with the name of the last event dropped).
pub(super) type LagReport = Arc<dyn Fn(Lagged, &'static str) + Send + Sync>;

/// What a queue counts, shared with the dispatcher's stats.
pub(super) type DropCounter = Arc<dyn Fn() + Send + Sync>;

#[derive(Debug, Default)]
struct State {
    queued: VecDeque<Delivery>,
    /// Events delivered and not yet done with: queued, or taken and still being handled.
    held_events: usize,
    held_bytes: usize,
    episodes: Episodes,
    /// No more events will come (the consumer was removed, or the bot closed).
    closed: bool,
    /// The consumer is gone: nothing is queued any more.
    abandoned: bool,
}

/// What pushing an event came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pushed {
    /// Queued (older events may have been dropped to make room).
    Queued,
    /// The consumer is gone.
    Gone,
}

/// One consumer's queue.
pub(crate) struct Queue {
    name: Arc<str>,
    budget: Budget,
    /// How long a lag episode may stay open before it is reported.
    report_after: Duration,
    state: Mutex<State>,
    ready: Notify,
    report: LagReport,
    count_drop: DropCounter,
}

impl std::fmt::Debug for Queue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Queue")
            .field("name", &self.name)
            .field("budget", &self.budget)
            .finish_non_exhaustive()
    }
}

impl Queue {
    pub(super) fn new(
        name: Arc<str>,
        budget: Budget,
        report_after: Duration,
        report: LagReport,
        count_drop: DropCounter,
    ) -> Arc<Queue> {
        Arc::new(Queue {
            name,
            budget,
            report_after,
            state: Mutex::new(State::default()),
            ready: Notify::new(),
            report,
            count_drop,
        })
    }

    /// The consumer's name, as logs and lag reports give it.
    pub(super) fn name(&self) -> &str {
        &self.name
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues `delivery`, dropping the oldest queued events while the consumer holds more
    /// than its budget (an event alone is always taken). Never waits.
    pub(super) fn push(self: &Arc<Self>, delivery: &Delivery) -> Pushed {
        let mut opened = false;
        {
            let mut state = self.lock();
            if state.abandoned || state.closed {
                return Pushed::Gone;
            }
            state.held_events += 1;
            state.held_bytes = state.held_bytes.saturating_add(delivery.bytes);
            state.queued.push_back(delivery.clone());
            while (state.held_events > self.budget.events()
                || state.held_bytes > self.budget.bytes())
                && state.held_events > 1
                && let Some(oldest) = state.queued.pop_front()
            {
                state.held_events -= 1;
                state.held_bytes -= oldest.bytes;
                let name = oldest
                    .event
                    .kind()
                    .map_or("UNKNOWN", EventKind::dispatch_name);
                opened |= state.episodes.dropped(oldest.shard, oldest.seq, name);
                (self.count_drop)();
            }
        }
        if opened {
            self.schedule_report();
        }
        self.ready.notify_one();
        Pushed::Queued
    }

    /// Reports the open episodes after the report interval, unless the consumer takes an
    /// event first (which reports them).
    fn schedule_report(self: &Arc<Self>) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let queue: Weak<Queue> = Arc::downgrade(self);
        let after = self.report_after;
        runtime.spawn(async move {
            tokio::time::sleep(after).await;
            if let Some(queue) = queue.upgrade() {
                queue.report_lag();
            }
        });
    }

    /// Reports and ends the open episodes, if any.
    fn report_lag(&self) {
        let reports = {
            let mut state = self.lock();
            if !state.episodes.is_open() {
                return;
            }
            state.episodes.close(&self.name)
        };
        for (lag, last_event) in reports {
            (self.report)(lag, last_event);
        }
    }

    /// No more events will come: the consumer takes what is queued, then its queue ends.
    pub(super) fn close(&self) {
        self.lock().closed = true;
        self.ready.notify_one();
    }

    /// The next event, once there is one; `None` once the queue is closed and empty. The
    /// event counts against the budget until the [`Held`] is dropped.
    pub(crate) async fn take(self: &Arc<Self>) -> Option<(Delivery, Held)> {
        loop {
            let taken = {
                let mut state = self.lock();
                match state.queued.pop_front() {
                    Some(delivery) => {
                        let reports = if state.episodes.is_open() {
                            state.episodes.close(&self.name)
                        } else {
                            Vec::new()
                        };
                        Some((delivery, reports))
                    }
                    None if state.closed => return None,
                    None => None,
                }
            };
            if let Some((delivery, reports)) = taken {
                for (lag, last_event) in reports {
                    (self.report)(lag, last_event);
                }
                let held = Held {
                    queue: self.clone(),
                    bytes: delivery.bytes,
                };
                return Some((delivery, held));
            }
            self.ready.notified().await;
        }
    }

    /// The consumer is gone: what is queued is freed and nothing more is queued.
    pub(crate) fn abandon(&self) {
        let mut state = self.lock();
        state.abandoned = true;
        state.queued.clear();
    }

    fn done(&self, bytes: usize) {
        let mut state = self.lock();
        state.held_events = state.held_events.saturating_sub(1);
        state.held_bytes = state.held_bytes.saturating_sub(bytes);
    }

    /// How many events it holds (queued and being handled), for tests.
    #[cfg(test)]
    fn held(&self) -> (usize, usize) {
        let state = self.lock();
        (state.held_events, state.queued.len())
    }
}

/// An event taken from a queue: it counts against the consumer's budget until dropped.
#[derive(Debug)]
pub(crate) struct Held {
    queue: Arc<Queue>,
    bytes: usize,
}

impl Drop for Held {
    fn drop(&mut self) {
        self.queue.done(self.bytes);
    }
}

/// The consumer's end of a queue: dropping it abandons the queue.
#[derive(Debug)]
pub(crate) struct Receiver(pub(super) Arc<Queue>);

impl Receiver {
    /// The next event and its hold on the budget; `None` once the queue ended.
    pub(crate) async fn take(&self) -> Option<(Delivery, Held)> {
        self.0.take().await
    }

    /// The next event, done with at once (a stream's or a waiter's), with the shard that
    /// delivered it; `None` once it ended.
    pub(crate) async fn next(&self) -> Option<(Arc<Event>, u64)> {
        self.0
            .take()
            .await
            .map(|(delivery, _)| (delivery.event, delivery.shard))
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.0.abandon();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    fn message(n: u64) -> Delivery {
        Delivery {
            event: Arc::new(Event::from_dispatch_json(
                "MESSAGE_DELETE",
                &format!(r#"{{"id":"{}","channel_id":"1"}}"#, n + 1),
            )),
            shard: 0,
            seq: Some(n),
            bytes: 10,
        }
    }

    fn deleted_id(delivery: &Delivery) -> u64 {
        match &*delivery.event {
            Event::MessageDelete(deleted) => deleted.id.get() - 1,
            other => panic!("{other:?}"),
        }
    }

    type Reports = Arc<Mutex<Vec<(Lagged, &'static str)>>>;

    fn new_queue(budget: Budget) -> (Arc<Queue>, Reports, Arc<AtomicU64>) {
        let reports: Reports = Arc::default();
        let drops = Arc::new(AtomicU64::new(0));
        let into = reports.clone();
        let counted = drops.clone();
        let queue = Queue::new(
            "slow".into(),
            budget,
            Duration::from_secs(1),
            Arc::new(move |lag, last| into.lock().unwrap().push((lag, last))),
            Arc::new(move || {
                counted.fetch_add(1, Ordering::Relaxed);
            }),
        );
        (queue, reports, drops)
    }

    #[tokio::test(start_paused = true)]
    async fn past_its_budget_a_consumer_loses_its_oldest_events_and_hears_of_it_when_it_takes_the_next()
     {
        let (queue, reports, drops) = new_queue(Budget::events_only(3));
        for n in 0..10 {
            assert_eq!(queue.push(&message(n)), Pushed::Queued);
        }
        assert_eq!(drops.load(Ordering::Relaxed), 7);
        assert_eq!(queue.held(), (3, 3));
        assert!(reports.lock().unwrap().is_empty(), "not yet reported");
        let (first, held) = queue.take().await.unwrap();
        assert_eq!(deleted_id(&first), 7, "the newest three were kept");
        let reported = std::mem::take(&mut *reports.lock().unwrap());
        assert_eq!(reported.len(), 1);
        assert_eq!(
            reported[0].0,
            Lagged {
                consumer: "slow".to_owned(),
                shard: 0,
                dropped: 7,
                first_seq: Some(0),
                last_seq: Some(6),
            }
        );
        assert_eq!(reported[0].1, "MESSAGE_DELETE");
        // The event being handled still counts: one more push drops the oldest queued.
        queue.push(&message(10));
        assert_eq!(queue.held(), (3, 2));
        drop(held);
        assert_eq!(queue.held(), (2, 2));
        let rest: Vec<u64> = [queue.take().await, queue.take().await]
            .into_iter()
            .map(|taken| deleted_id(&taken.unwrap().0))
            .collect();
        assert_eq!(rest, [9, 10]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_consumer_stuck_for_good_is_reported_after_the_interval() {
        let (queue, reports, _) = new_queue(Budget::events_only(2));
        for n in 0..5 {
            queue.push(&message(n));
        }
        tokio::time::sleep(Duration::from_millis(999)).await;
        assert!(reports.lock().unwrap().is_empty());
        tokio::time::sleep(Duration::from_millis(2)).await;
        let reported = std::mem::take(&mut *reports.lock().unwrap());
        assert_eq!(reported.len(), 1);
        assert_eq!(reported[0].0.dropped, 3);
        for n in 5..7 {
            queue.push(&message(n));
        }
        tokio::time::sleep(Duration::from_millis(1001)).await;
        let reported = std::mem::take(&mut *reports.lock().unwrap());
        assert_eq!(
            reported[0].0.dropped, 2,
            "a new episode, counted from the last report"
        );
        assert_eq!(reported[0].0.first_seq, Some(3));
    }

    #[tokio::test(start_paused = true)]
    async fn the_byte_budget_counts_too_but_one_event_is_always_taken() {
        let (queue, _, drops) = new_queue(Budget::new(100, 25));
        for n in 0..3 {
            queue.push(&message(n));
        }
        assert_eq!(queue.held(), (2, 2), "two of 10 bytes fit in 25");
        assert_eq!(drops.load(Ordering::Relaxed), 1);
        let (queue, _, drops) = new_queue(Budget::new(100, 5));
        queue.push(&message(0));
        assert_eq!(queue.held(), (1, 1), "alone, it is taken");
        assert_eq!(drops.load(Ordering::Relaxed), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn a_closed_queue_ends_after_what_it_holds_and_an_abandoned_one_takes_nothing() {
        let (queue, _, _) = new_queue(Budget::DEFAULT);
        queue.push(&message(0));
        queue.close();
        assert!(queue.take().await.is_some());
        assert!(queue.take().await.is_none());
        let (queue, _, _) = new_queue(Budget::DEFAULT);
        let receiver = Receiver(queue.clone());
        drop(receiver);
        assert_eq!(queue.push(&message(0)), Pushed::Gone);
        assert_eq!(queue.held(), (0, 0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_waiting_consumer_wakes_for_a_push() {
        let (queue, _, _) = new_queue(Budget::DEFAULT);
        let taker = queue.clone();
        let task = tokio::spawn(async move { taker.take().await.map(|(d, _)| d.seq) });
        tokio::task::yield_now().await;
        queue.push(&message(4));
        assert_eq!(task.await.unwrap(), Some(Some(4)));
    }
}

//! The bounded queue of frames waiting for the socket: callers park a frame with a deadline and
//! wait; the connection task takes frames in order and writes them. A caller that gives up
//! (its deadline passed, or its future was dropped) withdraws its frame, which is then never
//! written; a full queue refuses at once.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::{Notify, oneshot};
use tokio::time::Instant;

/// Why a queued frame was not written.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The queue held `capacity` frames already; nothing was queued.
    Full(usize),
    /// The deadline passed while the client had no connection; withdrawn, never written.
    Disconnected,
    /// The deadline passed while connected, before the writer got to it; withdrawn.
    Timeout,
    /// The write broke off, or was still under way at the deadline: it may have reached the
    /// server.
    Interrupted,
    /// The client stopped before the frame was written; withdrawn.
    Stopped,
}

/// What the writer reports for a frame it took.
pub(crate) type Written = Result<(), Failure>;

struct Entry {
    text: String,
    done: oneshot::Sender<Written>,
}

#[derive(Default)]
struct State {
    next_id: u64,
    frames: BTreeMap<u64, Entry>,
    connected: bool,
    stopped: bool,
}

/// The queue, shared by the handles and the connection task.
pub(crate) struct Outbox {
    capacity: usize,
    state: Mutex<State>,
    wake: Notify,
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.lock();
        f.debug_struct("Outbox")
            .field("capacity", &self.capacity)
            .field("queued", &state.frames.len())
            .field("connected", &state.connected)
            .field("stopped", &state.stopped)
            .finish()
    }
}

/// A frame the writer took: write `text`, then report through [`Taken::finish`].
pub(crate) struct Taken {
    pub(crate) text: String,
    done: oneshot::Sender<Written>,
}

impl Taken {
    /// Tells the caller how the write went (ignored if it gave up meanwhile).
    pub(crate) fn finish(self, written: Written) {
        let _ = self.done.send(written);
    }
}

/// A caller's claim on its queued frame; dropping it withdraws the frame if not yet taken.
pub(crate) struct Ticket {
    outbox: Arc<Outbox>,
    id: u64,
    done: oneshot::Receiver<Written>,
}

impl Outbox {
    /// A queue of at most `capacity` frames (at least one).
    pub(crate) fn new(capacity: usize) -> Outbox {
        Outbox {
            capacity: capacity.max(1),
            state: Mutex::new(State::default()),
            wake: Notify::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many frames wait to be written.
    pub(crate) fn len(&self) -> usize {
        self.lock().frames.len()
    }

    /// Queues a frame, or refuses it at once when the queue is full or the client stopped.
    pub(crate) fn push(self: &Arc<Self>, text: String) -> Result<Ticket, Failure> {
        let mut state = self.lock();
        if state.stopped {
            return Err(Failure::Stopped);
        }
        if state.frames.len() >= self.capacity {
            return Err(Failure::Full(self.capacity));
        }
        let id = state.next_id;
        state.next_id += 1;
        let (done, receiver) = oneshot::channel();
        state.frames.insert(id, Entry { text, done });
        drop(state);
        self.wake.notify_one();
        Ok(Ticket {
            outbox: self.clone(),
            id,
            done: receiver,
        })
    }

    /// The oldest frame, taken out of the queue for writing.
    pub(crate) fn take(&self) -> Option<Taken> {
        let (_, entry) = self.lock().frames.pop_first()?;
        Some(Taken {
            text: entry.text,
            done: entry.done,
        })
    }

    /// Waits for a frame and takes it. Cancel-safe: a frame is only taken when this returns.
    pub(crate) async fn next(&self) -> Taken {
        loop {
            if let Some(taken) = self.take() {
                return taken;
            }
            self.wake.notified().await;
        }
    }

    /// Whether a socket is ready for frames (what a deadline's error says).
    pub(crate) fn set_connected(&self, connected: bool) {
        self.lock().connected = connected;
    }

    /// The client stopped: every queued frame fails, and new ones are refused.
    pub(crate) fn stop(&self) {
        let frames = {
            let mut state = self.lock();
            state.stopped = true;
            state.connected = false;
            std::mem::take(&mut state.frames)
        };
        for entry in frames.into_values() {
            let _ = entry.done.send(Err(Failure::Stopped));
        }
    }

    /// Removes a frame not yet taken; the error its caller gets, or `None` if it was taken.
    fn withdraw(&self, id: u64) -> Option<Failure> {
        let mut state = self.lock();
        state.frames.remove(&id)?;
        Some(if state.connected {
            Failure::Timeout
        } else {
            Failure::Disconnected
        })
    }
}

impl Ticket {
    /// Waits until the frame is written, or until `deadline` (`None`: no limit), when it is
    /// withdrawn if still queued.
    pub(crate) async fn wait(mut self, deadline: Option<Instant>) -> Written {
        let outcome = match deadline {
            Some(deadline) => tokio::time::timeout_at(deadline, &mut self.done).await,
            None => Ok((&mut self.done).await),
        };
        match outcome {
            Ok(Ok(written)) => written,
            // The writer dropped the frame without a word: only when the client stops.
            Ok(Err(_)) => Err(Failure::Stopped),
            Err(_) => match self.outbox.withdraw(self.id) {
                Some(failure) => Err(failure),
                // Taken: the write may be under way, or done but not yet reported.
                None => match self.done.try_recv() {
                    Ok(written) => written,
                    Err(_) => Err(Failure::Interrupted),
                },
            },
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.outbox.withdraw(self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn deadline(ms: u64) -> Option<Instant> {
        Some(Instant::now() + Duration::from_millis(ms))
    }

    #[test]
    fn a_full_queue_refuses_at_once_and_never_grows() {
        let outbox = Arc::new(Outbox::new(2));
        let _a = outbox.push("a".into()).unwrap();
        let _b = outbox.push("b".into()).unwrap();
        for _ in 0..100 {
            assert!(matches!(outbox.push("c".into()), Err(Failure::Full(2))));
        }
        assert_eq!(outbox.len(), 2);
        assert_eq!(
            Outbox::new(0).capacity,
            1,
            "a zero capacity still holds one frame"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_deadline_while_disconnected_withdraws_the_frame() {
        let outbox = Arc::new(Outbox::new(4));
        let ticket = outbox.push("late".into()).unwrap();
        let started = Instant::now();
        assert_eq!(ticket.wait(deadline(300)).await, Err(Failure::Disconnected));
        assert_eq!(started.elapsed(), Duration::from_millis(300));
        assert_eq!(outbox.len(), 0);
        outbox.set_connected(true);
        assert!(
            outbox.take().is_none(),
            "a withdrawn frame is never written"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_deadline_while_connected_is_a_timeout() {
        let outbox = Arc::new(Outbox::new(4));
        outbox.set_connected(true);
        let ticket = outbox.push("slow".into()).unwrap();
        assert_eq!(ticket.wait(deadline(50)).await, Err(Failure::Timeout));
        assert!(outbox.take().is_none());
    }

    #[tokio::test(start_paused = true)]
    async fn a_dropped_caller_withdraws_its_frame() {
        let outbox = Arc::new(Outbox::new(4));
        let ticket = outbox.push("gone".into()).unwrap();
        let kept = outbox.push("kept".into()).unwrap();
        let gave_up = tokio::time::timeout(Duration::from_millis(10), ticket.wait(None)).await;
        assert!(gave_up.is_err());
        assert_eq!(outbox.len(), 1);
        let taken = outbox.take().unwrap();
        assert_eq!(taken.text, "kept");
        taken.finish(Ok(()));
        assert_eq!(kept.wait(None).await, Ok(()));
    }

    #[tokio::test(start_paused = true)]
    async fn frames_are_taken_in_order_and_reported() {
        let outbox = Arc::new(Outbox::new(8));
        let tickets: Vec<_> = (0..3)
            .map(|n| outbox.push(format!("f{n}")).unwrap())
            .collect();
        let writer = {
            let outbox = outbox.clone();
            tokio::spawn(async move {
                let mut order = Vec::new();
                for _ in 0..3 {
                    let taken = outbox.next().await;
                    order.push(taken.text.clone());
                    taken.finish(Ok(()));
                }
                order
            })
        };
        for ticket in tickets {
            assert_eq!(ticket.wait(deadline(1000)).await, Ok(()));
        }
        assert_eq!(writer.await.unwrap(), ["f0", "f1", "f2"]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_frame_taken_before_the_deadline_is_not_called_withdrawn() {
        let outbox = Arc::new(Outbox::new(4));
        let ticket = outbox.push("in flight".into()).unwrap();
        let taken = outbox.take().unwrap();
        // The write is still under way at the deadline: it may have reached the server.
        assert_eq!(ticket.wait(deadline(20)).await, Err(Failure::Interrupted));
        taken.finish(Ok(()));

        let ticket = outbox.push("written".into()).unwrap();
        outbox.take().unwrap().finish(Ok(()));
        assert_eq!(ticket.wait(deadline(20)).await, Ok(()));
    }

    #[tokio::test(start_paused = true)]
    async fn stopping_fails_every_queued_frame_and_refuses_new_ones() {
        let outbox = Arc::new(Outbox::new(4));
        let ticket = outbox.push("queued".into()).unwrap();
        outbox.stop();
        assert_eq!(ticket.wait(None).await, Err(Failure::Stopped));
        assert!(matches!(outbox.push("after".into()), Err(Failure::Stopped)));
        assert_eq!(outbox.len(), 0);
    }
}

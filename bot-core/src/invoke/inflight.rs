//! The invocations under way, so that closing the bot can wait for them (up to a grace period)
//! instead of leaving users with "thinking…".

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::watch;

/// How long `close` waits for invocations under way by default.
pub(crate) const DEFAULT_CLOSE_GRACE: Duration = Duration::from_secs(10);

/// Counts the invocations under way.
#[derive(Debug)]
pub(crate) struct InFlight {
    running: Arc<watch::Sender<usize>>,
    closing: AtomicBool,
    grace: Duration,
}

/// One invocation under way: counted until dropped.
#[derive(Debug)]
pub(crate) struct Running {
    running: Arc<watch::Sender<usize>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.running.send_modify(|n| *n = n.saturating_sub(1));
    }
}

impl InFlight {
    /// A tracker whose [`drain`](Self::drain) waits up to `grace`.
    pub(crate) fn new(grace: Duration) -> Self {
        InFlight {
            running: Arc::new(watch::channel(0).0),
            closing: AtomicBool::new(false),
            grace,
        }
    }

    /// Counts an invocation until the guard drops; `None` once the bot is closing (it takes no
    /// new interaction).
    pub(crate) fn enter(&self) -> Option<Running> {
        if self.closing.load(Ordering::SeqCst) {
            return None;
        }
        self.running.send_modify(|n| *n += 1);
        Some(Running {
            running: self.running.clone(),
        })
    }

    /// How many invocations are under way.
    pub(crate) fn running(&self) -> usize {
        *self.running.borrow()
    }

    /// Takes no new invocation and waits until none is under way, or the grace period ends;
    /// answers how many were still running then (logged).
    pub(crate) async fn drain(&self) -> usize {
        self.closing.store(true, Ordering::SeqCst);
        let mut running = self.running.subscribe();
        let finished = tokio::time::timeout(self.grace, running.wait_for(|n| *n == 0)).await;
        let left = self.running();
        if finished.is_err() {
            tracing::warn!(
                left,
                grace_ms = self.grace.as_millis() as u64,
                "closing: invocations still running after the grace period were left"
            );
        }
        left
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn drain_waits_for_the_running_up_to_the_grace_and_then_refuses_new_ones() {
        let tracker = Arc::new(InFlight::new(Duration::from_secs(10)));
        let one = tracker.enter().unwrap();
        let drained = tokio::spawn({
            let tracker = tracker.clone();
            async move {
                let left = tracker.drain().await;
                (left, tokio::time::Instant::now())
            }
        });
        tokio::time::sleep(Duration::from_secs(1)).await;
        let released = tokio::time::Instant::now();
        drop(one);
        let (left, at) = drained.await.unwrap();
        assert_eq!(left, 0);
        assert_eq!(at, released, "it returned when the last one ended");
        assert!(tracker.enter().is_none(), "closing: nothing new");

        let stuck = InFlight::new(Duration::from_secs(2));
        let _held = stuck.enter().unwrap();
        let start = tokio::time::Instant::now();
        assert_eq!(stuck.drain().await, 1);
        assert_eq!(
            start.elapsed(),
            Duration::from_secs(2),
            "no longer than the grace"
        );
    }
}

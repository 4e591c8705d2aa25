//! One FIFO queue per route and resource: requests of a route go out in the order they were
//! made. A queue exists only while a request holds or awaits it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::{Mutex as Fifo, OwnedMutexGuard};

type Map = HashMap<String, Arc<Fifo<()>>>;

/// The queues of a client.
#[derive(Debug, Default)]
pub(crate) struct Queues {
    map: Arc<Mutex<Map>>,
}

/// A request's turn in its queue; dropping it lets the next request go, and removes the queue
/// when nobody else holds or awaits it.
#[derive(Debug)]
pub(crate) struct Turn {
    guard: Option<OwnedMutexGuard<()>>,
    queue: Arc<Fifo<()>>,
    key: String,
    map: Arc<Mutex<Map>>,
}

fn lock(map: &Mutex<Map>) -> std::sync::MutexGuard<'_, Map> {
    map.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Queues {
    /// Waits for the turn of a request keyed `key` (tokio's mutex is fair: first come, first
    /// served).
    pub(crate) async fn turn(&self, key: String) -> Turn {
        let queue = lock(&self.map).entry(key.clone()).or_default().clone();
        let guard = queue.clone().lock_owned().await;
        Turn {
            guard: Some(guard),
            queue,
            key,
            map: self.map.clone(),
        }
    }

    /// How many queues exist.
    pub(crate) fn len(&self) -> usize {
        lock(&self.map).len()
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        drop(self.guard.take());
        let mut map = lock(&self.map);
        // Clones are only made under the map's lock: two holders (the map and this turn) mean
        // no request holds or awaits the queue.
        if Arc::strong_count(&self.queue) == 2 {
            map.remove(&self.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn a_queue_lives_while_used_and_keeps_order() {
        let queues = Arc::new(Queues::default());
        let first = queues.turn("a".to_owned()).await;
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut waiters = Vec::new();
        for i in 0..3 {
            let queues = queues.clone();
            let order = order.clone();
            waiters.push(tokio::spawn(async move {
                let _turn = queues.turn("a".to_owned()).await;
                order.lock().unwrap().push(i);
            }));
            // Let each waiter enqueue before the next one.
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert_eq!(queues.len(), 1);
        drop(first);
        for waiter in waiters {
            waiter.await.unwrap();
        }
        assert_eq!(*order.lock().unwrap(), [0, 1, 2]);
        assert_eq!(queues.len(), 0, "the last turn removed the queue");
    }

    #[tokio::test]
    async fn many_keys_leave_nothing_behind() {
        let queues = Queues::default();
        for i in 0..1000 {
            let _turn = queues.turn(format!("route-{i}")).await;
        }
        assert_eq!(queues.len(), 0);
    }
}

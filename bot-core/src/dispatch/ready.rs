//! When the bot is ready, as Pycord means it: every shard received READY and then a
//! GUILD_CREATE for each guild READY listed — or waited `guild_ready_timeout` for the next one.

use crate::event::Event;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::Instant;

/// One shard's way to ready.
#[derive(Debug)]
struct Shard {
    /// Guilds READY listed that have not arrived yet.
    pending: HashSet<u64>,
    ready: bool,
    /// When the last of them (or READY) arrived.
    last: Instant,
    /// Bumped by each READY, so an old timer does nothing.
    epoch: u64,
}

#[derive(Debug)]
pub(super) struct ReadyTracker {
    shards: Mutex<HashMap<u64, Shard>>,
    expected: AtomicU64,
    timeout: Duration,
    ready: watch::Sender<bool>,
}

impl ReadyTracker {
    pub(super) fn new(timeout: Duration) -> Arc<ReadyTracker> {
        Arc::new(ReadyTracker {
            shards: Mutex::new(HashMap::new()),
            expected: AtomicU64::new(1),
            timeout,
            ready: watch::channel(false).0,
        })
    }

    /// How many shards must be ready.
    pub(super) fn expect(&self, shards: u64) {
        self.expected.store(shards.max(1), Ordering::Relaxed);
    }

    pub(super) fn is_ready(&self) -> bool {
        *self.ready.borrow()
    }

    pub(super) fn subscribe(&self) -> watch::Receiver<bool> {
        self.ready.subscribe()
    }

    /// Notes READY and GUILD_CREATE of `shard`.
    pub(super) fn observe(self: &Arc<Self>, shard: u64, event: &Event) {
        match event {
            Event::Ready(ready) => {
                let mut shards = self.shards.lock().unwrap_or_else(|p| p.into_inner());
                let state = shards.entry(shard).or_insert(Shard {
                    pending: HashSet::new(),
                    ready: false,
                    last: Instant::now(),
                    epoch: 0,
                });
                state.pending = ready.guilds.iter().map(|g| g.id.get()).collect();
                state.ready = false;
                state.last = Instant::now();
                state.epoch += 1;
                if state.pending.is_empty() {
                    state.ready = true;
                    self.update(&shards);
                } else {
                    let epoch = state.epoch;
                    drop(shards);
                    tokio::spawn(self.clone().time_out(shard, epoch));
                }
            }
            Event::GuildCreate(guild) => {
                let mut shards = self.shards.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(state) = shards.get_mut(&shard).filter(|s| !s.ready) {
                    state.pending.remove(&guild.id.get());
                    state.last = Instant::now();
                    if state.pending.is_empty() {
                        state.ready = true;
                        self.update(&shards);
                    }
                }
            }
            _ => {}
        }
    }

    /// Marks `shard` ready once no guild arrived for the timeout.
    async fn time_out(self: Arc<Self>, shard: u64, epoch: u64) {
        loop {
            let due = {
                let shards = self.shards.lock().unwrap_or_else(|p| p.into_inner());
                match shards.get(&shard) {
                    Some(state) if state.epoch == epoch && !state.ready => {
                        state.last + self.timeout
                    }
                    _ => return,
                }
            };
            tokio::time::sleep_until(due).await;
            let mut shards = self.shards.lock().unwrap_or_else(|p| p.into_inner());
            let Some(state) = shards.get_mut(&shard) else {
                return;
            };
            if state.epoch != epoch || state.ready {
                return;
            }
            if Instant::now() >= state.last + self.timeout {
                tracing::info!(
                    shard,
                    missing = state.pending.len(),
                    "guilds still unavailable after {:?}; ready without them",
                    self.timeout
                );
                state.ready = true;
                self.update(&shards);
                return;
            }
        }
    }

    fn update(&self, shards: &HashMap<u64, Shard>) {
        let ready = shards.values().filter(|s| s.ready).count() as u64;
        if ready >= self.expected.load(Ordering::Relaxed) {
            self.ready.send_replace(true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(guilds: &[u64]) -> Event {
        let guilds: Vec<String> = guilds
            .iter()
            .map(|id| format!(r#"{{"id":"{id}","unavailable":true}}"#))
            .collect();
        Event::from_dispatch_json(
            "READY",
            &format!(
                r#"{{"v":10,"user":{{"id":"1","username":"bot","discriminator":"0","global_name":null,"avatar":null}},"guilds":[{}],"session_id":"s","resume_gateway_url":"ws://x","application":{{"id":"5","flags":0}}}}"#,
                guilds.join(",")
            ),
        )
    }

    fn guild(id: u64) -> Event {
        let mut data = crate::model::test_fixture("guild_create.composed.json", "/d");
        data["id"] = serde_json::json!(id.to_string());
        Event::from_dispatch("GUILD_CREATE", data)
    }

    #[tokio::test(start_paused = true)]
    async fn ready_once_every_guild_arrived_on_every_shard() {
        let tracker = ReadyTracker::new(Duration::from_secs(2));
        tracker.expect(2);
        assert!(matches!(ready(&[10, 11]), Event::Ready(_)));
        assert!(matches!(guild(10), Event::GuildCreate(_)));
        tracker.observe(0, &ready(&[10, 11]));
        tracker.observe(1, &ready(&[]));
        tracker.observe(0, &guild(10));
        assert!(!tracker.is_ready());
        tracker.observe(0, &guild(11));
        assert!(tracker.is_ready());
    }

    #[tokio::test(start_paused = true)]
    async fn a_guild_that_never_comes_delays_ready_by_the_timeout_after_the_last_one() {
        let tracker = ReadyTracker::new(Duration::from_secs(2));
        tracker.observe(0, &ready(&[10, 11]));
        tokio::time::sleep(Duration::from_millis(1500)).await;
        tracker.observe(0, &guild(10));
        tokio::time::sleep(Duration::from_millis(1900)).await;
        assert!(
            !tracker.is_ready(),
            "2 s after the last guild, not after READY"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(tracker.is_ready());
    }
}

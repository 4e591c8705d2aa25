//! When the bot is ready, as Pycord means it: every shard received READY and then a
//! GUILD_CREATE for each guild READY listed — or waited `guild_ready_timeout` for the next one —
//! and, with `chunk_guilds_at_startup`, the members of every guild that needed chunking
//! arrived (or their request failed, which is logged). The bot becomes ready once: then
//! `on_ready` is called.

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
    /// Whether the shard stopped waiting for them (`guild_ready_timeout`).
    timed_out: bool,
    /// Guilds whose members are being requested.
    chunking: HashSet<u64>,
    ready: bool,
    /// When the last of them (or READY) arrived.
    last: Instant,
    /// Bumped by each READY, so an old timer does nothing.
    epoch: u64,
}

impl Shard {
    /// Every guild arrived (or the wait timed out) and every chunking ended.
    fn settled(&self) -> bool {
        (self.pending.is_empty() || self.timed_out) && self.chunking.is_empty()
    }
}

/// What to do when the bot becomes ready (called once, with the tracker's lock held: it must
/// not block).
pub(super) type OnReady = Box<dyn Fn() + Send + Sync>;

/// What to do when a shard becomes ready (each new session of it; called with the tracker's
/// lock held: it must not block).
pub(super) type OnShardReady = Box<dyn Fn(u64) + Send + Sync>;

pub(super) struct ReadyTracker {
    shards: Mutex<HashMap<u64, Shard>>,
    expected: AtomicU64,
    timeout: Duration,
    ready: watch::Sender<bool>,
    on_ready: OnReady,
    on_shard_ready: std::sync::OnceLock<OnShardReady>,
}

impl ReadyTracker {
    pub(super) fn new(timeout: Duration, on_ready: OnReady) -> Arc<ReadyTracker> {
        Arc::new(ReadyTracker {
            shards: Mutex::new(HashMap::new()),
            expected: AtomicU64::new(1),
            timeout,
            ready: watch::channel(false).0,
            on_ready,
            on_shard_ready: std::sync::OnceLock::new(),
        })
    }

    /// Sets what to do when a shard becomes ready (once).
    pub(super) fn on_shard_ready(&self, call: OnShardReady) {
        let _ = self.on_shard_ready.set(call);
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
                    timed_out: false,
                    chunking: HashSet::new(),
                    ready: false,
                    last: Instant::now(),
                    epoch: 0,
                });
                state.pending = ready.guilds.iter().map(|g| g.id.get()).collect();
                state.timed_out = false;
                state.chunking.clear();
                state.ready = false;
                state.last = Instant::now();
                state.epoch += 1;
                if state.pending.is_empty() {
                    state.ready = true;
                    self.update(&shards, shard);
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
                    if state.settled() {
                        state.ready = true;
                        self.update(&shards, shard);
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
                state.timed_out = true;
                if state.settled() {
                    state.ready = true;
                    self.update(&shards, shard);
                }
                return;
            }
        }
    }

    /// Whether `shard`, not ready yet, will wait for the members of `guild` (asked for at
    /// start-up); `false` once it is ready.
    pub(super) fn expect_chunk(&self, shard: u64, guild: u64) -> bool {
        let mut shards = self.shards.lock().unwrap_or_else(|p| p.into_inner());
        match shards.get_mut(&shard).filter(|s| !s.ready) {
            Some(state) => {
                state.chunking.insert(guild);
                true
            }
            None => false,
        }
    }

    /// The members of `guild` arrived (or their request failed).
    pub(super) fn chunked(&self, shard: u64, guild: u64) {
        let mut shards = self.shards.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(state) = shards.get_mut(&shard).filter(|s| !s.ready)
            && state.chunking.remove(&guild)
            && state.settled()
        {
            state.ready = true;
            self.update(&shards, shard);
        }
    }

    /// `shard` became ready: its event, then the bot's readiness.
    fn update(&self, shards: &HashMap<u64, Shard>, shard: u64) {
        if let Some(call) = self.on_shard_ready.get() {
            call(shard);
        }
        let ready = shards.values().filter(|s| s.ready).count() as u64;
        if ready >= self.expected.load(Ordering::Relaxed) && !self.ready.send_replace(true) {
            (self.on_ready)();
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
        Event::from_dispatch_json("GUILD_CREATE", &data.to_string())
    }

    /// A tracker with a 2 s timeout, and how many times it called `on_ready`.
    fn tracker() -> (Arc<ReadyTracker>, Arc<AtomicU64>) {
        let calls = Arc::new(AtomicU64::new(0));
        let counted = calls.clone();
        let on_ready = Box::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
        });
        (ReadyTracker::new(Duration::from_secs(2), on_ready), calls)
    }

    #[tokio::test(start_paused = true)]
    async fn ready_once_every_guild_arrived_on_every_shard() {
        let (tracker, on_ready) = tracker();
        tracker.expect(2);
        assert!(matches!(ready(&[10, 11]), Event::Ready(_)));
        assert!(matches!(guild(10), Event::GuildCreate(_)));
        tracker.observe(0, &ready(&[10, 11]));
        tracker.observe(1, &ready(&[]));
        tracker.observe(0, &guild(10));
        assert!(!tracker.is_ready());
        assert_eq!(on_ready.load(Ordering::SeqCst), 0);
        tracker.observe(0, &guild(11));
        assert!(tracker.is_ready());
        assert_eq!(on_ready.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn on_ready_is_called_once_even_when_a_shard_starts_a_new_session() {
        let (tracker, on_ready) = tracker();
        tracker.observe(0, &ready(&[]));
        assert!(tracker.is_ready());
        tracker.observe(0, &ready(&[]));
        tracker.observe(0, &ready(&[10]));
        tracker.observe(0, &guild(10));
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert!(tracker.is_ready());
        assert_eq!(on_ready.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_guild_that_never_comes_delays_ready_by_the_timeout_after_the_last_one() {
        let (tracker, on_ready) = tracker();
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
        assert_eq!(
            on_ready.load(Ordering::SeqCst),
            1,
            "on_ready from the timer"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_guild_being_chunked_holds_readiness_until_its_members_arrive() {
        let (tracker, on_ready) = tracker();
        tracker.observe(0, &ready(&[10, 11]));
        assert!(tracker.expect_chunk(0, 10));
        tracker.observe(0, &guild(10));
        tracker.observe(0, &guild(11));
        assert!(!tracker.is_ready(), "10's members are on their way");
        tracker.chunked(0, 10);
        assert!(tracker.is_ready());
        assert_eq!(on_ready.load(Ordering::SeqCst), 1);
        assert!(!tracker.expect_chunk(0, 12), "ready: nothing to wait for");
    }

    #[tokio::test(start_paused = true)]
    async fn the_guild_timeout_does_not_skip_a_chunking_under_way() {
        let (tracker, _) = tracker();
        tracker.observe(0, &ready(&[10, 11]));
        assert!(tracker.expect_chunk(0, 10));
        tracker.observe(0, &guild(10));
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert!(!tracker.is_ready(), "11 timed out, 10 is still chunking");
        tracker.chunked(0, 10);
        assert!(tracker.is_ready());
    }
}

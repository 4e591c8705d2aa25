//! What one shard shares with the bot while it runs: its latency (reset when a connection is
//! replaced), whether its connection is open, the presence its IDENTIFY sends, its send limiter,
//! and what the user asked of it (connect, disconnect, reconnect) — read through a
//! [`ShardHandle`](super::ShardHandle).

use super::limiter::{SendLimit, SendLimiter};
use crate::model::UpdatePresence;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::watch;

/// What the user wants of a shard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Wanted {
    /// Whether the shard should be connected (`false` after `disconnect`, until `connect`).
    pub(crate) connected: bool,
    /// How many reconnects were asked for.
    pub(crate) reconnects: u64,
}

/// One shard's shared state.
#[derive(Debug)]
pub(crate) struct ShardStatus {
    pub(crate) id: u64,
    /// The last heartbeat's round trip on the current connection.
    latency: Mutex<Option<Duration>>,
    /// Whether a connection is open (the WebSocket handshake done, not yet ended).
    open: watch::Sender<bool>,
    /// The presence IDENTIFY sends (the builder's, then the last one changed).
    presence: Mutex<Option<UpdatePresence>>,
    /// The current connection's send limiter.
    limiter: Mutex<SendLimiter>,
    limit: SendLimit,
    wanted: watch::Sender<Wanted>,
    /// Whether the shard's task has ended.
    stopped: AtomicBool,
}

impl ShardStatus {
    pub(crate) fn new(id: u64, presence: Option<UpdatePresence>, limit: SendLimit) -> Self {
        ShardStatus {
            id,
            latency: Mutex::new(None),
            open: watch::channel(false).0,
            presence: Mutex::new(presence),
            limiter: Mutex::new(SendLimiter::new(limit)),
            limit,
            wanted: watch::channel(Wanted {
                connected: true,
                reconnects: 0,
            })
            .0,
            stopped: AtomicBool::new(false),
        }
    }

    /// The state of the shard `config` describes, with its presence and send limit.
    #[cfg(test)]
    pub(crate) fn of(config: &super::ShardConfig) -> Self {
        ShardStatus::new(config.id, config.presence.clone(), config.send_limit)
    }

    pub(crate) fn latency(&self) -> Option<Duration> {
        *self.latency.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn set_latency(&self, latency: Option<Duration>) {
        *self.latency.lock().unwrap_or_else(|p| p.into_inner()) = latency;
    }

    pub(crate) fn is_open(&self) -> bool {
        *self.open.borrow()
    }

    /// A connection opened (its latency and send limiter start afresh) or ended.
    pub(crate) fn set_open(&self, open: bool) {
        if open {
            self.set_latency(None);
            *self.limiter.lock().unwrap_or_else(|p| p.into_inner()) = SendLimiter::new(self.limit);
        }
        self.open.send_replace(open);
    }

    /// Resolves once no connection is open.
    pub(crate) async fn closed(&self) {
        let mut open = self.open.subscribe();
        let _ = open.wait_for(|open| !*open).await;
    }

    pub(crate) fn presence(&self) -> Option<UpdatePresence> {
        self.presence
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub(crate) fn set_presence(&self, presence: UpdatePresence) {
        *self.presence.lock().unwrap_or_else(|p| p.into_inner()) = Some(presence);
    }

    /// Runs `f` on the current connection's limiter.
    pub(crate) fn limiter<T>(&self, f: impl FnOnce(&mut SendLimiter) -> T) -> T {
        f(&mut self.limiter.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Whether the bot's commands wait for the send limit now.
    pub(crate) fn is_ratelimited(&self) -> bool {
        self.is_open() && self.limiter(|limiter| limiter.is_saturated(tokio::time::Instant::now()))
    }

    pub(crate) fn wanted(&self) -> watch::Receiver<Wanted> {
        self.wanted.subscribe()
    }

    /// Asks the shard to connect (`true`) or to disconnect and stay so (`false`).
    pub(crate) fn want_connected(&self, connected: bool) {
        self.wanted.send_if_modified(|wanted| {
            let changed = wanted.connected != connected;
            wanted.connected = connected;
            changed
        });
    }

    /// Asks the shard to replace its connection (connecting it if it was disconnected).
    pub(crate) fn want_reconnect(&self) {
        self.wanted.send_modify(|wanted| {
            wanted.connected = true;
            wanted.reconnects += 1;
        });
    }

    pub(crate) fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }

    /// The shard's task ended.
    pub(crate) fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        self.open.send_replace(false);
    }
}

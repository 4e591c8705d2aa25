//! The gateway: sessions, dispatch to them, and the controls tests use to inject faults.

mod connection;
mod zlib;

pub(crate) use connection::upgrade;

use crate::Shared;
use serde_json::{Value, json};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch};

/// How many sessions `GET /gateway/bot` says may start per day.
pub(crate) const SESSION_START_TOTAL: u64 = 1000;
/// How many dispatches a session keeps for RESUME.
const REPLAY_BUFFER: usize = 1000;

/// What the sandbox sends down one connection.
#[derive(Debug)]
pub(crate) enum Outbound {
    /// A payload to send.
    Frame(Value),
    /// Close with a code and reason.
    Close(u16, &'static str),
    /// Drop the connection without a close frame.
    Drop,
}

/// One gateway session (resumable after its connection ends).
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) shard: (u64, u64),
    pub(crate) seq: u64,
    pub(crate) buffer: VecDeque<(u64, Value)>,
    pub(crate) tx: Option<mpsc::UnboundedSender<Outbound>>,
}

impl Session {
    fn covers(&self, guild: Option<u64>) -> bool {
        match guild {
            None => self.shard.0 == 0,
            Some(id) => (id >> 22) % self.shard.1.max(1) == self.shard.0,
        }
    }

    /// Numbers, buffers and sends one dispatch.
    fn dispatch(&mut self, event: &str, data: Value) {
        self.seq += 1;
        let payload = json!({"op": 0, "s": self.seq, "t": event, "d": data});
        self.buffer.push_back((self.seq, payload.clone()));
        while self.buffer.len() > REPLAY_BUFFER {
            self.buffer.pop_front();
        }
        if let Some(tx) = &self.tx {
            let _ = tx.send(Outbound::Frame(payload));
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Inner {
    pub(crate) sessions: HashMap<String, Session>,
    /// When each IDENTIFY was accepted.
    pub(crate) identifies: Vec<Instant>,
}

/// Every session of the sandbox.
#[derive(Debug)]
pub(crate) struct GatewayState {
    inner: Mutex<Inner>,
    connected: watch::Sender<usize>,
    session_starts: u64,
    /// Whether heartbeats are acknowledged (tests turn it off to make a connection a zombie).
    pub(crate) ack_heartbeats: std::sync::atomic::AtomicBool,
}

impl GatewayState {
    pub(crate) fn new(session_starts: u64) -> Self {
        GatewayState {
            inner: Mutex::new(Inner::default()),
            connected: watch::channel(0).0,
            session_starts,
            ack_heartbeats: std::sync::atomic::AtomicBool::new(true),
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Session starts left today.
    pub(crate) fn identifies_remaining(&self) -> u64 {
        self.session_starts
            .saturating_sub(self.lock().identifies.len() as u64)
    }

    /// The session starts allowed per day.
    pub(crate) fn session_start_total(&self) -> u64 {
        self.session_starts
    }

    /// Sends a dispatch to every session whose shard holds `guild` (`None`: shard 0).
    pub(crate) fn dispatch_to_guild(
        &self,
        shared: &Shared,
        guild: Option<u64>,
        event: &str,
        data: Value,
    ) {
        let mut inner = self.lock();
        for session in inner.sessions.values_mut().filter(|s| s.covers(guild)) {
            session.dispatch(event, data.clone());
        }
        if shared.log_traffic {
            tracing::info!(target: "bot_sandbox::gateway", "dispatch {event} to guild {guild:?}");
        }
    }

    fn update_connected(&self) {
        let count = self
            .lock()
            .sessions
            .values()
            .filter(|s| s.tx.is_some())
            .count();
        self.connected.send_replace(count);
    }

    fn send_all(&self, make: impl Fn() -> Outbound) {
        for session in self.lock().sessions.values() {
            if let Some(tx) = &session.tx {
                let _ = tx.send(make());
            }
        }
    }
}

/// Test controls of the gateway, from [`crate::SandboxHandle::gateway`].
#[derive(Clone, Debug)]
pub struct GatewayControl {
    shared: Arc<Shared>,
}

impl GatewayControl {
    pub(crate) fn new(shared: Arc<Shared>) -> Self {
        GatewayControl { shared }
    }

    /// Sends RECONNECT (op 7) on every connection.
    pub fn send_reconnect(&self) {
        self.shared
            .gateway
            .send_all(|| Outbound::Frame(json!({"op": 7, "d": null})));
    }

    /// Sends INVALID_SESSION (op 9) on every connection; with `resumable: false` the sessions are
    /// forgotten, so only a new IDENTIFY works.
    pub fn send_invalid_session(&self, resumable: bool) {
        let gateway = &self.shared.gateway;
        gateway.send_all(|| Outbound::Frame(json!({"op": 9, "d": resumable})));
        if !resumable {
            gateway.lock().sessions.clear();
            gateway.update_connected();
        }
    }

    /// Stops (or resumes) acknowledging heartbeats, so clients see a zombie connection.
    pub fn acknowledge_heartbeats(&self, on: bool) {
        self.shared
            .gateway
            .ack_heartbeats
            .store(on, std::sync::atomic::Ordering::SeqCst);
    }

    /// Drops every connection without a close frame (the client sees 1006).
    pub fn drop_connections(&self) {
        self.shared.gateway.send_all(|| Outbound::Drop);
    }

    /// Closes every connection with `code`.
    pub fn close_all(&self, code: u16) {
        self.shared
            .gateway
            .send_all(|| Outbound::Close(code, "Closed by the sandbox"));
    }

    /// Sends a dispatch event to the sessions of `guild`'s shard (`None`: shard 0).
    pub fn dispatch(&self, guild: Option<u64>, event: &str, data: Value) {
        self.shared
            .gateway
            .dispatch_to_guild(&self.shared, guild, event, data);
    }

    /// Every dispatch sent to the session with this id, in order (for delivery checks).
    pub fn sent_dispatches(&self, session_id: &str) -> Vec<Value> {
        self.shared
            .gateway
            .lock()
            .sessions
            .get(session_id)
            .map(|s| s.buffer.iter().map(|(_, p)| p.clone()).collect())
            .unwrap_or_default()
    }

    /// The ids of the sessions that exist (connected or resumable).
    pub fn session_ids(&self) -> Vec<String> {
        self.shared
            .gateway
            .lock()
            .sessions
            .keys()
            .cloned()
            .collect()
    }

    /// How many sessions have a live connection.
    pub fn connected(&self) -> usize {
        *self.shared.gateway.connected.borrow()
    }

    /// Waits up to `timeout` until `count` sessions have a live connection.
    pub async fn wait_for_connected(&self, count: usize, timeout: Duration) -> bool {
        let mut rx = self.shared.gateway.connected.subscribe();
        tokio::time::timeout(timeout, rx.wait_for(|n| *n >= count))
            .await
            .is_ok()
    }
}

//! The gateway: sessions, dispatch to them, and the controls tests use to inject faults.

mod connection;
mod control;
mod firehose;
mod writer;
mod zlib;

pub(crate) use connection::upgrade;
pub use control::{GatewayControl, HeartbeatRecord};
pub use firehose::Burst;

use crate::Shared;
use firehose::{BurstData, Delivery, dispatch_text, event_json};
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;
use tokio::sync::{mpsc, watch};

/// How many session starts `GET /gateway/bot` says may start per day.
pub(crate) const SESSION_START_TOTAL: u64 = 1000;
/// How many dispatches a session keeps for RESUME.
const REPLAY_BUFFER: usize = 1000;
/// How many heartbeats a session remembers for [`GatewayControl::heartbeats`].
const HEARTBEAT_RECORDS: usize = 1000;

/// What the sandbox sends down one connection, in order.
#[derive(Debug)]
pub(crate) enum Outbound {
    /// A payload to send, as JSON text.
    Frame(Arc<str>),
    /// This connection's share of a burst of dispatches (numbered when it was queued).
    Burst(Delivery),
    /// Close with a code and reason.
    Close(u16, &'static str),
    /// Drop the connection without a close frame.
    Drop,
}

impl Outbound {
    /// A payload as a frame.
    pub(crate) fn frame(payload: &Value) -> Self {
        Outbound::Frame(payload.to_string().into())
    }
}

/// One gateway session (resumable after its connection ends).
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) shard: (u64, u64),
    pub(crate) seq: u64,
    /// The last dispatches, as sent, for RESUME.
    pub(crate) buffer: VecDeque<(u64, Arc<str>)>,
    pub(crate) tx: Option<mpsc::UnboundedSender<Outbound>>,
    /// The last heartbeats received on the session's connections.
    pub(crate) heartbeats: VecDeque<HeartbeatRecord>,
}

impl Session {
    pub(crate) fn new(shard: (u64, u64), tx: mpsc::UnboundedSender<Outbound>) -> Self {
        Session {
            shard,
            seq: 0,
            buffer: VecDeque::new(),
            tx: Some(tx),
            heartbeats: VecDeque::new(),
        }
    }

    fn covers(&self, guild: Option<u64>) -> bool {
        match guild {
            None => self.shard.0 == 0,
            Some(id) => (id >> 22) % self.shard.1.max(1) == self.shard.0,
        }
    }

    /// Numbers, buffers and sends one dispatch.
    pub(crate) fn dispatch(&mut self, event: &str, data: &Value) {
        self.dispatch_json(&event_json(event), &data.to_string());
    }

    /// [`Session::dispatch`] with the event name and data already JSON.
    fn dispatch_json(&mut self, event: &str, data: &str) {
        self.seq += 1;
        let text: Arc<str> = dispatch_text(self.seq, event, data).into();
        self.remember(self.seq, text.clone());
        if let Some(tx) = &self.tx {
            let _ = tx.send(Outbound::Frame(text));
        }
    }

    fn remember(&mut self, seq: u64, text: Arc<str>) {
        self.buffer.push_back((seq, text));
        while self.buffer.len() > REPLAY_BUFFER {
            self.buffer.pop_front();
        }
    }

    /// Numbers a burst, buffers its last dispatches and queues it; `true` when it was queued to a
    /// live connection.
    fn firehose(&mut self, burst: &Arc<BurstData>) -> bool {
        let first = self.seq + 1;
        let count = burst.len();
        self.seq += count as u64;
        for index in count.saturating_sub(REPLAY_BUFFER)..count {
            let seq = first + index as u64;
            self.remember(seq, burst.frame(index, seq).into());
        }
        let Some(tx) = &self.tx else {
            return false;
        };
        // A failed send drops the delivery, which counts the connection as cut short.
        let _ = tx.send(Outbound::Burst(Delivery::new(burst.clone(), first)));
        true
    }

    pub(crate) fn record_heartbeat(&mut self, record: HeartbeatRecord) {
        self.heartbeats.push_back(record);
        while self.heartbeats.len() > HEARTBEAT_RECORDS {
            self.heartbeats.pop_front();
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Inner {
    pub(crate) sessions: HashMap<String, Session>,
    /// When each IDENTIFY was accepted.
    pub(crate) identifies: Vec<Instant>,
    /// How many RESUMEs were accepted.
    pub(crate) resumes: usize,
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
        let (event_text, data_text) = (event_json(event), data.to_string());
        let mut inner = self.lock();
        for session in inner.sessions.values_mut().filter(|s| s.covers(guild)) {
            session.dispatch_json(&event_text, &data_text);
        }
        if shared.log_traffic {
            tracing::info!(target: "bot_sandbox::gateway", "dispatch {event} to guild {guild:?}");
        }
    }

    /// Numbers and queues a burst on every session whose shard holds `guild`.
    fn firehose(&self, shared: &Shared, guild: Option<u64>, burst: BurstData) -> Burst {
        let handle = burst.handle();
        let burst = Arc::new(burst);
        let mut inner = self.lock();
        for session in inner.sessions.values_mut().filter(|s| s.covers(guild)) {
            session.firehose(&burst);
        }
        if shared.log_traffic {
            tracing::info!(
                target: "bot_sandbox::gateway",
                "burst of {} dispatches to guild {guild:?}",
                burst.len()
            );
        }
        handle
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

//! [`GatewayControl`]: what a test does to the gateway (faults, dispatches, bursts) and what it
//! reads back (sessions, heartbeats, IDENTIFY and RESUME counts).

use super::{Burst, Outbound};
use crate::Shared;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One heartbeat (op 1) the sandbox received, from [`GatewayControl::heartbeats`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeartbeatRecord {
    /// When the sandbox read it.
    pub at: Instant,
    /// The sequence number the client sent in `d` (`None` for `null`).
    pub seq: Option<u64>,
    /// Whether an ACK (op 11) was queued for it: queued behind whatever the connection had yet
    /// to write, so it reaches the client after those frames. `false` while
    /// [`GatewayControl::acknowledge_heartbeats`] is off.
    pub acked: bool,
}

/// Test controls of the gateway, from [`crate::SandboxHandle::gateway`].
#[derive(Clone, Debug)]
pub struct GatewayControl {
    pub(super) shared: Arc<Shared>,
}

impl GatewayControl {
    pub(crate) fn new(shared: Arc<Shared>) -> Self {
        GatewayControl { shared }
    }

    /// Sends RECONNECT (op 7) on every connection.
    pub fn send_reconnect(&self) {
        let text: Arc<str> = json!({"op": 7, "d": null}).to_string().into();
        self.shared
            .gateway
            .send_all(|| Outbound::Frame(text.clone()));
    }

    /// Sends INVALID_SESSION (op 9) on every connection; with `resumable: false` the sessions are
    /// forgotten, so only a new IDENTIFY works.
    pub fn send_invalid_session(&self, resumable: bool) {
        let gateway = &self.shared.gateway;
        gateway.send_all(|| Outbound::frame(&json!({"op": 9, "d": resumable})));
        let live = gateway
            .lock()
            .sessions
            .values()
            .filter(|s| s.tx.is_some())
            .count();
        gateway.lock().starts.invalid_sessions += live;
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

    /// Drops every connection without a close frame (the client sees 1006), after what each has
    /// queued.
    pub fn drop_connections(&self) {
        self.shared.gateway.send_all(|| Outbound::Drop);
    }

    /// Closes every connection with `code`, after what each has queued.
    pub fn close_all(&self, code: u16) {
        self.shared
            .gateway
            .send_all(|| Outbound::Close(code, "Closed by the sandbox"));
    }

    /// Sends a dispatch event to the sessions of `guild`'s shard (`None`: shard 0, for a DM or
    /// an event of no guild) whose intents ask for it, as Discord would: `event` is looked up in
    /// the docs' table of intents (an event listed under none goes to every session), with the
    /// guild intents for a guild and the direct-message ones for `None`. A MESSAGE_CREATE or
    /// MESSAGE_UPDATE reaches a session without MESSAGE_CONTENT with `content`, `embeds`,
    /// `attachments` and `components` emptied and `poll` left out, unless the bot wrote it, it
    /// mentions the bot (the bot is in its `mentions`) or `guild` is `None`.
    pub fn dispatch(&self, guild: Option<u64>, event: &str, data: Value) {
        self.shared
            .gateway
            .dispatch_to_guild(&self.shared, guild, event, data);
    }

    /// Streams one dispatch `event` per payload to the sessions of `guild`'s shard (`None`:
    /// shard 0) whose intents ask for `event`, as fast as each socket takes them, and returns at
    /// once with a [`Burst`] that tells how far the writing got ([`Burst::wait_written`] waits
    /// for the end).
    ///
    /// Each session numbers the dispatches (`s`) in order like any other and keeps the last 1000
    /// for RESUME; a session without a live connection only numbers and keeps them. The payloads
    /// are serialized once, here, and shared by the sessions; each frame's text is built from
    /// them as it is written, so 200,000 dispatches of 1 KB cost about 200 MB while queued.
    /// Pass an iterator to avoid holding the payloads as [`Value`]s at the same time. Serializing
    /// is the caller's only cost (an unoptimized `serde_json` takes about 25 ns a byte).
    ///
    /// Intents are checked once per session, by the event name alone (the payload-dependent
    /// caveats of [`GatewayControl::dispatch`] about the bot's own member do not apply). When a
    /// session without MESSAGE_CONTENT is to get a MESSAGE_CREATE or MESSAGE_UPDATE burst, each
    /// payload is also serialized blanked (with the exceptions of [`GatewayControl::dispatch`]),
    /// once for all such sessions, which doubles the caller's cost; otherwise nothing is added.
    pub fn firehose(
        &self,
        guild: Option<u64>,
        event: &str,
        payloads: impl IntoIterator<Item = Value>,
    ) -> Burst {
        self.shared
            .gateway
            .firehose(&self.shared, guild, event, payloads)
    }

    /// Every dispatch sent to the session with this id, in order (for delivery checks; the last
    /// 1000, as kept for RESUME).
    pub fn sent_dispatches(&self, session_id: &str) -> Vec<Value> {
        self.shared
            .gateway
            .lock()
            .sessions
            .get(session_id)
            .map(|s| {
                s.buffer
                    .iter()
                    .map(|(_, text)| serde_json::from_str(text).unwrap_or(Value::Null))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The heartbeats received on the connections of the session with this id (after its
    /// IDENTIFY or a RESUME), oldest first: the last 1000.
    pub fn heartbeats(&self, session_id: &str) -> Vec<HeartbeatRecord> {
        self.shared
            .gateway
            .lock()
            .sessions
            .get(session_id)
            .map(|s| s.heartbeats.iter().copied().collect())
            .unwrap_or_default()
    }

    /// Withholds the last GUILD_MEMBERS_CHUNK of each of the next `requests` member requests
    /// answered with chunks (the only chunk of a one-chunk answer), so a client's wait for the
    /// rest of its answer can be seen to time out. Requests refused, ignored or rate limited do
    /// not count. 0 turns it off.
    pub fn withhold_last_chunk(&self, requests: usize) {
        self.shared
            .gateway
            .withhold_last_chunk
            .store(requests, std::sync::atomic::Ordering::SeqCst);
    }

    /// The `d` of every Request Guild Members (op 8) received after an IDENTIFY or RESUME, oldest
    /// first (the last 1000), whatever became of it.
    pub fn member_requests(&self) -> Vec<Value> {
        self.shared
            .gateway
            .lock()
            .member_requests
            .iter()
            .cloned()
            .collect()
    }

    /// How many IDENTIFYs were accepted (each started a session; refused ones do not count).
    pub fn identify_count(&self) -> usize {
        self.shared.gateway.lock().starts.accepted.len()
    }

    /// Every IDENTIFY accepted, oldest first: when, its shard and its rate-limit key.
    pub fn identifies(&self) -> Vec<super::IdentifyRecord> {
        self.shared.gateway.lock().starts.accepted.clone()
    }

    /// How many INVALID_SESSION (op 9) payloads the sandbox sent, for any reason (an IDENTIFY
    /// inside its bucket's window, an unknown session on RESUME, [`Self::send_invalid_session`]).
    pub fn invalid_sessions_sent(&self) -> usize {
        self.shared.gateway.lock().starts.invalid_sessions
    }

    /// Refuses (or accepts again) every WebSocket upgrade with HTTP 503, as an outage in front of
    /// the gateway: clients cannot connect, sessions stay resumable.
    pub fn refuse_connections(&self, on: bool) {
        self.shared
            .gateway
            .refuse_connections
            .store(on, std::sync::atomic::Ordering::SeqCst);
    }

    /// Reads IDENTIFY and never answers it (nor starts a session), while heartbeats are still
    /// acknowledged: a client must give up on the connection itself.
    pub fn ignore_identify(&self, on: bool) {
        self.shared
            .gateway
            .ignore_identify
            .store(on, std::sync::atomic::Ordering::SeqCst);
    }

    /// The presence updates, voice state updates and soundboard requests (ops 3, 4 and 31) the
    /// clients sent, oldest first, with the shard of each.
    pub fn commands_received(&self) -> Vec<super::ClientCommand> {
        self.shared.gateway.lock().commands.clone()
    }

    /// How many RESUMEs were accepted (each reattached a session to a new connection).
    pub fn resume_count(&self) -> usize {
        self.shared.gateway.lock().resumes
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

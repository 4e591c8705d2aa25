//! One gateway connection: HELLO, heartbeats, IDENTIFY/RESUME and Discord's close codes
//! (GW L120-211, OP L11-51).
//!
//! The socket is split: this task reads and answers, and a [`Writer`] task writes what the
//! connection's channel holds, so a client that stops reading blocks only the writer while its
//! heartbeats are still read, recorded and answered (the ACKs queued behind the pending frames).

use super::client_commands::{self, SendCounter};
use super::control::HeartbeatRecord;
use super::sharding::Admission;
use super::writer::{self, Stop, Writer};
use super::zlib::Encoder;
use super::{Outbound, Session};
use crate::Shared;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::response::Response;
use futures_util::StreamExt;
use futures_util::stream::SplitStream;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::{mpsc, oneshot};

/// Every intent bit Discord defines (bits 0–25).
const KNOWN_INTENTS: u64 = (1 << 26) - 1;
/// The largest payload a client may send.
const MAX_CLIENT_PAYLOAD: usize = 4096;

/// `GET /gateway` with a WebSocket upgrade.
pub(crate) async fn upgrade(
    upgrade: WebSocketUpgrade,
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if shared
        .gateway
        .refuse_connections
        .load(std::sync::atomic::Ordering::SeqCst)
    {
        use axum::response::IntoResponse;
        return (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "the gateway is unavailable",
        )
            .into_response();
    }
    upgrade.on_upgrade(move |socket| async move {
        run(socket, shared, &query).await;
    })
}

/// Why the reader ends.
enum End {
    Close(u16, &'static str),
    Gone,
}

/// Serves one connection: HELLO, then the reader here and the writer in a task of its own until
/// either ends the connection.
async fn run(mut socket: WebSocket, shared: Arc<Shared>, query: &HashMap<String, String>) {
    if let Some(version) = query.get("v")
        && !matches!(version.as_str(), "9" | "10")
    {
        writer::close(&mut socket, &shared, 4012, "Invalid API version").await;
        return;
    }
    let (tx, rx) = mpsc::unbounded_channel();
    let interval = shared.timings.heartbeat_interval;
    let hello = json!({"op": 10, "s": null, "t": null,
                       "d": {"heartbeat_interval": interval.as_millis() as u64}});
    let _ = tx.send(Outbound::frame(&hello));
    let asked = query.get("compress").map(String::as_str) == Some("zlib-stream");
    let encoder = Encoder::new(asked && shared.compression);
    let (sink, stream) = socket.split();
    let (stop_tx, stop_rx) = oneshot::channel();
    let mut writer = tokio::spawn(Writer::new(sink, encoder, rx, shared.clone()).run(stop_rx));
    let timings = &shared.timings;
    let sent = SendCounter::new(timings.gateway_send_limit, timings.gateway_send_window);
    let mut reader = Reader {
        stream,
        sent,
        shared,
        session: None,
        tx,
        last_heartbeat: Instant::now(),
    };
    let end = tokio::select! {
        end = reader.run() => Some(end),
        _ = &mut writer => None,
    };
    if let Some(end) = end {
        let stop = match end {
            End::Close(code, reason) => Stop::Close(code, reason),
            End::Gone => Stop::Drop,
        };
        let _ = stop_tx.send(stop);
        let _ = writer.await;
    }
    reader.detach();
}

struct Reader {
    stream: SplitStream<WebSocket>,
    /// What the client sent in the last window (Discord's send limit).
    sent: SendCounter,
    shared: Arc<Shared>,
    session: Option<String>,
    /// The connection's channel to its writer (sessions hold clones).
    tx: mpsc::UnboundedSender<Outbound>,
    last_heartbeat: Instant,
}

impl Reader {
    /// Reads until the client leaves, breaks a rule or stops heartbeating.
    async fn run(&mut self) -> End {
        let interval = self.shared.timings.heartbeat_interval;
        loop {
            let deadline =
                tokio::time::Instant::from_std(self.last_heartbeat + interval.mul_f64(1.5));
            tokio::select! {
                incoming = self.stream.next() => match incoming {
                    Some(Ok(Message::Text(text))) => {
                        if let Some(end) = self.receive(text.as_bytes()) { return end; }
                    }
                    Some(Ok(Message::Binary(bytes))) => {
                        if let Some(end) = self.receive(&bytes) { return end; }
                    }
                    Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return End::Gone,
                },
                _ = tokio::time::sleep_until(deadline) => return End::Close(4009, "Session timed out"),
            }
        }
    }

    /// Queues a payload behind what the connection has yet to write; `false` once the writer is
    /// gone.
    fn queue(&self, payload: &Value) -> bool {
        self.tx.send(Outbound::frame(payload)).is_ok()
    }

    /// Leaves the session resumable without this connection (unless a RESUME already moved it to
    /// another one).
    fn detach(&mut self) {
        if let Some(id) = &self.session {
            let gateway = &self.shared.gateway;
            if let Some(session) = gateway.lock().sessions.get_mut(id)
                && session
                    .tx
                    .as_ref()
                    .is_some_and(|tx| tx.same_channel(&self.tx))
            {
                session.tx = None;
            }
            gateway.update_connected();
        }
    }

    fn receive(&mut self, bytes: &[u8]) -> Option<End> {
        if !self.sent.arrived(Instant::now()) {
            return Some(End::Close(4008, "Rate limited"));
        }
        if bytes.len() > MAX_CLIENT_PAYLOAD {
            return Some(End::Close(4002, "Decode error"));
        }
        let Ok(payload) = serde_json::from_slice::<Value>(bytes) else {
            return Some(End::Close(4002, "Decode error"));
        };
        let Some(op) = payload.get("op").and_then(Value::as_u64) else {
            return Some(End::Close(4002, "Decode error"));
        };
        if self.shared.log_traffic {
            tracing::info!(target: "bot_sandbox::gateway", "receive op {op}");
        }
        let data = payload.get("d").cloned().unwrap_or(Value::Null);
        match op {
            1 => {
                self.heartbeat(&data);
                None
            }
            2 => self.identify(&data),
            6 => self.resume(&data),
            _ if self.session.is_none() => Some(End::Close(4003, "Not authenticated")),
            3 | 4 | 31 => self.command(op, &data),
            8 => self.request_members(&data),
            _ => Some(End::Close(4001, "Unknown opcode")),
        }
    }

    /// Notes the heartbeat, queues its ACK (unless a test turned ACKs off) and records both.
    fn heartbeat(&mut self, data: &Value) {
        let at = Instant::now();
        self.last_heartbeat = at;
        let acked = self
            .shared
            .gateway
            .ack_heartbeats
            .load(std::sync::atomic::Ordering::SeqCst)
            && self.queue(&json!({"op": 11}));
        if let Some(id) = &self.session
            && let Some(session) = self.shared.gateway.lock().sessions.get_mut(id)
        {
            session.record_heartbeat(HeartbeatRecord {
                at,
                seq: data.as_u64(),
                acked,
            });
        }
    }

    fn token_ok(&self, data: &Value) -> bool {
        let token = data.get("token").and_then(Value::as_str).unwrap_or("");
        let token = token.strip_prefix("Bot ").unwrap_or(token);
        token == self.shared.world().token
    }

    fn identify(&mut self, data: &Value) -> Option<End> {
        if self.session.is_some() {
            return Some(End::Close(4005, "Already authenticated"));
        }
        if !self.token_ok(data) {
            return Some(End::Close(4004, "Authentication failed"));
        }
        let intents = match data.get("intents").and_then(Value::as_u64) {
            Some(bits) if bits & !KNOWN_INTENTS == 0 => {
                let privileged =
                    bits & (crate::GUILD_MEMBERS | crate::GUILD_PRESENCES | crate::MESSAGE_CONTENT);
                if privileged & !self.shared.privileged_intents != 0 {
                    return Some(End::Close(4014, "Disallowed intent(s)"));
                }
                bits
            }
            _ => return Some(End::Close(4013, "Invalid intent(s)")),
        };
        let shard = match data.get("shard") {
            None | Some(Value::Null) => (0, 1),
            Some(value) => match value.as_array().map(|a| {
                (
                    a.first().and_then(Value::as_u64),
                    a.get(1).and_then(Value::as_u64),
                )
            }) {
                Some((Some(index), Some(count))) if count > 0 && index < count => (index, count),
                _ => return Some(End::Close(4010, "Invalid shard")),
            },
        };
        if self
            .shared
            .gateway
            .ignore_identify
            .load(std::sync::atomic::Ordering::SeqCst)
        {
            return None;
        }
        if let Some(end) = self.admit(shard) {
            return Some(end);
        }
        let session_id = crate::ids::session_id();
        let (ready, guilds) = {
            let world = self.shared.world();
            let user = world.user_json_by_id(world.bot_id).unwrap_or(Value::Null);
            let guilds: Vec<_> = world
                .guilds
                .values()
                .filter(|g| (g.id >> 22) % shard.1 == shard.0)
                .map(|g| (g.id, world.guild_create_json(g)))
                .collect();
            let ready = json!({
                "v": 10,
                "user": user,
                "guilds": guilds.iter().map(|(id, _)| json!({"id": id.to_string(), "unavailable": true})).collect::<Vec<_>>(),
                "session_id": session_id,
                "session_type": "normal",
                "resume_gateway_url": self.shared.gateway_url(),
                "shard": [shard.0, shard.1],
                "application": {"id": world.application_id.to_string(), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "guild_join_requests": [],
                "geo_ordered_rtc_regions": [],
                "user_settings": {},
                "_trace": ["bot-sandbox"],
            });
            (ready, guilds)
        };
        {
            let gateway = &self.shared.gateway;
            let mut guard = gateway.lock();
            let inner = &mut *guard;
            let threshold = super::guild_create::large_threshold(data);
            let mut session = Session::new(shard, intents, threshold, self.tx.clone());
            session.dispatch("READY", &ready);
            // READY lists every guild; GUILD_CREATE, which fills them in, needs GUILDS like any
            // other (GW "List of Intents": an intent not asked for means none of its events).
            if intents & super::intents::GUILDS != 0 {
                let bot = gateway.bot_id();
                for (_, mut guild) in guilds {
                    let view = session.view(&inner.presences, bot);
                    super::guild_create::shape(&mut guild, &view);
                    session.dispatch("GUILD_CREATE", &guild);
                }
            }
            inner.sessions.insert(session_id.clone(), session);
        }
        self.session = Some(session_id);
        self.shared.gateway.update_connected();
        None
    }

    /// Applies Discord's limits to an IDENTIFY of `shard`: 4011 when the shard would hold too
    /// many guilds, INVALID_SESSION `false` inside its bucket's window, and once the session
    /// starts are spent the token reset (every session ends with 4004, REST answers 401).
    fn admit(&mut self, shard: (u64, u64)) -> Option<End> {
        let gateway = &self.shared.gateway;
        let limits = gateway.sharding;
        let held = {
            let world = self.shared.world();
            world
                .guilds
                .keys()
                .filter(|id| (*id >> 22) % shard.1 == shard.0)
                .count() as u64
        };
        if held > limits.max_guilds_per_shard {
            return Some(End::Close(4011, "Sharding required"));
        }
        let timings = &self.shared.timings;
        let admission = gateway.lock().starts.admit(
            shard,
            &limits,
            timings.identify_window,
            timings.session_start_reset,
        );
        match admission {
            Admission::Accepted => None,
            Admission::TooSoon => {
                // Identify pacing: a second IDENTIFY of a rate-limit key inside its window.
                self.queue(&json!({"op": 9, "d": false}));
                gateway.lock().starts.invalid_sessions += 1;
                None
            }
            Admission::Exhausted => {
                // Over the session start limit Discord ends every session and resets the token.
                {
                    let mut world = self.shared.world();
                    world.token = crate::ids::bot_token(world.bot_id);
                }
                gateway.send_all(|| Outbound::Close(4004, "Authentication failed"));
                gateway.lock().sessions.clear();
                gateway.update_connected();
                Some(End::Close(4004, "Authentication failed"))
            }
        }
    }

    fn resume(&mut self, data: &Value) -> Option<End> {
        if !self.token_ok(data) {
            return Some(End::Close(4004, "Authentication failed"));
        }
        let id = data
            .get("session_id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let seq = data.get("seq").and_then(Value::as_u64).unwrap_or(0);
        let resumed = {
            let mut inner = self.shared.gateway.lock();
            let resumed = match inner.sessions.get_mut(&id) {
                None => None,
                Some(session) => Some(Self::reattach(session, seq, &self.tx)),
            };
            if resumed == Some(true) {
                inner.resumes += 1;
            }
            resumed
        };
        match resumed {
            None => {
                self.queue(&json!({"op": 9, "d": false}));
                self.shared.gateway.lock().starts.invalid_sessions += 1;
                None
            }
            Some(false) => Some(End::Close(4007, "Invalid seq")),
            Some(true) => {
                self.session = Some(id);
                self.shared.gateway.update_connected();
                None
            }
        }
    }

    /// Attaches a session to this connection and queues what it missed, then RESUMED; `false`
    /// when `seq` is outside the session's buffer.
    fn reattach(session: &mut Session, seq: u64, tx: &mpsc::UnboundedSender<Outbound>) -> bool {
        {
            let oldest = session.buffer.front().map_or(session.seq + 1, |(s, _)| *s);
            if seq > session.seq || seq + 1 < oldest {
                return false;
            }
            session.tx = Some(tx.clone());
            for (_, text) in session.buffer.iter().filter(|(s, _)| *s > seq) {
                let _ = tx.send(Outbound::Frame(text.clone()));
            }
            session.dispatch("RESUMED", &json!({}));
            true
        }
    }

    /// A presence update, voice state update or soundboard request (see
    /// [`super::client_commands`]); an invalid payload closes with 4001.
    fn command(&mut self, op: u64, data: &Value) -> Option<End> {
        let id = self.session.clone()?;
        client_commands::record(&self.shared, &id, op, data);
        let answered = match op {
            3 => client_commands::presence(data),
            4 => client_commands::voice_state(&self.shared, &id, data),
            _ => client_commands::soundboard_sounds(&self.shared, &id, data),
        };
        answered
            .err()
            .map(|()| End::Close(4001, "Invalid payload for opcode"))
    }

    /// Request Guild Members (op 8): see [`super::members`]; an invalid payload closes with 4001.
    fn request_members(&mut self, data: &Value) -> Option<End> {
        let id = self.session.as_deref()?;
        super::members::answer(&self.shared, id, data)
            .err()
            .map(|_| End::Close(4001, "Invalid payload for opcode"))
    }
}

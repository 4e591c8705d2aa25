//! The WebSocket gateway at `/gateway/websocket`: HELLO, IDENTIFY, READY, heartbeats, and the
//! INVALID strings and closes of a V2019 server.

use super::MeshState;
use super::dispatch;
use super::store::{ClientRecord, Push};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep_until};

/// The server's clock in milliseconds (`:os.system_time(:millisecond)`).
pub(crate) fn now_ms() -> i64 {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX)
}

/// A server frame: `{"op", "d", "t", "ts"}`.
pub(crate) fn frame(op: u8, t: Option<&str>, d: Value) -> Value {
    json!({"op": op, "d": d, "t": t, "ts": now_ms()})
}

pub(crate) fn invalid(error: &str) -> Value {
    frame(3, None, json!({"error": error}))
}

/// What handling one client frame produced.
#[derive(Debug, Default)]
pub(crate) struct Reply {
    pub(crate) frames: Vec<Value>,
    /// Close after the frames: with 1000 (a handler stop) or 1011 (a crash).
    pub(crate) close: Option<u16>,
}

impl Reply {
    pub(crate) fn frame(frame: Value) -> Reply {
        Reply {
            frames: vec![frame],
            close: None,
        }
    }

    pub(crate) fn fatal(error: &str) -> Reply {
        Reply {
            frames: vec![invalid(error)],
            close: Some(1000),
        }
    }
}

pub(crate) async fn upgrade(
    State(state): State<Arc<MeshState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(params): Query<HashMap<String, String>>,
    upgrade: WebSocketUpgrade,
) -> Response {
    // JSON only: msgpack and ETF are not implemented here, and anything else is refused by
    // singyeong too.
    if params
        .get("encoding")
        .is_some_and(|encoding| encoding != "json")
    {
        return StatusCode::FORBIDDEN.into_response();
    }
    let limit = state.config.max_frame_size;
    upgrade
        .max_frame_size(limit)
        .max_message_size(limit)
        .on_upgrade(move |socket| async move {
            let (push, pushed) = mpsc::unbounded_channel();
            let connection = Connection {
                id: state.next_conn.fetch_add(1, Ordering::Relaxed),
                state,
                peer_ip: peer.ip().to_string(),
                identity: None,
                restricted: false,
                push,
            };
            connection.run(socket, pushed).await;
        })
}

/// One socket.
pub(crate) struct Connection {
    pub(crate) id: u64,
    pub(crate) state: Arc<MeshState>,
    pub(crate) peer_ip: String,
    /// `(application, client)` once identified.
    pub(crate) identity: Option<(String, String)>,
    pub(crate) restricted: bool,
    pub(crate) push: mpsc::UnboundedSender<Push>,
}

impl Connection {
    async fn run(mut self, mut socket: WebSocket, mut pushed: mpsc::UnboundedReceiver<Push>) {
        let mut shutdown = self.state.shutdown.subscribe();
        let interval = self.state.config.heartbeat_interval.as_millis();
        let hello = frame(0, None, json!({"heartbeat_interval": interval}));
        let mut idle_deadline = Instant::now() + self.state.config.idle_timeout;
        if self.send(&mut socket, &hello).await {
            loop {
                let reply = tokio::select! {
                    received = socket.recv() => match received {
                        Some(Ok(Message::Text(text))) => {
                            idle_deadline = Instant::now() + self.state.config.idle_timeout;
                            self.handle_text(&text)
                        }
                        Some(Ok(Message::Binary(_))) => {
                            Reply::fatal("invalid opcode/encoding combo: {binary, json}")
                        }
                        Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                        Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                    },
                    push = pushed.recv() => match push {
                        Some(Push::Frame(frame)) => Reply::frame(frame),
                        Some(Push::Goodbye) => Reply::frame(frame(7, None, json!({"reason": "sandbox"}))),
                        Some(Push::Drop) | None => break,
                    },
                    _ = sleep_until(idle_deadline) => Reply { frames: Vec::new(), close: Some(1000) },
                    _ = shutdown.wait_for(|stop| *stop) => break,
                };
                if !self.answer(&mut socket, reply).await {
                    break;
                }
            }
        }
        if let Some((app, client)) = &self.identity {
            self.state.store().remove(app, client, self.id);
        }
    }

    async fn send(&self, socket: &mut WebSocket, frame: &Value) -> bool {
        if self.state.config.log_traffic {
            tracing::info!(conn = self.id, %frame, "mesh ->");
        }
        socket
            .send(Message::Text(frame.to_string().into()))
            .await
            .is_ok()
    }

    /// Sends the frames; `false` once the socket should end.
    async fn answer(&self, socket: &mut WebSocket, reply: Reply) -> bool {
        for frame in &reply.frames {
            if !self.send(socket, frame).await {
                return false;
            }
        }
        match reply.close {
            Some(code) => {
                let close = CloseFrame {
                    code,
                    reason: "".into(),
                };
                let _ = socket.send(Message::Close(Some(close))).await;
                false
            }
            None => true,
        }
    }

    fn handle_text(&mut self, text: &str) -> Reply {
        if self.state.config.log_traffic {
            tracing::info!(conn = self.id, frame = text, "mesh <-");
        }
        let Ok(payload) = serde_json::from_str::<Value>(text) else {
            return Reply::fatal("cannot decode payload");
        };
        let (Some(op), Some(d)) = (
            payload.get("op").filter(|op| op.is_i64() || op.is_u64()),
            payload.get("d").and_then(Value::as_object),
        ) else {
            return Reply::fatal("bad payload");
        };
        let t = payload.get("t").and_then(Value::as_str).unwrap_or_default();
        if self.heartbeat_overdue() {
            return Reply::fatal("heartbeat took too long");
        }
        let op = op.as_i64().unwrap_or(i64::MAX);
        if op != 1 && self.identity.is_none() {
            return Reply::fatal("sent payload with non-identify opcode without identifying first");
        }
        match op {
            1 => self.identify(d),
            4 => dispatch::handle(self, t, d),
            5 => self.heartbeat(),
            other => Reply::fatal(&format!("invalid client op {other}")),
        }
    }

    fn heartbeat_overdue(&self) -> bool {
        let Some((app, client)) = &self.identity else {
            return false;
        };
        let store = self.state.store();
        let last = store
            .client(app, client)
            .and_then(|record| record.metadata.get("last_heartbeat_time"))
            .and_then(Value::as_i64);
        let allowed = self.state.config.heartbeat_interval.as_millis() as i64 * 3 / 2;
        last.is_some_and(|last| last + allowed < now_ms())
    }

    fn identify(&mut self, d: &Map<String, Value>) -> Reply {
        let (Some(client), Some(app)) = (
            d.get("client_id").and_then(Value::as_str),
            d.get("application_id").and_then(Value::as_str),
        ) else {
            return Reply::fatal("payload has no data");
        };
        let password = self.state.config.password.as_deref();
        let restricted = d.get("auth") != password.map(|p| Value::String(p.to_owned())).as_ref();
        let reconnect = !matches!(
            d.get("reconnect"),
            None | Some(Value::Null | Value::Bool(false))
        );
        let mut store = self.state.store();
        let may_take_over = reconnect && !restricted;
        if store.client(app, client).is_some() && !may_take_over {
            return Reply::fatal(&format!(
                "client id {client} already registered for application id {app}"
            ));
        }
        let tags = d.get("tags").and_then(Value::as_array).map(|tags| {
            let strings = tags.iter().filter_map(Value::as_str);
            strings.map(str::to_owned).collect()
        });
        let ip = d.get("ip").and_then(Value::as_str).map(str::to_owned);
        let mut metadata = Map::new();
        metadata.insert("last_heartbeat_time".into(), json!(now_ms()));
        metadata.insert("restricted".into(), json!(restricted));
        metadata.insert("encoding".into(), json!("json"));
        let record = ClientRecord {
            conn: self.id,
            metadata,
            tags: if restricted {
                Vec::new()
            } else {
                tags.unwrap_or_default()
            },
            ip: if restricted {
                None
            } else {
                Some(ip.unwrap_or_else(|| self.peer_ip.clone()))
            },
            restricted,
            push: self.push.clone(),
        };
        store.register(app, client, record);
        self.identity = Some((app.to_owned(), client.to_owned()));
        self.restricted = restricted;
        Reply::frame(frame(
            2,
            None,
            json!({"client_id": client, "restricted": restricted}),
        ))
    }

    fn heartbeat(&self) -> Reply {
        let Some((app, client)) = &self.identity else {
            return Reply::fatal("payload has no data");
        };
        if let Some(record) = self.state.store().client_mut(app, client) {
            record
                .metadata
                .insert("last_heartbeat_time".into(), json!(now_ms()));
        }
        Reply::frame(frame(6, None, json!({"client_id": client})))
    }
}

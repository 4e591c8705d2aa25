//! A scripted singyeong stand-in that records what a client sends, in the shape of the wire
//! captures in `fixtures/wire_*.log` (`{"conn", "frame", "kind": "ws_recv"}`, `{"kind": "http"}`).

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{OriginalUri, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

/// How the stand-in answers IDENTIFY.
#[derive(Debug, Clone)]
pub enum Answer {
    Ready { restricted: bool },
    Invalid(&'static str),
}

#[derive(Debug)]
struct Inner {
    log: Mutex<Vec<Value>>,
    conns: AtomicU64,
    answer: Answer,
    goodbye: broadcast::Sender<()>,
}

/// A running recorder.
#[derive(Debug, Clone)]
pub struct Recorder {
    inner: Arc<Inner>,
    pub addr: SocketAddr,
}

impl Recorder {
    pub async fn start(answer: Answer) -> Recorder {
        let inner = Arc::new(Inner {
            log: Mutex::new(Vec::new()),
            conns: AtomicU64::new(0),
            answer,
            goodbye: broadcast::channel(4).0,
        });
        let app = Router::new()
            .route("/gateway/websocket", get(upgrade))
            .route("/api/version", get(http))
            .route("/api/v1/discovery/tags", get(http))
            .route("/api/v1/proxy", post(http))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Recorder { inner, addr }
    }

    pub fn dsn(&self, userinfo: &str) -> String {
        format!("singyeong://{userinfo}@{}", self.addr)
    }

    /// Everything recorded so far.
    pub fn log(&self) -> Vec<Value> {
        self.inner.log.lock().unwrap().clone()
    }

    /// The frames received, in order.
    pub fn frames(&self) -> Vec<Value> {
        let log = self.log();
        log.iter()
            .filter(|entry| entry["kind"] == "ws_recv")
            .map(|entry| entry["frame"].clone())
            .collect()
    }

    /// Sends GOODBYE on every open socket.
    pub fn goodbye(&self) {
        let _ = self.inner.goodbye.send(());
    }
}

fn record(inner: &Inner, entry: Value) {
    inner.log.lock().unwrap().push(entry);
}

async fn upgrade(
    State(inner): State<Arc<Inner>>,
    upgrade: WebSocketUpgrade,
) -> axum::response::Response {
    upgrade.on_upgrade(move |socket| session(inner, socket))
}

async fn session(inner: Arc<Inner>, mut socket: WebSocket) {
    let conn = inner.conns.fetch_add(1, Ordering::SeqCst) + 1;
    record(&inner, json!({"conn": conn, "kind": "ws_open"}));
    let mut goodbye = inner.goodbye.subscribe();
    let hello = json!({"op": 0, "d": {"heartbeat_interval": 100}, "t": null, "ts": 1});
    let _ = socket.send(Message::Text(hello.to_string().into())).await;
    loop {
        let received = tokio::select! {
            received = socket.recv() => received,
            _ = goodbye.recv() => {
                let bye = json!({"op": 7, "d": {"reason": "test"}, "t": null, "ts": 1});
                let _ = socket.send(Message::Text(bye.to_string().into())).await;
                continue;
            }
        };
        let text = match received {
            Some(Ok(Message::Text(text))) => text,
            Some(Ok(Message::Close(frame))) => {
                let code = frame.map(|frame| frame.code);
                record(
                    &inner,
                    json!({"conn": conn, "code": code, "kind": "ws_closed"}),
                );
                break;
            }
            Some(Ok(_)) => continue,
            Some(Err(_)) | None => {
                record(
                    &inner,
                    json!({"conn": conn, "code": null, "kind": "ws_closed"}),
                );
                break;
            }
        };
        let frame: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        record(
            &inner,
            json!({"conn": conn, "frame": frame, "kind": "ws_recv"}),
        );
        let reply = match (frame["op"].as_u64(), &inner.answer) {
            (Some(1), Answer::Ready { restricted }) => {
                json!({"op": 2, "d": {"client_id": frame["d"]["client_id"], "restricted": restricted}})
            }
            (Some(1), Answer::Invalid(error)) => json!({"op": 3, "d": {"error": error}}),
            (Some(5), _) => json!({"op": 6, "d": {"client_id": frame["d"]["client_id"]}}),
            _ => continue,
        };
        let _ = socket.send(Message::Text(reply.to_string().into())).await;
    }
}

async fn http(
    State(inner): State<Arc<Inner>>,
    method: axum::http::Method,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: String,
) -> Json<Value> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    record(
        &inner,
        json!({
            "method": method.as_str(),
            "raw_path": uri.to_string(),
            "content_type": header("content-type"),
            "authorization": header("authorization"),
            "body": body,
            "kind": "http",
        }),
    );
    Json(match uri.path() {
        "/api/version" => json!({"singyeong": "0.0.1", "api": "v1"}),
        "/api/v1/discovery/tags" => json!({"status": "ok", "result": ["my-app"]}),
        _ => json!({"proxied": true}),
    })
}

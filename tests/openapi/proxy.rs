//! A recording reverse proxy in front of the sandbox: every request and its answer, as sent.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// Marks a request the test made itself (plain HTTP), as opposed to one the SDK made.
pub const RAW_CLIENT: &str = "x-schema-test-client";

/// Who sent a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sender {
    Sdk,
    Test,
}

/// A request body as read for validation.
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    None,
    Json(Value),
    /// A body that is not JSON (or `payload_json`), with its content type.
    Unreadable(String),
    /// A multipart form without `payload_json`: the names of its fields (an invite's
    /// `target_users_file`).
    Form(Vec<String>),
}

/// One request and its answer.
#[derive(Clone, Debug)]
pub struct Exchange {
    pub sender: Sender,
    pub method: String,
    /// The path below `/api/v10`.
    pub path: String,
    pub query: Option<String>,
    pub request: Payload,
    pub status: u16,
    pub response: Payload,
}

impl Exchange {
    /// `POST /webhooks/1/{token} -> 200`: the path with interaction tokens shortened to
    /// `{token}`, so the report stays readable.
    pub fn label(&self) -> String {
        let segments: Vec<&str> = self.path.split('/').collect();
        let shown: Vec<&str> = segments
            .iter()
            .enumerate()
            .map(|(i, segment)| {
                let secret = i >= 2 && matches!(segments[i - 2], "webhooks" | "interactions");
                if secret { "{token}" } else { segment }
            })
            .collect();
        format!("{} {} -> {}", self.method, shown.join("/"), self.status)
    }
}

/// A running proxy.
#[derive(Debug)]
pub struct Proxy {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<Exchange>>>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.server.abort();
    }
}

#[derive(Clone)]
struct Upstream {
    base: String,
    client: reqwest::Client,
    log: Arc<Mutex<Vec<Exchange>>>,
}

const PREFIX: &str = "/api/v10";

impl Proxy {
    /// Listens on a free port and forwards to `http://{upstream}`.
    pub async fn start(upstream: SocketAddr) -> Proxy {
        let log = Arc::new(Mutex::new(Vec::new()));
        let state = Upstream {
            base: format!("http://{upstream}"),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a reqwest client"),
            log: log.clone(),
        };
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("a free port");
        let addr = listener.local_addr().expect("a local address");
        let app = Router::new().fallback(forward).with_state(state);
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Proxy { addr, log, server }
    }

    /// The REST base URL of API v10 through the proxy.
    pub fn rest_url(&self) -> String {
        format!("http://{}{PREFIX}", self.addr)
    }

    /// Everything recorded so far, in order.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Decodes `application/x-www-form-urlencoded` text.
fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The JSON a body carries: the body itself, or the `payload_json` field of a form.
fn read_payload(content_type: &str, body: &[u8]) -> Payload {
    if body.is_empty() {
        return Payload::None;
    }
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let text = String::from_utf8_lossy(body);
        let field = text.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (form_decode(key) == "payload_json").then(|| form_decode(value))
        });
        return match field.and_then(|f| serde_json::from_str(&f).ok()) {
            Some(value) => Payload::Json(value),
            None => Payload::Unreadable(content_type.to_owned()),
        };
    }
    if content_type.starts_with("multipart/form-data") {
        return match multipart_payload(content_type, body) {
            Some(value) => Payload::Json(value),
            None => match multipart_fields(content_type, body) {
                Some(fields) if !fields.is_empty() => Payload::Form(fields),
                _ => Payload::Unreadable(content_type.to_owned()),
            },
        };
    }
    match serde_json::from_slice(body) {
        Ok(value) if content_type.starts_with("application/json") => Payload::Json(value),
        _ => Payload::Unreadable(content_type.to_owned()),
    }
}

/// The `payload_json` part of a multipart body.
fn multipart_payload(content_type: &str, body: &[u8]) -> Option<Value> {
    let boundary = content_type.split("boundary=").nth(1)?.trim_matches('"');
    let text = String::from_utf8_lossy(body);
    text.split(&format!("--{boundary}")).find_map(|part| {
        let (headers, content) = part.split_once("\r\n\r\n")?;
        headers
            .contains("name=\"payload_json\"")
            .then(|| serde_json::from_str(content.trim_end_matches("\r\n")).ok())?
    })
}

/// The names of a multipart body's fields.
fn multipart_fields(content_type: &str, body: &[u8]) -> Option<Vec<String>> {
    let boundary = content_type.split("boundary=").nth(1)?.trim_matches('"');
    let text = String::from_utf8_lossy(body);
    Some(
        text.split(&format!("--{boundary}"))
            .filter_map(|part| {
                let (headers, _) = part.split_once("\r\n\r\n")?;
                let name = headers.split("name=\"").nth(1)?.split('"').next()?;
                Some(name.to_owned())
            })
            .collect(),
    )
}

fn hop_by_hop(name: &HeaderName) -> bool {
    matches!(
        name.as_str(),
        "host" | "content-length" | "transfer-encoding" | "connection" | "keep-alive"
    )
}

async fn forward(State(upstream): State<Upstream>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let bytes: Bytes = match axum::body::to_bytes(body, 64 * 1024 * 1024).await {
        Ok(bytes) => bytes,
        Err(e) => return (StatusCode::BAD_GATEWAY, e.to_string()).into_response(),
    };
    let sender = if parts.headers.contains_key(RAW_CLIENT) {
        Sender::Test
    } else {
        Sender::Sdk
    };
    let path_and_query = parts
        .uri
        .path_and_query()
        .map_or("/", |pq| pq.as_str())
        .to_owned();
    let mut outgoing = upstream.client.request(
        parts.method.clone(),
        format!("{}{path_and_query}", upstream.base),
    );
    for (name, value) in &parts.headers {
        if !hop_by_hop(name) && name.as_str() != RAW_CLIENT {
            outgoing = outgoing.header(name, value);
        }
    }
    let answer = match outgoing.body(bytes.clone()).send().await {
        Ok(answer) => answer,
        Err(e) => return (StatusCode::BAD_GATEWAY, e.to_string()).into_response(),
    };
    let status = answer.status();
    let headers = answer.headers().clone();
    let answer_bytes = answer.bytes().await.unwrap_or_default();
    let path = parts.uri.path();
    upstream
        .log
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(Exchange {
            sender,
            method: parts.method.to_string(),
            path: path.strip_prefix(PREFIX).unwrap_or(path).to_owned(),
            query: parts.uri.query().map(str::to_owned),
            request: read_payload(&content_type(&parts.headers), &bytes),
            status: status.as_u16(),
            response: read_payload(&content_type(&headers), &answer_bytes),
        });
    let mut response = Response::new(Body::from(answer_bytes));
    *response.status_mut() = status;
    for (name, value) in &headers {
        if !hop_by_hop(name) {
            response.headers_mut().append(name, value.clone());
        }
    }
    response
}

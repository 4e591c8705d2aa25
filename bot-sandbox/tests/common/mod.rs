//! A raw gateway client for the conformance tests: `tokio-tungstenite` and `flate2`, no SDK code.
#![allow(dead_code)]

use flate2::{Decompress, FlushDecompress};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

/// The shared fixture of gateway frames from Discord's docs.
pub fn frame(name: &str) -> Value {
    let all: Value = serde_json::from_str(include_str!("../fixtures/gateway_frames.json")).unwrap();
    all[name]["payload"].clone()
}

/// What the server did next.
#[derive(Debug, PartialEq)]
pub enum Event {
    /// A JSON payload.
    Payload(Value),
    /// A close frame with this code.
    Closed(u16),
    /// The connection ended without a close frame.
    Dropped,
}

pub struct Client {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    inflate: Option<Decompress>,
    /// Frames were binary.
    pub saw_binary: bool,
    /// Every binary frame ended with the zlib sync marker.
    pub all_flushed: bool,
}

impl Client {
    pub async fn connect(url: &str, zlib: bool) -> Client {
        let (socket, _) = connect_async(url)
            .await
            .expect("the gateway accepts the connection");
        Client {
            socket,
            inflate: zlib.then(|| Decompress::new(true)),
            saw_binary: false,
            all_flushed: true,
        }
    }

    pub async fn send(&mut self, payload: Value) {
        self.socket
            .send(Message::Text(payload.to_string().into()))
            .await
            .unwrap();
    }

    pub async fn send_binary(&mut self, payload: Value) {
        self.socket
            .send(Message::Binary(payload.to_string().into_bytes().into()))
            .await
            .unwrap();
    }

    pub async fn send_raw(&mut self, text: String) {
        self.socket.send(Message::Text(text.into())).await.unwrap();
    }

    pub async fn next(&mut self, timeout: Duration) -> Event {
        loop {
            let message = match tokio::time::timeout(timeout, self.socket.next()).await {
                Err(_) => panic!("no frame within {timeout:?}"),
                Ok(None) | Ok(Some(Err(_))) => return Event::Dropped,
                Ok(Some(Ok(message))) => message,
            };
            match message {
                Message::Text(text) => return Event::Payload(serde_json::from_str(&text).unwrap()),
                Message::Binary(bytes) => {
                    self.saw_binary = true;
                    self.all_flushed &= bytes.ends_with(&[0, 0, 0xff, 0xff]);
                    let inflate = self
                        .inflate
                        .as_mut()
                        .expect("binary frames only with zlib-stream");
                    let mut text = Vec::new();
                    let mut consumed = 0;
                    loop {
                        text.reserve(64 * 1024);
                        let before = inflate.total_in();
                        inflate
                            .decompress_vec(&bytes[consumed..], &mut text, FlushDecompress::Sync)
                            .expect("valid zlib-stream data");
                        consumed += (inflate.total_in() - before) as usize;
                        if consumed >= bytes.len() && text.len() < text.capacity() {
                            break;
                        }
                    }
                    return Event::Payload(serde_json::from_slice(&text).unwrap());
                }
                Message::Close(frame) => {
                    return Event::Closed(frame.map_or(1005, |f| u16::from(f.code)));
                }
                _ => continue,
            }
        }
    }

    /// The next payload (panics on a close).
    pub async fn payload(&mut self) -> Value {
        match self.next(Duration::from_secs(5)).await {
            Event::Payload(value) => value,
            other => panic!("expected a payload, got {other:?}"),
        }
    }

    /// Payloads until one with this op (and event name, for dispatches).
    pub async fn until(&mut self, op: u64, event: Option<&str>) -> Value {
        loop {
            let payload = self.payload().await;
            if payload["op"] == op && event.is_none_or(|e| payload["t"] == e) {
                return payload;
            }
        }
    }

    /// Reads until the server closes or drops the connection.
    pub async fn closed(&mut self) -> Event {
        loop {
            match self.next(Duration::from_secs(5)).await {
                Event::Payload(_) => continue,
                other => return other,
            }
        }
    }

    pub async fn close(mut self) {
        let _ = self
            .socket
            .close(Some(tokio_tungstenite::tungstenite::protocol::CloseFrame {
                code: CloseCode::Normal,
                reason: "".into(),
            }))
            .await;
    }
}

/// IDENTIFY with `token` and `intents`, as the docs' minimal example.
pub fn identify(token: &str, intents: u64) -> Value {
    let mut payload = frame("identify_minimal");
    payload["d"]["token"] = json!(token);
    payload["d"]["intents"] = json!(intents);
    payload
}

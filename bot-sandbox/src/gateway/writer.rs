//! The writing half of a connection, in a task of its own: it sends what the connection's
//! channel holds, in order, so a client that stops reading blocks only this task and the reader
//! keeps reading (and queuing heartbeat ACKs behind the pending frames).

use super::Outbound;
use super::firehose::Delivery;
use super::zlib::Encoder;
use crate::Shared;
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use futures_util::stream::SplitSink;
use futures_util::{Sink, SinkExt};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// How long a close frame may wait for a client that does not read before the socket is dropped.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);

/// What the reader tells the writer when it ends the connection (ahead of anything queued).
#[derive(Debug)]
pub(super) enum Stop {
    /// Send a close frame with this code and reason, then end.
    Close(u16, &'static str),
    /// End without a close frame (the client is gone).
    Drop,
}

/// Sends a close frame and logs it.
pub(super) async fn close<S>(sink: &mut S, shared: &Shared, code: u16, reason: &'static str)
where
    S: Sink<Message> + Unpin,
{
    if shared.log_traffic {
        tracing::info!(target: "bot_sandbox::gateway", "close {code} {reason}");
    }
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let send = sink.send(Message::Close(Some(frame)));
    let _ = tokio::time::timeout(CLOSE_TIMEOUT, send).await;
}

pub(super) struct Writer {
    sink: SplitSink<WebSocket, Message>,
    encoder: Encoder,
    rx: mpsc::UnboundedReceiver<Outbound>,
    shared: Arc<Shared>,
}

impl Writer {
    pub(super) fn new(
        sink: SplitSink<WebSocket, Message>,
        encoder: Encoder,
        rx: mpsc::UnboundedReceiver<Outbound>,
        shared: Arc<Shared>,
    ) -> Self {
        Writer {
            sink,
            encoder,
            rx,
            shared,
        }
    }

    /// Writes until the channel says close or drop, a write fails, or the reader says stop (which
    /// interrupts even a write blocked on a client that does not read).
    pub(super) async fn run(mut self, mut stop: oneshot::Receiver<Stop>) {
        let end = loop {
            let item = tokio::select! {
                biased;
                stop = &mut stop => break stop.ok(),
                item = self.rx.recv() => item,
            };
            let item = match item {
                Some(Outbound::Close(code, reason)) => break Some(Stop::Close(code, reason)),
                Some(Outbound::Drop) | None => break None,
                Some(item) => item,
            };
            let written = tokio::select! {
                biased;
                stop = &mut stop => break stop.ok(),
                written = self.write(item) => written,
            };
            if !written {
                break None;
            }
        };
        if let Some(Stop::Close(code, reason)) = end {
            close(&mut self.sink, &self.shared, code, reason).await;
        }
    }

    /// Writes one frame or a whole burst; `false` when the socket failed.
    async fn write(&mut self, item: Outbound) -> bool {
        match item {
            Outbound::Frame(text) => {
                if self.shared.log_traffic {
                    let payload: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                    let op = payload.get("op").and_then(Value::as_u64).unwrap_or(0);
                    let event = payload.get("t").and_then(Value::as_str).unwrap_or("");
                    tracing::info!(target: "bot_sandbox::gateway", "send op {op} {event}");
                }
                let message = self.message(String::from(&*text));
                self.sink.send(message).await.is_ok()
            }
            Outbound::Burst(delivery) => self.write_burst(delivery).await,
            Outbound::Close(..) | Outbound::Drop => true,
        }
    }

    /// Feeds every frame of a burst (the WebSocket writes to the socket as its buffer fills, and
    /// waits while the socket is full), then flushes.
    async fn write_burst(&mut self, mut delivery: Delivery) -> bool {
        if self.shared.log_traffic {
            let (event, count) = delivery.describe();
            tracing::info!(target: "bot_sandbox::gateway", "send burst of {count} op 0 {event}");
        }
        while let Some(text) = delivery.next_frame() {
            let message = self.message(text);
            if self.sink.feed(message).await.is_err() {
                return false;
            }
            delivery.advance();
        }
        let flushed = self.sink.flush().await.is_ok();
        if flushed {
            delivery.finish();
        }
        flushed
    }

    /// A text frame, or a binary one compressed with the connection's zlib stream.
    fn message(&mut self, text: String) -> Message {
        if self.encoder.is_compressed() {
            Message::Binary(self.encoder.encode(&text).into())
        } else {
            Message::Text(text.into())
        }
    }
}

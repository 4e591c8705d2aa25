//! The connection task: connect, HELLO → IDENTIFY → READY, heartbeats, frames both ways, and
//! reconnecting with back-off. One socket at a time: the old one is closed before a new one
//! opens, so the client is never registered twice.

use super::handshake::{
    CLOSE_GRACE, End, Socket, close as close_socket, close_code, handshake, send_text,
};
use super::outbox::{Failure, Taken};
use super::{Shared, Stop, lock};
use crate::Error;
use crate::backoff::Backoff;
use crate::events::{Disconnect, Event, Message};
use crate::protocol::{self, Opcode};
use crate::server_error::ServerError;
use bot_tls::ws::Message as WsMessage;
use futures_util::StreamExt;
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::time::{Instant, MissedTickBehavior};

/// The least time a write may take before the connection is taken for dead (the heartbeat
/// interval when longer).
const WRITE_FLOOR: Duration = Duration::from_secs(1);

/// Asks for [`super::Client::close`]'s graceful close; the channel closes when every handle is
/// gone.
pub(crate) type Closes = mpsc::UnboundedReceiver<oneshot::Sender<()>>;

pub(crate) async fn run(
    shared: Arc<Shared>,
    mut closes: Closes,
    first: oneshot::Sender<Result<(), Error>>,
) {
    let config = &shared.config;
    let mut backoff = Backoff::new(config.backoff_initial, config.backoff_max);
    let mut first = Some(first);
    let mut reconnecting = false;
    let stop = loop {
        let end = session(&shared, &mut closes, reconnecting, &mut first, &mut backoff).await;
        let (disconnect, error) = match end {
            End::Closed(done) => {
                if let Some(done) = done {
                    let _ = done.send(());
                }
                break Stop::Closed;
            }
            End::Fatal(error) => break fail(&mut first, error),
            End::Lost(disconnect, error) => (disconnect, error),
        };
        if let Some(first) = first.take() {
            // The first connection never got to READY: report why instead of retrying.
            let error = error.unwrap_or_else(|| lost_error(&disconnect));
            let _ = first.send(Err(error));
            break Stop::Closed;
        }
        if !config.reconnect {
            break Stop::Failed(Arc::new(error.unwrap_or_else(|| lost_error(&disconnect))));
        }
        reconnecting = true;
        tracing::info!(?disconnect, "singyeong connection lost; reconnecting");
        if let Some(done) = wait_backoff(&mut backoff, &mut closes).await {
            if let Some(done) = done {
                let _ = done.send(());
            }
            break Stop::Closed;
        }
    };
    shared.stop.send_if_modified(|current| {
        let was_running = current.is_none();
        if was_running {
            *current = Some(stop);
        }
        was_running
    });
    // After the stop is set, so their callers read why.
    shared.outbox.stop();
}

fn fail(first: &mut Option<oneshot::Sender<Result<(), Error>>>, error: Error) -> Stop {
    tracing::warn!(%error, "singyeong client stopped");
    match first.take() {
        Some(first) => {
            let _ = first.send(Err(error));
            Stop::Closed
        }
        None => Stop::Failed(Arc::new(error)),
    }
}

fn lost_error(disconnect: &Disconnect) -> Error {
    Error::Protocol(format!("connection lost: {disconnect:?}"))
}

/// Sleeps the back-off (queued frames wait in the outbox meanwhile); `Some` if the client was
/// closed (`Some(None)`: every handle is gone).
async fn wait_backoff(
    backoff: &mut Backoff,
    closes: &mut Closes,
) -> Option<Option<oneshot::Sender<()>>> {
    tokio::select! {
        _ = backoff.wait() => None,
        close = closes.recv() => Some(close),
    }
}

/// One socket from connect to disconnect.
async fn session(
    shared: &Shared,
    closes: &mut Closes,
    reconnecting: bool,
    first: &mut Option<oneshot::Sender<Result<(), Error>>>,
    backoff: &mut Backoff,
) -> End {
    let timeout = shared.config.connect_timeout;
    let (mut socket, interval) =
        match tokio::time::timeout(timeout, handshake(shared, reconnecting)).await {
            Ok(Ok(connected)) => connected,
            Ok(Err(end)) => return end,
            Err(_) => return End::Lost(Disconnect::Dropped, Some(Error::Timeout)),
        };
    backoff.reset();
    let cached = lock(&shared.cache).clone();
    if !cached.is_empty() {
        match protocol::encode(Opcode::Dispatch, Some("UPDATE_METADATA"), &cached) {
            Ok(frame) => {
                if let Err(end) = send_text(&mut socket, frame).await {
                    return end;
                }
            }
            Err(error) => return End::Fatal(Error::Serialize(error)),
        }
    }
    if let Some(first) = first.take() {
        let _ = first.send(Ok(()));
    }
    shared.outbox.set_connected(true);
    let end = Session {
        shared,
        socket,
        interval,
        unacked: None,
    }
    .run(closes)
    .await;
    shared.outbox.set_connected(false);
    shared.emit(Event::Disconnect(match &end {
        End::Closed(_) => Disconnect::Closed,
        End::Lost(disconnect, _) => disconnect.clone(),
        End::Fatal(_) => Disconnect::Dropped,
    }));
    end
}

struct Session<'a> {
    shared: &'a Shared,
    socket: Socket,
    interval: Duration,
    /// When the heartbeat still waiting for its ACK was sent.
    unacked: Option<Instant>,
}

impl Session<'_> {
    async fn run(mut self, closes: &mut Closes) -> End {
        let mut heartbeat = tokio::time::interval_at(Instant::now() + self.interval, self.interval);
        heartbeat.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let outbox = self.shared.outbox.clone();
        loop {
            tokio::select! {
                _ = heartbeat.tick() => {
                    if let Err(end) = self.heartbeat().await {
                        return end;
                    }
                }
                frame = self.socket.next() => {
                    if let Some(end) = self.receive(frame).await {
                        return end;
                    }
                }
                taken = outbox.next() => {
                    if let Err(end) = self.write_taken(taken).await {
                        return end;
                    }
                }
                close = closes.recv() => {
                    if close.is_some() {
                        // Graceful: what was queued before the close goes out first.
                        for _ in 0..outbox.len() {
                            let Some(taken) = outbox.take() else { break };
                            if let Err(end) = self.write_taken(taken).await {
                                return end;
                            }
                        }
                    }
                    close_socket(&mut self.socket).await;
                    // `None`: every handle is gone; nobody waits for the close.
                    return End::Closed(close);
                }
            }
        }
    }

    /// Writes a frame within the write limit: a write that takes longer means a dead peer.
    async fn write(&mut self, text: String) -> Result<(), End> {
        let limit = self.interval.max(WRITE_FLOOR);
        match tokio::time::timeout(limit, send_text(&mut self.socket, text)).await {
            Ok(written) => written,
            Err(_) => Err(End::Lost(Disconnect::Dropped, Some(Error::Timeout))),
        }
    }

    /// Writes a frame taken from the outbox and tells its caller. A failed write is not
    /// retried: the frame may have reached the server.
    async fn write_taken(&mut self, mut taken: Taken) -> Result<(), End> {
        let text = std::mem::take(&mut taken.text);
        match self.write(text).await {
            Ok(()) => {
                taken.finish(Ok(()));
                Ok(())
            }
            Err(end) => {
                taken.finish(Err(Failure::Interrupted));
                Err(end)
            }
        }
    }

    async fn heartbeat(&mut self) -> Result<(), End> {
        if self.unacked.is_some() {
            // The last heartbeat was never acknowledged: the connection is a zombie.
            let _ =
                tokio::time::timeout(CLOSE_GRACE, futures_util::SinkExt::close(&mut self.socket))
                    .await;
            return Err(End::Lost(Disconnect::HeartbeatTimeout, None));
        }
        #[derive(Serialize)]
        struct Heartbeat<'a> {
            client_id: &'a str,
        }
        let d = Heartbeat {
            client_id: &self.shared.config.client_id,
        };
        let frame = protocol::encode(Opcode::Heartbeat, None, &d)
            .map_err(|error| End::Fatal(Error::Serialize(error)))?;
        self.write(frame).await?;
        self.unacked = Some(Instant::now());
        Ok(())
    }

    async fn receive(
        &mut self,
        frame: Option<Result<WsMessage, bot_tls::ws::Error>>,
    ) -> Option<End> {
        let message = match frame {
            Some(Ok(message)) if message.is_text() => message,
            Some(Ok(message)) if message.is_close() => {
                let code = close_code(&message);
                return Some(End::Lost(Disconnect::ServerClosed(code), None));
            }
            Some(Ok(message)) if message.is_binary() => {
                tracing::warn!("ignoring a binary frame on a JSON connection");
                return None;
            }
            Some(Ok(_)) => return None,
            Some(Err(error)) => {
                return Some(End::Lost(
                    Disconnect::Dropped,
                    Some(Error::WebSocket(error.into())),
                ));
            }
            None => return Some(End::Lost(Disconnect::Dropped, None)),
        };
        let incoming = match protocol::decode(message.as_text().unwrap_or_default()) {
            Ok(incoming) => incoming,
            Err(error) => {
                tracing::warn!(%error, "ignoring an undecodable frame");
                return None;
            }
        };
        match incoming.op {
            Opcode::HeartbeatAck => {
                if let Some(sent) = self.unacked.take() {
                    *lock(&self.shared.latency) = Some(sent.elapsed());
                }
            }
            Opcode::Dispatch => {
                let message =
                    Message::from_dispatch(incoming.t.as_deref(), &incoming.d, incoming.ts);
                self.shared.emit(Event::Data(message));
            }
            Opcode::Invalid => {
                let error = ServerError::from_invalid(&incoming.d);
                tracing::warn!(%error, "singyeong sent INVALID");
                self.shared.emit(Event::Error(error));
            }
            Opcode::Goodbye => {
                close_socket(&mut self.socket).await;
                return Some(End::Lost(Disconnect::Goodbye, None));
            }
            other => tracing::warn!(?other, "ignoring an unexpected frame"),
        }
        None
    }
}

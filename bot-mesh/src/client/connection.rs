//! The connection task: connect, HELLO → IDENTIFY → READY, heartbeats, frames both ways, and
//! reconnecting with back-off. One socket at a time: the old one is closed before a new one
//! opens, so the client is never registered twice.

use super::{Command, Shared, Stop, lock};
use crate::Error;
use crate::backoff::Backoff;
use crate::events::{Disconnect, Event, Message};
use crate::protocol::{self, Incoming, Opcode};
use crate::server_error::ServerError;
use futures_util::{SinkExt, StreamExt};
use serde::Serialize;
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::sync::{mpsc, oneshot};
use tokio::time::{Instant, MissedTickBehavior};
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, WebSocketConfig};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// How long a close handshake may take before the socket is dropped.
const CLOSE_GRACE: Duration = Duration::from_secs(1);

/// How a session ended.
enum End {
    /// [`super::Client::close`].
    Closed(oneshot::Sender<()>),
    /// A fatal rejection: stop with this error.
    Fatal(Error),
    /// The connection was lost: reconnect (if allowed).
    Lost(Disconnect, Option<Error>),
}

/// Frames waiting for a socket, in order.
type Pending = VecDeque<(String, oneshot::Sender<()>)>;

pub(crate) async fn run(
    shared: Arc<Shared>,
    mut commands: mpsc::UnboundedReceiver<Command>,
    first: oneshot::Sender<Result<(), Error>>,
) {
    let config = &shared.config;
    let mut backoff = Backoff::new(config.backoff_initial, config.backoff_max);
    let mut first = Some(first);
    let mut pending = Pending::new();
    let mut reconnecting = false;
    let stop = loop {
        let end = session(
            &shared,
            &mut commands,
            &mut pending,
            reconnecting,
            &mut first,
            &mut backoff,
        )
        .await;
        let (disconnect, error) = match end {
            End::Closed(done) => {
                let _ = done.send(());
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
        if let Some(done) = wait_backoff(&mut backoff, &mut commands, &mut pending).await {
            let _ = done.send(());
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

/// Sleeps the back-off, queueing frames meanwhile; `Some` if the client was closed.
async fn wait_backoff(
    backoff: &mut Backoff,
    commands: &mut mpsc::UnboundedReceiver<Command>,
    pending: &mut Pending,
) -> Option<oneshot::Sender<()>> {
    let sleep = backoff.wait();
    tokio::pin!(sleep);
    loop {
        tokio::select! {
            _ = &mut sleep => return None,
            command = commands.recv() => match command {
                Some(Command::Frame { text, written }) => pending.push_back((text, written)),
                Some(Command::Close { done }) => return Some(done),
                // Every handle is gone: nobody can use the client any more.
                None => return None,
            },
        }
    }
}

#[derive(Serialize)]
struct Identify<'a> {
    client_id: &'a str,
    application_id: &'a str,
    reconnect: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ip: Option<&'a str>,
}

/// Connects and identifies; the socket and the heartbeat interval once READY arrived.
async fn handshake(shared: &Shared, reconnecting: bool) -> Result<(Socket, Duration), End> {
    let config = &shared.config;
    let ws_config = WebSocketConfig::default()
        .max_frame_size(Some(config.max_frame_size))
        .max_message_size(Some(config.max_frame_size));
    let url = config.dsn.gateway_url().as_str();
    let (mut socket, _) = tokio_tungstenite::connect_async_with_config(url, Some(ws_config), false)
        .await
        .map_err(|error| End::Lost(Disconnect::Dropped, Some(Error::WebSocket(error))))?;
    shared.emit(Event::Connect);
    let hello = next_frame(&mut socket).await?;
    let interval = match hello.op {
        Opcode::Hello => hello
            .d
            .get("heartbeat_interval")
            .and_then(serde_json::Value::as_u64)
            .filter(|ms| *ms > 0)
            .map(Duration::from_millis)
            .ok_or_else(|| protocol_error("HELLO without a positive heartbeat_interval"))?,
        Opcode::Invalid => {
            return Err(End::Fatal(Error::Rejected(ServerError::from_invalid(
                &hello.d,
            ))));
        }
        other => return Err(protocol_error(&format!("expected HELLO, got {other:?}"))),
    };
    let identify = Identify {
        client_id: &config.client_id,
        application_id: config.dsn.application(),
        reconnect: reconnecting,
        auth: config.dsn.password(),
        tags: config.tags.as_deref(),
        ip: config.ip.as_deref(),
    };
    let frame = protocol::encode(Opcode::Identify, None, &identify)
        .map_err(|error| End::Fatal(Error::Serialize(error)))?;
    send_text(&mut socket, frame).await?;
    let ready = next_frame(&mut socket).await?;
    match ready.op {
        Opcode::Ready => {}
        Opcode::Invalid => {
            let error = ServerError::from_invalid(&ready.d);
            close(&mut socket).await;
            return Err(End::Fatal(Error::Rejected(error)));
        }
        other => return Err(protocol_error(&format!("expected READY, got {other:?}"))),
    }
    let restricted = ready
        .d
        .get("restricted")
        .and_then(serde_json::Value::as_bool);
    let restricted = restricted.ok_or_else(|| protocol_error("READY without `restricted`"))?;
    if restricted && config.dsn.password().is_some() && !config.allow_restricted {
        close(&mut socket).await;
        return Err(End::Fatal(Error::AuthRejected));
    }
    shared.restricted.store(restricted, Ordering::Release);
    let client_id = ready.d.get("client_id").and_then(serde_json::Value::as_str);
    shared.emit(Event::Ready {
        client_id: client_id.unwrap_or(&config.client_id).to_owned(),
        restricted,
    });
    Ok((socket, interval))
}

fn protocol_error(text: &str) -> End {
    End::Lost(Disconnect::Dropped, Some(Error::Protocol(text.to_owned())))
}

/// The next JSON frame during the handshake.
async fn next_frame(socket: &mut Socket) -> Result<Incoming, End> {
    loop {
        match socket.next().await {
            Some(Ok(WsMessage::Text(text))) => {
                return protocol::decode(&text).map_err(|error| protocol_error(&error));
            }
            Some(Ok(WsMessage::Close(frame))) => {
                let code = frame.map(|frame| u16::from(frame.code));
                return Err(End::Lost(Disconnect::ServerClosed(code), None));
            }
            Some(Ok(_)) => continue,
            Some(Err(error)) => {
                return Err(End::Lost(
                    Disconnect::Dropped,
                    Some(Error::WebSocket(error)),
                ));
            }
            None => return Err(End::Lost(Disconnect::Dropped, None)),
        }
    }
}

async fn send_text(socket: &mut Socket, text: String) -> Result<(), End> {
    socket
        .send(WsMessage::Text(text.into()))
        .await
        .map_err(|error| End::Lost(Disconnect::Dropped, Some(Error::WebSocket(error))))
}

/// Sends close 1000 and waits (briefly) for the server to finish the handshake, so the old
/// registration is gone before a new socket identifies.
async fn close(socket: &mut Socket) {
    let frame = CloseFrame {
        code: CloseCode::Normal,
        reason: "".into(),
    };
    if socket.send(WsMessage::Close(Some(frame))).await.is_err() {
        return;
    }
    let drain = async { while let Some(Ok(_)) = socket.next().await {} };
    let _ = tokio::time::timeout(CLOSE_GRACE, drain).await;
}

/// One socket from connect to disconnect.
async fn session(
    shared: &Shared,
    commands: &mut mpsc::UnboundedReceiver<Command>,
    pending: &mut Pending,
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
    let end = Session {
        shared,
        socket,
        interval,
        unacked: None,
    }
    .run(commands, pending)
    .await;
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
    async fn run(
        mut self,
        commands: &mut mpsc::UnboundedReceiver<Command>,
        pending: &mut Pending,
    ) -> End {
        while let Some((text, written)) = pending.pop_front() {
            if let Err(end) = send_text(&mut self.socket, text.clone()).await {
                pending.push_front((text, written));
                return end;
            }
            let _ = written.send(());
        }
        let mut heartbeat = tokio::time::interval_at(Instant::now() + self.interval, self.interval);
        heartbeat.set_missed_tick_behavior(MissedTickBehavior::Delay);
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
                command = commands.recv() => match command {
                    Some(Command::Frame { text, written }) => {
                        if let Err(end) = send_text(&mut self.socket, text.clone()).await {
                            pending.push_back((text, written));
                            return end;
                        }
                        let _ = written.send(());
                    }
                    Some(Command::Close { done }) => {
                        close(&mut self.socket).await;
                        return End::Closed(done);
                    }
                    None => {
                        close(&mut self.socket).await;
                        let (done, _) = oneshot::channel();
                        return End::Closed(done);
                    }
                },
            }
        }
    }

    async fn heartbeat(&mut self) -> Result<(), End> {
        if self.unacked.is_some() {
            // The last heartbeat was never acknowledged: the connection is a zombie.
            let _ = tokio::time::timeout(CLOSE_GRACE, self.socket.close(None)).await;
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
        send_text(&mut self.socket, frame).await?;
        self.unacked = Some(Instant::now());
        Ok(())
    }

    async fn receive(
        &mut self,
        frame: Option<Result<WsMessage, tokio_tungstenite::tungstenite::Error>>,
    ) -> Option<End> {
        let text = match frame {
            Some(Ok(WsMessage::Text(text))) => text,
            Some(Ok(WsMessage::Close(frame))) => {
                let code = frame.map(|frame| u16::from(frame.code));
                return Some(End::Lost(Disconnect::ServerClosed(code), None));
            }
            Some(Ok(WsMessage::Binary(_))) => {
                tracing::warn!("ignoring a binary frame on a JSON connection");
                return None;
            }
            Some(Ok(_)) => return None,
            Some(Err(error)) => {
                return Some(End::Lost(
                    Disconnect::Dropped,
                    Some(Error::WebSocket(error)),
                ));
            }
            None => return Some(End::Lost(Disconnect::Dropped, None)),
        };
        let incoming = match protocol::decode(&text) {
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
                close(&mut self.socket).await;
                return Some(End::Lost(Disconnect::Goodbye, None));
            }
            other => tracing::warn!(?other, "ignoring an unexpected frame"),
        }
        None
    }
}

//! Opening a socket: connect, HELLO, IDENTIFY, READY; and closing one cleanly.

use super::Shared;
use crate::Error;
use crate::events::{Disconnect, Event};
use crate::protocol::{self, Incoming, Opcode};
use crate::server_error::ServerError;
use bot_tls::ws::{CloseCode, Config, Limits, Message as WsMessage};
use futures_util::{SinkExt, StreamExt};
use serde::Serialize;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::oneshot;

pub(super) type Socket = bot_tls::Socket;

/// How long a close handshake may take before the socket is dropped.
pub(super) const CLOSE_GRACE: Duration = Duration::from_secs(1);

/// How a session ended.
pub(super) enum End {
    /// [`super::Client::close`] (with its caller to tell), or every handle dropped (`None`).
    Closed(Option<oneshot::Sender<()>>),
    /// A fatal rejection: stop with this error.
    Fatal(Error),
    /// The connection was lost: reconnect (if allowed).
    Lost(Disconnect, Option<Error>),
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
pub(super) async fn handshake(
    shared: &Shared,
    reconnecting: bool,
) -> Result<(Socket, Duration), End> {
    let config = &shared.config;
    let limits = Limits::default().max_payload_len(Some(config.max_frame_size));
    let url = config.dsn.gateway_url().as_str();
    let tls = match &config.tls {
        Some(tls) => tls.clone(),
        None => bot_tls::Tls::new(&[]).map_err(|error| End::Fatal(Error::Tls(error)))?,
    };
    let mut socket = bot_tls::connect_websocket(&tls, url, limits, Config::default())
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

pub(super) fn protocol_error(text: &str) -> End {
    End::Lost(Disconnect::Dropped, Some(Error::Protocol(text.to_owned())))
}

/// The next JSON frame during the handshake.
async fn next_frame(socket: &mut Socket) -> Result<Incoming, End> {
    loop {
        match socket.next().await {
            Some(Ok(message)) if message.is_text() => {
                let text = message.as_text().unwrap_or_default();
                return protocol::decode(text).map_err(|error| protocol_error(&error));
            }
            Some(Ok(message)) if message.is_close() => {
                return Err(End::Lost(
                    Disconnect::ServerClosed(close_code(&message)),
                    None,
                ));
            }
            Some(Ok(_)) => continue,
            Some(Err(error)) => {
                return Err(End::Lost(
                    Disconnect::Dropped,
                    Some(Error::WebSocket(error.into())),
                ));
            }
            None => return Err(End::Lost(Disconnect::Dropped, None)),
        }
    }
}

/// The code of a close frame (`None` when it carried none).
pub(super) fn close_code(message: &WsMessage) -> Option<u16> {
    message
        .as_close()
        .map(|(code, _)| u16::from(code))
        .filter(|code| *code != u16::from(CloseCode::NO_STATUS_RECEIVED))
}

pub(super) async fn send_text(socket: &mut Socket, text: String) -> Result<(), End> {
    socket
        .send(WsMessage::text(text))
        .await
        .map_err(|error| End::Lost(Disconnect::Dropped, Some(Error::WebSocket(error.into()))))
}

/// Sends close 1000 and waits (briefly) for the server to finish the handshake, so the old
/// registration is gone before a new socket identifies.
pub(super) async fn close(socket: &mut Socket) {
    let frame = WsMessage::close(Some(CloseCode::NORMAL_CLOSURE), "");
    let sent = tokio::time::timeout(CLOSE_GRACE, socket.send(frame));
    if !matches!(sent.await, Ok(Ok(()))) {
        return;
    }
    let drain = async { while let Some(Ok(_)) = socket.next().await {} };
    let _ = tokio::time::timeout(CLOSE_GRACE, drain).await;
}

//! What a client observes: connection lifecycle, received messages, server errors.

use crate::server_error::ServerError;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// An event, as shinkei names them: `connect`, `ready`, `data`, `error`, `disconnect`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// A socket opened (before HELLO), on the first connection and on every reconnect.
    Connect,
    /// READY: the server registered the client.
    Ready {
        /// The client id the server confirmed.
        client_id: String,
        /// Whether the server restricted this client.
        restricted: bool,
    },
    /// A message sent to this client with SEND or BROADCAST.
    Data(Message),
    /// The server sent INVALID.
    Error(ServerError),
    /// A socket that had reached READY ended.
    Disconnect(Disconnect),
}

impl Event {
    /// The kind, for [`crate::Client::wait_for`].
    pub fn kind(&self) -> EventKind {
        match self {
            Event::Connect => EventKind::Connect,
            Event::Ready { .. } => EventKind::Ready,
            Event::Data(_) => EventKind::Data,
            Event::Error(_) => EventKind::Error,
            Event::Disconnect(_) => EventKind::Disconnect,
        }
    }
}

/// The kinds of [`Event`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventKind {
    /// [`Event::Connect`].
    Connect,
    /// [`Event::Ready`].
    Ready,
    /// [`Event::Data`].
    Data,
    /// [`Event::Error`].
    Error,
    /// [`Event::Disconnect`].
    Disconnect,
}

/// Why a socket ended.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Disconnect {
    /// The server sent GOODBYE; the client closed the socket.
    Goodbye,
    /// The server closed the socket with this code (1000 after a fatal INVALID or the idle
    /// timeout).
    ServerClosed(Option<u16>),
    /// The connection broke without a close frame.
    Dropped,
    /// A heartbeat was not acknowledged before the next one was due.
    HeartbeatTimeout,
    /// [`crate::Client::close`] closed it.
    Closed,
}

/// How a message was delivered (the dispatch's `t`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Delivery {
    /// `SEND`: to this client only.
    Send,
    /// `BROADCAST`: to every match.
    Broadcast,
    /// Another dispatch type.
    Other(String),
}

/// A message received from another client.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// SEND or BROADCAST.
    pub delivery: Delivery,
    /// The sender's nonce, if it set one.
    pub nonce: Option<Value>,
    /// The payload as JSON.
    pub payload: Value,
    /// The server's time in milliseconds, when it sent one.
    pub timestamp: Option<i64>,
}

impl Message {
    pub(crate) fn from_dispatch(t: Option<&str>, d: &Value, timestamp: Option<i64>) -> Message {
        let delivery = match t {
            Some("SEND") => Delivery::Send,
            Some("BROADCAST") => Delivery::Broadcast,
            other => Delivery::Other(other.unwrap_or_default().to_owned()),
        };
        Message {
            delivery,
            nonce: d.get("nonce").filter(|nonce| !nonce.is_null()).cloned(),
            payload: d.get("payload").cloned().unwrap_or(Value::Null),
            timestamp,
        }
    }

    /// The payload as a `T`.
    pub fn payload_as<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(&self.payload)
    }

    /// The nonce when it is a string.
    pub fn nonce_str(&self) -> Option<&str> {
        self.nonce.as_ref().and_then(Value::as_str)
    }
}

//! Typed errors: what the client refuses locally, what the server answers, what breaks.

use crate::metadata::MetadataError;
use crate::server_error::{ApiError, ServerError};
use std::sync::Arc;

/// Everything that can go wrong. Bad input is refused before anything is sent; errors the server
/// reports are parsed into [`ServerError`] and [`ApiError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The connection string is not valid.
    #[error("invalid connection string: {0}")]
    Dsn(#[from] crate::DsnError),
    /// A metadata key the server reserves (`ip`, `restricted`, `encoding`,
    /// `last_heartbeat_time`); nothing was sent.
    #[error("metadata key `{0}` is reserved by the server")]
    ReservedKey(String),
    /// A metadata value the server would refuse; nothing was sent.
    #[error("metadata `{key}`: {reason}")]
    Metadata {
        /// The offending key.
        key: String,
        /// What is wrong with its value.
        reason: MetadataError,
    },
    /// A value could not be turned into JSON; nothing was sent.
    #[error("the value cannot be serialised to JSON: {0}")]
    Serialize(#[source] serde_json::Error),
    /// An empty `$and`/`$or`/`$nor` node on this key; nothing was sent.
    #[error("the node for `{0}` has no conditions")]
    EmptyNode(String),
    /// A frame larger than the configured limit; nothing was sent.
    #[error("a frame of {size} bytes exceeds the limit of {limit} bytes")]
    FrameTooLarge {
        /// The size of the encoded frame.
        size: usize,
        /// The limit ([`crate::ClientBuilder::max_frame_size`]).
        limit: usize,
    },
    /// The server made this client restricted, and restricted clients may not send this
    /// dispatch; nothing was sent.
    #[error("restricted clients cannot {0}")]
    Restricted(&'static str),
    /// A body was given for a method that takes none (GET, HEAD); nothing was sent.
    #[error("{0} requests take no body")]
    BodyNotAllowed(crate::ProxyMethod),
    /// The server refused the connection (INVALID before READY): the client stopped.
    #[error("the server refused the connection: {0}")]
    Rejected(ServerError),
    /// A password was sent and the server still made the client restricted: the password is
    /// wrong. The client stopped (see [`crate::ClientBuilder::allow_restricted`]).
    #[error("the server did not accept the password (READY said restricted)")]
    AuthRejected,
    /// The HTTP API answered with one of singyeong's errors.
    #[error("HTTP API: {0}")]
    Api(ApiError),
    /// The HTTP request failed.
    #[error("HTTP request failed: {0}")]
    Http(#[from] reqwest::Error),
    /// The WebSocket failed.
    #[error("WebSocket: {0}")]
    WebSocket(#[from] bot_tls::WebSocketError),
    /// The TLS configuration could not be built.
    #[error("TLS: {0}")]
    Tls(#[source] bot_tls::TlsError),
    /// The server sent something that breaks the protocol.
    #[error("protocol violation: {0}")]
    Protocol(String),
    /// No answer in time; for a send, the deadline passed while connected with the frame
    /// still queued: it was withdrawn and is never sent.
    #[error("timed out")]
    Timeout,
    /// The send queue was full ([`crate::ClientBuilder::send_queue`]); nothing was queued or
    /// sent.
    #[error("the send queue is full ({capacity} frames)")]
    QueueFull {
        /// The queue's capacity.
        capacity: usize,
    },
    /// The send deadline passed while the client had no connection (an outage, a reconnect):
    /// the frame was withdrawn and is never sent.
    #[error("not connected before the send deadline; the frame was not sent")]
    Disconnected,
    /// The connection broke, or stalled past the send deadline, while this frame was being
    /// written: it may or may not have reached the server. It is not sent again.
    #[error("the connection broke while the frame was being written; it may not have arrived")]
    Interrupted,
    /// The receiver fell behind: these events are gone for it (never dropped silently). A
    /// stream or [`crate::Subscription`] goes on after reporting it.
    #[error("the event receiver fell behind: {0}")]
    Lagged(crate::Lag),
    /// The client was closed with [`crate::Client::close`].
    #[error("the client is closed")]
    Closed,
    /// The client stopped because of this error (a fatal rejection, or a disconnect with
    /// reconnecting turned off).
    #[error("the client stopped: {0}")]
    Stopped(Arc<Error>),
}

impl Error {
    /// The error that stopped the client, if it stopped because of one.
    pub fn stop_reason(&self) -> Option<&Error> {
        match self {
            Error::Stopped(reason) => Some(reason),
            _ => None,
        }
    }
}

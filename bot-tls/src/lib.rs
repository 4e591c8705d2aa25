//! The TLS back end of the bot SDK, shared by REST (`reqwest`), the gateway and the mesh
//! (WebSockets over `tokio-websockets`).
//!
//! One [`Tls`] holds one certificate store (the back end's roots plus the roots the application
//! adds) and, for rustls, one crypto provider chosen from this crate's features and handed to
//! rustls explicitly: the process-wide default provider is neither read nor installed, so an
//! application whose dependency graph enables both of rustls's providers (`ring` and
//! `aws-lc-rs`) connects without a panic.
//!
//! | feature | library | roots |
//! |---|---|---|
//! | `rustls-ring` (the SDK's default) | rustls, `ring` provider | Mozilla's (`webpki-roots`) |
//! | `rustls-aws-lc` | rustls, `aws-lc-rs` provider | Mozilla's (`webpki-roots`) |
//! | `native-tls` | the platform's (OpenSSL on Linux) | the system's |
//!
//! When several are on, the one named last in this list that is not the default wins:
//! `native-tls`, else `rustls-aws-lc`, else `rustls-ring` (adding a feature to the default one
//! means choosing it). With none, only `http://` and `ws://` URLs work; `https://` and `wss://`
//! fail with a typed error, never in clear text.
//!
//! The WebSocket library, `tokio-websockets`, has no logging dependency: no frame it sends or
//! receives (IDENTIFY with the bot token, INTERACTION_CREATE with an interaction token, the
//! mesh's IDENTIFY with its password) can reach a log record, whatever the subscriber.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod backend;
mod certificate;
mod error;
mod websocket;

pub use backend::{Backend, Tls};
pub use certificate::Certificate;
pub use error::{TlsError, WebSocketError};
pub use websocket::{Socket, connect_websocket};

/// The WebSocket library's types the SDK's connections use (messages, close codes, limits).
pub use tokio_websockets as ws;

//! A client of the [singyeong] service mesh, in the V2019 dialect that shinkei 0.1.6 speaks: the
//! processes of a bot (or of many services) find each other by metadata and exchange messages.
//!
//! - [`Client`]: connect with a DSN (`singyeong://APP:PASSWORD@HOST:PORT`), then
//!   [`send`](Client::send), [`broadcast`](Client::broadcast),
//!   [`update_metadata`](Client::update_metadata), [`discover`](Client::discover),
//!   [`proxy_request`](Client::proxy_request), [`wait_for`](Client::wait_for),
//!   [`stream`](Client::stream), [`subscribe`](Client::subscribe),
//!   [`latency`](Client::latency), [`close`](Client::close), [`is_closed`](Client::is_closed).
//! - [`Query`] and [`Node`]: routing queries with the JSON shinkei's `QueryBuilder` emits.
//! - [`Metadata`]: typed values (string, integer, float, version, list); reserved keys are
//!   refused before anything is sent.
//!
//! Where shinkei 0.1.6 breaks, this client does not: it reconnects after a server close 1000,
//! a GOODBYE or a dropped socket with capped, jittered back-off, closes the old socket first (so
//! it is never registered twice) and re-sends its cached metadata; `wait_for` works on events
//! without data; proxied requests carry a JSON body and the given headers; a fatal rejection
//! stops the client with a typed [`Error`] instead of looping.
//!
//! Under faults: dropping the last [`Client`] handle closes the connection (the server
//! unregisters it at once); sends wait in a bounded queue with a deadline and fail with typed
//! errors ([`Error::QueueFull`], [`Error::Disconnected`]), and a frame whose caller gave up is
//! never sent later (see [Sending](Client#sending) for what a successful send means); a receiver
//! of events that falls behind is told which events it missed ([`Lag`]).
//!
//! ```no_run
//! use bot_mesh::{Client, Event, EventKind, Metadata, Query};
//!
//! # async fn demo() -> Result<(), bot_mesh::Error> {
//! let client = Client::builder("singyeong://my-app:s3cret@127.0.0.1:4567", "shard-0")?
//!     .tags(["music", "bot"])
//!     .connect()
//!     .await?;
//! client.update_metadata(Metadata::new().with("shard_id", 0), true).await?;
//!
//! // Ask the shard that holds a guild, then wait for its reply.
//! let target = Query::new("my-app").eq("shard_id", 1);
//! client.send(&serde_json::json!({"op": "count"}), &target, Some("n-1")).await?;
//! let reply = client
//!     .wait_for(EventKind::Data, None, |event| {
//!         matches!(event, Event::Data(message) if message.nonce_str() == Some("n-1"))
//!     })
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! [singyeong]: https://github.com/queer/singyeong
#![deny(missing_docs)]

mod backoff;
mod client;
mod config;
mod dsn;
mod error;
mod events;
mod lag;
mod metadata;
mod protocol;
mod query;
mod server_error;

pub use backoff::Backoff;
pub use client::{ApiVersion, Client, ProxyMethod, ProxyResponse, Subscription};
pub use config::{ClientBuilder, DEFAULT_MAX_FRAME_SIZE, DEFAULT_SEND_QUEUE, DEFAULT_SEND_TIMEOUT};
pub use dsn::{Dsn, DsnError};
pub use error::Error;
pub use events::{Delivery, Disconnect, Event, EventKind, Message};
pub use lag::Lag;
pub use metadata::{Metadata, MetadataError, MetadataValue, RESERVED_KEYS, Version};
pub use protocol::Opcode;
pub use query::{Application, Node, Op, Query};
pub use server_error::{ApiError, ServerError};

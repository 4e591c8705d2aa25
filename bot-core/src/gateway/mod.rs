//! The gateway: shards over WebSocket with zlib-stream, heartbeats, resume and typed events.
//!
//! Each shard connects within [`ShardConfig::connect_timeout`], waits for HELLO within
//! [`ShardConfig::hello_timeout`], and reconnects with a back-off that grows across connections
//! that end quickly and resets only after one stayed healthy (READY or RESUMED) for a while.
//! After a few failed resumes in a row it drops the session and identifies anew on the main URL.
//! A frame that inflates past [`MAX_MESSAGE`] closes the connection, which is then resumed.

mod backoff;
mod close_code;
mod commands;
mod connection;
mod frame;
mod heartbeat;
mod inflate;
mod payload;
mod session;
mod shard;
mod sink;
#[cfg(test)]
mod tests;
mod url;

pub use crate::event::{Event, Ready};
pub use close_code::CloseCode;
pub use commands::ShardCommandError;
pub(crate) use commands::ShardCommands;
pub use inflate::MAX_MESSAGE;
/// The `zlib-stream` inflater and its error, for the benchmark only: not a public API.
#[doc(hidden)]
pub use inflate::{InflateError, ZlibStream};
pub use payload::{
    ConnectionProperties, GatewayPayload, Hello, Identify, OpCode, RequestGuildMembers, Resume,
};
pub(crate) use shard::Shard;
pub use shard::ShardConfig;
pub(crate) use sink::EventSink;

use std::fmt;

/// Why a shard stopped for good, or could not connect.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GatewayError {
    /// Discord closed with a code after which reconnecting cannot help (4004, 4010–4014; see
    /// [`CloseCode::is_fatal`]).
    Fatal {
        /// The close code.
        code: u16,
        /// What it means.
        reason: &'static str,
    },
    /// The connection could not be made or broke.
    Connect(String),
    /// A shard's task panicked: the shard is gone.
    ShardPanicked {
        /// The shard.
        shard: u64,
        /// The panic's message, when it had one.
        message: String,
    },
    /// The gateway URL (from `GET /gateway/bot` or READY's `resume_gateway_url`) is not a
    /// WebSocket URL: reconnecting cannot help.
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        why: String,
    },
}

impl fmt::Display for GatewayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GatewayError::Fatal { code, reason } => {
                write!(f, "the gateway closed with {code}: {reason}")
            }
            GatewayError::Connect(why) => write!(f, "gateway connection failed: {why}"),
            GatewayError::ShardPanicked { shard, message } => {
                write!(f, "shard {shard} panicked: {message}")
            }
            GatewayError::InvalidUrl { url, why } => {
                write!(f, "invalid gateway URL `{url}`: {why}")
            }
        }
    }
}

impl std::error::Error for GatewayError {}

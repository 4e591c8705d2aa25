//! The gateway: shards over WebSocket with zlib-stream, heartbeats, resume and typed events.

mod event;
mod inflate;
mod shard;
mod url;

pub use event::{Event, GuildCreate, Ready};
pub(crate) use shard::Shard;
pub use shard::ShardConfig;

use std::fmt;

/// Why a shard stopped for good, or could not connect.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GatewayError {
    /// Discord closed with a code after which reconnecting cannot help (4004, 4010–4014).
    Fatal {
        /// The close code.
        code: u16,
        /// What it means.
        reason: &'static str,
    },
    /// The connection could not be made or broke.
    Connect(String),
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
            GatewayError::InvalidUrl { url, why } => {
                write!(f, "invalid gateway URL `{url}`: {why}")
            }
        }
    }
}

impl std::error::Error for GatewayError {}

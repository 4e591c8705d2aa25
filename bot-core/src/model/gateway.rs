//! What `GET /gateway/bot` answers: where to connect, how many shards, how many sessions may
//! still start (developers/events/gateway.mdx, Get Gateway Bot).

use serde::{Deserialize, Serialize};

/// What `GET /gateway` answers (no authentication): where to connect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Gateway {
    /// The WebSocket URL.
    pub url: String,
}

/// The gateway to connect to, with the recommended shard count and the session start limit.
///
/// ```
/// use bot_core::model::GatewayBot;
/// let gateway: GatewayBot = serde_json::from_str(r#"{
///     "url": "wss://gateway.discord.gg", "shards": 9,
///     "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14400000,
///                             "max_concurrency": 1}
/// }"#).unwrap();
/// assert_eq!((gateway.shards, gateway.session_start_limit.remaining), (9, 999));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GatewayBot {
    /// The WebSocket URL.
    pub url: String,
    /// The recommended number of shards.
    pub shards: u32,
    /// How many sessions may still start.
    pub session_start_limit: SessionStartLimit,
}

/// How many gateway sessions a bot may start, and how fast.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionStartLimit {
    /// Session starts allowed per window.
    pub total: u32,
    /// Session starts left in this window.
    pub remaining: u32,
    /// Milliseconds until the window resets.
    pub reset_after: u64,
    /// How many shards may identify at once (per 5 seconds).
    pub max_concurrency: u32,
}

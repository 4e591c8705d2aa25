//! The events a shard reports about its connection, as Pycord's `on_shard_connect`,
//! `on_shard_ready`, `on_shard_resumed` and `on_shard_disconnect`: no dispatch carries them.
//! Each comes in its shard's order (a [`ShardConnected`] before the READY it reports, a
//! [`ShardReady`] after the last guild READY listed), and only to the consumers of its type.
//!
//! ```no_run
//! use bot_core::event::{ShardDisconnected, ShardReady};
//! use bot_core::{Context, listen};
//!
//! #[listen]
//! async fn on_shard_ready(_ctx: &Context, ready: &ShardReady) {
//!     println!("shard {} is ready", ready.shard);
//! }
//!
//! #[listen("on_shard_disconnect")]
//! async fn gone(_ctx: &Context, gone: &ShardDisconnected) {
//!     println!("shard {} lost its connection (code {:?})", gone.shard, gone.code);
//! }
//! ```

use super::{Connected, Disconnected};
use serde::{Deserialize, Serialize};

/// A shard's session started (READY arrived): Pycord's `on_shard_connect(shard_id)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShardConnected {
    /// The shard.
    pub shard: u64,
}

/// Every guild a shard's READY listed arrived (or the wait for them timed out, and their
/// members were chunked when the bot chunks at start-up): Pycord's `on_shard_ready(shard_id)`.
/// Each new session of the shard brings one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShardReady {
    /// The shard.
    pub shard: u64,
}

/// A shard's session resumed (RESUMED arrived): Pycord's `on_shard_resumed(shard_id)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShardResumed {
    /// The shard.
    pub shard: u64,
}

/// A shard's connection ended: Pycord's `on_shard_disconnect(shard_id)`, with what
/// [`Disconnected`] tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShardDisconnected {
    /// The shard.
    pub shard: u64,
    /// The close code the gateway sent, if it sent one.
    pub code: Option<u16>,
    /// Whether the shard connects again on its own (`false` after
    /// [`ShardHandle::disconnect`](crate::gateway::ShardHandle::disconnect), a close or a fatal
    /// code).
    pub reconnect: bool,
    /// Whether the next connection resumes the session.
    pub resume: bool,
}

impl ShardReady {
    /// Shard `shard` is ready.
    pub fn new(shard: u64) -> Self {
        ShardReady { shard }
    }
}

impl From<Connected> for super::Event {
    /// [`ShardResumed`] for a resumed session, [`ShardConnected`] for a new one.
    fn from(connected: Connected) -> Self {
        if connected.resumed {
            super::Event::ShardResumed(ShardResumed {
                shard: connected.shard,
            })
        } else {
            super::Event::ShardConnected(ShardConnected {
                shard: connected.shard,
            })
        }
    }
}

impl From<Disconnected> for super::Event {
    fn from(gone: Disconnected) -> Self {
        super::Event::ShardDisconnected(ShardDisconnected {
            shard: gone.shard,
            code: gone.code,
            reconnect: gone.reconnect,
            resume: gone.resume,
        })
    }
}

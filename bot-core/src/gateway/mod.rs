//! The gateway: shards over WebSocket with zlib-stream, heartbeats, resume and typed events.
//!
//! Each shard connects within [`ShardConfig::connect_timeout`], waits for HELLO within
//! [`ShardConfig::hello_timeout`], and reconnects with a back-off that grows across connections
//! that end quickly and resets only after one stayed healthy (READY or RESUMED) for a while.
//! Every IDENTIFY waits for its turn in the [identify queue](queue) (Discord's `max_concurrency`
//! buckets and session start budget); RESUMEs do not. READY (after IDENTIFY) and RESUMED (after
//! RESUME) must come within [`ShardConfig::ready_timeout`]. A session is kept across failed
//! resumes for minutes ([`ResumePolicy`]), the main URL tried when `resume_gateway_url` fails,
//! before the shard drops it and identifies anew.
//! A frame that inflates past [`MAX_MESSAGE`] closes the connection, which is then resumed.
//! What a shard sends keeps Discord's [send limit](SendLimit) (heartbeats never held back, the
//! bot's commands waiting for a slot), so the gateway never closes with 4008. Each shard of the
//! process is seen and driven through a [`ShardHandle`].

mod backoff;
mod close_code;
mod commands;
mod connection;
mod frame;
mod handle;
mod heartbeat;
mod inflate;
mod limiter;
mod payload;
pub mod queue;
mod session;
mod shard;
mod sink;
mod status;
#[cfg(test)]
mod tests;
mod url;
mod voice;

pub use crate::event::{Event, Ready};
pub use close_code::CloseCode;
pub use commands::ShardCommandError;
pub(crate) use commands::ShardCommands;
pub use handle::ShardHandle;
pub use inflate::MAX_MESSAGE;
/// The `zlib-stream` inflater and its error, for the benchmark only: not a public API.
#[doc(hidden)]
pub use inflate::{InflateError, ZlibStream};
pub use limiter::SendLimit;
pub use payload::{
    ConnectionProperties, GatewayPayload, Hello, Identify, OpCode, RequestGuildMembers,
    RequestSoundboardSounds, Resume, UpdateVoiceState,
};
pub use queue::{
    BeforeIdentify, Enqueued, IdentifyQueue, IdentifyQueueError, LimitSource, LocalQueue,
};
pub use session::ResumePolicy;
pub(crate) use shard::Shard;
pub use shard::ShardConfig;
pub(crate) use sink::EventSink;
#[cfg(test)]
pub(crate) use status::ShardStatus;
pub use voice::VoiceGatewayManager;
pub(crate) use voice::VoiceHook;

use crate::model::Intents;
use std::fmt;

/// Why a shard stopped for good, or could not connect.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GatewayError {
    /// Discord closed with a code after which reconnecting cannot help (4004, 4010–4013; see
    /// [`CloseCode::is_fatal`]; 4014 is [`GatewayError::DisallowedIntents`]).
    Fatal {
        /// The close code.
        code: u16,
        /// What it means.
        reason: &'static str,
    },
    /// Discord closed with 4014: the bot asked for privileged intents the application may not
    /// use. Enable them in the developer portal (the application's Bot page, "Privileged
    /// Gateway Intents") or leave them out of the bot's intents.
    DisallowedIntents {
        /// The privileged intents the bot asked for (one or more of them is not enabled).
        intents: Intents,
    },
    /// The identify queue would not let a shard IDENTIFY (the session starts are spent for
    /// longer than it may wait).
    IdentifyQueue(IdentifyQueueError),
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
            GatewayError::DisallowedIntents { intents } => {
                let names: Vec<&str> = intents.iter_names().map(|(name, _)| name).collect();
                write!(
                    f,
                    "the gateway closed with 4014 (disallowed intents): the bot asks for the \
                     privileged intents {}; enable them in the Discord developer portal \
                     (Applications → your application → Bot → Privileged Gateway Intents) or \
                     leave them out of the bot's intents",
                    if names.is_empty() {
                        "(none)".to_owned()
                    } else {
                        names.join(", ")
                    }
                )
            }
            GatewayError::IdentifyQueue(error) => write!(f, "{error}"),
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

impl GatewayError {
    /// The close code that ended the shard, when a close code did.
    pub fn close_code(&self) -> Option<CloseCode> {
        match self {
            GatewayError::Fatal { code, .. } => Some(CloseCode::from(*code)),
            GatewayError::DisallowedIntents { .. } => Some(CloseCode::DisallowedIntents),
            _ => None,
        }
    }
}

impl std::error::Error for GatewayError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GatewayError::IdentifyQueue(error) => Some(error),
            _ => None,
        }
    }
}

//! The REST client: `Authorization: Bot`, Discord's User-Agent, rate limits from the
//! `X-RateLimit-*` headers, retries after 429s, timeouts, and typed errors. No state grows with
//! the number of interactions, and no token is ever logged.

mod client;
mod error;
mod keys;
mod queues;
mod ratelimit;
mod routes;

/// The bot token (kept in [`crate::model`], where the gateway reads it too).
pub use crate::model::Token;
pub use client::{
    Body, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Http, HttpBuilder, TrackedState,
};
pub use error::HttpError;
pub use routes::RawCommand;

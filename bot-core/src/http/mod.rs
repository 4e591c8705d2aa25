//! The REST client: `Authorization: Bot`, Discord's User-Agent, rate limits from the
//! `X-RateLimit-*` headers, retries after 429s, timeouts, and typed errors. No state grows with
//! the number of interactions or with free-text path segments, and no token is ever logged.
//!
//! Typed calls cover Discord's routes by resource (channels, messages, reactions, threads,
//! users, commands, interactions); lists that Discord pages are [`Paginated`] streams; changes
//! the guild's audit log records take an optional reason (`X-Audit-Log-Reason`); invalid
//! answers are counted ([`Http::invalid_requests`]). [`Http::request`] is the raw escape hatch,
//! with [`Method`] re-exported here.

mod audit;
mod client;
mod error;
mod field_errors;
mod invalid;
mod keys;
mod paginate;
mod queues;
mod ratelimit;
mod routes;

pub use crate::model::RequestProblem;
/// The bot token (kept in [`crate::model`], where the gateway reads it too).
pub use crate::model::Token;
pub use audit::{AUDIT_LOG_REASON, AUDIT_LOG_REASON_LIMIT};
pub use client::{
    Body, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Http, HttpBuilder, TrackedState,
};
pub use error::{HttpError, REQUEST_TOO_LARGE};
pub use field_errors::{FieldError, FieldErrors};
pub use invalid::{INVALID_REQUEST_LIMIT, INVALID_REQUEST_WINDOW, InvalidRequests};
pub use paginate::Paginated;
/// The HTTP method of [`Http::request`] (reqwest's, re-exported so the escape hatch needs no
/// other dependency).
pub use reqwest::Method;
pub use routes::{
    AuditLogFilter, BulkBan, GuildPrune, GuildsFrom, MAX_BAN_DELETE_SECONDS, MAX_BULK_BAN,
    MessagesFrom, RawCommand, ReactionEmoji,
};
pub use routes::{MAX_COUNTED_EXCEPTIONS, ScheduledEventUserCounts};

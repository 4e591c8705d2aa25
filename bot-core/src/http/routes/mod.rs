//! The typed calls, one module per resource of Discord's API.

mod app;
mod application;
mod audit;
mod auto_moderation;
mod bans;
mod channels;
mod commands;
mod emojis;
mod entitlements;
mod expressions;
mod extras;
mod guild;
mod guild_admin;
mod guild_stickers;
mod interactions;
mod invites;
mod members;
mod messages;
mod prune;
mod reactions;
mod role_connections;
mod scheduled_events;
mod skus;
mod stage;
mod stickers;
mod templates;
mod threads;
mod users;
mod voice_states;
mod webhooks;

pub use audit::AuditLogFilter;
pub use bans::{BulkBan, MAX_BAN_DELETE_SECONDS, MAX_BULK_BAN};
pub use commands::RawCommand;
pub use messages::MessagesFrom;
pub use prune::GuildPrune;
pub use reactions::ReactionEmoji;
pub use scheduled_events::{MAX_COUNTED_EXCEPTIONS, ScheduledEventUserCounts};
pub use users::GuildsFrom;

use super::{Body, Http, HttpError, Method, RequestProblem};
use crate::model::CreateMessage;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A JSON body from a serializable value.
pub(super) fn json(value: &impl Serialize) -> Result<Body, HttpError> {
    serde_json::to_value(value)
        .map(Body::Json)
        .map_err(|e| HttpError::Decode(format!("the body does not serialize: {e}")))
}

/// The body of a message: JSON, or multipart with `payload_json` when it carries files.
pub(super) fn message_body(
    payload: &impl Serialize,
    message: &CreateMessage,
) -> Result<Body, HttpError> {
    let Body::Json(payload) = json(payload)? else {
        unreachable!("json() makes JSON bodies")
    };
    if message.files.is_empty() {
        return Ok(Body::Json(payload));
    }
    let files = message
        .files
        .iter()
        .map(|file| (file.filename.clone(), file.bytes.clone()))
        .collect();
    Ok(Body::Multipart { payload, files })
}

/// Percent-encodes a path segment or query value (an emoji, a timestamp with its `+`).
pub(super) fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Checks a page size or count against `min..=max`.
pub(super) fn in_range(
    field: &'static str,
    value: usize,
    min: usize,
    max: usize,
) -> Result<(), HttpError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(RequestProblem::OutOfRange {
            field,
            value: i64::try_from(value).unwrap_or(i64::MAX),
            min: min as i64,
            max: max as i64,
        }
        .into())
    }
}

impl Http {
    /// A request whose JSON answer is decoded as `T`.
    pub(super) async fn typed<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Body,
    ) -> Result<T, HttpError> {
        self.typed_with_reason(method, path, body, None).await
    }

    /// [`typed`](Self::typed) with an audit-log reason.
    pub(super) async fn typed_with_reason<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Body,
        reason: Option<&str>,
    ) -> Result<T, HttpError> {
        let answer = self
            .request_with_reason(method, path, body, reason)
            .await?
            .ok_or_else(|| HttpError::Decode("expected a JSON body, got 204".to_owned()))?;
        serde_json::from_value(answer).map_err(|e| HttpError::Decode(e.to_string()))
    }

    /// A request whose answer is not read (204, or a body the caller has no use for).
    pub(super) async fn unit(
        &self,
        method: Method,
        path: &str,
        body: Body,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        self.request_with_reason(method, path, body, reason)
            .await
            .map(|_| ())
    }
}

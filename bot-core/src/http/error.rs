//! Errors of REST requests.

use super::field_errors::FieldErrors;
use crate::model::{CreateMessageError, RequestProblem};
use serde_json::Value;
use std::fmt;
use std::time::Duration;

/// Discord's JSON code for a request whose body is too large (OP L136-390, "Request entity too
/// large. Try sending something smaller in size").
pub const REQUEST_TOO_LARGE: u64 = 40005;

/// Why a REST request failed. Never contains the token.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum HttpError {
    /// Discord answered with an error: its status, JSON code, message and field errors.
    Api {
        /// The HTTP status.
        status: u16,
        /// Discord's JSON error code (`50035`, `10062`, ...; 0 when absent).
        code: u64,
        /// Discord's message.
        message: String,
        /// The `errors` object of a 50035, if any: Discord's tree of field errors as sent (its
        /// shape follows the request's); [`HttpError::field_errors`] reads it as a
        /// [`FieldErrors`] tree.
        errors: Option<Value>,
    },
    /// Discord refused the request's size (code 40005, status 413): files too large for the
    /// channel or the request.
    TooLarge {
        /// Discord's message.
        message: String,
    },
    /// A non-idempotent request (a message, a callback, a follow-up) met a server error or lost
    /// its connection: it may or may not have taken effect, so it was not retried.
    OutcomeUnknown {
        /// The method and route, e.g. `POST /channels/{id}/messages`.
        route: String,
        /// What happened.
        reason: String,
    },
    /// The request could not be sent or its answer not read.
    Transport(String),
    /// An idempotent request took longer than the request timeout, every retry included.
    Timeout {
        /// The method and route, e.g. `GET /users/@me`.
        route: String,
    },
    /// The answer was not the JSON expected.
    Decode(String),
    /// The message breaks Discord's limits: refused before sending, so no request was made.
    Invalid(CreateMessageError),
    /// Another argument breaks Discord's limits: refused before sending, so no request was made.
    Refused(RequestProblem),
    /// Sending would risk crossing Discord's invalid-request limit (401, 403 and 429 answers,
    /// 10 000 per 10 minutes, after which Cloudflare bans the IP for a while): not sent.
    InvalidRequestLimit {
        /// Invalid answers counted in the window.
        count: u32,
        /// The most the client lets through in the window.
        limit: u32,
        /// When the oldest of them leaves the window.
        retry_after: Duration,
    },
}

impl HttpError {
    /// The HTTP status of an error answer (Discord's, or a proxy's page that is not JSON).
    pub fn status(&self) -> Option<u16> {
        match self {
            HttpError::Api { status, .. } => Some(*status),
            HttpError::TooLarge { .. } => Some(413),
            _ => None,
        }
    }

    /// Discord's JSON error code, for API errors.
    pub fn code(&self) -> Option<u64> {
        match self {
            HttpError::Api { code, .. } => Some(*code),
            HttpError::TooLarge { .. } => Some(REQUEST_TOO_LARGE),
            _ => None,
        }
    }

    /// Discord's field errors of a 50035 as a tree (empty for other errors).
    ///
    /// ```
    /// use bot_core::http::HttpError;
    /// let error = HttpError::Api {
    ///     status: 400,
    ///     code: 50035,
    ///     message: "Invalid Form Body".into(),
    ///     errors: Some(serde_json::json!({"embeds": {"0": {"title": {"_errors": [
    ///         {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 256 or fewer in length."}
    ///     ]}}}})),
    /// };
    /// let flat = error.field_errors().flatten();
    /// assert_eq!(flat[0].0, "embeds.0.title");
    /// assert_eq!(flat[0].1.code, "BASE_TYPE_MAX_LENGTH");
    /// ```
    pub fn field_errors(&self) -> FieldErrors {
        match self {
            HttpError::Api {
                errors: Some(errors),
                ..
            } => FieldErrors::from_json(errors),
            _ => FieldErrors::default(),
        }
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Api {
                status,
                code,
                message,
                errors,
            } => {
                write!(f, "Discord answered {status} (code {code}): {message}")?;
                if errors.is_some() {
                    for (path, error) in self.field_errors().flatten() {
                        let at = if path.is_empty() { "(body)" } else { &path };
                        write!(f, "; {at}: {} ({})", error.message, error.code)?;
                    }
                }
                Ok(())
            }
            HttpError::TooLarge { message } => {
                write!(
                    f,
                    "Discord refused the request's size (code 40005): {message}"
                )
            }
            HttpError::OutcomeUnknown { route, reason } => {
                write!(f, "{route}: outcome unknown ({reason}); not retried")
            }
            HttpError::Transport(why) => write!(f, "request failed: {why}"),
            HttpError::Timeout { route } => write!(f, "{route}: timed out"),
            HttpError::Decode(why) => write!(f, "unexpected answer: {why}"),
            HttpError::Invalid(error) => write!(f, "{error}"),
            HttpError::Refused(problem) => write!(f, "not sent: {problem}"),
            HttpError::InvalidRequestLimit {
                count,
                limit,
                retry_after,
            } => write!(
                f,
                "not sent: {count} invalid requests in the last 10 minutes (limit {limit}); \
                 retry in {retry_after:?}"
            ),
        }
    }
}

impl std::error::Error for HttpError {}

impl From<RequestProblem> for HttpError {
    fn from(problem: RequestProblem) -> Self {
        HttpError::Refused(problem)
    }
}

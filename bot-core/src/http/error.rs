//! Errors of REST requests.

use crate::model::CreateMessageError;
use serde_json::Value;
use std::fmt;

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
        /// The `errors` object of a 50035, if any: Discord's tree of field errors, kept as
        /// JSON (its shape follows the request's).
        errors: Option<Value>,
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
}

impl HttpError {
    /// The HTTP status of an error answer (Discord's, or a proxy's page that is not JSON).
    pub fn status(&self) -> Option<u16> {
        match self {
            HttpError::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Discord's JSON error code, for API errors.
    pub fn code(&self) -> Option<u64> {
        match self {
            HttpError::Api { code, .. } => Some(*code),
            _ => None,
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
                if let Some(errors) = errors {
                    write!(f, " {errors}")?;
                }
                Ok(())
            }
            HttpError::OutcomeUnknown { route, reason } => {
                write!(f, "{route}: outcome unknown ({reason}); not retried")
            }
            HttpError::Transport(why) => write!(f, "request failed: {why}"),
            HttpError::Timeout { route } => write!(f, "{route}: timed out"),
            HttpError::Decode(why) => write!(f, "unexpected answer: {why}"),
            HttpError::Invalid(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for HttpError {}

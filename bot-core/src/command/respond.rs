//! Answering an interaction: the first response, deferral, follow-ups and edits (RR L266-494).

use crate::http::{Http, HttpError};
use crate::model::{ApplicationMarker, Id};
use serde_json::{Value, json};
use std::fmt;
use std::sync::{Arc, Mutex};

/// A message to send in reply.
///
/// ```
/// use bot_core::command::Reply;
/// let reply = Reply::new("Only you can see this").ephemeral();
/// assert!(reply.is_ephemeral());
/// let plain: Reply = "pong".into();
/// assert_eq!(plain.content(), Some("pong"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reply {
    content: Option<String>,
    embeds: Vec<Value>,
    components: Vec<Value>,
    ephemeral: bool,
    allowed_mentions: Option<Value>,
}

impl Reply {
    /// A reply with text.
    pub fn new(content: impl Into<String>) -> Self {
        Reply {
            content: Some(content.into()),
            ..Reply::default()
        }
    }

    /// Only the invoking user sees it (flag EPHEMERAL).
    pub fn ephemeral(mut self) -> Self {
        self.ephemeral = true;
        self
    }

    /// Adds an embed (its JSON object).
    pub fn embed(mut self, embed: Value) -> Self {
        self.embeds.push(embed);
        self
    }

    /// Adds a component (its JSON object).
    pub fn component(mut self, component: Value) -> Self {
        self.components.push(component);
        self
    }

    /// Sets `allowed_mentions`.
    pub fn allowed_mentions(mut self, allowed: Value) -> Self {
        self.allowed_mentions = Some(allowed);
        self
    }

    /// The text.
    pub fn content(&self) -> Option<&str> {
        self.content.as_deref()
    }

    /// Whether only the invoking user sees it.
    pub fn is_ephemeral(&self) -> bool {
        self.ephemeral
    }

    pub(crate) fn to_json(&self, default_mentions: Option<&Value>) -> Value {
        let mut data = json!({});
        if let Some(content) = &self.content {
            data["content"] = json!(content);
        }
        if !self.embeds.is_empty() {
            data["embeds"] = json!(self.embeds);
        }
        if !self.components.is_empty() {
            data["components"] = json!(self.components);
        }
        if self.ephemeral {
            data["flags"] = json!(64);
        }
        if let Some(mentions) = self.allowed_mentions.as_ref().or(default_mentions) {
            data["allowed_mentions"] = mentions.clone();
        }
        data
    }
}

impl From<&str> for Reply {
    fn from(content: &str) -> Self {
        Reply::new(content)
    }
}

impl From<String> for Reply {
    fn from(content: String) -> Self {
        Reply::new(content)
    }
}

/// Why a response could not be sent.
#[derive(Debug)]
#[non_exhaustive]
pub enum ResponseError {
    /// The context has no connection to Discord (built by hand, e.g. in a unit test).
    NotConnected,
    /// `defer` after the interaction was already answered.
    AlreadyAnswered,
    /// Discord refused the request.
    Http(HttpError),
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::NotConnected => {
                f.write_str("this context has no connection to respond through")
            }
            ResponseError::AlreadyAnswered => f.write_str("the interaction was already answered"),
            ResponseError::Http(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for ResponseError {}

impl From<HttpError> for ResponseError {
    fn from(error: HttpError) -> Self {
        ResponseError::Http(error)
    }
}

/// How far the answer to an interaction has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Stage {
    #[default]
    Unanswered,
    Deferred,
    Answered,
}

/// The connection a context responds through.
#[derive(Clone)]
pub(crate) struct Responder {
    pub(crate) http: Http,
    pub(crate) application_id: Id<ApplicationMarker>,
    pub(crate) allowed_mentions: Option<Value>,
    pub(crate) stage: Arc<Mutex<Stage>>,
    /// When the first response (or deferral) was sent.
    pub(crate) first_response: Arc<Mutex<Option<std::time::Instant>>>,
}

impl fmt::Debug for Responder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Responder")
            .field("application_id", &self.application_id)
            .field("stage", &self.stage())
            .finish_non_exhaustive()
    }
}

impl Responder {
    pub(crate) fn stage(&self) -> Stage {
        *self.stage.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn set_stage(&self, stage: Stage) {
        *self.stage.lock().unwrap_or_else(|p| p.into_inner()) = stage;
        self.first_response
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert_with(std::time::Instant::now);
    }
}

//! Live interactions: their token, deadline and what the bot answered.

use serde_json::Value;
use std::fmt;
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// What the bot did with an interaction so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct InteractionState {
    pub(crate) response: Option<InteractionResponse>,
    /// The original response message, as last edited (`None` when there is none or it was deleted).
    pub(crate) original: Option<Value>,
    pub(crate) followups: Vec<Value>,
    /// The deadline passed before the bot answered.
    pub(crate) expired: bool,
}

/// Who started an interaction, and on what: the messages it answers with render it as
/// `interaction_metadata`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Invoker {
    pub(crate) user: u64,
    /// The interaction's type (2 application command, 4 autocomplete).
    pub(crate) interaction_type: u8,
    /// The command as invoked: its name, then group and subcommand names.
    pub(crate) command: String,
    /// The command's type (1 chat input, 2 user, 3 message).
    pub(crate) command_type: u8,
    /// The user a user command was run on.
    pub(crate) target_user: Option<u64>,
    /// The message a message command was run on.
    pub(crate) target_message: Option<u64>,
}

/// An interaction the sandbox sent.
#[derive(Debug)]
pub(crate) struct InteractionRecord {
    pub(crate) id: u64,
    pub(crate) token: String,
    pub(crate) created: Instant,
    pub(crate) channel_id: Option<u64>,
    pub(crate) guild_id: Option<u64>,
    pub(crate) invoker: Invoker,
    pub(crate) state: watch::Sender<InteractionState>,
}

impl InteractionRecord {
    pub(crate) fn new(
        id: u64,
        token: String,
        channel_id: Option<u64>,
        guild_id: Option<u64>,
        invoker: Invoker,
    ) -> Self {
        InteractionRecord {
            id,
            token,
            created: Instant::now(),
            channel_id,
            guild_id,
            invoker,
            state: watch::channel(InteractionState::default()).0,
        }
    }

    pub(crate) fn acknowledged(&self) -> bool {
        self.state.borrow().response.is_some()
    }
}

/// The initial response a bot gave to an interaction.
#[derive(Clone, Debug, PartialEq)]
pub struct InteractionResponse {
    /// The callback type (4 message, 5 deferred message, 6/7 component updates, 8 autocomplete,
    /// 9 modal).
    pub kind: u8,
    /// The callback's `data`, as sent.
    pub data: Value,
}

impl InteractionResponse {
    /// The message text, if any.
    pub fn content(&self) -> Option<&str> {
        self.data.get("content").and_then(Value::as_str)
    }

    /// The embeds.
    pub fn embeds(&self) -> &[Value] {
        self.data
            .get("embeds")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// The components.
    pub fn components(&self) -> &[Value] {
        self.data
            .get("components")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// Whether only the invoking user sees it (flag EPHEMERAL, 64).
    pub fn ephemeral(&self) -> bool {
        self.data.get("flags").and_then(Value::as_u64).unwrap_or(0) & 64 != 0
    }
}

/// The bot did not answer an interaction within the deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlineExceeded {
    /// The deadline that passed.
    pub deadline: Duration,
}

impl fmt::Display for DeadlineExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the bot did not respond within {:?}", self.deadline)
    }
}

impl std::error::Error for DeadlineExceeded {}

/// An interaction a scripted user started: await the bot's response, then read its follow-ups
/// and edits.
#[derive(Debug)]
pub struct Invocation {
    pub(crate) id: u64,
    pub(crate) created: Instant,
    pub(crate) deadline: Duration,
    pub(crate) state: watch::Receiver<InteractionState>,
}

impl Invocation {
    /// The interaction's id.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The bot's initial response, or [`DeadlineExceeded`] when none came in time.
    pub async fn response(&mut self) -> Result<InteractionResponse, DeadlineExceeded> {
        let until = tokio::time::Instant::from_std(self.created + self.deadline);
        let waited =
            tokio::time::timeout_at(until, self.state.wait_for(|s| s.response.is_some())).await;
        match waited {
            Ok(Ok(state)) => state.response.clone().ok_or(DeadlineExceeded {
                deadline: self.deadline,
            }),
            _ => Err(DeadlineExceeded {
                deadline: self.deadline,
            }),
        }
    }

    /// The original response message as last edited (`None` before a response, or once deleted).
    pub fn original_message(&self) -> Option<Value> {
        self.state.borrow().original.clone()
    }

    /// The follow-up messages, in order.
    pub fn followups(&self) -> Vec<Value> {
        self.state.borrow().followups.clone()
    }

    /// Waits up to `timeout` until there are `count` follow-ups; returns them.
    pub async fn wait_for_followups(&mut self, count: usize, timeout: Duration) -> Vec<Value> {
        let _ = tokio::time::timeout(timeout, self.state.wait_for(|s| s.followups.len() >= count))
            .await;
        self.followups()
    }

    /// Waits up to `timeout` until the original message's content is `content`.
    pub async fn wait_for_edit(&mut self, content: &str, timeout: Duration) -> Option<Value> {
        let matches = |s: &InteractionState| {
            s.original
                .as_ref()
                .and_then(|m| m.get("content"))
                .and_then(Value::as_str)
                == Some(content)
        };
        let _ = tokio::time::timeout(timeout, self.state.wait_for(matches)).await;
        self.original_message()
    }
}

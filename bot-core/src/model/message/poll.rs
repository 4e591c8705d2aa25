//! Polls, as received and as sent (developers/resources/poll.mdx).

use super::PartialEmoji;
use crate::model::Timestamp;
use crate::model::enums::int_enum;
use crate::model::serde_util::is_false;
use serde::{Deserialize, Serialize};

int_enum! {
    /// How a poll is laid out.
    pub enum PollLayoutType: u8 {
        /// The default layout (1).
        Default = 1,
    }
}

fn default_layout() -> PollLayoutType {
    PollLayoutType::Default
}

/// A poll in a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Poll {
    /// The question (text only).
    pub question: PollMedia,
    /// The answers.
    #[serde(default)]
    pub answers: Vec<PollAnswer>,
    /// When it ends (`None`: never, for non-expiring polls).
    #[serde(default)]
    pub expiry: Option<Timestamp>,
    /// Whether a user may choose more than one answer.
    #[serde(default)]
    pub allow_multiselect: bool,
    /// Its layout.
    #[serde(default = "default_layout")]
    pub layout_type: PollLayoutType,
    /// The vote counts (absent while Discord has not counted them).
    #[serde(default)]
    pub results: Option<PollResults>,
}

/// The text and emoji of a question or an answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PollMedia {
    /// The text (question: up to 300 characters; answer: up to 55).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The emoji (answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<PartialEmoji>,
}

impl PollMedia {
    /// Text only.
    pub fn text(text: impl Into<String>) -> Self {
        PollMedia {
            text: Some(text.into()),
            emoji: None,
        }
    }

    /// With an emoji.
    #[must_use]
    pub fn with_emoji(mut self, emoji: PartialEmoji) -> Self {
        self.emoji = Some(emoji);
        self
    }
}

/// One answer of a poll.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PollAnswer {
    /// The answer's id (1, 2, ... in order).
    pub answer_id: u32,
    /// Its text and emoji.
    pub poll_media: PollMedia,
}

/// A poll's vote counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PollResults {
    /// Whether the votes are final.
    #[serde(default)]
    pub is_finalized: bool,
    /// The count of each answer (answers without votes may be missing).
    #[serde(default)]
    pub answer_counts: Vec<PollAnswerCount>,
}

/// The votes of one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PollAnswerCount {
    /// The answer's `answer_id`.
    pub id: u32,
    /// The number of votes.
    #[serde(default)]
    pub count: u32,
    /// Whether the current user voted for it.
    #[serde(default)]
    pub me_voted: bool,
}

/// A poll to send, in [`CreateMessage::poll`](crate::model::CreateMessage).
///
/// ```
/// use bot_core::model::{CreatePoll, PartialEmoji};
/// let poll = CreatePoll::new("Lunch?")
///     .answer("Pizza")
///     .answer_with_emoji("Sushi", PartialEmoji::unicode("🍣"))
///     .duration_hours(4)
///     .allow_multiselect(true);
/// assert_eq!(poll.answers.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatePoll {
    /// The question.
    pub question: PollMedia,
    /// The answers (up to 10).
    pub answers: Vec<CreatePollAnswer>,
    /// How many hours it runs (up to 768; Discord's default is 24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// Whether a user may choose more than one answer.
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_multiselect: bool,
    /// The layout (Discord's default: [`PollLayoutType::Default`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout_type: Option<PollLayoutType>,
}

/// An answer of a poll to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatePollAnswer {
    /// Its text and emoji.
    pub poll_media: PollMedia,
}

impl CreatePoll {
    /// A poll asking `question`, without answers yet.
    pub fn new(question: impl Into<String>) -> Self {
        CreatePoll {
            question: PollMedia::text(question),
            answers: Vec::new(),
            duration: None,
            allow_multiselect: false,
            layout_type: None,
        }
    }

    /// Adds an answer.
    #[must_use]
    pub fn answer(self, text: impl Into<String>) -> Self {
        self.answer_media(PollMedia::text(text))
    }

    /// Adds an answer with an emoji.
    #[must_use]
    pub fn answer_with_emoji(self, text: impl Into<String>, emoji: PartialEmoji) -> Self {
        self.answer_media(PollMedia::text(text).with_emoji(emoji))
    }

    /// Adds an answer from its media.
    #[must_use]
    pub fn answer_media(mut self, poll_media: PollMedia) -> Self {
        self.answers.push(CreatePollAnswer { poll_media });
        self
    }

    /// How many hours the poll runs.
    #[must_use]
    pub fn duration_hours(mut self, hours: u32) -> Self {
        self.duration = Some(hours);
        self
    }

    /// Whether a user may choose more than one answer.
    #[must_use]
    pub fn allow_multiselect(mut self, allow: bool) -> Self {
        self.allow_multiselect = allow;
        self
    }
}

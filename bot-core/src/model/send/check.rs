//! The checks of a message to send, and their errors.

use super::{CreateMessage, message::embed_problems};
use crate::model::{Component, EmbedProblem, MessageFlags};
use std::fmt;

/// Checks `message`; `whole` for a new message (which may not be empty), not for an edit.
pub(super) fn check(message: &CreateMessage, whole: bool) -> Result<(), CreateMessageError> {
    let mut problems = Vec::new();
    let content = message.content.as_deref().unwrap_or("");
    if whole
        && content.trim().is_empty()
        && message.embeds.is_empty()
        && message.files.is_empty()
        && message.attachments.is_empty()
        && message.sticker_ids.is_empty()
        && message.components.is_empty()
        && message.poll.is_none()
    {
        problems.push(MessageProblem::Empty);
    }
    let length = content.chars().count();
    if length > CreateMessage::CONTENT_LIMIT {
        problems.push(MessageProblem::ContentTooLong { length });
    }
    problems.extend(embed_problems(&message.embeds));
    let count = message.attachments.len().max(message.files.len());
    if count > CreateMessage::ATTACHMENT_LIMIT {
        problems.push(MessageProblem::TooManyAttachments { count });
    }
    problems.extend(super::upload::size_problem(message));
    let count = message.sticker_ids.len();
    if count > CreateMessage::STICKER_LIMIT {
        problems.push(MessageProblem::TooManyStickers { count });
    }
    let v2 = message
        .flags
        .is_some_and(|f| f.contains(MessageFlags::IS_COMPONENTS_V2));
    if v2 {
        let count = count_components(&message.components);
        if count > CreateMessage::V2_COMPONENT_LIMIT {
            problems.push(MessageProblem::TooManyComponents {
                count,
                limit: CreateMessage::V2_COMPONENT_LIMIT,
            });
        }
        if !content.is_empty()
            || !message.embeds.is_empty()
            || message.poll.is_some()
            || !message.sticker_ids.is_empty()
        {
            problems.push(MessageProblem::ComponentsV2WithContent);
        }
    } else if message.components.len() > CreateMessage::ACTION_ROW_LIMIT {
        problems.push(MessageProblem::TooManyComponents {
            count: message.components.len(),
            limit: CreateMessage::ACTION_ROW_LIMIT,
        });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CreateMessageError { problems })
    }
}

/// Components in all, nested ones included.
fn count_components(components: &[Component]) -> usize {
    components
        .iter()
        .map(|c| {
            1 + match c {
                Component::ActionRow(row) => count_components(&row.components),
                Component::Container(container) => count_components(&container.components),
                Component::Section(section) => {
                    count_components(&section.components)
                        + count_components(std::slice::from_ref(&*section.accessory))
                }
                Component::Label(label) => {
                    count_components(std::slice::from_ref(&*label.component))
                }
                _ => 0,
            }
        })
        .sum()
}

/// One reason a message cannot be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MessageProblem {
    /// No content, embed, file, sticker, component or poll.
    Empty,
    /// The content is over 2000 characters.
    ContentTooLong {
        /// Its length in characters.
        length: usize,
    },
    /// An embed limit is over.
    Embed(EmbedProblem),
    /// More than 10 files.
    TooManyAttachments {
        /// How many there are.
        count: usize,
    },
    /// The files are larger together than Discord's request limit (25 MiB).
    TooLarge {
        /// Their bytes.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A file is larger than the channel's limit (a guild's `attachment_size_limit`).
    FileTooLarge {
        /// The file's name.
        filename: String,
        /// Its bytes.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// More than 3 stickers.
    TooManyStickers {
        /// How many there are.
        count: usize,
    },
    /// Too many components (5 action rows; 40 in all with `IS_COMPONENTS_V2`).
    TooManyComponents {
        /// How many there are.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// `IS_COMPONENTS_V2` with content, embeds, a poll or stickers, which it disables.
    ComponentsV2WithContent,
    /// More than 25 autocomplete choices.
    TooManyChoices {
        /// How many there are.
        count: usize,
    },
}

/// Why a message cannot be sent: every problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateMessageError {
    /// What is wrong, in order.
    pub problems: Vec<MessageProblem>,
}

impl fmt::Display for MessageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageProblem::Empty => f.write_str("the message is empty"),
            MessageProblem::ContentTooLong { length } => write!(
                f,
                "content has {length} characters (limit {})",
                CreateMessage::CONTENT_LIMIT
            ),
            MessageProblem::Embed(problem) => write!(f, "{problem}"),
            MessageProblem::TooManyAttachments { count } => write!(
                f,
                "{count} files (limit {})",
                CreateMessage::ATTACHMENT_LIMIT
            ),
            MessageProblem::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "the files have {bytes} bytes (limit {limit} per request)"
                )
            }
            MessageProblem::FileTooLarge {
                filename,
                bytes,
                limit,
            } => write!(f, "{filename} has {bytes} bytes (limit {limit} per file)"),
            MessageProblem::TooManyStickers { count } => {
                write!(
                    f,
                    "{count} stickers (limit {})",
                    CreateMessage::STICKER_LIMIT
                )
            }
            MessageProblem::TooManyComponents { count, limit } => {
                write!(f, "{count} components (limit {limit})")
            }
            MessageProblem::ComponentsV2WithContent => f.write_str(
                "IS_COMPONENTS_V2 messages cannot have content, embeds, a poll or stickers",
            ),
            MessageProblem::TooManyChoices { count } => write!(
                f,
                "{count} autocomplete choices (limit {})",
                crate::model::InteractionResponse::CHOICE_LIMIT
            ),
        }
    }
}

impl fmt::Display for CreateMessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("message cannot be sent: ")?;
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CreateMessageError {}

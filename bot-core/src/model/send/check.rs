//! The checks of a message to send.

use super::{CreateMessage, CreateMessageError, MessageProblem, message::embed_problems};
use crate::model::{Component, MessageFlags};

pub(super) fn check(message: &CreateMessage) -> Result<(), CreateMessageError> {
    let mut problems = Vec::new();
    let content = message.content.as_deref().unwrap_or("");
    if content.trim().is_empty()
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

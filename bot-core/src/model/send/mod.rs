//! What a bot sends: messages with their files, allowed mentions, and the answers to
//! interactions (messages, deferrals, autocomplete choices, modals). Embeds, components and
//! polls to send are the same types as received ([`Embed`](super::Embed),
//! [`Component`](super::Component)) or have their own ([`CreatePoll`](super::CreatePoll)).

mod check;
mod mentions;
mod message;
mod response;
#[cfg(test)]
mod tests;

pub use check::{CreateMessageError, MessageProblem};
pub use mentions::{AllowedMentions, MentionType};
pub use message::{AttachmentFile, AttachmentInfo, CreateMessage};
pub use response::{AutocompleteChoice, InteractionCallbackType, InteractionResponse, Modal};
#[cfg(test)]
mod response_tests;

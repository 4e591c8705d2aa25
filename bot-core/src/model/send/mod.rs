//! What a bot sends: messages with their files, and allowed mentions. Embeds, components and
//! polls to send are the same types as received ([`Embed`](super::Embed),
//! [`Component`](super::Component)) or have their own ([`CreatePoll`](super::CreatePoll)).

mod check;
mod mentions;
mod message;
#[cfg(test)]
mod tests;

pub use check::{CreateMessageError, MessageProblem};
pub use mentions::{AllowedMentions, MentionType};
pub use message::{AttachmentFile, AttachmentInfo, CreateMessage};

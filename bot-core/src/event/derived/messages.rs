//! Derived message and reaction events.

use crate::cache::{CachedMessage, CachedUser, MemberRef};
use crate::model::{Id, Reaction, UserMarker};
use std::sync::Arc;

/// A cached message was edited (Pycord's `on_message_edit(before, after)`), after the
/// [`MessageUpdate`](crate::event::MessageUpdate) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MessageEdited {
    /// The message as it was cached.
    pub before: CachedMessage,
    /// The message now.
    pub after: CachedMessage,
}

/// A cached message was deleted (Pycord's `on_message_delete(message)`), after the
/// [`MessageDelete`](crate::event::MessageDelete) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MessageDeleted {
    /// The message, as it was cached.
    pub message: CachedMessage,
}

/// Messages were deleted at once and some were cached (Pycord's
/// `on_bulk_message_delete(messages)`), after the
/// [`MessageDeleteBulk`](crate::event::MessageDeleteBulk) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MessagesBulkDeleted {
    /// The cached ones among the deleted, oldest first.
    pub messages: Vec<CachedMessage>,
}

/// Someone reacted to a cached message (Pycord's `on_reaction_add(reaction, user)`), after
/// the [`MessageReactionAdd`](crate::event::MessageReactionAdd) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReactionAdded {
    /// The message, its [`reactions`](CachedMessage::reactions) counting this one.
    pub message: CachedMessage,
    /// The emoji's reaction now (its count with this one).
    pub reaction: Reaction,
    /// Who reacted.
    pub user_id: Id<UserMarker>,
    /// Who reacted, if cached (Pycord's `user`).
    pub user: Option<Arc<CachedUser>>,
    /// Their member, in a guild, if cached.
    pub member: Option<MemberRef>,
}

/// Someone took a reaction back from a cached message that had it (Pycord's
/// `on_reaction_remove(reaction, user)`), after the
/// [`MessageReactionRemove`](crate::event::MessageReactionRemove) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReactionRemoved {
    /// The message, its [`reactions`](CachedMessage::reactions) without this one.
    pub message: CachedMessage,
    /// The emoji's reaction now (count 0 when it was the last).
    pub reaction: Reaction,
    /// Who took it back.
    pub user_id: Id<UserMarker>,
    /// Who took it back, if cached.
    pub user: Option<Arc<CachedUser>>,
    /// Their member, in a guild, if cached.
    pub member: Option<MemberRef>,
}

/// Every reaction of a cached message was removed (Pycord's
/// `on_reaction_clear(message, reactions)`), after the
/// [`MessageReactionRemoveAll`](crate::event::MessageReactionRemoveAll) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReactionsCleared {
    /// The message, without reactions.
    pub message: CachedMessage,
    /// The reactions it had.
    pub reactions: Vec<Reaction>,
}

/// One emoji's reactions were removed from a cached message that had them (Pycord's
/// `on_reaction_clear_emoji(reaction)`), after the
/// [`MessageReactionRemoveEmoji`](crate::event::MessageReactionRemoveEmoji) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReactionEmojiCleared {
    /// The message, without them.
    pub message: CachedMessage,
    /// The reaction removed, with the count it had.
    pub reaction: Reaction,
}

//! Messages and their reactions.

use super::super::messages::CachedMessage;
use super::super::{Cache, reactions};
use super::Derived;
use crate::event::{
    Event, EventKind, MessageEdited, MessageReactionAdd, MessageReactionRemove,
    MessagesBulkDeleted, ReactionAdded, ReactionEmojiCleared, ReactionRemoved, ReactionsCleared,
};
use crate::model::{GuildMarker, Id, MessageMarker, PartialEmoji, UserMarker};
use std::sync::Arc;

impl Cache {
    pub(super) fn message_create(&self, event: &Arc<Event>) {
        self.put_message(event);
    }

    /// Keeps the message `event` carries; the one it replaced.
    fn put_message(&self, event: &Arc<Event>) -> Option<CachedMessage> {
        let message = CachedMessage::of(event.clone())?;
        if message.guild_id.is_none() {
            self.touch_private(message.channel_id);
        }
        self.messages.put(message)
    }

    /// MESSAGE_UPDATE: [`MessageEdited`] when the message was cached.
    pub(super) fn message_update(&self, event: &Arc<Event>, out: &mut Derived<'_>) {
        let Some(before) = self.put_message(event) else {
            return;
        };
        let Some(after) = CachedMessage::of(event.clone()) else {
            return;
        };
        out.emit(EventKind::MessageEdited, || {
            Event::MessageEdited(Box::new(MessageEdited { before, after }))
        });
    }

    /// MESSAGE_DELETE_BULK: [`MessagesBulkDeleted`] with the cached ones, if any.
    pub(super) fn message_delete_bulk(&self, ids: &[Id<MessageMarker>], out: &mut Derived<'_>) {
        let mut messages: Vec<CachedMessage> = ids
            .iter()
            .filter_map(|id| self.messages.remove(*id))
            .collect();
        if messages.is_empty() {
            return;
        }
        messages.sort_by_key(|message| message.id);
        out.emit(EventKind::MessagesBulkDeleted, || {
            Event::MessagesBulkDeleted(MessagesBulkDeleted { messages })
        });
    }

    /// Whether `user` is the bot.
    fn is_me(&self, user: Id<UserMarker>) -> bool {
        *self.current_user.read().unwrap_or_else(|p| p.into_inner()) == Some(user)
    }

    /// Who reacted: their user and member, if cached.
    fn reactor(
        &self,
        guild: Option<Id<GuildMarker>>,
        user: Id<UserMarker>,
    ) -> (
        Option<Arc<super::super::CachedUser>>,
        Option<super::super::MemberRef>,
    ) {
        (
            self.user(user),
            guild.and_then(|guild| self.member(guild, user)),
        )
    }

    /// MESSAGE_REACTION_ADD on a cached message: its reactions updated, [`ReactionAdded`].
    pub(super) fn reaction_add(&self, added: &MessageReactionAdd, out: &mut Derived<'_>) {
        let Some(message) = self.messages.get(added.message_id) else {
            return;
        };
        let mine = self.is_me(added.user_id);
        let (after, reaction) =
            reactions::add(message.reactions(), &added.emoji, added.burst, mine);
        let message = message.with_reactions(after);
        self.messages.put(message.clone());
        out.emit(EventKind::ReactionAdded, || {
            let (user, member) = self.reactor(added.guild_id, added.user_id);
            Event::ReactionAdded(Box::new(ReactionAdded {
                message,
                reaction,
                user_id: added.user_id,
                user,
                member,
            }))
        });
    }

    /// MESSAGE_REACTION_REMOVE of a reaction a cached message had: [`ReactionRemoved`].
    pub(super) fn reaction_remove(&self, removed: &MessageReactionRemove, out: &mut Derived<'_>) {
        let Some(message) = self.messages.get(removed.message_id) else {
            return;
        };
        let mine = self.is_me(removed.user_id);
        let Some((after, reaction)) =
            reactions::remove(message.reactions(), &removed.emoji, removed.burst, mine)
        else {
            return;
        };
        let message = message.with_reactions(after);
        self.messages.put(message.clone());
        out.emit(EventKind::ReactionRemoved, || {
            let (user, member) = self.reactor(removed.guild_id, removed.user_id);
            Event::ReactionRemoved(Box::new(ReactionRemoved {
                message,
                reaction,
                user_id: removed.user_id,
                user,
                member,
            }))
        });
    }

    /// MESSAGE_REACTION_REMOVE_ALL on a cached message: [`ReactionsCleared`].
    pub(super) fn reactions_clear(&self, id: Id<MessageMarker>, out: &mut Derived<'_>) {
        let Some(message) = self.messages.get(id) else {
            return;
        };
        let reactions = message.reactions().to_vec();
        let message = message.with_reactions(Vec::new());
        self.messages.put(message.clone());
        out.emit(EventKind::ReactionsCleared, || {
            Event::ReactionsCleared(ReactionsCleared { message, reactions })
        });
    }

    /// MESSAGE_REACTION_REMOVE_EMOJI on a cached message that had it: [`ReactionEmojiCleared`].
    pub(super) fn reaction_emoji_clear(
        &self,
        id: Id<MessageMarker>,
        emoji: &PartialEmoji,
        out: &mut Derived<'_>,
    ) {
        let Some(message) = self.messages.get(id) else {
            return;
        };
        let Some((after, reaction)) = reactions::clear_emoji(message.reactions(), emoji) else {
            return;
        };
        let message = message.with_reactions(after);
        self.messages.put(message.clone());
        out.emit(EventKind::ReactionEmojiCleared, || {
            Event::ReactionEmojiCleared(Box::new(ReactionEmojiCleared { message, reaction }))
        });
    }
}

//! How each event changes the cache, and the events it derives with the state it replaced.
//! Called by the dispatcher on the shard's task, before any consumer gets the event; every step
//! is a few map operations (no I/O, no await). One file per area: guilds, channels and roles
//! (`guilds.rs`), members, users and voice states (`members.rs`), messages and reactions
//! (`messages.rs`), threads and their members (`threads.rs`), and emojis, stickers, sounds,
//! stage instances, scheduled events and presences (`objects.rs`).

mod guilds;
mod members;
mod messages;
mod objects;
mod threads;

use super::Cache;
use super::derive::Derived;
use crate::event::{Event, EventKind};
use std::sync::Arc;

impl Cache {
    /// Applies `event`, and returns every event it derives ([`MessageEdited`] for a cached
    /// message's MESSAGE_UPDATE, …; see [`EventKind::source`]). What the configuration does not
    /// keep is skipped; an event about something not cached changes nothing and derives
    /// nothing.
    ///
    /// [`MessageEdited`]: crate::event::MessageEdited
    pub fn update(&self, event: &Arc<Event>) -> Vec<Event> {
        self.update_for(event, &|_| true)
    }

    /// [`update`](Self::update), building only the derived events of the kinds `wants` says.
    pub(crate) fn update_for(
        &self,
        event: &Arc<Event>,
        wants: &dyn Fn(EventKind) -> bool,
    ) -> Vec<Event> {
        if self.config.is_off() {
            return Vec::new();
        }
        let mut derived = Derived::new(wants);
        self.apply(event, &mut derived);
        derived.into_events()
    }

    fn apply(&self, event: &Arc<Event>, out: &mut Derived<'_>) {
        match &**event {
            Event::Ready(ready) => self.ready(ready),
            Event::GuildCreate(guild) => self.guild_create(guild, out),
            Event::GuildUpdate(guild) => self.guild_update(guild, out),
            Event::GuildDelete(deleted) => self.guild_delete(deleted, out),
            Event::ChannelCreate(channel) => {
                self.put_channel(channel.0.clone(), None);
            }
            Event::ChannelUpdate(channel) => self.channel_update(&channel.0, out),
            Event::ChannelDelete(channel) => {
                if let Some(channel) = self.remove_channel(channel.id, channel.guild_id) {
                    out.emit(EventKind::ChannelDeleted, || {
                        Event::ChannelDeleted(crate::event::ChannelDeleted { channel })
                    });
                }
            }
            Event::ThreadCreate(thread) => self.thread_create(&thread.thread, out),
            Event::ThreadUpdate(thread) => self.thread_update(&thread.0, out),
            Event::ThreadDelete(thread) => self.thread_delete(thread.id, thread.guild_id, out),
            Event::ThreadListSync(sync) => self.thread_list_sync(sync, out),
            Event::ThreadMemberUpdate(update) => self.thread_member_update(&update.member),
            Event::ThreadMembersUpdate(update) => self.thread_members_update(update, out),
            Event::GuildRoleCreate(created) => {
                self.put_role(created.guild_id, created.role.clone());
            }
            Event::GuildRoleUpdate(updated) => {
                self.role_update(updated.guild_id, &updated.role, out)
            }
            Event::GuildRoleDelete(deleted) => {
                if let Some(role) = self.remove_role(deleted.guild_id, deleted.role_id) {
                    out.emit(EventKind::RoleDeleted, || {
                        Event::RoleDeleted(crate::event::RoleDeleted {
                            guild_id: deleted.guild_id,
                            role,
                        })
                    });
                }
            }
            Event::GuildMemberAdd(added) => {
                self.put_member(
                    added.guild_id,
                    &added.member,
                    super::MemberCacheFlags::JOINED,
                );
            }
            Event::GuildMemberUpdate(update) => self.member_update(update, out),
            Event::GuildMemberRemove(removed) => {
                self.member_remove(removed.guild_id, removed.user.id, out)
            }
            Event::GuildMembersChunk(chunk) => {
                for member in &chunk.members {
                    self.put_member(chunk.guild_id, member, super::MemberCacheFlags::JOINED);
                }
            }
            Event::UserUpdate(user) => {
                self.put_user(user, false);
            }
            Event::MessageCreate(_) => self.message_create(event),
            Event::MessageUpdate(_) => self.message_update(event, out),
            Event::MessageDelete(deleted) => {
                if let Some(message) = self.messages.remove(deleted.id) {
                    out.emit(EventKind::MessageDeleted, || {
                        Event::MessageDeleted(crate::event::MessageDeleted { message })
                    });
                }
            }
            Event::MessageDeleteBulk(deleted) => self.message_delete_bulk(&deleted.ids, out),
            Event::MessageReactionAdd(added) => self.reaction_add(added, out),
            Event::MessageReactionRemove(removed) => self.reaction_remove(removed, out),
            Event::MessageReactionRemoveAll(cleared) => {
                self.reactions_clear(cleared.message_id, out)
            }
            Event::MessageReactionRemoveEmoji(cleared) => {
                self.reaction_emoji_clear(cleared.message_id, &cleared.emoji, out)
            }
            Event::VoiceStateUpdate(state) => self.voice_state_update(&state.0, out),
            Event::InteractionCreate(interaction) => self.interaction(interaction),
            other => {
                self.object_event(other);
            }
        }
    }
}

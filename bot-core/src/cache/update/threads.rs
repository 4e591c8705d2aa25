//! Threads and their members, on py-cord's rules for joins and removals.

use super::super::{Cache, ResourceType};
use super::Derived;
use crate::event::{
    Event, EventKind, ThreadDeleted, ThreadJoined, ThreadListSync, ThreadMemberJoined,
    ThreadMemberRemoved, ThreadMembersUpdate, ThreadRemoved, ThreadUpdated,
};
use crate::model::{Channel, ChannelMarker, GuildMarker, Id, ThreadMember};
use std::collections::HashMap;
use std::sync::Arc;

impl Cache {
    /// THREAD_CREATE: [`ThreadJoined`] when the thread was cached already (the bot was added to
    /// it), as py-cord.
    pub(super) fn thread_create(&self, thread: &Channel, out: &mut Derived<'_>) {
        let before = self.put_channel(thread.clone(), None);
        if before.is_some() {
            self.emit_joined(thread, out);
        }
    }

    /// THREAD_UPDATE: [`ThreadUpdated`] for a cached thread, [`ThreadJoined`] for another; an
    /// archived thread leaves the cache.
    pub(super) fn thread_update(&self, thread: &Channel, out: &mut Derived<'_>) {
        let archived = thread
            .thread_metadata
            .as_ref()
            .is_some_and(|metadata| metadata.archived);
        let before = if archived {
            self.remove_channel(thread.id, thread.guild_id)
        } else {
            self.put_channel(thread.clone(), None)
        };
        if !self.config.keeps(ResourceType::CHANNEL) {
            return;
        }
        match before {
            Some(before) => out.emit(EventKind::ThreadUpdated, || {
                let after = self
                    .channel(thread.id)
                    .unwrap_or_else(|| Arc::new(thread.clone()));
                Event::ThreadUpdated(ThreadUpdated { before, after })
            }),
            None => self.emit_joined(thread, out),
        }
    }

    fn emit_joined(&self, thread: &Channel, out: &mut Derived<'_>) {
        out.emit(EventKind::ThreadJoined, || {
            let thread = self
                .channel(thread.id)
                .unwrap_or_else(|| Arc::new(thread.clone()));
            Event::ThreadJoined(ThreadJoined { thread })
        });
    }

    /// THREAD_DELETE: [`ThreadDeleted`] when it was cached.
    pub(super) fn thread_delete(
        &self,
        id: Id<ChannelMarker>,
        guild: Option<Id<GuildMarker>>,
        out: &mut Derived<'_>,
    ) {
        if let Some(thread) = self.remove_channel(id, guild) {
            out.emit(EventKind::ThreadDeleted, || {
                Event::ThreadDeleted(ThreadDeleted { thread })
            });
        }
    }

    /// THREAD_LIST_SYNC: the threads of the synced channels (of the whole guild when it names
    /// none) replaced by the list, with their members; [`ThreadJoined`] for each new one,
    /// [`ThreadRemoved`] for each no longer listed.
    pub(super) fn thread_list_sync(&self, sync: &ThreadListSync, out: &mut Derived<'_>) {
        if !self.config.keeps(ResourceType::CHANNEL) {
            return;
        }
        let mut previous: HashMap<Id<ChannelMarker>, Arc<Channel>> = self
            .guild_channels(sync.guild_id)
            .into_iter()
            .filter(|channel| channel.thread_metadata.is_some())
            .filter(|thread| {
                sync.channel_ids.is_empty()
                    || thread
                        .parent_id
                        .is_some_and(|parent| sync.channel_ids.contains(&parent))
            })
            .map(|thread| (thread.id, thread))
            .collect();
        for thread in &sync.threads {
            self.put_channel(thread.clone(), Some(sync.guild_id));
            if previous.remove(&thread.id).is_none() {
                self.emit_joined(thread, out);
            }
        }
        for member in &sync.members {
            if let Some(thread) = member.id {
                self.put_thread_member(thread, member.clone());
            }
        }
        let mut gone: Vec<Arc<Channel>> = previous.into_values().collect();
        gone.sort_by_key(|thread| thread.id);
        for thread in gone {
            self.remove_channel(thread.id, Some(sync.guild_id));
            out.emit(EventKind::ThreadRemoved, || {
                Event::ThreadRemoved(ThreadRemoved { thread })
            });
        }
    }

    /// THREAD_MEMBER_UPDATE: the bot's own thread member.
    pub(super) fn thread_member_update(&self, member: &ThreadMember) {
        if let Some(thread) = member.id
            && self.channels.contains_key(&thread)
        {
            self.put_thread_member(thread, member.clone());
        }
    }

    /// THREAD_MEMBERS_UPDATE of a cached thread: members added ([`ThreadMemberJoined`], or
    /// [`ThreadJoined`] for the bot) and removed ([`ThreadMemberRemoved`] when cached, or
    /// [`ThreadRemoved`] for the bot).
    pub(super) fn thread_members_update(
        &self,
        update: &ThreadMembersUpdate,
        out: &mut Derived<'_>,
    ) {
        let Some(thread) = self.channel(update.id) else {
            return;
        };
        let me = *self.current_user.read().unwrap_or_else(|p| p.into_inner());
        for added in &update.added_members {
            let member = self.put_thread_member(update.id, added.clone());
            if added.user_id.is_some() && added.user_id == me {
                out.emit(EventKind::ThreadJoined, || {
                    Event::ThreadJoined(ThreadJoined {
                        thread: thread.clone(),
                    })
                });
            } else if let Some(member) = member {
                out.emit(EventKind::ThreadMemberJoined, || {
                    Event::ThreadMemberJoined(ThreadMemberJoined {
                        thread: thread.clone(),
                        member,
                    })
                });
            }
        }
        for user in &update.removed_member_ids {
            let removed = self
                .thread_members
                .get_mut(&update.id)
                .and_then(|mut members| members.remove(user));
            if Some(*user) == me {
                out.emit(EventKind::ThreadRemoved, || {
                    Event::ThreadRemoved(ThreadRemoved {
                        thread: thread.clone(),
                    })
                });
            } else if let Some(member) = removed {
                out.emit(EventKind::ThreadMemberRemoved, || {
                    Event::ThreadMemberRemoved(ThreadMemberRemoved {
                        thread: thread.clone(),
                        member,
                    })
                });
            }
        }
    }

    /// Keeps a member of a cached thread; it, kept.
    fn put_thread_member(
        &self,
        thread: Id<ChannelMarker>,
        mut member: ThreadMember,
    ) -> Option<Arc<ThreadMember>> {
        let user = member.user_id?;
        if !self.config.keeps(ResourceType::CHANNEL) || !self.channels.contains_key(&thread) {
            return None;
        }
        member.id = Some(thread);
        let member = Arc::new(member);
        self.thread_members
            .entry(thread)
            .or_default()
            .insert(user, member.clone());
        Some(member)
    }
}

//! How each event changes the cache. Called by the dispatcher on the shard's task, before any
//! consumer gets the event; every step is a few map operations (no I/O, no await).

use super::members::CachedMember;
use super::messages::CachedMessage;
use super::{Cache, CachedUser, GuildEntry, MemberCacheFlags, ResourceType, UserEntry};
use crate::event::{Event, GuildMemberUpdate};
use crate::model::{
    Channel, ChannelMarker, Guild, GuildMarker, Id, Member, Role, RoleMarker, User, UserMarker,
    VoiceState,
};
use std::collections::HashSet;
use std::sync::Arc;

impl Cache {
    /// Applies `event`. What the configuration does not keep is skipped; an event about
    /// something not cached changes nothing.
    pub fn update(&self, event: &Arc<Event>) {
        if self.config.is_off() {
            return;
        }
        match &**event {
            Event::Ready(ready) => {
                *self.current_user.write().unwrap_or_else(|p| p.into_inner()) = Some(ready.user.id);
                if self.config.keeps(ResourceType::GUILD) {
                    for guild in &ready.guilds {
                        self.unavailable.insert(guild.id);
                    }
                }
            }
            Event::GuildCreate(guild) => self.guild_create(guild),
            Event::GuildUpdate(guild) => self.guild_update(guild),
            Event::GuildDelete(deleted) => {
                if deleted.unavailable {
                    self.unavailable.insert(deleted.id);
                } else {
                    self.unavailable.remove(&deleted.id);
                }
                self.remove_guild(deleted.id);
            }
            Event::ChannelCreate(channel) => self.put_channel(channel.0.clone(), None),
            Event::ChannelUpdate(channel) => self.put_channel(channel.0.clone(), None),
            Event::ChannelDelete(channel) => self.remove_channel(channel.id, channel.guild_id),
            Event::ThreadCreate(thread) => self.put_channel(thread.thread.clone(), None),
            Event::ThreadUpdate(thread) => self.put_channel(thread.0.clone(), None),
            Event::ThreadDelete(thread) => self.remove_channel(thread.id, thread.guild_id),
            Event::ThreadListSync(sync) => {
                for thread in &sync.threads {
                    self.put_channel(thread.clone(), Some(sync.guild_id));
                }
            }
            Event::GuildRoleCreate(created) => {
                self.put_role(created.guild_id, created.role.clone())
            }
            Event::GuildRoleUpdate(updated) => {
                self.put_role(updated.guild_id, updated.role.clone())
            }
            Event::GuildRoleDelete(deleted) => self.remove_role(deleted.guild_id, deleted.role_id),
            Event::GuildMemberAdd(added) => {
                self.put_member(added.guild_id, &added.member, MemberCacheFlags::JOINED)
            }
            Event::GuildMemberUpdate(update) => self.member_update(update),
            Event::GuildMemberRemove(removed) => {
                self.remove_member(removed.guild_id, removed.user.id)
            }
            Event::GuildMembersChunk(chunk) => {
                for member in &chunk.members {
                    self.put_member(chunk.guild_id, member, MemberCacheFlags::JOINED);
                }
            }
            Event::UserUpdate(user) => self.put_user(user, false),
            Event::MessageCreate(_) | Event::MessageUpdate(_) => {
                if let Some(message) = CachedMessage::of(event.clone()) {
                    if message.guild_id.is_none() {
                        self.touch_private(message.channel_id);
                    }
                    self.messages.put(message);
                }
            }
            Event::MessageDelete(deleted) => {
                self.messages.remove(deleted.id);
            }
            Event::MessageDeleteBulk(deleted) => {
                for id in &deleted.ids {
                    self.messages.remove(*id);
                }
            }
            Event::VoiceStateUpdate(state) => self.put_voice_state(&state.0),
            Event::InteractionCreate(interaction) => {
                if let (Some(guild), Some(member)) = (interaction.guild_id, &interaction.member)
                    && let Some(user) = &member.user
                    && self.config.keeps_members(MemberCacheFlags::INTERACTION)
                {
                    self.put_member_record(
                        guild,
                        CachedMember::from_partial(user.id, member),
                        user,
                    );
                }
            }
            _ => {}
        }
    }

    fn guild_create(&self, guild: &Guild) {
        self.unavailable.remove(&guild.id);
        let id = guild.id;
        if self.config.keeps(ResourceType::CHANNEL) {
            for channel in guild.channels.iter().chain(&guild.threads) {
                self.put_channel(channel.clone(), Some(id));
            }
        }
        if self.config.keeps(ResourceType::ROLE) {
            for role in &guild.roles {
                self.put_role(id, role.clone());
            }
        }
        for member in &guild.members {
            self.put_member(id, member, MemberCacheFlags::JOINED);
        }
        for state in &guild.voice_states {
            self.put_voice_state_in(id, state);
        }
        self.guild_update(guild);
    }

    /// Replaces the guild's own fields (its lists stay the cache's other resources).
    fn guild_update(&self, guild: &Guild) {
        if !self.config.keeps(ResourceType::GUILD) {
            return;
        }
        let own = Arc::new(own_fields(guild));
        let mut entry = self.guilds.entry(guild.id).or_insert_with(|| GuildEntry {
            guild: own.clone(),
            channels: HashSet::default(),
            roles: HashSet::default(),
        });
        entry.guild = own;
        if self.config.keeps(ResourceType::ROLE) {
            entry.roles.extend(guild.roles.iter().map(|role| role.id));
        }
        if self.config.keeps(ResourceType::CHANNEL) {
            entry
                .channels
                .extend(guild.channels.iter().chain(&guild.threads).map(|c| c.id));
        }
    }

    fn remove_guild(&self, id: Id<GuildMarker>) {
        if let Some((_, entry)) = self.guilds.remove(&id) {
            for channel in entry.channels {
                self.channels.remove(&channel);
            }
            for role in entry.roles {
                self.roles.remove(&role);
            }
        }
        if let Some((_, members)) = self.members.remove(&id) {
            let users: Vec<Id<UserMarker>> = members.iter().map(|m| *m.key()).collect();
            for user in users {
                self.release_user(user);
            }
        }
        self.voice_states.retain(|(guild, _), _| *guild != id);
    }

    fn put_channel(&self, mut channel: Channel, guild: Option<Id<GuildMarker>>) {
        if channel.guild_id.is_none() {
            channel.guild_id = guild;
        }
        match channel.guild_id {
            Some(guild) => {
                if !self.config.keeps(ResourceType::CHANNEL) {
                    return;
                }
                if let Some(mut entry) = self.guilds.get_mut(&guild) {
                    entry.channels.insert(channel.id);
                }
            }
            None => {
                if !self.config.keeps(ResourceType::PRIVATE_CHANNEL) {
                    return;
                }
                self.touch_private(channel.id);
            }
        }
        self.channels.insert(channel.id, Arc::new(channel));
    }

    fn remove_channel(&self, id: Id<ChannelMarker>, guild: Option<Id<GuildMarker>>) {
        self.channels.remove(&id);
        if let Some(guild) = guild
            && let Some(mut entry) = self.guilds.get_mut(&guild)
        {
            entry.channels.remove(&id);
        }
    }

    /// Marks a DM channel seen, evicting the least recently seen past the bound.
    fn touch_private(&self, id: Id<ChannelMarker>) {
        if !self.config.keeps(ResourceType::PRIVATE_CHANNEL) {
            return;
        }
        let mut order = self
            .private_channels
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some(at) = order.iter().position(|seen| *seen == id) {
            order.remove(at);
        }
        order.push_back(id);
        while order.len() > self.config.private_channels() {
            if let Some(oldest) = order.pop_front() {
                self.channels.remove(&oldest);
            }
        }
    }

    fn put_role(&self, guild: Id<GuildMarker>, role: Role) {
        if !self.config.keeps(ResourceType::ROLE) {
            return;
        }
        if let Some(mut entry) = self.guilds.get_mut(&guild) {
            entry.roles.insert(role.id);
        }
        self.roles.insert(role.id, Arc::new(role));
    }

    fn remove_role(&self, guild: Id<GuildMarker>, role: Id<RoleMarker>) {
        self.roles.remove(&role);
        if let Some(mut entry) = self.guilds.get_mut(&guild) {
            entry.roles.remove(&role);
        }
    }

    fn put_member(&self, guild: Id<GuildMarker>, member: &Member, from: MemberCacheFlags) {
        if self.config.keeps_members(from) {
            self.put_member_record(guild, CachedMember::new(member), &member.user);
        }
    }

    /// Keeps `member` (and its user, once).
    fn put_member_record(&self, guild: Id<GuildMarker>, member: CachedMember, user: &User) {
        let members = self.members.entry(guild).or_default().clone();
        let added = members.insert(member.id(), Arc::new(member)).is_none();
        self.put_user(user, added);
    }

    fn member_update(&self, update: &GuildMemberUpdate) {
        let Some(members) = self.members.get(&update.guild_id).map(|m| m.clone()) else {
            return;
        };
        let Some(mut entry) = members.get_mut(&update.user.id) else {
            return;
        };
        let old = entry.clone();
        *entry = Arc::new(old.updated(update));
        drop(entry);
        self.put_user(&update.user, false);
    }

    fn remove_member(&self, guild: Id<GuildMarker>, user: Id<UserMarker>) {
        let removed = self
            .members
            .get(&guild)
            .and_then(|members| members.remove(&user))
            .is_some();
        if removed {
            self.release_user(user);
        }
        self.voice_states.remove(&(guild, user));
    }

    /// Keeps or refreshes `user`; `new_member` counts one more member of theirs.
    fn put_user(&self, user: &User, new_member: bool) {
        if !self.config.keeps(ResourceType::USER) {
            return;
        }
        let mut entry = self.users.entry(user.id).or_insert_with(|| UserEntry {
            user: Arc::new(CachedUser::new(user)),
            members: 0,
        });
        if entry.user.differs_from(user) {
            entry.user = Arc::new(CachedUser::new(user));
        }
        if new_member {
            entry.members += 1;
        }
    }

    /// One member of `user`'s fewer; the user goes with the last.
    fn release_user(&self, user: Id<UserMarker>) {
        self.users.remove_if_mut(&user, |_, entry| {
            entry.members = entry.members.saturating_sub(1);
            entry.members == 0
        });
    }

    fn put_voice_state(&self, state: &VoiceState) {
        if let Some(guild) = state.guild_id {
            self.put_voice_state_in(guild, state);
        }
    }

    fn put_voice_state_in(&self, guild: Id<GuildMarker>, state: &VoiceState) {
        if let Some(member) = &state.member {
            self.put_member(guild, member, MemberCacheFlags::VOICE);
        }
        if !self.config.keeps(ResourceType::VOICE_STATE) {
            return;
        }
        let key = (guild, state.user_id);
        if state.channel_id.is_some() {
            let mut state = state.clone();
            state.guild_id = Some(guild);
            state.member = None;
            self.voice_states.insert(key, Arc::new(state));
        } else {
            self.voice_states.remove(&key);
        }
    }
}

/// `guild` without the lists the cache keeps elsewhere.
fn own_fields(guild: &Guild) -> Guild {
    let mut own = guild.clone();
    own.members = Vec::new();
    own.channels = Vec::new();
    own.threads = Vec::new();
    own.roles = Vec::new();
    own.voice_states = Vec::new();
    own.presences = Vec::new();
    own
}

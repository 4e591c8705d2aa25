//! Guilds, channels and roles.

use super::super::{Cache, GuildEntry, ResourceType};
use super::Derived;
use crate::event::{
    ChannelUpdated, Event, EventKind, GuildAvailable, GuildJoined, GuildRemoved, GuildUnavailable,
    GuildUpdated, Ready, RoleUpdated,
};
use crate::model::{
    Channel, ChannelMarker, Guild, GuildMarker, Id, Role, RoleMarker, UnavailableGuild, UserMarker,
};
use std::collections::HashSet;
use std::sync::Arc;

impl Cache {
    pub(super) fn ready(&self, ready: &Ready) {
        *self.current_user.write().unwrap_or_else(|p| p.into_inner()) = Some(ready.user.id);
        if self.config.keeps(ResourceType::GUILD) {
            for guild in &ready.guilds {
                self.unavailable.insert(guild.id);
            }
        }
    }

    /// GUILD_CREATE: the guild and everything it lists; [`GuildAvailable`] when it was
    /// unavailable, else [`GuildJoined`].
    pub(super) fn guild_create(&self, guild: &Guild, out: &mut Derived<'_>) {
        let was_unavailable = self.unavailable.remove(&guild.id).is_some();
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
            self.put_member(id, member, super::super::MemberCacheFlags::JOINED);
        }
        for state in &guild.voice_states {
            self.put_voice_state_in(id, state);
        }
        self.guild_objects(guild);
        self.put_guild(guild);
        let Some(cached) = self.guild(id) else {
            return;
        };
        if was_unavailable {
            out.emit(EventKind::GuildAvailable, || {
                Event::GuildAvailable(GuildAvailable { guild: cached })
            });
        } else {
            out.emit(EventKind::GuildJoined, || {
                Event::GuildJoined(GuildJoined { guild: cached })
            });
        }
    }

    pub(super) fn guild_update(&self, guild: &Guild, out: &mut Derived<'_>) {
        let before = self.put_guild(guild);
        if let (Some(before), Some(after)) = (before, self.guild(guild.id)) {
            out.emit(EventKind::GuildUpdated, || {
                Event::GuildUpdated(GuildUpdated { before, after })
            });
        }
    }

    /// Replaces the guild's own fields (its lists stay the cache's other resources); the ones
    /// it replaced.
    fn put_guild(&self, guild: &Guild) -> Option<Arc<Guild>> {
        if !self.config.keeps(ResourceType::GUILD) {
            return None;
        }
        let own = Arc::new(own_fields(guild));
        let mut before = None;
        let mut entry = self
            .guilds
            .entry(guild.id)
            .and_modify(|entry| before = Some(entry.guild.clone()))
            .or_insert_with(|| GuildEntry {
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
        before
    }

    /// GUILD_DELETE: an outage ([`GuildUnavailable`]) or the bot left ([`GuildRemoved`]);
    /// either way the guild's objects leave the cache.
    pub(super) fn guild_delete(&self, deleted: &UnavailableGuild, out: &mut Derived<'_>) {
        if deleted.unavailable && self.config.keeps(ResourceType::GUILD) {
            self.unavailable.insert(deleted.id);
        } else {
            self.unavailable.remove(&deleted.id);
        }
        let Some(guild) = self.remove_guild(deleted.id) else {
            return;
        };
        if deleted.unavailable {
            out.emit(EventKind::GuildUnavailable, || {
                Event::GuildUnavailable(GuildUnavailable { guild })
            });
        } else {
            out.emit(EventKind::GuildRemoved, || {
                Event::GuildRemoved(GuildRemoved { guild })
            });
        }
    }

    /// Removes the guild and everything of it (its messages too, as Pycord does); the guild,
    /// if it was cached.
    fn remove_guild(&self, id: Id<GuildMarker>) -> Option<Arc<Guild>> {
        let removed = self.guilds.remove(&id).map(|(_, entry)| {
            for channel in &entry.channels {
                self.channels.remove(channel);
                self.thread_members.remove(channel);
            }
            for role in &entry.roles {
                self.roles.remove(role);
            }
            entry.guild
        });
        if let Some((_, members)) = self.members.remove(&id) {
            let users: Vec<Id<UserMarker>> = members.iter().map(|m| *m.key()).collect();
            for user in users {
                self.release_user(user);
            }
        }
        self.voice_states.retain(|(guild, _), _| *guild != id);
        self.remove_guild_objects(id);
        self.messages.remove_guild(id);
        removed
    }

    /// Keeps `channel` (of `guild` when the payload does not say); the channel it replaced.
    pub(super) fn put_channel(
        &self,
        mut channel: Channel,
        guild: Option<Id<GuildMarker>>,
    ) -> Option<Arc<Channel>> {
        if channel.guild_id.is_none() {
            channel.guild_id = guild;
        }
        match channel.guild_id {
            Some(guild) => {
                if !self.config.keeps(ResourceType::CHANNEL) {
                    return None;
                }
                if let Some(mut entry) = self.guilds.get_mut(&guild) {
                    entry.channels.insert(channel.id);
                }
            }
            None => {
                if !self.config.keeps(ResourceType::PRIVATE_CHANNEL) {
                    return None;
                }
                self.touch_private(channel.id);
            }
        }
        self.channels.insert(channel.id, Arc::new(channel))
    }

    pub(super) fn channel_update(&self, channel: &Channel, out: &mut Derived<'_>) {
        let before = self.put_channel(channel.clone(), None);
        if let (Some(before), Some(after)) = (before, self.channel(channel.id)) {
            out.emit(EventKind::ChannelUpdated, || {
                Event::ChannelUpdated(ChannelUpdated { before, after })
            });
        }
    }

    /// Removes a channel (or thread); it, if it was cached.
    pub(super) fn remove_channel(
        &self,
        id: Id<ChannelMarker>,
        guild: Option<Id<GuildMarker>>,
    ) -> Option<Arc<Channel>> {
        let removed = self.channels.remove(&id).map(|(_, channel)| channel);
        self.thread_members.remove(&id);
        if let Some(guild) = guild.or_else(|| removed.as_ref().and_then(|c| c.guild_id))
            && let Some(mut entry) = self.guilds.get_mut(&guild)
        {
            entry.channels.remove(&id);
        }
        removed
    }

    /// Marks a DM channel seen, evicting the least recently seen past the bound.
    pub(super) fn touch_private(&self, id: Id<ChannelMarker>) {
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

    /// Keeps `role`; the role it replaced.
    pub(super) fn put_role(&self, guild: Id<GuildMarker>, role: Role) -> Option<Arc<Role>> {
        if !self.config.keeps(ResourceType::ROLE) {
            return None;
        }
        if let Some(mut entry) = self.guilds.get_mut(&guild) {
            entry.roles.insert(role.id);
        }
        self.roles.insert(role.id, Arc::new(role))
    }

    pub(super) fn role_update(
        &self,
        guild_id: Id<GuildMarker>,
        role: &Role,
        out: &mut Derived<'_>,
    ) {
        let before = self.put_role(guild_id, role.clone());
        if let (Some(before), Some(after)) = (before, self.role(role.id)) {
            out.emit(EventKind::RoleUpdated, || {
                Event::RoleUpdated(RoleUpdated {
                    guild_id,
                    before,
                    after,
                })
            });
        }
    }

    /// Removes a role; it, if it was cached.
    pub(super) fn remove_role(
        &self,
        guild: Id<GuildMarker>,
        role: Id<RoleMarker>,
    ) -> Option<Arc<Role>> {
        if let Some(mut entry) = self.guilds.get_mut(&guild) {
            entry.roles.remove(&role);
        }
        self.roles.remove(&role).map(|(_, role)| role)
    }
}

/// `guild` without the lists the cache keeps elsewhere, copied field by field so a large
/// guild's members, channels and presences are never cloned (a field added to [`Guild`] fails
/// the build here until it is sorted into one of the two groups).
fn own_fields(guild: &Guild) -> Guild {
    macro_rules! own {
        (copied: $($field:ident),+; kept_elsewhere: $($list:ident),+;) => {
            Guild {
                $( $field: guild.$field.clone(), )+
                $( $list: Vec::new(), )+
            }
        };
    }
    own! {
        copied: id, name, icon, icon_hash, splash, discovery_splash, owner_id, region,
            afk_channel_id, afk_timeout, widget_enabled, widget_channel_id, verification_level,
            default_message_notifications, explicit_content_filter, features, mfa_level,
            application_id, system_channel_id, system_channel_flags, rules_channel_id,
            max_presences, max_members, vanity_url_code, description, banner, premium_tier,
            premium_subscription_count, preferred_locale, public_updates_channel_id,
            max_video_channel_users, max_stage_video_channel_users, approximate_member_count,
            approximate_presence_count, welcome_screen, nsfw_level, nsfw,
            premium_progress_bar_enabled, safety_alerts_channel_id, incidents_data, joined_at,
            large, unavailable, member_count;
        kept_elsewhere: roles, voice_states, members, channels, threads, presences, emojis,
            stickers, stage_instances, guild_scheduled_events, soundboard_sounds;
    }
}

//! Reading the cache: each lookup a shared handle, each listing a copy of handles taken shard
//! by shard; nothing a caller holds keeps anything locked.

use super::{Cache, CachedMessage, CachedUser, MemberRef};
use crate::model::{
    Channel, ChannelMarker, Guild, GuildMarker, Id, MessageMarker, PermissionCalculator,
    Permissions, Role, RoleMarker, ThreadMember, Timestamp, UserMarker, VoiceState,
};
use std::sync::Arc;

impl Cache {
    /// The guild's own fields (its members, channels and roles are read with
    /// [`member`](Self::member), [`guild_channels`](Self::guild_channels),
    /// [`guild_roles`](Self::guild_roles)).
    pub fn guild(&self, id: Id<GuildMarker>) -> Option<Arc<Guild>> {
        self.guilds.get(&id).map(|entry| entry.guild.clone())
    }

    /// Every cached guild.
    pub fn guilds(&self) -> Vec<Arc<Guild>> {
        self.guilds
            .iter()
            .map(|entry| entry.guild.clone())
            .collect()
    }

    /// Whether the guild is unavailable (listed by READY and not yet created, or in an
    /// outage).
    pub fn is_unavailable(&self, id: Id<GuildMarker>) -> bool {
        self.unavailable.contains(&id)
    }

    /// A guild channel, thread or DM channel.
    pub fn channel(&self, id: Id<ChannelMarker>) -> Option<Arc<Channel>> {
        self.channels.get(&id).map(|channel| channel.clone())
    }

    /// The guild's channels and threads.
    pub fn guild_channels(&self, guild: Id<GuildMarker>) -> Vec<Arc<Channel>> {
        let ids: Vec<Id<ChannelMarker>> = match self.guilds.get(&guild) {
            Some(entry) => entry.channels.iter().copied().collect(),
            None => return Vec::new(),
        };
        ids.into_iter().filter_map(|id| self.channel(id)).collect()
    }

    /// The guild's channel (or thread) named `name`.
    pub fn channel_by_name(&self, guild: Id<GuildMarker>, name: &str) -> Option<Arc<Channel>> {
        self.guild_channels(guild)
            .into_iter()
            .find(|channel| channel.name.as_deref() == Some(name))
    }

    /// Every cached guild channel and thread (Pycord's `get_all_channels`), guild by guild:
    /// only one guild's handles are copied at a time, and nothing stays locked between two
    /// items (see [`members`](Self::members) for why listings copy handles).
    pub fn all_channels(&self) -> impl Iterator<Item = Arc<Channel>> + '_ {
        let guilds: Vec<Id<GuildMarker>> = self.guilds.iter().map(|g| *g.key()).collect();
        guilds.into_iter().flat_map(|g| self.guild_channels(g))
    }

    /// The cached DM channels, least recently seen first (Pycord's `private_channels`).
    pub fn private_channels(&self) -> Vec<Arc<Channel>> {
        let ids: Vec<Id<ChannelMarker>> = self
            .private_channels
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .copied()
            .collect();
        ids.into_iter().filter_map(|id| self.channel(id)).collect()
    }

    /// A cached thread's cached members (the bot's, those THREAD_LIST_SYNC and
    /// THREAD_MEMBERS_UPDATE brought; Pycord's `Thread.members`).
    pub fn thread_members(&self, thread: Id<ChannelMarker>) -> Vec<Arc<ThreadMember>> {
        self.thread_members
            .get(&thread)
            .map(|members| members.values().cloned().collect())
            .unwrap_or_default()
    }

    /// A member of a cached thread, if cached.
    pub fn thread_member(
        &self,
        thread: Id<ChannelMarker>,
        user: Id<UserMarker>,
    ) -> Option<Arc<ThreadMember>> {
        self.thread_members.get(&thread)?.get(&user).cloned()
    }

    /// A role.
    pub fn role(&self, id: Id<RoleMarker>) -> Option<Arc<Role>> {
        self.roles.get(&id).map(|role| role.clone())
    }

    /// The guild's roles.
    pub fn guild_roles(&self, guild: Id<GuildMarker>) -> Vec<Arc<Role>> {
        let ids: Vec<Id<RoleMarker>> = match self.guilds.get(&guild) {
            Some(entry) => entry.roles.iter().copied().collect(),
            None => return Vec::new(),
        };
        ids.into_iter().filter_map(|id| self.role(id)).collect()
    }

    /// The guild's role named `name`.
    pub fn role_by_name(&self, guild: Id<GuildMarker>, name: &str) -> Option<Arc<Role>> {
        self.guild_roles(guild)
            .into_iter()
            .find(|role| &*role.name == name)
    }

    /// A member of a guild, with its user.
    pub fn member(&self, guild: Id<GuildMarker>, user: Id<UserMarker>) -> Option<MemberRef> {
        let member = self.members.get(&guild)?.get(&user)?.clone();
        let user = self.user(user)?;
        Some(MemberRef {
            guild_id: guild,
            member,
            user,
        })
    }

    /// The guild's cached members.
    ///
    /// Listings copy the handles out (one [`MemberRef`] is three words) rather than iterate the
    /// map in place: an iterator over a concurrent map keeps a shard of it read-locked between
    /// two items, and a reader holding one across an `.await` would stop the shard's updates.
    pub fn members(&self, guild: Id<GuildMarker>) -> Vec<MemberRef> {
        let Some(members) = self.members.get(&guild).map(|m| m.clone()) else {
            return Vec::new();
        };
        let records: Vec<_> = members.iter().map(|m| m.clone()).collect();
        records
            .into_iter()
            .filter_map(|member| {
                let user = self.user(member.id())?;
                Some(MemberRef {
                    guild_id: guild,
                    member,
                    user,
                })
            })
            .collect()
    }

    /// How many members of the guild are cached.
    pub fn member_count(&self, guild: Id<GuildMarker>) -> usize {
        self.members.get(&guild).map_or(0, |members| members.len())
    }

    /// Every cached member of every guild (Pycord's `get_all_members`), guild by guild: only
    /// one guild's handles are copied at a time.
    pub fn all_members(&self) -> impl Iterator<Item = MemberRef> + '_ {
        let guilds: Vec<Id<GuildMarker>> = self.members.iter().map(|g| *g.key()).collect();
        guilds.into_iter().flat_map(|g| self.members(g))
    }

    /// A user (kept while one of their members is).
    pub fn user(&self, id: Id<UserMarker>) -> Option<Arc<CachedUser>> {
        self.users.get(&id).map(|entry| entry.user.clone())
    }

    /// Every cached user.
    pub fn users(&self) -> Vec<Arc<CachedUser>> {
        self.users.iter().map(|entry| entry.user.clone()).collect()
    }

    /// A cached message.
    pub fn message(&self, id: Id<MessageMarker>) -> Option<CachedMessage> {
        self.messages.get(id)
    }

    /// The cached messages, oldest first (Pycord's `cached_messages`).
    pub fn messages(&self) -> Vec<CachedMessage> {
        self.messages.all()
    }

    /// A member's voice state (while in a voice channel).
    pub fn voice_state(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
    ) -> Option<Arc<VoiceState>> {
        self.voice_states
            .get(&(guild, user))
            .map(|state| state.clone())
    }

    /// The bot's own member in `guild`.
    pub fn me(&self, guild: Id<GuildMarker>) -> Option<MemberRef> {
        let me = (*self.current_user.read().unwrap_or_else(|p| p.into_inner()))?;
        self.member(guild, me)
    }

    /// `user`'s permissions in `guild` (`channel`: in that channel, with its overwrites), from
    /// the cached guild, roles, member and channel; `None` when one of them is not cached.
    pub fn permissions(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        channel: Option<Id<ChannelMarker>>,
    ) -> Option<Permissions> {
        let owner = self.guild(guild)?.owner_id;
        let member = self.member(guild, user)?;
        let everyone = self
            .role(guild.cast())
            .and_then(|role| role.permissions)
            .unwrap_or_default();
        let roles: Vec<Arc<Role>> = member
            .role_ids()
            .iter()
            .filter_map(|id| self.role(*id))
            .collect();
        let calculator = PermissionCalculator::new(guild, owner, user, everyone)
            .roles(roles.iter().map(|role| &**role))
            .timed_out_until(member.communication_disabled_until());
        let now = Timestamp::now();
        Some(match channel {
            None => calculator.guild(now),
            Some(channel) => {
                let channel = self.channel(channel)?;
                calculator.in_channel(&channel.permission_overwrites, now)
            }
        })
    }
}

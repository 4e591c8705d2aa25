//! Derived guild, channel and role events.

use crate::model::{Channel, Guild, GuildMarker, Id, Role};
use std::sync::Arc;

/// The bot joined a guild (Pycord's `on_guild_join(guild)`), after the
/// [`GuildCreate`](crate::event::GuildCreate) dispatch of a guild it did not know.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GuildJoined {
    /// The guild's own fields, as cached (its members, channels and roles are in the cache).
    pub guild: Arc<Guild>,
}

/// A guild that was unavailable — listed by READY, or in an outage — became available
/// (Pycord's `on_guild_available(guild)`), after its [`GuildCreate`](crate::event::GuildCreate).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GuildAvailable {
    /// The guild's own fields, as cached.
    pub guild: Arc<Guild>,
}

/// A cached guild changed (Pycord's `on_guild_update(before, after)`), after the
/// [`GuildUpdate`](crate::event::GuildUpdate) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GuildUpdated {
    /// The guild as it was cached.
    pub before: Arc<Guild>,
    /// The guild now.
    pub after: Arc<Guild>,
}

/// The bot left a cached guild, or was removed from it (Pycord's `on_guild_remove(guild)`),
/// after the [`GuildDelete`](crate::event::GuildDelete) dispatch. The guild's members,
/// channels, roles and messages are gone from the cache.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GuildRemoved {
    /// The guild, as it was cached.
    pub guild: Arc<Guild>,
}

/// A cached guild became unavailable in an outage (Pycord's `on_guild_unavailable(guild)`),
/// after the [`GuildDelete`](crate::event::GuildDelete) dispatch with `unavailable`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GuildUnavailable {
    /// The guild, as it was cached.
    pub guild: Arc<Guild>,
}

/// A cached channel changed (Pycord's `on_guild_channel_update(before, after)` and
/// `on_private_channel_update`), after the [`ChannelUpdate`](crate::event::ChannelUpdate)
/// dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ChannelUpdated {
    /// The channel as it was cached.
    pub before: Arc<Channel>,
    /// The channel now.
    pub after: Arc<Channel>,
}

/// A cached channel was deleted (Pycord's `on_guild_channel_delete(channel)`), after the
/// [`ChannelDelete`](crate::event::ChannelDelete) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ChannelDeleted {
    /// The channel, as it was cached.
    pub channel: Arc<Channel>,
}

/// A cached role changed (Pycord's `on_guild_role_update(before, after)`), after the
/// [`GuildRoleUpdate`](crate::event::GuildRoleUpdate) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RoleUpdated {
    /// The role's guild.
    pub guild_id: Id<GuildMarker>,
    /// The role as it was cached.
    pub before: Arc<Role>,
    /// The role now.
    pub after: Arc<Role>,
}

/// A cached role was deleted (Pycord's `on_guild_role_delete(role)`), after the
/// [`GuildRoleDelete`](crate::event::GuildRoleDelete) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RoleDeleted {
    /// The role's guild.
    pub guild_id: Id<GuildMarker>,
    /// The role, as it was cached.
    pub role: Arc<Role>,
}

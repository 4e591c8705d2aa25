//! Guild dispatches: members, roles, bans, expressions, integrations, scheduled events,
//! soundboard sounds and audit-log entries.

use crate::model::ApplicationMarker;
use crate::model::{
    AuditLogEntry, AvatarDecoration, Emoji, GuildMarker, Id, Integration, IntegrationMarker,
    Member, MemberFlags, Presence, Role, RoleMarker, ScheduledEventMarker, SoundboardSound,
    SoundboardSoundMarker, Sticker, Timestamp, User, UserMarker,
};
use serde::{Deserialize, Serialize};

/// GUILD_AUDIT_LOG_ENTRY_CREATE: an entry, with its guild.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuditLogEntryCreate {
    /// The entry.
    #[serde(flatten)]
    pub entry: AuditLogEntry,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
}

/// GUILD_BAN_ADD and GUILD_BAN_REMOVE: a user was banned or unbanned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildBan {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The user.
    pub user: User,
}

/// GUILD_EMOJIS_UPDATE: a guild's emojis, all of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildEmojisUpdate {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// Its emojis.
    #[serde(default)]
    pub emojis: Vec<Emoji>,
}

/// GUILD_STICKERS_UPDATE: a guild's stickers, all of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildStickersUpdate {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// Its stickers.
    #[serde(default)]
    pub stickers: Vec<Sticker>,
}

/// GUILD_INTEGRATIONS_UPDATE: a guild's integrations changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildIntegrationsUpdate {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
}

/// GUILD_MEMBER_ADD: a user joined.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildMemberAdd {
    /// The new member.
    #[serde(flatten)]
    pub member: Member,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
}

/// GUILD_MEMBER_REMOVE: a user left or was removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildMemberRemove {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The user.
    pub user: User,
}

/// GUILD_MEMBER_UPDATE: a member changed (the fields Discord sends; some are optional here
/// although a member always has them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildMemberUpdate {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The member's roles.
    #[serde(default)]
    pub roles: Vec<Id<RoleMarker>>,
    /// The user.
    pub user: User,
    /// The nickname.
    #[serde(default)]
    pub nick: Option<String>,
    /// The guild avatar hash.
    #[serde(default)]
    pub avatar: Option<String>,
    /// The guild banner hash.
    #[serde(default)]
    pub banner: Option<Box<str>>,
    /// When they joined (`null` for a guest).
    #[serde(default)]
    pub joined_at: Option<Timestamp>,
    /// When they started boosting.
    #[serde(default)]
    pub premium_since: Option<Timestamp>,
    /// Deafened in voice.
    #[serde(default)]
    pub deaf: Option<bool>,
    /// Muted in voice.
    #[serde(default)]
    pub mute: Option<bool>,
    /// Has not passed the membership screening.
    #[serde(default)]
    pub pending: Option<bool>,
    /// Timed out until.
    #[serde(default)]
    pub communication_disabled_until: Option<Timestamp>,
    /// Member flags.
    #[serde(default)]
    pub flags: Option<MemberFlags>,
    /// The guild avatar decoration.
    #[serde(default)]
    pub avatar_decoration_data: Option<Box<AvatarDecoration>>,
}

/// GUILD_MEMBERS_CHUNK: the answer to Request Guild Members, in chunks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildMembersChunk {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The members of this chunk.
    #[serde(default)]
    pub members: Vec<Member>,
    /// This chunk's index.
    pub chunk_index: u32,
    /// How many chunks in all.
    pub chunk_count: u32,
    /// Ids asked for that were not found.
    #[serde(default)]
    pub not_found: Vec<Id<UserMarker>>,
    /// Their presences, when asked for.
    #[serde(default)]
    pub presences: Vec<Presence>,
    /// The request's nonce.
    #[serde(default)]
    pub nonce: Option<Box<str>>,
}

/// GUILD_ROLE_CREATE and GUILD_ROLE_UPDATE: a role, with its guild.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildRoleEvent {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The role.
    pub role: Role,
}

/// GUILD_ROLE_DELETE: a role was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildRoleDelete {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The role.
    pub role_id: Id<RoleMarker>,
}

/// GUILD_SCHEDULED_EVENT_USER_ADD and _REMOVE: a user (un)subscribed to an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduledEventUserEvent {
    /// The event.
    pub guild_scheduled_event_id: Id<ScheduledEventMarker>,
    /// The user.
    pub user_id: Id<UserMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
}

/// GUILD_SOUNDBOARD_SOUND_DELETE: a sound was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildSoundboardSoundDelete {
    /// The sound.
    pub sound_id: Id<SoundboardSoundMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
}

/// GUILD_SOUNDBOARD_SOUNDS_UPDATE and SOUNDBOARD_SOUNDS: a guild's sounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SoundboardSounds {
    /// The sounds.
    #[serde(default)]
    pub soundboard_sounds: Vec<SoundboardSound>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
}

/// INTEGRATION_CREATE and INTEGRATION_UPDATE: an integration, with its guild.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IntegrationEvent {
    /// The integration.
    #[serde(flatten)]
    pub integration: Integration,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
}

/// INTEGRATION_DELETE: an integration was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IntegrationDelete {
    /// The integration.
    pub id: Id<IntegrationMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The bot or OAuth2 application of it.
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
}

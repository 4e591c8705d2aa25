//! READY and the other dispatches: rate limits, auto-moderation actions,
//! invites, typing, voice and webhooks.

use crate::model::{
    ApplicationFlags, ApplicationMarker, AutoModerationAction, AutoModerationRuleMarker,
    AutoModerationTriggerType, ChannelMarker, GuildMarker, Id, InviteTargetType, MessageMarker,
    PartialEmoji, PartialMember, SoundboardSoundMarker, Timestamp, UnavailableGuild, User,
    UserMarker,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// READY: the session began.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ready {
    /// The API version.
    #[serde(default)]
    pub v: u8,
    /// The bot user.
    pub user: User,
    /// The guilds this shard will receive GUILD_CREATE for (unavailable until then).
    #[serde(default)]
    pub guilds: Vec<UnavailableGuild>,
    /// The session, for RESUME.
    #[serde(default)]
    pub session_id: Box<str>,
    /// Where to resume.
    #[serde(default)]
    pub resume_gateway_url: Box<str>,
    /// `[index, count]` of this shard.
    #[serde(default)]
    pub shard: Option<[u32; 2]>,
    /// The application.
    pub application: ReadyApplication,
}

impl Ready {
    /// The application's id (never the user's id).
    pub fn application_id(&self) -> Id<ApplicationMarker> {
        self.application.id
    }
}

/// The application in READY: its id and flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReadyApplication {
    /// Its id.
    pub id: Id<ApplicationMarker>,
    /// Its flags.
    #[serde(default)]
    pub flags: ApplicationFlags,
}

/// RATE_LIMITED: a gateway request (Request Guild Members) was rate limited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RateLimited {
    /// The opcode of the request.
    pub opcode: u8,
    /// Seconds to wait.
    pub retry_after: f64,
    /// What the request asked for.
    #[serde(default)]
    pub meta: RateLimitedMeta,
}

/// What a rate-limited request asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RateLimitedMeta {
    /// The guild of a Request Guild Members.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Its nonce.
    #[serde(default)]
    pub nonce: Option<Box<str>>,
}

/// AUTO_MODERATION_ACTION_EXECUTION: a rule acted on a message or a member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutoModerationActionExecution {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// What was done.
    pub action: AutoModerationAction,
    /// The rule.
    pub rule_id: Id<AutoModerationRuleMarker>,
    /// What triggered it.
    pub rule_trigger_type: AutoModerationTriggerType,
    /// Whose content it was.
    pub user_id: Id<UserMarker>,
    /// Where.
    #[serde(default)]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// The message (absent when it was blocked).
    #[serde(default)]
    pub message_id: Option<Id<MessageMarker>>,
    /// The alert message sent, if any.
    #[serde(default)]
    pub alert_system_message_id: Option<Id<MessageMarker>>,
    /// The content (needs the message-content intent).
    #[serde(default)]
    pub content: String,
    /// The keyword that matched.
    #[serde(default)]
    pub matched_keyword: Option<String>,
    /// The content that matched.
    #[serde(default)]
    pub matched_content: Option<String>,
}

/// One channel of CHANNEL_INFO.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelInfoEntry {
    /// The channel.
    pub id: Id<ChannelMarker>,
    /// Its voice status.
    #[serde(default)]
    pub status: Option<String>,
    /// When its voice session started (Unix seconds).
    #[serde(default)]
    pub voice_start_time: Option<i64>,
}

/// CHANNEL_INFO: the answer to Request Channel Info.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelInfo {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// Its channels' ephemeral data.
    #[serde(default)]
    pub channels: Vec<ChannelInfoEntry>,
}

/// INVITE_CREATE: an invite was created.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InviteCreate {
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The code.
    pub code: String,
    /// When it was made.
    pub created_at: Timestamp,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Who made it.
    #[serde(default)]
    pub inviter: Option<User>,
    /// Seconds it is valid for (0: for ever).
    #[serde(default)]
    pub max_age: u32,
    /// How many uses (0: no limit).
    #[serde(default)]
    pub max_uses: u32,
    /// What a voice invite targets.
    #[serde(default)]
    pub target_type: Option<InviteTargetType>,
    /// The user whose stream it shows.
    #[serde(default)]
    pub target_user: Option<User>,
    /// Temporary membership.
    #[serde(default)]
    pub temporary: bool,
    /// Uses so far (0).
    #[serde(default)]
    pub uses: u32,
    /// When it expires.
    #[serde(default)]
    pub expires_at: Option<Timestamp>,
}

/// INVITE_DELETE: an invite was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InviteDelete {
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The code.
    pub code: String,
}

/// TYPING_START: a user started typing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TypingStart {
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Who.
    pub user_id: Id<UserMarker>,
    /// When (Unix seconds).
    pub timestamp: i64,
    /// Who, as a member (in a guild).
    #[serde(default)]
    pub member: Option<Box<PartialMember>>,
}

/// VOICE_CHANNEL_EFFECT_SEND: an emoji or soundboard effect in a voice channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VoiceChannelEffectSend {
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// Who sent it.
    pub user_id: Id<UserMarker>,
    /// The emoji.
    #[serde(default)]
    pub emoji: Option<PartialEmoji>,
    /// The animation's type (0 premium, 1 basic).
    #[serde(default)]
    pub animation_type: Option<u8>,
    /// The animation.
    #[serde(default)]
    pub animation_id: Option<u64>,
    /// The soundboard sound.
    #[serde(default)]
    pub sound_id: Option<Id<SoundboardSoundMarker>>,
    /// Its volume, 0 to 1.
    #[serde(default)]
    pub sound_volume: Option<f64>,
}

/// VOICE_CHANNEL_START_TIME_UPDATE: a voice channel's session start time changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VoiceChannelStartTimeUpdate {
    /// The channel.
    pub id: Id<ChannelMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// When the session started (Unix seconds), or none.
    #[serde(default)]
    pub voice_start_time: Option<i64>,
}

/// VOICE_CHANNEL_STATUS_UPDATE: a voice channel's status changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VoiceChannelStatusUpdate {
    /// The channel.
    pub id: Id<ChannelMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The new status, or none.
    #[serde(default)]
    pub status: Option<String>,
}

/// VOICE_SERVER_UPDATE: where to connect for voice. `Debug` hides the voice token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VoiceServerUpdate {
    /// The voice connection's token (a secret).
    pub token: String,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The voice server's host, or none while it is being reallocated.
    #[serde(default)]
    pub endpoint: Option<String>,
}

impl fmt::Debug for VoiceServerUpdate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VoiceServerUpdate")
            .field("token", &"[redacted]")
            .field("guild_id", &self.guild_id)
            .field("endpoint", &self.endpoint)
            .finish()
    }
}

/// WEBHOOKS_UPDATE: a channel's webhooks changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhooksUpdate {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
}

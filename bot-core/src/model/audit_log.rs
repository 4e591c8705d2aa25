//! Audit logs (developers/resources/audit-log.mdx; spec `GuildAuditLogResponse`,
//! `AuditLogEntryResponse`). Changes whose value type is known are typed
//! ([`AuditLogChange`]); any other change keeps its JSON in [`AuditLogChange::Other`].

mod change;

pub use change::{AuditLogChange, AuditLogRole, Change};

use super::enums::int_enum;
use super::serde_util::string_int;
use super::{
    ApplicationMarker, AuditLogEntryMarker, AutoModerationRule, AutoModerationTriggerType, Channel,
    ChannelMarker, GenericMarker, GuildMarker, Id, Integration, IntegrationType, MessageMarker,
    ScheduledEvent, User, UserMarker, Webhook,
};
use serde::{Deserialize, Serialize};

int_enum! {
    /// What an audit-log entry records (spec `AuditLogActionTypes`).
    pub enum AuditLogEvent: u16 {
        /// The guild's settings changed.
        GuildUpdate = 1,
        /// A channel was created.
        ChannelCreate = 10,
        /// A channel's settings changed.
        ChannelUpdate = 11,
        /// A channel was deleted.
        ChannelDelete = 12,
        /// A permission overwrite was added.
        ChannelOverwriteCreate = 13,
        /// A permission overwrite changed.
        ChannelOverwriteUpdate = 14,
        /// A permission overwrite was deleted.
        ChannelOverwriteDelete = 15,
        /// A member was kicked.
        MemberKick = 20,
        /// Members were pruned.
        MemberPrune = 21,
        /// A member was banned.
        MemberBanAdd = 22,
        /// A ban was lifted.
        MemberBanRemove = 23,
        /// A member changed (nickname, timeout, ...).
        MemberUpdate = 24,
        /// A member's roles changed.
        MemberRoleUpdate = 25,
        /// Members were moved between voice channels.
        MemberMove = 26,
        /// Members were disconnected from voice.
        MemberDisconnect = 27,
        /// A bot was added.
        BotAdd = 28,
        /// A role was created.
        RoleCreate = 30,
        /// A role changed.
        RoleUpdate = 31,
        /// A role was deleted.
        RoleDelete = 32,
        /// An invite was created.
        InviteCreate = 40,
        /// An invite changed.
        InviteUpdate = 41,
        /// An invite was deleted.
        InviteDelete = 42,
        /// A webhook was created.
        WebhookCreate = 50,
        /// A webhook changed.
        WebhookUpdate = 51,
        /// A webhook was deleted.
        WebhookDelete = 52,
        /// An emoji was created.
        EmojiCreate = 60,
        /// An emoji changed.
        EmojiUpdate = 61,
        /// An emoji was deleted.
        EmojiDelete = 62,
        /// A message was deleted.
        MessageDelete = 72,
        /// Messages were bulk-deleted.
        MessageBulkDelete = 73,
        /// A message was pinned.
        MessagePin = 74,
        /// A message was unpinned.
        MessageUnpin = 75,
        /// An integration was added.
        IntegrationCreate = 80,
        /// An integration changed.
        IntegrationUpdate = 81,
        /// An integration was removed.
        IntegrationDelete = 82,
        /// A stage went live.
        StageInstanceCreate = 83,
        /// A stage changed.
        StageInstanceUpdate = 84,
        /// A stage ended.
        StageInstanceDelete = 85,
        /// A sticker was created.
        StickerCreate = 90,
        /// A sticker changed.
        StickerUpdate = 91,
        /// A sticker was deleted.
        StickerDelete = 92,
        /// A scheduled event was created.
        GuildScheduledEventCreate = 100,
        /// A scheduled event changed.
        GuildScheduledEventUpdate = 101,
        /// A scheduled event was canceled.
        GuildScheduledEventDelete = 102,
        /// A thread was created.
        ThreadCreate = 110,
        /// A thread changed.
        ThreadUpdate = 111,
        /// A thread was deleted.
        ThreadDelete = 112,
        /// Command permissions changed.
        ApplicationCommandPermissionUpdate = 121,
        /// A soundboard sound was created.
        SoundboardSoundCreate = 130,
        /// A soundboard sound changed.
        SoundboardSoundUpdate = 131,
        /// A soundboard sound was deleted.
        SoundboardSoundDelete = 132,
        /// An auto-moderation rule was created.
        AutoModerationRuleCreate = 140,
        /// An auto-moderation rule changed.
        AutoModerationRuleUpdate = 141,
        /// An auto-moderation rule was deleted.
        AutoModerationRuleDelete = 142,
        /// Auto moderation blocked a message.
        AutoModerationBlockMessage = 143,
        /// Auto moderation flagged a message to a channel.
        AutoModerationFlagToChannel = 144,
        /// Auto moderation timed a member out.
        AutoModerationUserCommunicationDisabled = 145,
        /// Auto moderation quarantined a member.
        AutoModerationQuarantineUser = 146,
        /// A monetization request was made.
        CreatorMonetizationRequestCreated = 150,
        /// Monetization terms were accepted.
        CreatorMonetizationTermsAccepted = 151,
        /// An onboarding question was created.
        OnboardingPromptCreate = 163,
        /// An onboarding question changed.
        OnboardingPromptUpdate = 164,
        /// An onboarding question was deleted.
        OnboardingPromptDelete = 165,
        /// Onboarding was created.
        OnboardingCreate = 166,
        /// Onboarding changed.
        OnboardingUpdate = 167,
        /// A voice channel status was set.
        VoiceChannelStatusUpdate = 192,
        /// A voice channel status was cleared.
        VoiceChannelStatusDelete = 193,
    }
}

/// A guild's audit log (`GET /guilds/{id}/audit-logs`). Threads and application commands the
/// entries refer to are not kept here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuditLog {
    /// The entries, newest first.
    #[serde(default)]
    pub audit_log_entries: Vec<AuditLogEntry>,
    /// Auto-moderation rules the entries refer to (Discord may send `null` for a deleted one;
    /// those are left out).
    #[serde(default, deserialize_with = "super::serde_util::without_nulls")]
    pub auto_moderation_rules: Vec<AutoModerationRule>,
    /// Scheduled events the entries refer to.
    #[serde(default)]
    pub guild_scheduled_events: Vec<ScheduledEvent>,
    /// Partial integrations the entries refer to.
    #[serde(default)]
    pub integrations: Vec<Integration>,
    /// Users the entries refer to.
    #[serde(default)]
    pub users: Vec<User>,
    /// Webhooks the entries refer to.
    #[serde(default)]
    pub webhooks: Vec<Webhook>,
    /// Threads the entries refer to.
    #[serde(default)]
    pub threads: Vec<Channel>,
    // application_commands: with a model of stored commands (the SDK compares them as JSON in
    // `sync` today).
}

/// One administrative action (also `GUILD_AUDIT_LOG_ENTRY_CREATE`, with `guild_id`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuditLogEntry {
    /// The entry's id.
    pub id: Id<AuditLogEntryMarker>,
    /// What happened.
    pub action_type: AuditLogEvent,
    /// Who did it (a user or an app).
    #[serde(default)]
    pub user_id: Option<Id<UserMarker>>,
    /// What it was done to (webhook, user, role, command, ...).
    #[serde(default)]
    pub target_id: Option<Id<GenericMarker>>,
    /// What changed.
    #[serde(default)]
    pub changes: Vec<AuditLogChange>,
    /// More about some kinds of action.
    #[serde(default)]
    pub options: Option<Box<AuditLogOptions>>,
    /// Why (1-512 characters).
    #[serde(default)]
    pub reason: Option<Box<str>>,
    /// The guild (`GUILD_AUDIT_LOG_ENTRY_CREATE`).
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
}

/// More about an audit-log entry; which fields are set depends on [`AuditLogEvent`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuditLogOptions {
    /// The app whose command permissions changed.
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// The auto-moderation rule that acted.
    #[serde(default)]
    pub auto_moderation_rule_name: Option<Box<str>>,
    /// Its trigger type (sent as a string).
    #[serde(default, with = "string_int")]
    pub auto_moderation_rule_trigger_type: Option<u64>,
    /// The channel concerned.
    #[serde(default)]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// How many things were affected (sent as a string).
    #[serde(default, with = "string_int")]
    pub count: Option<u64>,
    /// The prune's inactivity days (sent as a string).
    #[serde(default, with = "string_int")]
    pub delete_member_days: Option<u64>,
    /// The overwritten role or member.
    #[serde(default)]
    pub id: Option<Id<GenericMarker>>,
    /// How many members were pruned (sent as a string).
    #[serde(default, with = "string_int")]
    pub members_removed: Option<u64>,
    /// The pinned or unpinned message.
    #[serde(default)]
    pub message_id: Option<Id<MessageMarker>>,
    /// The overwritten role's name.
    #[serde(default)]
    pub role_name: Option<Box<str>>,
    /// The overwrite's kind: `0` role, `1` member (sent as a string).
    #[serde(default, rename = "type", with = "string_int")]
    pub kind: Option<u64>,
    /// The integration that kicked or changed roles.
    #[serde(default)]
    pub integration_type: Option<IntegrationType>,
    /// The new voice channel status.
    #[serde(default)]
    pub status: Option<Box<str>>,
}

impl AuditLogOptions {
    /// The trigger type of the auto-moderation rule that acted.
    pub fn trigger_type(&self) -> Option<AutoModerationTriggerType> {
        self.auto_moderation_rule_trigger_type
            .and_then(|n| u8::try_from(n).ok())
            .map(AutoModerationTriggerType::from_value)
    }
}

#[cfg(test)]
mod tests;

//! Guilds (developers/resources/guild.mdx; spec `GuildResponse`), with what `GUILD_CREATE`
//! adds (developers/events/gateway-events.mdx, Guild Create Extra Fields), unavailable guilds,
//! previews, partial guilds, bans, integrations, welcome screens and onboarding.

mod enums;
mod integration;
mod preview;
mod welcome;

pub use enums::{
    DefaultMessageNotificationLevel, ExplicitContentFilterLevel, GuildFeature, MfaLevel, NsfwLevel,
    PremiumTier, VerificationLevel,
};
pub use integration::{
    Ban, Integration, IntegrationAccount, IntegrationApplication, IntegrationExpireBehavior,
    IntegrationType,
};
pub use preview::{GuildPreview, PartialGuild};
pub use welcome::{
    Onboarding, OnboardingEmoji, OnboardingMode, OnboardingPrompt, OnboardingPromptOption,
    OnboardingPromptType, WelcomeScreen, WelcomeScreenChannel,
};

use super::{
    ApplicationMarker, Channel, ChannelMarker, Emoji, GuildMarker, Id, Member, Presence, Role,
    ScheduledEvent, SoundboardSound, StageInstance, Sticker, SystemChannelFlags, Timestamp,
    UserMarker, VoiceState,
};
use serde::{Deserialize, Serialize};

/// A guild, as `GET /guilds/{id}`, `GUILD_UPDATE` and `GUILD_CREATE` give it. The fields only
/// `GUILD_CREATE` sends (members, voice states, presences, ...) are empty elsewhere.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Guild {
    /// The guild's id.
    pub id: Id<GuildMarker>,
    /// The guild's name.
    pub name: Box<str>,
    /// The icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// The icon hash, in template objects.
    #[serde(default)]
    pub icon_hash: Option<Box<str>>,
    /// The invite splash hash.
    #[serde(default)]
    pub splash: Option<Box<str>>,
    /// The Discovery splash hash.
    #[serde(default)]
    pub discovery_splash: Option<Box<str>>,
    /// The owner.
    pub owner_id: Id<UserMarker>,
    /// The voice region (deprecated: channels have `rtc_region`).
    #[serde(default)]
    pub region: Option<Box<str>>,
    /// The AFK channel.
    #[serde(default)]
    pub afk_channel_id: Option<Id<ChannelMarker>>,
    /// Seconds of silence before a member is moved to the AFK channel.
    #[serde(default)]
    pub afk_timeout: u32,
    /// Whether the widget is on.
    #[serde(default)]
    pub widget_enabled: Option<bool>,
    /// The channel the widget's invite leads to.
    #[serde(default)]
    pub widget_channel_id: Option<Id<ChannelMarker>>,
    /// What a member needs before talking.
    pub verification_level: VerificationLevel,
    /// Which messages notify by default.
    pub default_message_notifications: DefaultMessageNotificationLevel,
    /// Whose media is scanned.
    pub explicit_content_filter: ExplicitContentFilterLevel,
    /// The roles.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// The custom emojis.
    #[serde(default)]
    pub emojis: Vec<Emoji>,
    /// The features.
    #[serde(default)]
    pub features: Vec<GuildFeature>,
    /// Whether moderators need 2FA.
    pub mfa_level: MfaLevel,
    /// The application that created the guild, for bot-created guilds.
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// Where system messages go.
    #[serde(default)]
    pub system_channel_id: Option<Id<ChannelMarker>>,
    /// Which system messages are suppressed.
    #[serde(default)]
    pub system_channel_flags: SystemChannelFlags,
    /// The rules channel of a community guild.
    #[serde(default)]
    pub rules_channel_id: Option<Id<ChannelMarker>>,
    /// The most presences (`None`: the default, except for the largest guilds).
    #[serde(default)]
    pub max_presences: Option<u32>,
    /// The most members.
    #[serde(default)]
    pub max_members: Option<u32>,
    /// The vanity invite code.
    #[serde(default)]
    pub vanity_url_code: Option<Box<str>>,
    /// The description of a community guild.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// The banner hash.
    #[serde(default)]
    pub banner: Option<Box<str>>,
    /// The boost level.
    #[serde(default = "no_tier")]
    pub premium_tier: PremiumTier,
    /// How many boosts it has.
    #[serde(default)]
    pub premium_subscription_count: Option<u32>,
    /// The community guild's language (`en-US` by default).
    #[serde(default)]
    pub preferred_locale: Box<str>,
    /// Where Discord's notices to community moderators go.
    #[serde(default)]
    pub public_updates_channel_id: Option<Id<ChannelMarker>>,
    /// The most users in a video channel.
    #[serde(default)]
    pub max_video_channel_users: Option<u32>,
    /// The most users in a stage video channel.
    #[serde(default)]
    pub max_stage_video_channel_users: Option<u32>,
    /// About how many members (with `with_counts`).
    #[serde(default)]
    pub approximate_member_count: Option<u32>,
    /// About how many members are online (with `with_counts`).
    #[serde(default)]
    pub approximate_presence_count: Option<u32>,
    /// The welcome screen of a community guild.
    #[serde(default)]
    pub welcome_screen: Option<Box<WelcomeScreen>>,
    /// The age rating.
    #[serde(default = "default_nsfw")]
    pub nsfw_level: NsfwLevel,
    /// Whether the guild is age-restricted.
    #[serde(default)]
    pub nsfw: bool,
    /// The custom stickers.
    #[serde(default)]
    pub stickers: Vec<Sticker>,
    /// Whether the boost progress bar shows.
    #[serde(default)]
    pub premium_progress_bar_enabled: bool,
    /// Where safety alerts go.
    #[serde(default)]
    pub safety_alerts_channel_id: Option<Id<ChannelMarker>>,
    /// Raids and spam the guild is handling.
    #[serde(default)]
    pub incidents_data: Option<Box<IncidentsData>>,

    // `GUILD_CREATE` only.
    /// When the bot joined (`GUILD_CREATE`).
    #[serde(default)]
    pub joined_at: Option<Timestamp>,
    /// Whether the guild is over the large threshold (`GUILD_CREATE`).
    #[serde(default)]
    pub large: bool,
    /// Whether an outage hides the guild (`GUILD_CREATE`).
    #[serde(default)]
    pub unavailable: bool,
    /// How many members (`GUILD_CREATE`).
    #[serde(default)]
    pub member_count: Option<u64>,
    /// Who is in voice, without `guild_id` (`GUILD_CREATE`).
    #[serde(default)]
    pub voice_states: Vec<VoiceState>,
    /// The members sent (`GUILD_CREATE`: all of a small guild, else the bot and those in voice).
    #[serde(default)]
    pub members: Vec<Member>,
    /// The channels (`GUILD_CREATE`).
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// The active threads the bot can see (`GUILD_CREATE`).
    #[serde(default)]
    pub threads: Vec<Channel>,
    /// The presences sent (`GUILD_CREATE`), without `guild_id`.
    #[serde(default)]
    pub presences: Vec<Presence>,
    /// The live stages (`GUILD_CREATE`).
    #[serde(default)]
    pub stage_instances: Vec<StageInstance>,
    /// The scheduled events (`GUILD_CREATE`).
    #[serde(default)]
    pub guild_scheduled_events: Vec<ScheduledEvent>,
    /// The soundboard sounds (`GUILD_CREATE`).
    #[serde(default)]
    pub soundboard_sounds: Vec<SoundboardSound>,
}

fn no_tier() -> PremiumTier {
    PremiumTier::None
}

fn default_nsfw() -> NsfwLevel {
    NsfwLevel::Default
}

impl Guild {
    /// Whether the guild has a feature.
    pub fn has_feature(&self, feature: &GuildFeature) -> bool {
        self.features.contains(feature)
    }

    /// The guild's `@everyone` role (its id is the guild's).
    pub fn everyone_role(&self) -> Option<&Role> {
        let id = self.id.cast();
        self.roles.iter().find(|role| role.id == id)
    }
}

/// A guild hidden by an outage, or not sent yet (`READY`'s `guilds`, `GUILD_DELETE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnavailableGuild {
    /// The guild's id.
    pub id: Id<GuildMarker>,
    /// `true` during an outage; `false` (or absent) in `GUILD_DELETE` when the bot left.
    #[serde(default)]
    pub unavailable: bool,
}

/// Raids and DM spam a guild is handling (spec `GuildIncidentsDataResponse`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IncidentsData {
    /// Until when invites are paused.
    #[serde(default)]
    pub invites_disabled_until: Option<Timestamp>,
    /// Until when DMs between members are paused.
    #[serde(default)]
    pub dms_disabled_until: Option<Timestamp>,
    /// When DM spam was detected.
    #[serde(default)]
    pub dm_spam_detected_at: Option<Timestamp>,
    /// When a raid was detected.
    #[serde(default)]
    pub raid_detected_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests;

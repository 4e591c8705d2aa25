//! Discord's objects as a bot receives and sends them: typed ids, timestamps, bit sets, coded
//! enums, users, members, roles, channels, messages and interactions.
//!
//! Every model ignores fields it does not know, keeps enum values it does not know
//! (`Unknown(n)`) and bits it does not know, and [`decode_lenient`] drops one odd optional field
//! rather than fail a whole payload. Models and enums are `#[non_exhaustive]`, so new Discord
//! fields are not breaking changes.

pub(crate) mod enums;
mod flags;
mod id;
mod lenient;
mod timestamp;

mod serde_util;

mod application;
mod audit_log;
mod auto_moderation;
mod channel;
mod emoji;
mod guild;
mod interaction;
mod invite;
mod member;
mod monetization;
mod oauth2;
mod presence;
mod role;
mod role_connection;
mod scheduled_event;
mod soundboard;
mod stage;
mod sticker;
mod team;
mod template;
mod user;
mod voice;
mod webhook;
mod widget;

pub use application::{
    Application, ApplicationIntegrationType, EventWebhooksStatus, InstallParams,
    IntegrationTypeConfig,
};
pub use audit_log::{
    AuditLog, AuditLogChange, AuditLogEntry, AuditLogEvent, AuditLogOptions, AuditLogRole, Change,
};
pub use auto_moderation::{
    ActionMetadata, AutoModerationAction, AutoModerationActionType, AutoModerationEventType,
    AutoModerationRule, AutoModerationTriggerType, KeywordPresetType, TriggerMetadata,
};
pub use channel::{Attachment, Message, PartialChannel};
pub use emoji::{ApplicationEmojis, Emoji};
pub use flags::{
    ActivityFlags, ApplicationFlags, AttachmentFlags, ChannelFlags, Intents, MemberFlags,
    MessageFlags, Permissions, RoleFlags, SkuFlags, SystemChannelFlags, UserFlags,
};
pub use guild::{
    Ban, DefaultMessageNotificationLevel, ExplicitContentFilterLevel, Guild, GuildFeature,
    GuildPreview, IncidentsData, Integration, IntegrationAccount, IntegrationApplication,
    IntegrationExpireBehavior, IntegrationType, MfaLevel, NsfwLevel, Onboarding, OnboardingEmoji,
    OnboardingMode, OnboardingPrompt, OnboardingPromptOption, OnboardingPromptType, PartialGuild,
    PremiumTier, UnavailableGuild, VerificationLevel, WelcomeScreen, WelcomeScreenChannel,
};
pub use id::*;
pub use interaction::{
    CommandData, DataOption, Interaction, InteractionDataError, InteractionType, Resolved,
};
pub use invite::{Invite, InviteChannel, InviteFlags, InviteGuild, InviteTargetType, InviteType};
pub use lenient::{DecodeError, decode_lenient};
pub use member::{Member, PartialMember};
pub use monetization::{
    Entitlement, EntitlementType, Sku, SkuType, Subscription, SubscriptionStatus,
};
pub use oauth2::OAuth2Scope;
pub use presence::{
    Activity, ActivityAssets, ActivityButton, ActivityEmoji, ActivityParty, ActivitySecrets,
    ActivityTimestamps, ActivityType, ClientStatus, Presence, Status, StatusDisplayType,
    UpdatePresence,
};
pub use role::{Role, RoleColors, RoleTags};
pub use role_connection::{RoleConnection, RoleConnectionMetadata, RoleConnectionMetadataType};
pub use scheduled_event::{
    NWeekday, RecurrenceFrequency, RecurrenceRule, ScheduledEvent, ScheduledEventEntityType,
    ScheduledEventException, ScheduledEventMetadata, ScheduledEventPrivacyLevel,
    ScheduledEventStatus, ScheduledEventUser, Weekday,
};
pub use soundboard::{GuildSoundboardSounds, SoundboardSound};
pub use stage::{StageInstance, StagePrivacyLevel};
pub use sticker::{Sticker, StickerFormatType, StickerPack, StickerPacks, StickerType};
pub use team::{MembershipState, Team, TeamMember, TeamMemberRole};
pub use template::{Template, TemplateChannel, TemplateGuild, TemplateOverwrite, TemplateRole};
pub use timestamp::{Timestamp, TimestampParseError};
pub use user::{
    AvatarDecoration, Collectibles, Nameplate, NameplatePalette, PartialUser, PremiumType,
    PrimaryGuild, User,
};
pub use voice::{VoiceRegion, VoiceState};
pub use webhook::{Webhook, WebhookChannel, WebhookGuild, WebhookType};
pub use widget::{Widget, WidgetActivity, WidgetChannel, WidgetMember, WidgetSettings};

/// A payload from `../shared/fixtures/discord/`, at a JSON pointer.
#[cfg(test)]
pub(crate) fn test_fixture(file: &str, pointer: &str) -> serde_json::Value {
    let path = format!(
        "{}/../../shared/fixtures/discord/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{file}: nothing at {pointer}"))
        .clone()
}

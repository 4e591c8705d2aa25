//! Discord's objects as a bot receives and sends them: typed ids, timestamps, bit sets, coded
//! enums, users, members, roles, channels, messages, embeds, components and interactions; what
//! a bot sends (messages, embeds, allowed mentions); and a permission calculator.
//!
//! Every model ignores fields it does not know, keeps enum values it does not know
//! (`Unknown(n)`) and bits it does not know, and [`decode_lenient`] drops one odd optional field
//! rather than fail a whole payload. Models and enums are `#[non_exhaustive]`, so new Discord
//! fields are not breaking changes.

pub(crate) mod enums;
mod flags;
mod id;
mod lenient;
mod serde_util;
mod timestamp;

mod activity_instance;
mod application;
mod audit_log;
mod auto_moderation;
mod channel;
mod command_permission;
mod component;
mod connection;
mod embed;
mod emoji;
mod gateway;
mod guild;
mod interaction;
mod invite;
mod invite_targets;
mod member;
mod message;
mod monetization;
mod oauth2;
mod permission;
mod presence;
mod role;
mod role_connection;
mod scheduled_event;
mod send;
mod soundboard;
mod stage;
mod sticker;
mod team;
mod template;
mod token;
mod user;
mod voice;
mod webhook;
mod widget;

pub use activity_instance::{ActivityInstance, ActivityLocation, ActivityLocationKind};
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
pub use channel::{
    AutoArchiveDuration, Channel, ChannelMention, ChannelType, DefaultReaction, FollowedChannel,
    ForumLayout, ForumTag, MessagePin, MessagePins, PartialChannel, PermissionOverwrite,
    PermissionOverwriteType, PollAnswerVoters, SortOrder, ThreadList, ThreadMember, ThreadMetadata,
    VideoQualityMode,
};
pub use command_permission::{
    ApplicationCommandPermission, ApplicationCommandPermissionType, ApplicationCommandPermissions,
};
pub use component::{
    ActionRow, Button, ButtonStyle, Checkbox, CheckboxGroup, Component, ComponentType, Container,
    FileComponent, FileUpload, GroupOption, Label, MediaGallery, MediaGalleryItem, RadioGroup,
    Section, SelectDefaultValue, SelectDefaultValueType, SelectMenu, SelectOption, Separator,
    SeparatorSpacing, TextDisplay, TextInput, TextInputStyle, Thumbnail, UnfurledMedia,
    UnknownComponent,
};
pub use connection::Connection;
pub use embed::{
    Embed, EmbedAuthor, EmbedBuilder, EmbedError, EmbedField, EmbedFooter, EmbedMedia,
    EmbedProblem, EmbedProvider, EmbedType, check_embeds,
};
pub use emoji::{ApplicationEmojis, Emoji};
pub use flags::{
    ActivityFlags, ApplicationFlags, AttachmentFlags, ChannelFlags, EmbedFlags, EmbedMediaFlags,
    Intents, MemberFlags, MessageFlags, Permissions, RoleFlags, SkuFlags, SystemChannelFlags,
    UnfurledMediaFlags, UserFlags,
};
pub use gateway::{Gateway, GatewayBot, SessionStartLimit};
pub use guild::{
    Ban, DefaultMessageNotificationLevel, ExplicitContentFilterLevel, Guild, GuildFeature,
    GuildPreview, IncidentsData, Integration, IntegrationAccount, IntegrationApplication,
    IntegrationExpireBehavior, IntegrationType, MfaLevel, NsfwLevel, Onboarding, OnboardingEmoji,
    OnboardingMode, OnboardingPrompt, OnboardingPromptOption, OnboardingPromptType, PartialGuild,
    PremiumTier, UnavailableGuild, VerificationLevel, WelcomeScreen, WelcomeScreenChannel,
};
pub use id::*;
pub use interaction::{
    CommandData, DataOption, Interaction, InteractionData, InteractionDataError, InteractionType,
    MessageComponentData, ModalSubmitData, OptionValue, Resolved, SubmittedComponent,
};
pub use invite::{Invite, InviteChannel, InviteFlags, InviteGuild, InviteTargetType, InviteType};
pub use invite_targets::{TargetUsersJob, TargetUsersJobStatus};
pub use lenient::{DecodeError, decode_lenient};
pub use member::{Member, PartialMember};
pub use message::{
    Attachment, AuthorizingIntegrationOwners, CreatePoll, CreatePollAnswer, Message,
    MessageActivity, MessageActivityType, MessageApplication, MessageCall, MessageInteraction,
    MessageInteractionMetadata, MessageReference, MessageReferenceType, MessageSnapshot,
    MessageType, Nonce, PartialEmoji, Poll, PollAnswer, PollAnswerCount, PollLayoutType, PollMedia,
    PollResults, Reaction, ReactionCountDetails, RoleSubscriptionData, SnapshotMessage,
    StickerItem,
};
pub use monetization::{
    Entitlement, EntitlementType, Sku, SkuType, Subscription, SubscriptionStatus,
};
pub use oauth2::OAuth2Scope;
pub use permission::PermissionCalculator;
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
pub(crate) use send::check_prune;
pub use send::{
    APPLICATION_DESCRIPTION_LENGTH, APPLICATION_TAG_LENGTH, AUTO_MODERATION_NAME_LENGTH,
    CreateAutoModerationRule, EditApplication, EditAutoModerationRule, EntitlementOwner,
    EntitlementQuery, MAX_APPLICATION_TAGS, MAX_AUTO_MODERATION_ACTIONS,
    MAX_AUTO_MODERATION_TIMEOUT, MAX_ENTITLEMENT_SKUS, MAX_EXEMPT_CHANNELS, MAX_EXEMPT_ROLES,
    MAX_ROLE_CONNECTION_METADATA, check_role_connection_metadata, editable_application_flags,
};
pub use send::{
    AccessToken, AddGuildMember, AllowedMentions, AttachmentFile, AttachmentInfo,
    AutocompleteChoice, BeginPrune, CreateForumThread, CreateGuildChannel, CreateInvite,
    CreateMessage, CreateMessageError, CreateRole, CreateStageInstance, CreateThread,
    CreateWebhook, EditChannel, EditCurrentUser, EditGuild, EditMember, EditStageInstance,
    EditVoiceState, EditWebhook, ExecuteWebhook, InteractionCallbackType, InteractionResponse,
    MAX_PRUNE_ROLES, MAX_TIMEOUT_SECONDS, MentionType, MessageProblem, Modal, PRUNE_DAYS,
    RequestProblem, SLOW_MODE_LIMIT, STAGE_TOPIC_LENGTH,
};
pub use send::{EditWidgetSettings, IncidentActions, MAX_INCIDENT_PAUSE_SECONDS};
pub(crate) use send::{check_emoji_name, sticker_type};
// Issue 28: emojis, scheduled events, inline images.
pub use send::{
    CreateEmoji, CreateScheduledEvent, CreateSoundboardSound, CreateSticker, EditEmoji,
    EditScheduledEvent, EditSoundboardSound, EditSticker, MAX_EMOJI_BYTES, MAX_EVENT_IMAGE_BYTES,
    MAX_STICKER_BYTES, ScheduledEventExceptionEdit, image_data_uri,
};
pub use soundboard::{GuildSoundboardSounds, SoundboardSound};
pub use stage::{StageInstance, StagePrivacyLevel};
pub use sticker::{Sticker, StickerFormatType, StickerPack, StickerPacks, StickerType};
pub use team::{MembershipState, Team, TeamMember, TeamMemberRole};
pub use template::{Template, TemplateChannel, TemplateGuild, TemplateOverwrite, TemplateRole};
pub use timestamp::{Timestamp, TimestampParseError};
pub use token::Token;
pub use user::{
    AvatarDecoration, Collectibles, Nameplate, NameplatePalette, PartialUser, PremiumType,
    PrimaryGuild, User,
};
pub use voice::{VoiceRegion, VoiceState};
pub use webhook::{Webhook, WebhookChannel, WebhookGuild, WebhookType};
pub use widget::{VanityUrl, Widget, WidgetActivity, WidgetChannel, WidgetMember, WidgetSettings};

/// A payload from the Discord fixtures (`bot-core/tests/fixtures/discord/`, copies of the
/// project's shared fixtures), at a JSON pointer (`""` for the whole file).
#[cfg(test)]
pub(crate) fn test_fixture(file: &str, pointer: &str) -> serde_json::Value {
    let path = format!(
        "{}/tests/fixtures/discord/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{file}: nothing at {pointer}"))
        .clone()
}

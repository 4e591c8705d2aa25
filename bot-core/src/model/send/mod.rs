//! What a bot sends: messages with their files, allowed mentions, the answers to interactions
//! (messages, deferrals, autocomplete choices, modals), and the bodies of other requests
//! (channel and thread changes, new threads, invites, webhooks, the bot user's changes), each
//! checked against Discord's limits before sending. Embeds, components and polls to send are the
//! same types as received ([`Embed`](super::Embed), [`Component`](super::Component)) or have
//! their own ([`CreatePoll`](super::CreatePoll)).

mod application;
mod auto_moderation;
mod channel;
mod check;
mod emoji;
mod guild;
mod guild_admin;
mod image;
mod invite;
mod mentions;
mod message;
mod moderation;
mod monetization;
mod problem;
mod response;
mod role_connection;
mod scheduled_event;
mod sound;
mod stage;
mod sticker;
#[cfg(test)]
mod tests;
mod thread;
mod upload;
mod webhook;

pub use application::{
    APPLICATION_DESCRIPTION_LENGTH, APPLICATION_TAG_LENGTH, EditApplication, MAX_APPLICATION_TAGS,
    editable_application_flags,
};
pub use auto_moderation::{
    AUTO_MODERATION_NAME_LENGTH, CreateAutoModerationRule, EditAutoModerationRule,
    MAX_AUTO_MODERATION_ACTIONS, MAX_AUTO_MODERATION_TIMEOUT, MAX_EXEMPT_CHANNELS,
    MAX_EXEMPT_ROLES,
};
pub use channel::{EditChannel, SLOW_MODE_LIMIT};
pub use check::{CreateMessageError, MessageProblem};
pub use guild::{CreateGuildChannel, CreateRole, EditGuild, EditMember, MAX_TIMEOUT_SECONDS};
pub use guild_admin::{EditWidgetSettings, IncidentActions, MAX_INCIDENT_PAUSE_SECONDS};
pub use invite::{CreateInvite, CreateWebhook, EditCurrentUser};
pub use mentions::{AllowedMentions, MentionType};
pub use message::{AttachmentFile, AttachmentInfo, CreateMessage};
pub(crate) use moderation::check_prune;
pub use moderation::{
    AccessToken, AddGuildMember, BeginPrune, EditVoiceState, MAX_PRUNE_ROLES, PRUNE_DAYS,
};
pub use monetization::{EntitlementOwner, EntitlementQuery, MAX_ENTITLEMENT_SKUS};
pub use problem::RequestProblem;
pub use response::{AutocompleteChoice, InteractionCallbackType, InteractionResponse, Modal};
pub use role_connection::{MAX_ROLE_CONNECTION_METADATA, check_role_connection_metadata};
// Emojis, stickers, sounds, scheduled events and inline images (issue 28).
pub(crate) use emoji::check_emoji_name;
pub use emoji::{CreateEmoji, EditEmoji};
pub use image::{MAX_EMOJI_BYTES, image_data_uri};
pub use scheduled_event::{
    CreateScheduledEvent, EditScheduledEvent, MAX_EVENT_IMAGE_BYTES, ScheduledEventExceptionEdit,
};
pub use sound::{CreateSoundboardSound, EditSoundboardSound};
pub use stage::{CreateStageInstance, EditStageInstance, STAGE_TOPIC_LENGTH};
pub(crate) use sticker::sticker_type;
pub use sticker::{CreateSticker, EditSticker, MAX_STICKER_BYTES};
pub use thread::{CreateForumThread, CreateThread};
pub use webhook::{EditWebhook, ExecuteWebhook};
#[cfg(test)]
mod response_tests;

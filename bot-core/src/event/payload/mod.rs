//! The payloads of gateway dispatches that are not a model on their own: a model with the guild
//! it belongs to, or a small object naming what changed (GE "Receive Events").

mod channel;
mod guild;
mod message;
mod other;

/// APPLICATION_COMMAND_PERMISSIONS_UPDATE's payload is the model's (REST answers the same).
pub use crate::model::{
    ApplicationCommandPermission, ApplicationCommandPermissionType, ApplicationCommandPermissions,
};
pub use channel::{
    ChannelPinsUpdate, ThreadCreate, ThreadDelete, ThreadListSync, ThreadMemberUpdate,
    ThreadMembersUpdate,
};
pub use guild::{
    AuditLogEntryCreate, GuildBan, GuildEmojisUpdate, GuildIntegrationsUpdate, GuildMemberAdd,
    GuildMemberRemove, GuildMemberUpdate, GuildMembersChunk, GuildRoleDelete, GuildRoleEvent,
    GuildSoundboardSoundDelete, GuildStickersUpdate, IntegrationDelete, IntegrationEvent,
    ScheduledEventUserEvent, SoundboardSounds,
};
pub use message::{
    MessageDelete, MessageDeleteBulk, MessagePollVote, MessageReactionAdd, MessageReactionRemove,
    MessageReactionRemoveAll, MessageReactionRemoveEmoji, ReactionType,
};
pub use other::{
    AutoModerationActionExecution, ChannelInfo, ChannelInfoEntry, InviteCreate, InviteDelete,
    RateLimited, RateLimitedMeta, Ready, ReadyApplication, TypingStart, VoiceChannelEffectSend,
    VoiceChannelStartTimeUpdate, VoiceChannelStatusUpdate, VoiceServerUpdate, WebhooksUpdate,
};

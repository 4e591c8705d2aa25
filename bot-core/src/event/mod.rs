//! Gateway events, typed: one [`Event`] variant per dispatch Discord documents, each with its
//! payload, and the catalogue ([`EventKind`]) of their wire names, Pycord's listener names and the
//! intents that deliver them.
//!
//! A dispatch this version does not know, or one that does not decode even without its odd
//! optional fields, arrives as [`Event::Unknown`] with its JSON: it is never dropped and never
//! stops the shard.

mod decode;
mod kind;
pub mod payload;

pub use decode::RawEvent;
pub use kind::EventKind;
pub use payload::Ready;

use crate::model::{
    AutoModerationRule, Channel, Entitlement, Guild, Interaction, Message, Presence,
    ScheduledEvent, SoundboardSound, StageInstance, Subscription, UnavailableGuild, User,
    VoiceState,
};
use payload::*;

macro_rules! events {
    ($( $(#[$doc:meta])* $variant:ident($payload:ty), )+) => {
        /// A gateway event: a dispatch with its typed payload, or a change of the session.
        ///
        /// ```
        /// use bot_core::event::{Event, EventKind};
        /// let event = Event::from_dispatch(
        ///     "MESSAGE_DELETE",
        ///     serde_json::json!({"id": "2", "channel_id": "1", "guild_id": "3"}),
        /// );
        /// let Event::MessageDelete(deleted) = &event else { panic!("typed") };
        /// assert_eq!(deleted.id.get(), 2);
        /// assert_eq!(event.kind(), Some(EventKind::MessageDelete));
        /// ```
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $( $(#[$doc])* $variant($payload), )+
            /// The session resumed after a reconnect (RESUMED); missed events were replayed
            /// before it.
            Resumed {
                /// The shard.
                shard: u64,
            },
            /// The session ended (INVALID_SESSION `false`, close 4007 or 4009): a new one
            /// follows with a new READY, and events between the two were lost.
            SessionInvalidated {
                /// The shard.
                shard: u64,
            },
            /// A dispatch this version does not know or could not decode, with its JSON.
            Unknown(RawEvent),
        }

        impl Event {
            /// The kind of dispatch this event is (`None` for session changes and unknown
            /// dispatches).
            pub fn kind(&self) -> Option<EventKind> {
                match self {
                    $( Event::$variant(_) => Some(EventKind::$variant), )+
                    Event::Resumed { .. } => Some(EventKind::Resumed),
                    Event::SessionInvalidated { .. } | Event::Unknown(_) => None,
                }
            }

            /// Decodes a dispatch of a known kind; on failure gives the error and the data
            /// back.
            fn decode(
                kind: EventKind,
                data: serde_json::Value,
            ) -> Result<Event, (crate::model::DecodeError, serde_json::Value)> {
                match kind {
                    $( EventKind::$variant => decode::typed(data).map(Event::$variant), )+
                    // RESUMED carries nothing: the shard reports it with its index.
                    _ => Err((
                        crate::model::DecodeError {
                            path: String::new(),
                            message: "handled by the shard".to_owned(),
                        },
                        data,
                    )),
                }
            }
        }
    };
}

events! {
    /// READY: a new session began.
    Ready(Box<Ready>),
    /// RATE_LIMITED: a gateway request was rate limited.
    RateLimited(RateLimited),
    /// APPLICATION_COMMAND_PERMISSIONS_UPDATE.
    ApplicationCommandPermissionsUpdate(ApplicationCommandPermissions),
    /// AUTO_MODERATION_RULE_CREATE.
    AutoModerationRuleCreate(Box<AutoModerationRule>),
    /// AUTO_MODERATION_RULE_UPDATE.
    AutoModerationRuleUpdate(Box<AutoModerationRule>),
    /// AUTO_MODERATION_RULE_DELETE.
    AutoModerationRuleDelete(Box<AutoModerationRule>),
    /// AUTO_MODERATION_ACTION_EXECUTION.
    AutoModerationActionExecution(Box<AutoModerationActionExecution>),
    /// CHANNEL_CREATE.
    ChannelCreate(Box<Channel>),
    /// CHANNEL_UPDATE.
    ChannelUpdate(Box<Channel>),
    /// CHANNEL_DELETE.
    ChannelDelete(Box<Channel>),
    /// CHANNEL_INFO.
    ChannelInfo(ChannelInfo),
    /// CHANNEL_PINS_UPDATE.
    ChannelPinsUpdate(ChannelPinsUpdate),
    /// THREAD_CREATE.
    ThreadCreate(Box<ThreadCreate>),
    /// THREAD_UPDATE.
    ThreadUpdate(Box<Channel>),
    /// THREAD_DELETE.
    ThreadDelete(ThreadDelete),
    /// THREAD_LIST_SYNC.
    ThreadListSync(Box<ThreadListSync>),
    /// THREAD_MEMBER_UPDATE.
    ThreadMemberUpdate(Box<ThreadMemberUpdate>),
    /// THREAD_MEMBERS_UPDATE.
    ThreadMembersUpdate(Box<ThreadMembersUpdate>),
    /// ENTITLEMENT_CREATE.
    EntitlementCreate(Box<Entitlement>),
    /// ENTITLEMENT_UPDATE.
    EntitlementUpdate(Box<Entitlement>),
    /// ENTITLEMENT_DELETE.
    EntitlementDelete(Box<Entitlement>),
    /// GUILD_CREATE: a guild became available, or the bot joined one.
    GuildCreate(Box<Guild>),
    /// GUILD_UPDATE.
    GuildUpdate(Box<Guild>),
    /// GUILD_DELETE: unavailable (`unavailable: true`) or left.
    GuildDelete(UnavailableGuild),
    /// GUILD_AUDIT_LOG_ENTRY_CREATE.
    GuildAuditLogEntryCreate(Box<AuditLogEntryCreate>),
    /// GUILD_BAN_ADD.
    GuildBanAdd(Box<GuildBan>),
    /// GUILD_BAN_REMOVE.
    GuildBanRemove(Box<GuildBan>),
    /// GUILD_EMOJIS_UPDATE.
    GuildEmojisUpdate(GuildEmojisUpdate),
    /// GUILD_STICKERS_UPDATE.
    GuildStickersUpdate(GuildStickersUpdate),
    /// GUILD_INTEGRATIONS_UPDATE.
    GuildIntegrationsUpdate(GuildIntegrationsUpdate),
    /// GUILD_MEMBER_ADD.
    GuildMemberAdd(Box<GuildMemberAdd>),
    /// GUILD_MEMBER_REMOVE.
    GuildMemberRemove(Box<GuildMemberRemove>),
    /// GUILD_MEMBER_UPDATE.
    GuildMemberUpdate(Box<GuildMemberUpdate>),
    /// GUILD_MEMBERS_CHUNK.
    GuildMembersChunk(Box<GuildMembersChunk>),
    /// GUILD_ROLE_CREATE.
    GuildRoleCreate(Box<GuildRoleEvent>),
    /// GUILD_ROLE_UPDATE.
    GuildRoleUpdate(Box<GuildRoleEvent>),
    /// GUILD_ROLE_DELETE.
    GuildRoleDelete(GuildRoleDelete),
    /// GUILD_SCHEDULED_EVENT_CREATE.
    GuildScheduledEventCreate(Box<ScheduledEvent>),
    /// GUILD_SCHEDULED_EVENT_UPDATE.
    GuildScheduledEventUpdate(Box<ScheduledEvent>),
    /// GUILD_SCHEDULED_EVENT_DELETE.
    GuildScheduledEventDelete(Box<ScheduledEvent>),
    /// GUILD_SCHEDULED_EVENT_USER_ADD.
    GuildScheduledEventUserAdd(ScheduledEventUserEvent),
    /// GUILD_SCHEDULED_EVENT_USER_REMOVE.
    GuildScheduledEventUserRemove(ScheduledEventUserEvent),
    /// GUILD_SOUNDBOARD_SOUND_CREATE.
    GuildSoundboardSoundCreate(Box<SoundboardSound>),
    /// GUILD_SOUNDBOARD_SOUND_UPDATE.
    GuildSoundboardSoundUpdate(Box<SoundboardSound>),
    /// GUILD_SOUNDBOARD_SOUND_DELETE.
    GuildSoundboardSoundDelete(GuildSoundboardSoundDelete),
    /// GUILD_SOUNDBOARD_SOUNDS_UPDATE.
    GuildSoundboardSoundsUpdate(SoundboardSounds),
    /// SOUNDBOARD_SOUNDS: the answer to Request Soundboard Sounds.
    SoundboardSounds(SoundboardSounds),
    /// INTEGRATION_CREATE.
    IntegrationCreate(Box<IntegrationEvent>),
    /// INTEGRATION_UPDATE.
    IntegrationUpdate(Box<IntegrationEvent>),
    /// INTEGRATION_DELETE.
    IntegrationDelete(IntegrationDelete),
    /// INTERACTION_CREATE.
    InteractionCreate(Box<Interaction>),
    /// INVITE_CREATE.
    InviteCreate(Box<InviteCreate>),
    /// INVITE_DELETE.
    InviteDelete(InviteDelete),
    /// MESSAGE_CREATE.
    MessageCreate(Box<Message>),
    /// MESSAGE_UPDATE (the whole message, as MESSAGE_CREATE).
    MessageUpdate(Box<Message>),
    /// MESSAGE_DELETE.
    MessageDelete(MessageDelete),
    /// MESSAGE_DELETE_BULK.
    MessageDeleteBulk(MessageDeleteBulk),
    /// MESSAGE_REACTION_ADD.
    MessageReactionAdd(Box<MessageReactionAdd>),
    /// MESSAGE_REACTION_REMOVE.
    MessageReactionRemove(Box<MessageReactionRemove>),
    /// MESSAGE_REACTION_REMOVE_ALL.
    MessageReactionRemoveAll(MessageReactionRemoveAll),
    /// MESSAGE_REACTION_REMOVE_EMOJI.
    MessageReactionRemoveEmoji(Box<MessageReactionRemoveEmoji>),
    /// MESSAGE_POLL_VOTE_ADD.
    MessagePollVoteAdd(MessagePollVote),
    /// MESSAGE_POLL_VOTE_REMOVE.
    MessagePollVoteRemove(MessagePollVote),
    /// PRESENCE_UPDATE.
    PresenceUpdate(Box<Presence>),
    /// STAGE_INSTANCE_CREATE.
    StageInstanceCreate(Box<StageInstance>),
    /// STAGE_INSTANCE_UPDATE.
    StageInstanceUpdate(Box<StageInstance>),
    /// STAGE_INSTANCE_DELETE.
    StageInstanceDelete(Box<StageInstance>),
    /// SUBSCRIPTION_CREATE.
    SubscriptionCreate(Box<Subscription>),
    /// SUBSCRIPTION_UPDATE.
    SubscriptionUpdate(Box<Subscription>),
    /// SUBSCRIPTION_DELETE.
    SubscriptionDelete(Box<Subscription>),
    /// TYPING_START.
    TypingStart(Box<TypingStart>),
    /// USER_UPDATE: the bot user changed.
    UserUpdate(Box<User>),
    /// VOICE_CHANNEL_EFFECT_SEND.
    VoiceChannelEffectSend(Box<VoiceChannelEffectSend>),
    /// VOICE_CHANNEL_START_TIME_UPDATE.
    VoiceChannelStartTimeUpdate(VoiceChannelStartTimeUpdate),
    /// VOICE_CHANNEL_STATUS_UPDATE.
    VoiceChannelStatusUpdate(VoiceChannelStatusUpdate),
    /// VOICE_STATE_UPDATE.
    VoiceStateUpdate(Box<VoiceState>),
    /// VOICE_SERVER_UPDATE.
    VoiceServerUpdate(VoiceServerUpdate),
    /// WEBHOOKS_UPDATE.
    WebhooksUpdate(WebhooksUpdate),
}

impl Event {
    /// The event of a dispatch; never fails: what is unknown or does not decode becomes
    /// [`Event::Unknown`] (an unreadable INTERACTION_CREATE without its token, and logged).
    pub fn from_dispatch(name: &str, data: serde_json::Value) -> Event {
        let Some(kind) = EventKind::from_dispatch(name) else {
            return Event::Unknown(RawEvent::new(name, data));
        };
        match Event::decode(kind, data) {
            Ok(event) => event,
            Err((error, data)) => decode::undecodable(kind, &error, data),
        }
    }

    /// The dispatch's name on the wire (`MESSAGE_CREATE`; an unknown one's own name).
    pub fn name(&self) -> &str {
        match self {
            Event::Unknown(raw) => &raw.name,
            Event::SessionInvalidated { .. } => "SESSION_INVALIDATED",
            other => other.kind().map_or("", EventKind::dispatch_name),
        }
    }
}

#[cfg(test)]
mod tests;

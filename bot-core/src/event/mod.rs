//! Gateway events, typed: one [`Event`] variant per dispatch Discord documents, each with its
//! payload, and the catalogue ([`EventKind`]) of their wire names, Pycord's listener names and the
//! intents that deliver them; and the events the cache derives from them with the state they
//! replaced ([`MessageEdited`], [`MemberUpdated`], …; see [`EventKind::source`]).
//!
//! A dispatch this version does not know, or one that does not decode even without its odd
//! optional fields, arrives as [`Event::Unknown`] with its JSON: it is never dropped and never
//! stops the shard.
//!
//! [`Connected`], [`Disconnected`] and [`EventError`] are what the bot's handlers `on_connect`,
//! `on_disconnect` and `on_error` are given (see [`#[event]`](macro@crate::event) to replace them).

mod budget;
mod decode;
mod derived;
mod handler;
mod kind;
mod listener;
pub mod payload;
mod received;
mod shard;
mod stats;
mod typed;
mod wait;
mod wrappers;

pub use budget::{Budget, Lagged};
pub use decode::RawEvent;
pub use derived::*;
pub use handler::{Connected, Disconnected, EventError, EventFailure};
#[doc(hidden)]
pub use handler::{EventHandlerCall, EventHandlerDef};
pub use kind::EventKind;
pub(crate) use listener::{Callback, NewListener, new_listener};
#[doc(hidden)]
pub use listener::{ListenerDef, check_listener_name};
pub use listener::{ListenerError, ListenerFuture, ListenerId, ListenerOptions, ListenerOutput};
pub use payload::Ready;
pub use received::Received;
pub use shard::{ShardConnected, ShardDisconnected, ShardReady, ShardResumed};
pub use stats::DispatchStats;
pub use typed::{EventType, Resumed};
pub use wait::WaitError;
pub use wrappers::*;

pub use payload::*;

/// The type a variant holds: the payload, boxed when marked `boxed` (large payloads).
macro_rules! held {
    ($payload:ty) => { $payload };
    ($payload:ty, boxed) => { Box<$payload> };
}

macro_rules! events {
    (
        $( $(#[$doc:meta])* $variant:ident($payload:ty) $($boxed:ident)?, )+
        @derived {
            $( $(#[$ddoc:meta])* $dvariant:ident($dpayload:ty) $($dboxed:ident)?, )+
        }
        @shard {
            $( $(#[$sdoc:meta])* $svariant:ident($spayload:ty), )+
        }
    ) => {
        /// A gateway event: a dispatch with its typed payload, or a change of the session.
        ///
        /// ```
        /// use bot_core::event::{Event, EventKind};
        /// let event = Event::from_dispatch_json(
        ///     "MESSAGE_DELETE",
        ///     r#"{"id": "2", "channel_id": "1", "guild_id": "3"}"#,
        /// );
        /// let Event::MessageDelete(deleted) = &event else { panic!("typed") };
        /// assert_eq!(deleted.id.get(), 2);
        /// assert_eq!(event.kind(), Some(EventKind::MessageDelete));
        /// ```
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $( $(#[$doc])* $variant(held!($payload $(, $boxed)?)), )+
            $( $(#[$ddoc])* $dvariant(held!($dpayload $(, $dboxed)?)), )+
            $( $(#[$sdoc])* $svariant($spayload), )+
            /// The session resumed after a reconnect (RESUMED); missed events were replayed
            /// before it.
            Resumed(Resumed),
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
                    $( Event::$dvariant(_) => Some(EventKind::$dvariant), )+
                    $( Event::$svariant(_) => Some(EventKind::$svariant), )+
                    Event::Resumed(_) => Some(EventKind::Resumed),
                    Event::SessionInvalidated { .. } | Event::Unknown(_) => None,
                }
            }

            /// Decodes a dispatch of a known kind from its JSON text; on failure gives the
            /// error and the data back (`Null` when it is not JSON).
            fn decode_str(
                kind: EventKind,
                data: &str,
            ) -> Result<Event, (crate::model::DecodeError, serde_json::Value)> {
                match kind {
                    $( EventKind::$variant => decode::typed_str::<$payload>(data)
                        .map(|payload| Event::$variant(payload.into())), )+
                    // RESUMED carries nothing: the shard reports it with its index.
                    _ => Err((
                        crate::model::DecodeError {
                            path: String::new(),
                            message: "handled by the shard".to_owned(),
                        },
                        serde_json::Value::Null,
                    )),
                }
            }
        }

        $(
            impl EventType for $spayload {
                const KIND: Option<EventKind> = Some(EventKind::$svariant);
                fn extract(event: &Event) -> Option<&Self> {
                    match event {
                        Event::$svariant(payload) => Some(payload),
                        _ => None,
                    }
                }
            }
        )+

        $(
            impl EventType for $dpayload {
                const KIND: Option<EventKind> = Some(EventKind::$dvariant);
                fn extract(event: &Event) -> Option<&Self> {
                    match event {
                        Event::$dvariant(payload) => Some(payload),
                        _ => None,
                    }
                }
            }
        )+

        $(
            impl EventType for $payload {
                const KIND: Option<EventKind> = Some(EventKind::$variant);
                fn extract(event: &Event) -> Option<&Self> {
                    match event {
                        Event::$variant(payload) => Some(payload),
                        _ => None,
                    }
                }
            }
        )+
    };
}

events! {
    /// READY: a new session began.
    Ready(Ready) boxed,
    /// RATE_LIMITED: a gateway request was rate limited.
    RateLimited(RateLimited),
    /// APPLICATION_COMMAND_PERMISSIONS_UPDATE.
    ApplicationCommandPermissionsUpdate(ApplicationCommandPermissions),
    /// AUTO_MODERATION_RULE_CREATE.
    AutoModerationRuleCreate(AutoModerationRuleCreate) boxed,
    /// AUTO_MODERATION_RULE_UPDATE.
    AutoModerationRuleUpdate(AutoModerationRuleUpdate) boxed,
    /// AUTO_MODERATION_RULE_DELETE.
    AutoModerationRuleDelete(AutoModerationRuleDelete) boxed,
    /// AUTO_MODERATION_ACTION_EXECUTION.
    AutoModerationActionExecution(AutoModerationActionExecution) boxed,
    /// CHANNEL_CREATE.
    ChannelCreate(ChannelCreate) boxed,
    /// CHANNEL_UPDATE.
    ChannelUpdate(ChannelUpdate) boxed,
    /// CHANNEL_DELETE.
    ChannelDelete(ChannelDelete) boxed,
    /// CHANNEL_INFO.
    ChannelInfo(ChannelInfo),
    /// CHANNEL_PINS_UPDATE.
    ChannelPinsUpdate(ChannelPinsUpdate),
    /// THREAD_CREATE.
    ThreadCreate(ThreadCreate) boxed,
    /// THREAD_UPDATE.
    ThreadUpdate(ThreadUpdate) boxed,
    /// THREAD_DELETE.
    ThreadDelete(ThreadDelete),
    /// THREAD_LIST_SYNC.
    ThreadListSync(ThreadListSync) boxed,
    /// THREAD_MEMBER_UPDATE.
    ThreadMemberUpdate(ThreadMemberUpdate) boxed,
    /// THREAD_MEMBERS_UPDATE.
    ThreadMembersUpdate(ThreadMembersUpdate) boxed,
    /// ENTITLEMENT_CREATE.
    EntitlementCreate(EntitlementCreate) boxed,
    /// ENTITLEMENT_UPDATE.
    EntitlementUpdate(EntitlementUpdate) boxed,
    /// ENTITLEMENT_DELETE.
    EntitlementDelete(EntitlementDelete) boxed,
    /// GUILD_CREATE: a guild became available, or the bot joined one.
    GuildCreate(GuildCreate) boxed,
    /// GUILD_UPDATE.
    GuildUpdate(GuildUpdate) boxed,
    /// GUILD_DELETE: unavailable (`unavailable: true`) or left.
    GuildDelete(GuildDelete),
    /// GUILD_AUDIT_LOG_ENTRY_CREATE.
    GuildAuditLogEntryCreate(AuditLogEntryCreate) boxed,
    /// GUILD_BAN_ADD.
    GuildBanAdd(GuildBanAdd) boxed,
    /// GUILD_BAN_REMOVE.
    GuildBanRemove(GuildBanRemove) boxed,
    /// GUILD_EMOJIS_UPDATE.
    GuildEmojisUpdate(GuildEmojisUpdate),
    /// GUILD_STICKERS_UPDATE.
    GuildStickersUpdate(GuildStickersUpdate),
    /// GUILD_INTEGRATIONS_UPDATE.
    GuildIntegrationsUpdate(GuildIntegrationsUpdate),
    /// GUILD_MEMBER_ADD.
    GuildMemberAdd(GuildMemberAdd) boxed,
    /// GUILD_MEMBER_REMOVE.
    GuildMemberRemove(GuildMemberRemove) boxed,
    /// GUILD_MEMBER_UPDATE.
    GuildMemberUpdate(GuildMemberUpdate) boxed,
    /// GUILD_MEMBERS_CHUNK.
    GuildMembersChunk(GuildMembersChunk) boxed,
    /// GUILD_ROLE_CREATE.
    GuildRoleCreate(GuildRoleCreate) boxed,
    /// GUILD_ROLE_UPDATE.
    GuildRoleUpdate(GuildRoleUpdate) boxed,
    /// GUILD_ROLE_DELETE.
    GuildRoleDelete(GuildRoleDelete),
    /// GUILD_SCHEDULED_EVENT_CREATE.
    GuildScheduledEventCreate(GuildScheduledEventCreate) boxed,
    /// GUILD_SCHEDULED_EVENT_UPDATE.
    GuildScheduledEventUpdate(GuildScheduledEventUpdate) boxed,
    /// GUILD_SCHEDULED_EVENT_DELETE.
    GuildScheduledEventDelete(GuildScheduledEventDelete) boxed,
    /// GUILD_SCHEDULED_EVENT_USER_ADD.
    GuildScheduledEventUserAdd(GuildScheduledEventUserAdd),
    /// GUILD_SCHEDULED_EVENT_USER_REMOVE.
    GuildScheduledEventUserRemove(GuildScheduledEventUserRemove),
    /// GUILD_SOUNDBOARD_SOUND_CREATE.
    GuildSoundboardSoundCreate(GuildSoundboardSoundCreate) boxed,
    /// GUILD_SOUNDBOARD_SOUND_UPDATE.
    GuildSoundboardSoundUpdate(GuildSoundboardSoundUpdate) boxed,
    /// GUILD_SOUNDBOARD_SOUND_DELETE.
    GuildSoundboardSoundDelete(GuildSoundboardSoundDelete),
    /// GUILD_SOUNDBOARD_SOUNDS_UPDATE.
    GuildSoundboardSoundsUpdate(GuildSoundboardSoundsUpdate),
    /// SOUNDBOARD_SOUNDS: the answer to Request Soundboard Sounds.
    SoundboardSounds(SoundboardSounds),
    /// INTEGRATION_CREATE.
    IntegrationCreate(IntegrationCreate) boxed,
    /// INTEGRATION_UPDATE.
    IntegrationUpdate(IntegrationUpdate) boxed,
    /// INTEGRATION_DELETE.
    IntegrationDelete(IntegrationDelete),
    /// INTERACTION_CREATE.
    InteractionCreate(InteractionCreate) boxed,
    /// INVITE_CREATE.
    InviteCreate(InviteCreate) boxed,
    /// INVITE_DELETE.
    InviteDelete(InviteDelete),
    /// MESSAGE_CREATE.
    MessageCreate(MessageCreate) boxed,
    /// MESSAGE_UPDATE (the whole message, as MESSAGE_CREATE).
    MessageUpdate(MessageUpdate) boxed,
    /// MESSAGE_DELETE.
    MessageDelete(MessageDelete),
    /// MESSAGE_DELETE_BULK.
    MessageDeleteBulk(MessageDeleteBulk),
    /// MESSAGE_REACTION_ADD.
    MessageReactionAdd(MessageReactionAdd) boxed,
    /// MESSAGE_REACTION_REMOVE.
    MessageReactionRemove(MessageReactionRemove) boxed,
    /// MESSAGE_REACTION_REMOVE_ALL.
    MessageReactionRemoveAll(MessageReactionRemoveAll),
    /// MESSAGE_REACTION_REMOVE_EMOJI.
    MessageReactionRemoveEmoji(MessageReactionRemoveEmoji) boxed,
    /// MESSAGE_POLL_VOTE_ADD.
    MessagePollVoteAdd(MessagePollVoteAdd),
    /// MESSAGE_POLL_VOTE_REMOVE.
    MessagePollVoteRemove(MessagePollVoteRemove),
    /// PRESENCE_UPDATE.
    PresenceUpdate(PresenceUpdate) boxed,
    /// STAGE_INSTANCE_CREATE.
    StageInstanceCreate(StageInstanceCreate) boxed,
    /// STAGE_INSTANCE_UPDATE.
    StageInstanceUpdate(StageInstanceUpdate) boxed,
    /// STAGE_INSTANCE_DELETE.
    StageInstanceDelete(StageInstanceDelete) boxed,
    /// SUBSCRIPTION_CREATE.
    SubscriptionCreate(SubscriptionCreate) boxed,
    /// SUBSCRIPTION_UPDATE.
    SubscriptionUpdate(SubscriptionUpdate) boxed,
    /// SUBSCRIPTION_DELETE.
    SubscriptionDelete(SubscriptionDelete) boxed,
    /// TYPING_START.
    TypingStart(TypingStart) boxed,
    /// USER_UPDATE: the bot user changed.
    UserUpdate(UserUpdate) boxed,
    /// VOICE_CHANNEL_EFFECT_SEND.
    VoiceChannelEffectSend(VoiceChannelEffectSend) boxed,
    /// VOICE_CHANNEL_START_TIME_UPDATE.
    VoiceChannelStartTimeUpdate(VoiceChannelStartTimeUpdate),
    /// VOICE_CHANNEL_STATUS_UPDATE.
    VoiceChannelStatusUpdate(VoiceChannelStatusUpdate),
    /// VOICE_STATE_UPDATE.
    VoiceStateUpdate(VoiceStateUpdate) boxed,
    /// VOICE_SERVER_UPDATE.
    VoiceServerUpdate(VoiceServerUpdate),
    /// WEBHOOKS_UPDATE.
    WebhooksUpdate(WebhooksUpdate),
    @derived {
        /// A cached message was edited (derived from MESSAGE_UPDATE).
        MessageEdited(MessageEdited) boxed,
        /// A cached message was deleted (derived from MESSAGE_DELETE).
        MessageDeleted(MessageDeleted),
        /// Cached messages were deleted at once (derived from MESSAGE_DELETE_BULK).
        MessagesBulkDeleted(MessagesBulkDeleted),
        /// A reaction to a cached message (derived from MESSAGE_REACTION_ADD).
        ReactionAdded(ReactionAdded) boxed,
        /// A reaction taken back from a cached message (derived from MESSAGE_REACTION_REMOVE).
        ReactionRemoved(ReactionRemoved) boxed,
        /// A cached message's reactions cleared (derived from MESSAGE_REACTION_REMOVE_ALL).
        ReactionsCleared(ReactionsCleared),
        /// One emoji's reactions cleared from a cached message (derived from
        /// MESSAGE_REACTION_REMOVE_EMOJI).
        ReactionEmojiCleared(ReactionEmojiCleared) boxed,
        /// A cached member changed (derived from GUILD_MEMBER_UPDATE).
        MemberUpdated(MemberUpdated) boxed,
        /// A cached user changed (derived from GUILD_MEMBER_UPDATE).
        UserUpdated(UserUpdated),
        /// A cached member left (derived from GUILD_MEMBER_REMOVE).
        MemberRemoved(MemberRemoved),
        /// The bot joined a guild (derived from GUILD_CREATE).
        GuildJoined(GuildJoined),
        /// A guild became available (derived from GUILD_CREATE).
        GuildAvailable(GuildAvailable),
        /// A cached guild changed (derived from GUILD_UPDATE).
        GuildUpdated(GuildUpdated),
        /// The bot left a cached guild (derived from GUILD_DELETE).
        GuildRemoved(GuildRemoved),
        /// A cached guild became unavailable (derived from GUILD_DELETE).
        GuildUnavailable(GuildUnavailable),
        /// A cached channel changed (derived from CHANNEL_UPDATE).
        ChannelUpdated(ChannelUpdated),
        /// A cached channel was deleted (derived from CHANNEL_DELETE).
        ChannelDeleted(ChannelDeleted),
        /// A cached thread changed (derived from THREAD_UPDATE).
        ThreadUpdated(ThreadUpdated),
        /// A cached thread was deleted (derived from THREAD_DELETE).
        ThreadDeleted(ThreadDeleted),
        /// The bot gained a thread (derived from THREAD_LIST_SYNC and others).
        ThreadJoined(ThreadJoined),
        /// The bot lost a thread (derived from THREAD_LIST_SYNC and THREAD_MEMBERS_UPDATE).
        ThreadRemoved(ThreadRemoved),
        /// A user joined a cached thread (derived from THREAD_MEMBERS_UPDATE).
        ThreadMemberJoined(ThreadMemberJoined),
        /// A thread member left a cached thread (derived from THREAD_MEMBERS_UPDATE).
        ThreadMemberRemoved(ThreadMemberRemoved),
        /// A cached role changed (derived from GUILD_ROLE_UPDATE).
        RoleUpdated(RoleUpdated),
        /// A cached role was deleted (derived from GUILD_ROLE_DELETE).
        RoleDeleted(RoleDeleted),
        /// A member's voice state changed (derived from VOICE_STATE_UPDATE).
        VoiceStateUpdated(VoiceStateUpdated),
    }
    @shard {
        /// A shard's session started (Pycord's `on_shard_connect`).
        ShardConnected(ShardConnected),
        /// A shard's guilds all arrived (Pycord's `on_shard_ready`).
        ShardReady(ShardReady),
        /// A shard's session resumed (Pycord's `on_shard_resumed`).
        ShardResumed(ShardResumed),
        /// A shard's connection ended (Pycord's `on_shard_disconnect`).
        ShardDisconnected(ShardDisconnected),
    }
}

impl Event {
    /// The event of a dispatch whose data is JSON text, decoded straight into its type (no
    /// intermediate `serde_json::Value` unless it must drop odd optional fields). Never fails:
    /// what is unknown or does not decode becomes [`Event::Unknown`] (an unreadable
    /// INTERACTION_CREATE without its token, and logged).
    ///
    /// ```
    /// use bot_core::event::{Event, EventType, MessageDelete};
    /// let event = Event::from_dispatch_json(
    ///     "MESSAGE_DELETE",
    ///     r#"{"id": "2", "channel_id": "1"}"#,
    /// );
    /// assert_eq!(MessageDelete::extract(&event).map(|m| m.id.get()), Some(2));
    /// ```
    pub fn from_dispatch_json(name: &str, data: &str) -> Event {
        let Some(kind) = EventKind::from_dispatch(name) else {
            let data = serde_json::from_str(data).unwrap_or(serde_json::Value::Null);
            return Event::Unknown(RawEvent::new(name, data));
        };
        match Event::decode_str(kind, data) {
            Ok(event) => event,
            Err((error, value)) => decode::undecodable(kind, &error, value),
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

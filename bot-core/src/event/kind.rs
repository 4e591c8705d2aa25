//! Every gateway dispatch Discord documents (developers/events/gateway-events.mdx, "Receive
//! Events"), with the names Pycord's listeners use for it and the intents it needs.

use crate::model::Intents;

/// What a row of the catalogue holds.
struct Row {
    kind: EventKind,
    dispatch: &'static str,
    pycord: &'static [&'static str],
    raw: Option<&'static str>,
    intents: Intents,
    /// For an event the cache derives: the dispatch it is derived from.
    source: Option<EventKind>,
    /// Whether the shard reports it (a connection's life), no dispatch.
    shard: bool,
}

macro_rules! catalogue {
    (
        $( $(#[$doc:meta])* $variant:ident = $dispatch:literal, [$($pycord:literal),*], $raw:expr, $intents:expr; )+
        @derived {
            $( $(#[$ddoc:meta])* $dvariant:ident = $dname:literal from $source:ident, [$($dpycord:literal),*]; )+
        }
        @shard {
            $( $(#[$sdoc:meta])* $svariant:ident = $sname:literal, [$($spycord:literal),*]; )+
        }
    ) => {
        /// A kind of event: one variant per gateway dispatch Discord documents, then one per
        /// event the [cache](crate::cache) derives from a dispatch with the state it replaced
        /// (Pycord's `on_message_edit(before, after)` and its kin; see
        /// [`source`](EventKind::source)), then one per event a shard reports about its
        /// connection (Pycord's `on_shard_connect` and its kin; see
        /// [`is_shard_event`](EventKind::is_shard_event)).
        ///
        /// ```
        /// use bot_core::event::EventKind;
        /// let kind = EventKind::from_dispatch("MESSAGE_REACTION_ADD").unwrap();
        /// assert_eq!(kind.pycord_names(), [] as [&str; 0]);
        /// assert_eq!(kind.pycord_raw_name(), Some("on_raw_reaction_add"));
        /// assert_eq!(EventKind::from_pycord_name("on_raw_reaction_add"), Some(kind));
        /// let derived = EventKind::from_pycord_name("on_reaction_add").unwrap();
        /// assert_eq!(derived, EventKind::ReactionAdded);
        /// assert_eq!(derived.source(), Some(kind));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum EventKind {
            $( $(#[$doc])* $variant, )+
            $( $(#[$ddoc])* $dvariant, )+
            $( $(#[$sdoc])* $svariant, )+
        }

        const ROWS: &[Row] = &[
            $( Row {
                kind: EventKind::$variant,
                dispatch: $dispatch,
                pycord: &[$($pycord),*],
                raw: $raw,
                intents: $intents,
                source: None,
                shard: false,
            }, )+
            $( Row {
                kind: EventKind::$dvariant,
                dispatch: $dname,
                pycord: &[$($dpycord),*],
                raw: None,
                intents: Intents::empty(),
                source: Some(EventKind::$source),
                shard: false,
            }, )+
            $( Row {
                kind: EventKind::$svariant,
                dispatch: $sname,
                pycord: &[$($spycord),*],
                raw: None,
                intents: Intents::empty(),
                source: None,
                shard: true,
            }, )+
        ];
    };
}

catalogue! {
    /// The session is ready (after IDENTIFY).
    Ready = "READY", ["on_ready", "on_connect"], None, Intents::empty();
    /// A session was resumed.
    Resumed = "RESUMED", ["on_resumed"], None, Intents::empty();
    /// A gateway request (such as Request Guild Members) was rate limited.
    RateLimited = "RATE_LIMITED", [], None, Intents::empty();
    /// A command's permissions were updated.
    ApplicationCommandPermissionsUpdate = "APPLICATION_COMMAND_PERMISSIONS_UPDATE", [], Some("on_raw_application_command_permissions_update"), Intents::empty();
    /// An auto-moderation rule was created.
    AutoModerationRuleCreate = "AUTO_MODERATION_RULE_CREATE", ["on_auto_moderation_rule_create"], None, Intents::AUTO_MODERATION_CONFIGURATION;
    /// An auto-moderation rule was updated.
    AutoModerationRuleUpdate = "AUTO_MODERATION_RULE_UPDATE", ["on_auto_moderation_rule_update"], None, Intents::AUTO_MODERATION_CONFIGURATION;
    /// An auto-moderation rule was deleted.
    AutoModerationRuleDelete = "AUTO_MODERATION_RULE_DELETE", ["on_auto_moderation_rule_delete"], None, Intents::AUTO_MODERATION_CONFIGURATION;
    /// An auto-moderation rule acted.
    AutoModerationActionExecution = "AUTO_MODERATION_ACTION_EXECUTION", ["on_auto_moderation_action_execution"], None, Intents::AUTO_MODERATION_EXECUTION;
    /// A guild channel was created.
    ChannelCreate = "CHANNEL_CREATE", ["on_guild_channel_create"], None, Intents::GUILDS;
    /// A channel was updated.
    ChannelUpdate = "CHANNEL_UPDATE", [], None, Intents::GUILDS;
    /// A channel was deleted.
    ChannelDelete = "CHANNEL_DELETE", [], None, Intents::GUILDS;
    /// The answer to Request Channel Info.
    ChannelInfo = "CHANNEL_INFO", [], None, Intents::empty();
    /// A message was pinned or unpinned.
    ChannelPinsUpdate = "CHANNEL_PINS_UPDATE", ["on_guild_channel_pins_update", "on_private_channel_pins_update"], None, Intents::GUILDS;
    /// A thread was created, or the bot was added to one.
    ThreadCreate = "THREAD_CREATE", ["on_thread_create"], None, Intents::GUILDS;
    /// A thread was updated.
    ThreadUpdate = "THREAD_UPDATE", [], Some("on_raw_thread_update"), Intents::GUILDS;
    /// A thread was deleted.
    ThreadDelete = "THREAD_DELETE", [], Some("on_raw_thread_delete"), Intents::GUILDS;
    /// The bot gained access to a channel's threads.
    ThreadListSync = "THREAD_LIST_SYNC", [], None, Intents::GUILDS;
    /// The bot's thread member was updated.
    ThreadMemberUpdate = "THREAD_MEMBER_UPDATE", [], None, Intents::GUILDS;
    /// Users were added to or removed from a thread.
    ThreadMembersUpdate = "THREAD_MEMBERS_UPDATE", [], Some("on_raw_thread_member_remove"), Intents::GUILD_MEMBERS;
    /// An entitlement was created.
    EntitlementCreate = "ENTITLEMENT_CREATE", ["on_entitlement_create"], None, Intents::empty();
    /// An entitlement was updated or renewed.
    EntitlementUpdate = "ENTITLEMENT_UPDATE", ["on_entitlement_update"], None, Intents::empty();
    /// An entitlement was deleted.
    EntitlementDelete = "ENTITLEMENT_DELETE", ["on_entitlement_delete"], None, Intents::empty();
    /// A guild became available, or the bot joined one.
    GuildCreate = "GUILD_CREATE", [], None, Intents::GUILDS;
    /// A guild was updated.
    GuildUpdate = "GUILD_UPDATE", [], None, Intents::GUILDS;
    /// A guild became unavailable, or the bot left it.
    GuildDelete = "GUILD_DELETE", [], None, Intents::GUILDS;
    /// An audit-log entry was created.
    GuildAuditLogEntryCreate = "GUILD_AUDIT_LOG_ENTRY_CREATE", ["on_audit_log_entry"], Some("on_raw_audit_log_entry"), Intents::GUILD_MODERATION;
    /// A user was banned.
    GuildBanAdd = "GUILD_BAN_ADD", ["on_member_ban"], None, Intents::GUILD_MODERATION;
    /// A user was unbanned.
    GuildBanRemove = "GUILD_BAN_REMOVE", ["on_member_unban"], None, Intents::GUILD_MODERATION;
    /// A guild's emojis changed.
    GuildEmojisUpdate = "GUILD_EMOJIS_UPDATE", ["on_guild_emojis_update"], None, Intents::GUILD_EXPRESSIONS;
    /// A guild's stickers changed.
    GuildStickersUpdate = "GUILD_STICKERS_UPDATE", ["on_guild_stickers_update"], None, Intents::GUILD_EXPRESSIONS;
    /// A guild's integrations changed.
    GuildIntegrationsUpdate = "GUILD_INTEGRATIONS_UPDATE", ["on_guild_integrations_update"], None, Intents::GUILD_INTEGRATIONS;
    /// A user joined a guild.
    GuildMemberAdd = "GUILD_MEMBER_ADD", ["on_member_join"], None, Intents::GUILD_MEMBERS;
    /// A user left or was removed from a guild.
    GuildMemberRemove = "GUILD_MEMBER_REMOVE", [], Some("on_raw_member_remove"), Intents::GUILD_MEMBERS;
    /// A guild member was updated.
    GuildMemberUpdate = "GUILD_MEMBER_UPDATE", [], Some("on_raw_member_update"), Intents::GUILD_MEMBERS;
    /// The answer to Request Guild Members.
    GuildMembersChunk = "GUILD_MEMBERS_CHUNK", [], None, Intents::empty();
    /// A role was created.
    GuildRoleCreate = "GUILD_ROLE_CREATE", ["on_guild_role_create"], None, Intents::GUILDS;
    /// A role was updated.
    GuildRoleUpdate = "GUILD_ROLE_UPDATE", [], None, Intents::GUILDS;
    /// A role was deleted.
    GuildRoleDelete = "GUILD_ROLE_DELETE", [], None, Intents::GUILDS;
    /// A scheduled event was created.
    GuildScheduledEventCreate = "GUILD_SCHEDULED_EVENT_CREATE", ["on_scheduled_event_create"], None, Intents::GUILD_SCHEDULED_EVENTS;
    /// A scheduled event was updated.
    GuildScheduledEventUpdate = "GUILD_SCHEDULED_EVENT_UPDATE", ["on_scheduled_event_update"], None, Intents::GUILD_SCHEDULED_EVENTS;
    /// A scheduled event was deleted.
    GuildScheduledEventDelete = "GUILD_SCHEDULED_EVENT_DELETE", ["on_scheduled_event_delete"], None, Intents::GUILD_SCHEDULED_EVENTS;
    /// A user subscribed to a scheduled event.
    GuildScheduledEventUserAdd = "GUILD_SCHEDULED_EVENT_USER_ADD", ["on_scheduled_event_user_add"], Some("on_raw_scheduled_event_user_add"), Intents::GUILD_SCHEDULED_EVENTS;
    /// A user unsubscribed from a scheduled event.
    GuildScheduledEventUserRemove = "GUILD_SCHEDULED_EVENT_USER_REMOVE", ["on_scheduled_event_user_remove"], Some("on_raw_scheduled_event_user_remove"), Intents::GUILD_SCHEDULED_EVENTS;
    /// A soundboard sound was created.
    GuildSoundboardSoundCreate = "GUILD_SOUNDBOARD_SOUND_CREATE", ["on_soundboard_sound_create"], None, Intents::GUILD_EXPRESSIONS;
    /// A soundboard sound was updated.
    GuildSoundboardSoundUpdate = "GUILD_SOUNDBOARD_SOUND_UPDATE", ["on_soundboard_sound_update"], Some("on_raw_soundboard_sound_update"), Intents::GUILD_EXPRESSIONS;
    /// A soundboard sound was deleted.
    GuildSoundboardSoundDelete = "GUILD_SOUNDBOARD_SOUND_DELETE", ["on_soundboard_sound_delete"], Some("on_raw_soundboard_sound_delete"), Intents::GUILD_EXPRESSIONS;
    /// A guild's soundboard sounds were updated.
    GuildSoundboardSoundsUpdate = "GUILD_SOUNDBOARD_SOUNDS_UPDATE", ["on_soundboard_sounds_update"], Some("on_raw_soundboard_sounds_update"), Intents::GUILD_EXPRESSIONS;
    /// The answer to Request Soundboard Sounds.
    SoundboardSounds = "SOUNDBOARD_SOUNDS", [], None, Intents::empty();
    /// An integration was created.
    IntegrationCreate = "INTEGRATION_CREATE", ["on_integration_create"], None, Intents::GUILD_INTEGRATIONS;
    /// An integration was updated.
    IntegrationUpdate = "INTEGRATION_UPDATE", ["on_integration_update"], None, Intents::GUILD_INTEGRATIONS;
    /// An integration was deleted.
    IntegrationDelete = "INTEGRATION_DELETE", [], Some("on_raw_integration_delete"), Intents::GUILD_INTEGRATIONS;
    /// A user used a command, a component or a modal.
    InteractionCreate = "INTERACTION_CREATE", ["on_interaction"], None, Intents::empty();
    /// An invite was created.
    InviteCreate = "INVITE_CREATE", ["on_invite_create"], None, Intents::GUILD_INVITES;
    /// An invite was deleted.
    InviteDelete = "INVITE_DELETE", ["on_invite_delete"], None, Intents::GUILD_INVITES;
    /// A message was sent.
    MessageCreate = "MESSAGE_CREATE", ["on_message"], None, Intents::GUILD_MESSAGES.union(Intents::DIRECT_MESSAGES);
    /// A message was edited.
    MessageUpdate = "MESSAGE_UPDATE", [], Some("on_raw_message_edit"), Intents::GUILD_MESSAGES.union(Intents::DIRECT_MESSAGES);
    /// A message was deleted.
    MessageDelete = "MESSAGE_DELETE", [], Some("on_raw_message_delete"), Intents::GUILD_MESSAGES.union(Intents::DIRECT_MESSAGES);
    /// Messages were deleted at once.
    MessageDeleteBulk = "MESSAGE_DELETE_BULK", [], Some("on_raw_bulk_message_delete"), Intents::GUILD_MESSAGES;
    /// A user reacted to a message.
    MessageReactionAdd = "MESSAGE_REACTION_ADD", [], Some("on_raw_reaction_add"), Intents::GUILD_MESSAGE_REACTIONS.union(Intents::DIRECT_MESSAGE_REACTIONS);
    /// A user removed a reaction.
    MessageReactionRemove = "MESSAGE_REACTION_REMOVE", [], Some("on_raw_reaction_remove"), Intents::GUILD_MESSAGE_REACTIONS.union(Intents::DIRECT_MESSAGE_REACTIONS);
    /// Every reaction of a message was removed.
    MessageReactionRemoveAll = "MESSAGE_REACTION_REMOVE_ALL", [], Some("on_raw_reaction_clear"), Intents::GUILD_MESSAGE_REACTIONS.union(Intents::DIRECT_MESSAGE_REACTIONS);
    /// Every reaction of one emoji was removed.
    MessageReactionRemoveEmoji = "MESSAGE_REACTION_REMOVE_EMOJI", [], Some("on_raw_reaction_clear_emoji"), Intents::GUILD_MESSAGE_REACTIONS.union(Intents::DIRECT_MESSAGE_REACTIONS);
    /// A user voted in a poll.
    MessagePollVoteAdd = "MESSAGE_POLL_VOTE_ADD", ["on_poll_vote_add"], Some("on_raw_poll_vote_add"), Intents::GUILD_MESSAGE_POLLS.union(Intents::DIRECT_MESSAGE_POLLS);
    /// A user took back a poll vote.
    MessagePollVoteRemove = "MESSAGE_POLL_VOTE_REMOVE", ["on_poll_vote_remove"], Some("on_raw_poll_vote_remove"), Intents::GUILD_MESSAGE_POLLS.union(Intents::DIRECT_MESSAGE_POLLS);
    /// A user's presence was updated.
    PresenceUpdate = "PRESENCE_UPDATE", ["on_presence_update"], None, Intents::GUILD_PRESENCES;
    /// A stage instance was created.
    StageInstanceCreate = "STAGE_INSTANCE_CREATE", ["on_stage_instance_create"], None, Intents::GUILDS;
    /// A stage instance was updated.
    StageInstanceUpdate = "STAGE_INSTANCE_UPDATE", ["on_stage_instance_update"], None, Intents::GUILDS;
    /// A stage instance was deleted or closed.
    StageInstanceDelete = "STAGE_INSTANCE_DELETE", ["on_stage_instance_delete"], None, Intents::GUILDS;
    /// A premium app subscription was created.
    SubscriptionCreate = "SUBSCRIPTION_CREATE", ["on_subscription_create"], None, Intents::empty();
    /// A premium app subscription was updated.
    SubscriptionUpdate = "SUBSCRIPTION_UPDATE", ["on_subscription_update"], None, Intents::empty();
    /// A premium app subscription was deleted.
    SubscriptionDelete = "SUBSCRIPTION_DELETE", ["on_subscription_delete"], None, Intents::empty();
    /// A user started typing.
    TypingStart = "TYPING_START", ["on_typing"], Some("on_raw_typing"), Intents::GUILD_MESSAGE_TYPING.union(Intents::DIRECT_MESSAGE_TYPING);
    /// The bot user was updated.
    UserUpdate = "USER_UPDATE", [], None, Intents::empty();
    /// Someone sent an effect in a voice channel.
    VoiceChannelEffectSend = "VOICE_CHANNEL_EFFECT_SEND", ["on_voice_channel_effect_send"], None, Intents::GUILD_VOICE_STATES;
    /// A voice channel's start time was updated.
    VoiceChannelStartTimeUpdate = "VOICE_CHANNEL_START_TIME_UPDATE", [], None, Intents::GUILDS;
    /// A voice channel's status was updated.
    VoiceChannelStatusUpdate = "VOICE_CHANNEL_STATUS_UPDATE", ["on_voice_channel_status_update"], Some("on_raw_voice_channel_status_update"), Intents::GUILDS;
    /// Someone joined, left or moved in voice.
    VoiceStateUpdate = "VOICE_STATE_UPDATE", [], None, Intents::GUILD_VOICE_STATES;
    /// A guild's voice server was updated.
    VoiceServerUpdate = "VOICE_SERVER_UPDATE", [], None, Intents::empty();
    /// A channel's webhooks changed.
    WebhooksUpdate = "WEBHOOKS_UPDATE", ["on_webhooks_update"], None, Intents::GUILD_WEBHOOKS;

    @derived {
        /// A cached message was edited (from MESSAGE_UPDATE): [`MessageEdited`](super::MessageEdited).
        MessageEdited = "MESSAGE_EDITED" from MessageUpdate, ["on_message_edit"];
        /// A cached message was deleted (from MESSAGE_DELETE): [`MessageDeleted`](super::MessageDeleted).
        MessageDeleted = "MESSAGE_DELETED" from MessageDelete, ["on_message_delete"];
        /// Cached messages were deleted at once (from MESSAGE_DELETE_BULK).
        MessagesBulkDeleted = "MESSAGES_BULK_DELETED" from MessageDeleteBulk, ["on_bulk_message_delete"];
        /// A reaction to a cached message (from MESSAGE_REACTION_ADD).
        ReactionAdded = "REACTION_ADDED" from MessageReactionAdd, ["on_reaction_add"];
        /// A reaction taken back from a cached message (from MESSAGE_REACTION_REMOVE).
        ReactionRemoved = "REACTION_REMOVED" from MessageReactionRemove, ["on_reaction_remove"];
        /// Every reaction of a cached message removed (from MESSAGE_REACTION_REMOVE_ALL).
        ReactionsCleared = "REACTIONS_CLEARED" from MessageReactionRemoveAll, ["on_reaction_clear"];
        /// One emoji's reactions removed from a cached message (from MESSAGE_REACTION_REMOVE_EMOJI).
        ReactionEmojiCleared = "REACTION_EMOJI_CLEARED" from MessageReactionRemoveEmoji, ["on_reaction_clear_emoji"];
        /// A cached member changed (from GUILD_MEMBER_UPDATE).
        MemberUpdated = "MEMBER_UPDATED" from GuildMemberUpdate, ["on_member_update"];
        /// A cached user's profile changed (from GUILD_MEMBER_UPDATE).
        UserUpdated = "USER_UPDATED" from GuildMemberUpdate, ["on_user_update"];
        /// A cached member left or was removed (from GUILD_MEMBER_REMOVE).
        MemberRemoved = "MEMBER_REMOVED" from GuildMemberRemove, ["on_member_remove"];
        /// The bot joined a guild (from GUILD_CREATE).
        GuildJoined = "GUILD_JOINED" from GuildCreate, ["on_guild_join"];
        /// An unavailable guild became available (from GUILD_CREATE).
        GuildAvailable = "GUILD_AVAILABLE" from GuildCreate, ["on_guild_available"];
        /// A cached guild changed (from GUILD_UPDATE).
        GuildUpdated = "GUILD_UPDATED" from GuildUpdate, ["on_guild_update"];
        /// The bot left a cached guild, or was removed (from GUILD_DELETE).
        GuildRemoved = "GUILD_REMOVED" from GuildDelete, ["on_guild_remove"];
        /// A cached guild became unavailable (from GUILD_DELETE).
        GuildUnavailable = "GUILD_UNAVAILABLE" from GuildDelete, ["on_guild_unavailable"];
        /// A cached channel changed (from CHANNEL_UPDATE).
        ChannelUpdated = "CHANNEL_UPDATED" from ChannelUpdate, ["on_guild_channel_update", "on_private_channel_update"];
        /// A cached channel was deleted (from CHANNEL_DELETE).
        ChannelDeleted = "CHANNEL_DELETED" from ChannelDelete, ["on_guild_channel_delete"];
        /// A cached thread changed (from THREAD_UPDATE).
        ThreadUpdated = "THREAD_UPDATED" from ThreadUpdate, ["on_thread_update"];
        /// A cached thread was deleted (from THREAD_DELETE).
        ThreadDeleted = "THREAD_DELETED" from ThreadDelete, ["on_thread_delete"];
        /// The bot gained a thread (from THREAD_LIST_SYNC; THREAD_CREATE, THREAD_UPDATE and
        /// THREAD_MEMBERS_UPDATE derive it too).
        ThreadJoined = "THREAD_JOINED" from ThreadListSync, ["on_thread_join"];
        /// The bot lost a thread (from THREAD_LIST_SYNC; THREAD_MEMBERS_UPDATE derives it too).
        ThreadRemoved = "THREAD_REMOVED" from ThreadListSync, ["on_thread_remove"];
        /// A user joined a cached thread (from THREAD_MEMBERS_UPDATE).
        ThreadMemberJoined = "THREAD_MEMBER_JOINED" from ThreadMembersUpdate, ["on_thread_member_join"];
        /// A cached thread member left (from THREAD_MEMBERS_UPDATE).
        ThreadMemberRemoved = "THREAD_MEMBER_REMOVED" from ThreadMembersUpdate, ["on_thread_member_remove"];
        /// A cached role changed (from GUILD_ROLE_UPDATE).
        RoleUpdated = "ROLE_UPDATED" from GuildRoleUpdate, ["on_guild_role_update"];
        /// A cached role was deleted (from GUILD_ROLE_DELETE).
        RoleDeleted = "ROLE_DELETED" from GuildRoleDelete, ["on_guild_role_delete"];
        /// A member's voice state changed in a cached guild (from VOICE_STATE_UPDATE).
        VoiceStateUpdated = "VOICE_STATE_UPDATED" from VoiceStateUpdate, ["on_voice_state_update"];
    }

    @shard {
        /// A shard's session started (READY): [`ShardConnected`](super::ShardConnected).
        ShardConnected = "SHARD_CONNECTED", ["on_shard_connect"];
        /// A shard's guilds all arrived after READY: [`ShardReady`](super::ShardReady).
        ShardReady = "SHARD_READY", ["on_shard_ready"];
        /// A shard's session resumed (RESUMED): [`ShardResumed`](super::ShardResumed).
        ShardResumed = "SHARD_RESUMED", ["on_shard_resumed"];
        /// A shard's connection ended: [`ShardDisconnected`](super::ShardDisconnected).
        ShardDisconnected = "SHARD_DISCONNECTED", ["on_shard_disconnect"];
    }
}

impl EventKind {
    /// Every kind: the dispatches in the docs' order, then the derived events.
    pub fn all() -> impl Iterator<Item = EventKind> {
        ROWS.iter().map(|row| row.kind)
    }

    /// The dispatch the cache derives this event from (`None`: a dispatch of its own).
    ///
    /// A derived event follows its dispatch, with the state the dispatch replaced, and only
    /// when that state was cached — py-cord 2.8.1's rule: `on_raw_message_edit` (the
    /// [`MessageUpdate`](super::MessageUpdate) dispatch) always, `on_message_edit`
    /// ([`MessageEdited`](super::MessageEdited)) when the message was cached. With the cache
    /// off, or the resource not kept ([`CacheConfig`](crate::cache::CacheConfig)), none
    /// fires.
    pub fn source(self) -> Option<EventKind> {
        self.row().source
    }

    /// Whether the cache derives this event (see [`source`](Self::source)).
    pub fn is_derived(self) -> bool {
        self.row().source.is_some()
    }

    /// Whether a shard reports this event about its connection (Pycord's `on_shard_connect`,
    /// `on_shard_ready`, `on_shard_resumed`, `on_shard_disconnect`): no dispatch carries it,
    /// and only the consumers of its kind get it (not those of every event).
    ///
    /// ```
    /// use bot_core::event::EventKind;
    /// let kind = EventKind::from_pycord_name("on_shard_ready").unwrap();
    /// assert!(kind.is_shard_event());
    /// assert_eq!(EventKind::from_dispatch(kind.dispatch_name()), None);
    /// ```
    pub fn is_shard_event(self) -> bool {
        self.row().shard
    }

    fn row(self) -> &'static Row {
        // ROWS lists every variant once, in declaration order.
        &ROWS[self as usize]
    }

    /// The dispatch name on the wire (`MESSAGE_CREATE`); a derived event's own name
    /// (`MESSAGE_EDITED`), which no dispatch has.
    pub fn dispatch_name(self) -> &'static str {
        self.row().dispatch
    }

    /// The kind of a dispatch name, if Discord documents it.
    pub fn from_dispatch(name: &str) -> Option<EventKind> {
        ROWS.iter()
            .find(|row| row.source.is_none() && !row.shard && row.dispatch == name)
            .map(|row| row.kind)
    }

    /// The names of the Pycord listeners this dispatch triggers (`on_message`), empty when
    /// Pycord has none but a raw one.
    pub fn pycord_names(self) -> &'static [&'static str] {
        self.row().pycord
    }

    /// The name of Pycord's raw listener for this dispatch (`on_raw_reaction_add`), which runs
    /// whether or not the objects involved are cached.
    pub fn pycord_raw_name(self) -> Option<&'static str> {
        self.row().raw
    }

    /// The kind a Pycord listener name listens to (`on_message`, `on_raw_message_delete`).
    pub fn from_pycord_name(name: &str) -> Option<EventKind> {
        ROWS.iter()
            .find(|row| row.pycord.contains(&name) || row.raw == Some(name))
            .map(|row| row.kind)
    }

    /// The intents that deliver this dispatch (any one of them; a derived event's are its
    /// dispatch's); empty when it is always sent.
    pub fn intents(self) -> Intents {
        match self.row().source {
            Some(source) => source.row().intents,
            None => self.row().intents,
        }
    }

    /// Every kind Pycord fires the listener `name` for (`on_ready` and `on_connect` are READY;
    /// `on_thread_join` is the derived [`ThreadJoined`](EventKind::ThreadJoined), whichever
    /// dispatch it comes from).
    ///
    /// ```
    /// use bot_core::event::EventKind;
    /// assert_eq!(EventKind::all_with_pycord_name("on_message").collect::<Vec<_>>(), [EventKind::MessageCreate]);
    /// assert_eq!(EventKind::all_with_pycord_name("on_thread_join").collect::<Vec<_>>(), [EventKind::ThreadJoined]);
    /// ```
    pub fn all_with_pycord_name(name: &str) -> impl Iterator<Item = EventKind> + '_ {
        ROWS.iter()
            .filter(move |row| row.pycord.contains(&name) || row.raw == Some(name))
            .map(|row| row.kind)
    }

    /// Whether Pycord calls the listener `name` for this kind (also at compile time).
    pub const fn has_pycord_name(self, name: &str) -> bool {
        let row = &ROWS[self as usize];
        let mut i = 0;
        while i < row.pycord.len() {
            if str_eq(row.pycord[i], name) {
                return true;
            }
            i += 1;
        }
        matches!(row.raw, Some(raw) if str_eq(raw, name))
    }

    /// Whether any kind has the Pycord listener name `name` (also at compile time).
    pub const fn is_pycord_name(name: &str) -> bool {
        let mut i = 0;
        while i < ROWS.len() {
            if ROWS[i].kind.has_pycord_name(name) {
                return true;
            }
            i += 1;
        }
        false
    }
}

/// `a == b`, in a `const fn`.
const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_follow_the_variants() {
        for (i, kind) in EventKind::all().enumerate() {
            assert_eq!(kind as usize, i, "{kind:?}");
            let dispatch = EventKind::from_dispatch(kind.dispatch_name());
            match kind.source() {
                None if kind.is_shard_event() => {
                    assert_eq!(dispatch, None, "{kind:?}");
                    assert!(kind.intents().is_empty());
                }
                None => assert_eq!(dispatch, Some(kind)),
                Some(source) => {
                    assert_eq!(dispatch, None, "{kind:?}");
                    assert!(!source.is_derived());
                    assert_eq!(kind.intents(), source.intents());
                    assert!(kind.pycord_raw_name().is_none());
                }
            }
        }
        assert_eq!(EventKind::all().count(), ROWS.len());
    }

    #[test]
    fn pycord_names_are_unique_to_one_dispatch_or_shared_on_purpose() {
        // Pycord fires a few listeners from several dispatches (thread joins, user updates).
        let shared = ["on_ready"];
        let mut seen = std::collections::HashMap::new();
        for kind in EventKind::all() {
            for name in kind
                .pycord_names()
                .iter()
                .chain(kind.pycord_raw_name().iter())
            {
                assert!(name.starts_with("on_"), "{name}");
                if let Some(other) = seen.insert(*name, kind) {
                    assert!(shared.contains(name), "{name}: {other:?} and {kind:?}");
                }
            }
        }
        assert_eq!(
            EventKind::from_pycord_name("on_message"),
            Some(EventKind::MessageCreate)
        );
        assert_eq!(EventKind::from_pycord_name("message"), None);
    }

    #[test]
    fn intents_match_the_docs() {
        assert_eq!(
            EventKind::MessageCreate.intents(),
            Intents::GUILD_MESSAGES | Intents::DIRECT_MESSAGES
        );
        assert!(EventKind::InteractionCreate.intents().is_empty());
        assert_eq!(EventKind::GuildMemberAdd.intents(), Intents::GUILD_MEMBERS);
    }
}

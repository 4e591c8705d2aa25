//! Events whose payload is an object other events carry too (a [`Message`] is both
//! MESSAGE_CREATE's and MESSAGE_UPDATE's): each gets a type of its own named after the dispatch,
//! so a listener's parameter type says which event it wants. Each wraps its object, derefs to it
//! and gives it back with `into_inner`.

use super::payload::{
    GuildBan, GuildRoleEvent, IntegrationEvent, MessagePollVote, ScheduledEventUserEvent,
    SoundboardSounds,
};
use crate::model::{
    AutoModerationRule, Channel, Entitlement, Guild, Interaction, Message, Presence,
    ScheduledEvent, SoundboardSound, StageInstance, Subscription, UnavailableGuild, User,
    VoiceState,
};
use serde::{Deserialize, Serialize};

macro_rules! wrappers {
    ($( $(#[$doc:meta])* $name:ident($inner:ty); )+) => { $(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $inner);

        impl $name {
            /// The object this event carries.
            pub fn into_inner(self) -> $inner {
                self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = $inner;
            fn deref(&self) -> &$inner {
                &self.0
            }
        }

        impl std::ops::DerefMut for $name {
            fn deref_mut(&mut self) -> &mut $inner {
                &mut self.0
            }
        }

        impl From<$inner> for $name {
            fn from(inner: $inner) -> Self {
                $name(inner)
            }
        }
    )+ };
}

wrappers! {
    /// AUTO_MODERATION_RULE_CREATE: the event's [`AutoModerationRule`].
    AutoModerationRuleCreate(AutoModerationRule);
    /// AUTO_MODERATION_RULE_UPDATE: the event's [`AutoModerationRule`].
    AutoModerationRuleUpdate(AutoModerationRule);
    /// AUTO_MODERATION_RULE_DELETE: the event's [`AutoModerationRule`].
    AutoModerationRuleDelete(AutoModerationRule);
    /// CHANNEL_CREATE: the event's [`Channel`].
    ChannelCreate(Channel);
    /// CHANNEL_UPDATE: the event's [`Channel`].
    ChannelUpdate(Channel);
    /// CHANNEL_DELETE: the event's [`Channel`].
    ChannelDelete(Channel);
    /// THREAD_UPDATE: the event's [`Channel`].
    ThreadUpdate(Channel);
    /// ENTITLEMENT_CREATE: the event's [`Entitlement`].
    EntitlementCreate(Entitlement);
    /// ENTITLEMENT_UPDATE: the event's [`Entitlement`].
    EntitlementUpdate(Entitlement);
    /// ENTITLEMENT_DELETE: the event's [`Entitlement`].
    EntitlementDelete(Entitlement);
    /// GUILD_CREATE: the event's [`Guild`].
    GuildCreate(Guild);
    /// GUILD_UPDATE: the event's [`Guild`].
    GuildUpdate(Guild);
    /// GUILD_DELETE: the event's [`UnavailableGuild`].
    GuildDelete(UnavailableGuild);
    /// GUILD_BAN_ADD: the event's [`GuildBan`].
    GuildBanAdd(GuildBan);
    /// GUILD_BAN_REMOVE: the event's [`GuildBan`].
    GuildBanRemove(GuildBan);
    /// GUILD_ROLE_CREATE: the event's [`GuildRoleEvent`].
    GuildRoleCreate(GuildRoleEvent);
    /// GUILD_ROLE_UPDATE: the event's [`GuildRoleEvent`].
    GuildRoleUpdate(GuildRoleEvent);
    /// GUILD_SCHEDULED_EVENT_CREATE: the event's [`ScheduledEvent`].
    GuildScheduledEventCreate(ScheduledEvent);
    /// GUILD_SCHEDULED_EVENT_UPDATE: the event's [`ScheduledEvent`].
    GuildScheduledEventUpdate(ScheduledEvent);
    /// GUILD_SCHEDULED_EVENT_DELETE: the event's [`ScheduledEvent`].
    GuildScheduledEventDelete(ScheduledEvent);
    /// GUILD_SCHEDULED_EVENT_USER_ADD: the event's [`ScheduledEventUserEvent`].
    GuildScheduledEventUserAdd(ScheduledEventUserEvent);
    /// GUILD_SCHEDULED_EVENT_USER_REMOVE: the event's [`ScheduledEventUserEvent`].
    GuildScheduledEventUserRemove(ScheduledEventUserEvent);
    /// GUILD_SOUNDBOARD_SOUND_CREATE: the event's [`SoundboardSound`].
    GuildSoundboardSoundCreate(SoundboardSound);
    /// GUILD_SOUNDBOARD_SOUND_UPDATE: the event's [`SoundboardSound`].
    GuildSoundboardSoundUpdate(SoundboardSound);
    /// GUILD_SOUNDBOARD_SOUNDS_UPDATE: the event's [`SoundboardSounds`].
    GuildSoundboardSoundsUpdate(SoundboardSounds);
    /// INTEGRATION_CREATE: the event's [`IntegrationEvent`].
    IntegrationCreate(IntegrationEvent);
    /// INTEGRATION_UPDATE: the event's [`IntegrationEvent`].
    IntegrationUpdate(IntegrationEvent);
    /// INTERACTION_CREATE: the event's [`Interaction`].
    InteractionCreate(Interaction);
    /// MESSAGE_CREATE: the event's [`Message`].
    MessageCreate(Message);
    /// MESSAGE_UPDATE: the event's [`Message`].
    MessageUpdate(Message);
    /// MESSAGE_POLL_VOTE_ADD: the event's [`MessagePollVote`].
    MessagePollVoteAdd(MessagePollVote);
    /// MESSAGE_POLL_VOTE_REMOVE: the event's [`MessagePollVote`].
    MessagePollVoteRemove(MessagePollVote);
    /// PRESENCE_UPDATE: the event's [`Presence`].
    PresenceUpdate(Presence);
    /// STAGE_INSTANCE_CREATE: the event's [`StageInstance`].
    StageInstanceCreate(StageInstance);
    /// STAGE_INSTANCE_UPDATE: the event's [`StageInstance`].
    StageInstanceUpdate(StageInstance);
    /// STAGE_INSTANCE_DELETE: the event's [`StageInstance`].
    StageInstanceDelete(StageInstance);
    /// SUBSCRIPTION_CREATE: the event's [`Subscription`].
    SubscriptionCreate(Subscription);
    /// SUBSCRIPTION_UPDATE: the event's [`Subscription`].
    SubscriptionUpdate(Subscription);
    /// SUBSCRIPTION_DELETE: the event's [`Subscription`].
    SubscriptionDelete(Subscription);
    /// USER_UPDATE: the event's [`User`].
    UserUpdate(User);
    /// VOICE_STATE_UPDATE: the event's [`VoiceState`].
    VoiceStateUpdate(VoiceState);
}

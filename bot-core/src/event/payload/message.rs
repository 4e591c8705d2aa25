//! Message, reaction and poll-vote dispatches.

use crate::model::enums::int_enum;
use crate::model::{
    ChannelMarker, GuildMarker, Id, MessageMarker, PartialEmoji, PartialMember, UserMarker,
};
use serde::{Deserialize, Serialize};

/// MESSAGE_DELETE: a message was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageDelete {
    /// The message.
    pub id: Id<MessageMarker>,
    /// Its channel.
    pub channel_id: Id<ChannelMarker>,
    /// Its guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
}

/// MESSAGE_DELETE_BULK: messages were deleted at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageDeleteBulk {
    /// The messages.
    pub ids: Vec<Id<MessageMarker>>,
    /// Their channel.
    pub channel_id: Id<ChannelMarker>,
    /// Their guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
}

int_enum! {
    /// A reaction's kind.
    #[derive(Default)]
    pub enum ReactionType: u8 {
        /// A normal reaction.
        #[default]
        Normal = 0,
        /// A super (burst) reaction.
        Burst = 1,
    }
}

/// MESSAGE_REACTION_ADD: a user reacted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageReactionAdd {
    /// Who reacted.
    pub user_id: Id<UserMarker>,
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The message.
    pub message_id: Id<MessageMarker>,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Who reacted, as a member (in a guild).
    #[serde(default)]
    pub member: Option<Box<PartialMember>>,
    /// The emoji.
    pub emoji: PartialEmoji,
    /// Who wrote the message.
    #[serde(default)]
    pub message_author_id: Option<Id<UserMarker>>,
    /// A super reaction.
    #[serde(default)]
    pub burst: bool,
    /// The super reaction's colours (`#rrggbb`).
    #[serde(default)]
    pub burst_colors: Vec<Box<str>>,
    /// The reaction's kind.
    #[serde(rename = "type", default)]
    pub kind: ReactionType,
}

/// MESSAGE_REACTION_REMOVE: a user took a reaction back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageReactionRemove {
    /// Who reacted.
    pub user_id: Id<UserMarker>,
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The message.
    pub message_id: Id<MessageMarker>,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The emoji.
    pub emoji: PartialEmoji,
    /// A super reaction.
    #[serde(default)]
    pub burst: bool,
    /// The reaction's kind.
    #[serde(rename = "type", default)]
    pub kind: ReactionType,
}

/// MESSAGE_REACTION_REMOVE_ALL: every reaction of a message was removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageReactionRemoveAll {
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The message.
    pub message_id: Id<MessageMarker>,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
}

/// MESSAGE_REACTION_REMOVE_EMOJI: every reaction of one emoji was removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageReactionRemoveEmoji {
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The message.
    pub message_id: Id<MessageMarker>,
    /// The emoji.
    pub emoji: PartialEmoji,
}

/// MESSAGE_POLL_VOTE_ADD and _REMOVE: a user voted, or took a vote back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagePollVote {
    /// The voter.
    pub user_id: Id<UserMarker>,
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The poll's message.
    pub message_id: Id<MessageMarker>,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The answer (ids start at 1).
    pub answer_id: u32,
}

//! What channel routes list: threads with the bot's memberships, pinned messages, a followed
//! announcement channel, and the voters of a poll answer.

use crate::model::{
    Channel, ChannelMarker, Id, Message, ThreadMember, Timestamp, User, WebhookMarker,
};
use serde::{Deserialize, Serialize};

/// A page of threads (active or archived) and the bot's memberships in them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadList {
    /// The threads.
    #[serde(default)]
    pub threads: Vec<Channel>,
    /// The bot's membership of each thread it joined.
    #[serde(default)]
    pub members: Vec<ThreadMember>,
    /// Whether older threads are left.
    #[serde(default)]
    pub has_more: bool,
}

/// A pinned message and when it was pinned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagePin {
    /// When it was pinned.
    pub pinned_at: Timestamp,
    /// The message.
    pub message: Message,
}

/// A page of pins, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagePins {
    /// The pins.
    #[serde(default)]
    pub items: Vec<MessagePin>,
    /// Whether older pins are left.
    #[serde(default)]
    pub has_more: bool,
}

/// An announcement channel followed into another channel: the webhook that posts there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FollowedChannel {
    /// The announcement channel.
    pub channel_id: Id<ChannelMarker>,
    /// The webhook made in the target channel.
    pub webhook_id: Id<WebhookMarker>,
}

/// A page of the users who voted for a poll answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PollAnswerVoters {
    /// The voters.
    #[serde(default)]
    pub users: Vec<User>,
}

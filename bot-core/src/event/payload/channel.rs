//! Channel and thread dispatches.

use crate::model::{
    Channel, ChannelMarker, ChannelType, GuildMarker, Id, ThreadMember, Timestamp, UserMarker,
};
use serde::{Deserialize, Serialize};

/// CHANNEL_PINS_UPDATE: a message was pinned or unpinned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPinsUpdate {
    /// The guild, if any.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// When the newest pin was made.
    #[serde(default)]
    pub last_pin_timestamp: Option<Timestamp>,
}

/// THREAD_CREATE: a thread was created, or the bot was added to a private one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadCreate {
    /// The thread.
    #[serde(flatten)]
    pub thread: Channel,
    /// Whether it was just created (not only shared with the bot).
    #[serde(default)]
    pub newly_created: bool,
}

/// THREAD_DELETE: a thread was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadDelete {
    /// The thread.
    pub id: Id<ChannelMarker>,
    /// Its guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Its parent channel.
    #[serde(default)]
    pub parent_id: Option<Id<ChannelMarker>>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
}

/// THREAD_LIST_SYNC: the active threads of channels the bot gained access to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadListSync {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The parent channels synced (all when absent).
    #[serde(default)]
    pub channel_ids: Vec<Id<ChannelMarker>>,
    /// The active threads.
    #[serde(default)]
    pub threads: Vec<Channel>,
    /// The bot's thread members.
    #[serde(default)]
    pub members: Vec<ThreadMember>,
}

/// THREAD_MEMBER_UPDATE: the bot's thread member changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadMemberUpdate {
    /// The thread member.
    #[serde(flatten)]
    pub member: ThreadMember,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
}

/// THREAD_MEMBERS_UPDATE: users were added to or removed from a thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadMembersUpdate {
    /// The thread.
    pub id: Id<ChannelMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// About how many members the thread has (at most 50).
    #[serde(default)]
    pub member_count: u32,
    /// Who was added.
    #[serde(default)]
    pub added_members: Vec<ThreadMember>,
    /// Who was removed.
    #[serde(default)]
    pub removed_member_ids: Vec<Id<UserMarker>>,
}

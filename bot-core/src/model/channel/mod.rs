//! Channels of every type: guild text, voice, category, announcement, stage, forum and media
//! channels, threads, DMs and group DMs (developers/resources/channel.mdx), and the partial
//! channels interactions resolve.

mod forum;
mod listing;
mod overwrite;
#[cfg(test)]
mod tests;
mod thread;

pub use forum::{DefaultReaction, ForumLayout, ForumTag, SortOrder, VideoQualityMode};
pub use listing::{FollowedChannel, MessagePin, MessagePins, PollAnswerVoters, ThreadList};
pub use overwrite::{PermissionOverwrite, PermissionOverwriteType};
pub use thread::{AutoArchiveDuration, ThreadMember, ThreadMetadata};

use super::{
    ApplicationMarker, ChannelFlags, ChannelMarker, GuildMarker, Id, MessageMarker, Permissions,
    TagMarker, Timestamp, User, UserMarker,
};
pub use bot_spec::ChannelType;
use serde::{Deserialize, Serialize};

/// A channel of any type. One flat struct, as Discord sends it: `kind` says which fields apply
/// (voice fields for voice and stage channels, `thread_metadata` for threads, `recipients` for
/// DMs, `available_tags` for forum and media channels, ...); a type this SDK does not know
/// still decodes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Channel {
    /// The channel's id.
    pub id: Id<ChannelMarker>,
    /// The channel's type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// Its guild (absent in DMs, and in some gateway guild dispatches).
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Its sorting position (guild channels).
    #[serde(default)]
    pub position: Option<i32>,
    /// Its permission overwrites (guild channels).
    #[serde(default)]
    pub permission_overwrites: Vec<PermissionOverwrite>,
    /// Its name (1-100 characters; absent or null for DMs).
    #[serde(default)]
    pub name: Option<String>,
    /// Its topic.
    #[serde(default)]
    pub topic: Option<String>,
    /// Whether it is age-restricted.
    #[serde(default)]
    pub nsfw: bool,
    /// The last message (or, in forum and media channels, thread) sent in it; may not exist.
    #[serde(default)]
    pub last_message_id: Option<Id<MessageMarker>>,
    /// The bitrate of a voice channel, in bits per second.
    #[serde(default)]
    pub bitrate: Option<u32>,
    /// The user limit of a voice channel (0: none).
    #[serde(default)]
    pub user_limit: Option<u32>,
    /// Slow mode: seconds between two messages of a user (0-21600).
    #[serde(default)]
    pub rate_limit_per_user: Option<u32>,
    /// The recipients of a DM or group DM.
    #[serde(default)]
    pub recipients: Vec<User>,
    /// The icon hash of a group DM.
    #[serde(default)]
    pub icon: Option<String>,
    /// The creator of a group DM or thread.
    #[serde(default)]
    pub owner_id: Option<Id<UserMarker>>,
    /// The application that created a group DM.
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// Whether a group DM is managed by an application (`gdm.join`).
    #[serde(default)]
    pub managed: bool,
    /// The category of a guild channel, or the channel a thread was created in.
    #[serde(default)]
    pub parent_id: Option<Id<ChannelMarker>>,
    /// When a message was last pinned.
    #[serde(default)]
    pub last_pin_timestamp: Option<Timestamp>,
    /// The voice region of a voice channel (`None`: automatic).
    #[serde(default)]
    pub rtc_region: Option<String>,
    /// The camera video quality of a voice channel (`Auto` when absent).
    #[serde(default)]
    pub video_quality_mode: Option<VideoQualityMode>,
    /// The number of messages in a thread (not counting the first or deleted ones).
    #[serde(default)]
    pub message_count: Option<u32>,
    /// An approximate count of a thread's members (stops at 50).
    #[serde(default)]
    pub member_count: Option<u32>,
    /// The fields only threads have.
    #[serde(default)]
    pub thread_metadata: Option<ThreadMetadata>,
    /// The current user's membership of a thread, when it has joined.
    #[serde(default)]
    pub member: Option<Box<ThreadMember>>,
    /// The default auto-archive duration of new threads.
    #[serde(default)]
    pub default_auto_archive_duration: Option<AutoArchiveDuration>,
    /// The invoking user's permissions in the channel (interactions).
    #[serde(default)]
    pub permissions: Option<Permissions>,
    /// The channel's flags.
    #[serde(default)]
    pub flags: ChannelFlags,
    /// The number of messages ever sent in a thread.
    #[serde(default)]
    pub total_message_sent: Option<u32>,
    /// The tags posts of a forum or media channel can have.
    #[serde(default)]
    pub available_tags: Vec<ForumTag>,
    /// The tags of a thread in a forum or media channel.
    #[serde(default)]
    pub applied_tags: Vec<Id<TagMarker>>,
    /// The emoji on the add-reaction button of a forum or media channel's posts.
    #[serde(default)]
    pub default_reaction_emoji: Option<DefaultReaction>,
    /// The slow mode new threads start with.
    #[serde(default)]
    pub default_thread_rate_limit_per_user: Option<u32>,
    /// How a forum or media channel sorts its posts (`None`: not set).
    #[serde(default)]
    pub default_sort_order: Option<SortOrder>,
    /// How a forum channel shows its posts.
    #[serde(default)]
    pub default_forum_layout: Option<ForumLayout>,
}

impl Channel {
    /// A mention of the channel (`<#id>`).
    pub fn mention(&self) -> String {
        format!("<#{}>", self.id)
    }

    /// Whether the channel is a thread (announcement, public or private).
    pub fn is_thread(&self) -> bool {
        is_thread(self.kind)
    }

    /// Whether the channel is a DM or a group DM.
    pub fn is_private(&self) -> bool {
        matches!(self.kind, ChannelType::Dm | ChannelType::GroupDm)
    }

    /// Whether the channel's messages can be read and sent as text (text, announcement, voice
    /// and stage channels, threads and DMs; not categories, forums, media channels or
    /// directories).
    pub fn is_text_based(&self) -> bool {
        !matches!(
            self.kind,
            ChannelType::GuildCategory
                | ChannelType::GuildForum
                | ChannelType::GuildMedia
                | ChannelType::GuildDirectory
                | ChannelType::Unknown(_)
        )
    }
}

fn is_thread(kind: ChannelType) -> bool {
    matches!(
        kind,
        ChannelType::AnnouncementThread | ChannelType::PublicThread | ChannelType::PrivateThread
    )
}

/// A channel as `resolved.channels` carries it: partial, with the invoking user's permissions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartialChannel {
    /// The channel's id.
    pub id: Id<ChannelMarker>,
    /// The channel's type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// The channel's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The parent category or channel (for threads).
    #[serde(default)]
    pub parent_id: Option<Id<ChannelMarker>>,
    /// The invoking user's permissions in the channel.
    #[serde(default)]
    pub permissions: Option<Permissions>,
    /// The fields only threads have, for threads.
    #[serde(default)]
    pub thread_metadata: Option<ThreadMetadata>,
    /// Whether the channel is age-restricted (an interaction's `channel` carries it).
    #[serde(default)]
    pub nsfw: bool,
}

impl PartialChannel {
    /// A mention of the channel (`<#id>`).
    pub fn mention(&self) -> String {
        format!("<#{}>", self.id)
    }

    /// Whether the channel is a thread.
    pub fn is_thread(&self) -> bool {
        is_thread(self.kind)
    }
}

/// A channel mentioned in a crossposted message (`mention_channels`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelMention {
    /// The channel's id.
    pub id: Id<ChannelMarker>,
    /// Its guild.
    pub guild_id: Id<GuildMarker>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// Its name.
    #[serde(default)]
    pub name: String,
}

//! Channels, attachments and messages as interactions carry them.

use super::{AttachmentMarker, ChannelMarker, Id, MessageMarker, Permissions, Timestamp, User};
use bot_spec::ChannelType;
use serde::{Deserialize, Serialize};

/// A channel as `resolved.channels` carries it: partial, with the invoking user's permissions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl PartialChannel {
    /// A mention of the channel (`<#id>`).
    pub fn mention(&self) -> String {
        format!("<#{}>", self.id)
    }
}

/// An uploaded file (developers/resources/message.mdx, attachment object).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The attachment's id.
    pub id: Id<AttachmentMarker>,
    /// The file's name.
    pub filename: String,
    /// The size in bytes.
    #[serde(default)]
    pub size: u64,
    /// Where to download it.
    #[serde(default)]
    pub url: String,
    /// A proxied download address.
    #[serde(default)]
    pub proxy_url: Option<String>,
    /// The media type.
    #[serde(default)]
    pub content_type: Option<String>,
    /// The image's width, for images.
    #[serde(default)]
    pub width: Option<u32>,
    /// The image's height, for images.
    #[serde(default)]
    pub height: Option<u32>,
}

/// A message, with the fields a bot reads most (developers/resources/message.mdx).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The message's id.
    pub id: Id<MessageMarker>,
    /// The channel it was sent in.
    pub channel_id: Id<ChannelMarker>,
    /// Who sent it.
    pub author: User,
    /// Its text.
    #[serde(default)]
    pub content: String,
    /// When it was sent.
    #[serde(default)]
    pub timestamp: Option<Timestamp>,
    /// Its files.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

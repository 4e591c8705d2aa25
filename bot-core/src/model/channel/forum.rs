//! The settings of forum and media channels: tags, default reactions, sort orders and layouts,
//! and the video quality of voice channels (developers/resources/channel.mdx).

use crate::model::enums::int_enum;
use crate::model::{EmojiMarker, Id, TagMarker};
use serde::{Deserialize, Serialize};

/// A tag that can be applied to the posts (threads) of a forum or media channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ForumTag {
    /// The tag's id.
    pub id: Id<TagMarker>,
    /// The tag's name (0-20 characters).
    pub name: String,
    /// Whether only members with `MANAGE_THREADS` may add or remove it.
    #[serde(default)]
    pub moderated: bool,
    /// The id of the tag's custom emoji.
    #[serde(default)]
    pub emoji_id: Option<Id<EmojiMarker>>,
    /// The tag's unicode emoji.
    #[serde(default)]
    pub emoji_name: Option<String>,
}

/// The emoji shown on the add-reaction button of a forum or media channel's posts: one of
/// `emoji_id` and `emoji_name` is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DefaultReaction {
    /// The id of a custom emoji.
    #[serde(default)]
    pub emoji_id: Option<Id<EmojiMarker>>,
    /// A unicode emoji.
    #[serde(default)]
    pub emoji_name: Option<String>,
}

impl DefaultReaction {
    /// A custom emoji.
    pub fn custom(id: Id<EmojiMarker>) -> Self {
        DefaultReaction {
            emoji_id: Some(id),
            emoji_name: None,
        }
    }

    /// A unicode emoji.
    pub fn unicode(emoji: impl Into<String>) -> Self {
        DefaultReaction {
            emoji_id: None,
            emoji_name: Some(emoji.into()),
        }
    }
}

int_enum! {
    /// How a forum or media channel sorts its posts.
    pub enum SortOrder: u8 {
        /// By latest activity (0).
        LatestActivity = 0,
        /// By creation time, newest first (1).
        CreationDate = 1,
    }
}

int_enum! {
    /// How a forum channel shows its posts.
    pub enum ForumLayout: u8 {
        /// Not set by the channel's admins (0).
        NotSet = 0,
        /// As a list (1).
        ListView = 1,
        /// As a gallery of tiles (2).
        GalleryView = 2,
    }
}

int_enum! {
    /// The camera video quality of a voice channel.
    pub enum VideoQualityMode: u8 {
        /// Chosen by Discord (1).
        Auto = 1,
        /// 720p (2).
        Full = 2,
    }
}

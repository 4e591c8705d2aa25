//! Files attached to messages (developers/resources/message.mdx, attachment object).

use crate::model::{AttachmentFlags, AttachmentMarker, Id, Timestamp, User};
use serde::{Deserialize, Serialize};

/// An uploaded file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// The attachment's id.
    pub id: Id<AttachmentMarker>,
    /// The file's name.
    pub filename: String,
    /// The file's title.
    #[serde(default)]
    pub title: Option<String>,
    /// Its description (alt text, up to 1024 characters).
    #[serde(default)]
    pub description: Option<String>,
    /// The media type.
    #[serde(default)]
    pub content_type: Option<String>,
    /// The size in bytes.
    #[serde(default)]
    pub size: u64,
    /// Where to download it.
    #[serde(default)]
    pub url: String,
    /// A proxied download address.
    #[serde(default)]
    pub proxy_url: Option<String>,
    /// The height of an image or video.
    #[serde(default)]
    pub height: Option<u32>,
    /// The width of an image or video.
    #[serde(default)]
    pub width: Option<u32>,
    /// A thumbhash placeholder of an image or video.
    #[serde(default)]
    pub placeholder: Option<String>,
    /// The version of the placeholder.
    #[serde(default)]
    pub placeholder_version: Option<u32>,
    /// Whether it is ephemeral (removed after a while).
    #[serde(default)]
    pub ephemeral: bool,
    /// The duration of an audio or video file, in seconds.
    #[serde(default)]
    pub duration_secs: Option<f64>,
    /// A voice message's sampled waveform, base64-encoded.
    #[serde(default)]
    pub waveform: Option<String>,
    /// Its flags.
    #[serde(default)]
    pub flags: AttachmentFlags,
    /// For clips, the users who were in the stream.
    #[serde(default)]
    pub clip_participants: Vec<User>,
    /// For clips, when the clip was made.
    #[serde(default)]
    pub clip_created_at: Option<Timestamp>,
}

impl Attachment {
    /// Whether it is marked as a spoiler.
    pub fn is_spoiler(&self) -> bool {
        self.flags.contains(AttachmentFlags::IS_SPOILER) || self.filename.starts_with("SPOILER_")
    }
}

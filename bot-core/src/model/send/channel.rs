//! Changes to a channel or thread (Modify Channel, developers/resources/channel.mdx), with
//! Discord's limits checked before sending.

use super::problem::{self, RequestProblem};
use crate::model::{
    AutoArchiveDuration, ChannelFlags, ChannelMarker, Id, PermissionOverwrite, TagMarker,
};
use serde::Serialize;

/// The longest slow mode, in seconds (6 hours).
pub const SLOW_MODE_LIMIT: u32 = 21_600;

/// What to change in a channel or thread; what is left unset stays as it is.
///
/// ```
/// use bot_core::model::EditChannel;
/// let edit = EditChannel::new().name("announcements").topic("News").slow_mode(30);
/// edit.check().unwrap();
/// assert!(EditChannel::new().name("").check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditChannel {
    /// The name (1–100 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The position in the channel list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<i32>,
    /// The topic (up to 1024 characters; 4096 in forum and media channels).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Age-restricted or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nsfw: Option<bool>,
    /// Slow mode in seconds (0–21600).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
    /// The category (`Some(None)` takes it out of its category).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Option<Id<ChannelMarker>>>,
    /// Every permission overwrite (replacing them all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_overwrites: Option<Vec<PermissionOverwrite>>,
    /// The default archive delay of new threads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_auto_archive_duration: Option<AutoArchiveDuration>,
    /// The channel's flags.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flags: Option<ChannelFlags>,
    /// A thread: archived or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// A thread: its archive delay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_archive_duration: Option<AutoArchiveDuration>,
    /// A thread: locked (only moderators unarchive it) or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    /// A private thread: whether members may invite others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitable: Option<bool>,
    /// A forum post: its tags (up to 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied_tags: Option<Vec<Id<TagMarker>>>,
}

impl EditChannel {
    /// Changes nothing yet.
    pub fn new() -> Self {
        EditChannel::default()
    }

    /// The name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The position.
    pub fn position(mut self, position: i32) -> Self {
        self.position = Some(position);
        self
    }

    /// The topic.
    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// Age-restricted or not.
    pub fn nsfw(mut self, nsfw: bool) -> Self {
        self.nsfw = Some(nsfw);
        self
    }

    /// Slow mode, in seconds.
    pub fn slow_mode(mut self, seconds: u32) -> Self {
        self.rate_limit_per_user = Some(seconds);
        self
    }

    /// The category (`None`: none).
    pub fn parent(mut self, parent: Option<Id<ChannelMarker>>) -> Self {
        self.parent_id = Some(parent);
        self
    }

    /// Replaces every permission overwrite.
    pub fn permission_overwrites(mut self, overwrites: Vec<PermissionOverwrite>) -> Self {
        self.permission_overwrites = Some(overwrites);
        self
    }

    /// A thread: archived or not.
    pub fn archived(mut self, archived: bool) -> Self {
        self.archived = Some(archived);
        self
    }

    /// A thread: locked or not.
    pub fn locked(mut self, locked: bool) -> Self {
        self.locked = Some(locked);
        self
    }

    /// A thread: its archive delay.
    pub fn auto_archive_duration(mut self, duration: AutoArchiveDuration) -> Self {
        self.auto_archive_duration = Some(duration);
        self
    }

    /// A forum post: its tags.
    pub fn applied_tags(mut self, tags: Vec<Id<TagMarker>>) -> Self {
        self.applied_tags = Some(tags);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(name) = &self.name {
            problem::length("name", name, 1, 100)?;
        }
        if let Some(topic) = &self.topic {
            problem::length("topic", topic, 0, 4096)?;
        }
        if let Some(slow) = self.rate_limit_per_user {
            problem::range(
                "rate_limit_per_user",
                slow.into(),
                0,
                SLOW_MODE_LIMIT.into(),
            )?;
        }
        if let Some(tags) = &self.applied_tags {
            problem::count("applied_tags", tags.len(), 0, 5)?;
        }
        if let Some(overwrites) = &self.permission_overwrites {
            problem::count("permission_overwrites", overwrites.len(), 0, 100)?;
        }
        Ok(())
    }
}

//! New threads (Start Thread from Message, Start Thread without Message, Start Thread in Forum or
//! Media Channel: developers/resources/channel.mdx), with Discord's limits checked before sending.

use super::CreateMessage;
use super::channel::SLOW_MODE_LIMIT;
use super::problem::{self, RequestProblem};
use crate::model::{AutoArchiveDuration, ChannelType, Id, TagMarker};
use serde::Serialize;

/// A thread to start from a message, or without one (then of type
/// [`ChannelType::PublicThread`] by default, or private or announcement).
///
/// ```
/// use bot_core::model::{AutoArchiveDuration, ChannelType, CreateThread};
/// let thread = CreateThread::new("Release notes")
///     .auto_archive_duration(AutoArchiveDuration::Day)
///     .kind(ChannelType::PrivateThread);
/// thread.check().unwrap();
/// assert!(CreateThread::new("x".repeat(101)).check().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateThread {
    /// The name (1–100 characters).
    pub name: String,
    /// After how long without activity it is archived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_archive_duration: Option<AutoArchiveDuration>,
    /// Slow mode in seconds (0–21600).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
    /// Without a message: the thread's type (10, 11 or 12).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ChannelType>,
    /// A private thread: whether members may invite others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitable: Option<bool>,
}

/// A thread with this name.
///
/// ```
/// use bot_core::model::CreateThread;
/// assert_eq!(CreateThread::from("talk"), CreateThread::new("talk"));
/// ```
impl From<&str> for CreateThread {
    fn from(name: &str) -> Self {
        CreateThread::new(name)
    }
}

/// A thread with this name.
impl From<String> for CreateThread {
    fn from(name: String) -> Self {
        CreateThread::new(name)
    }
}

impl CreateThread {
    /// A thread named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateThread {
            name: name.into(),
            auto_archive_duration: None,
            rate_limit_per_user: None,
            kind: None,
            invitable: None,
        }
    }

    /// After how long without activity it is archived.
    pub fn auto_archive_duration(mut self, duration: AutoArchiveDuration) -> Self {
        self.auto_archive_duration = Some(duration);
        self
    }

    /// Slow mode, in seconds.
    pub fn slow_mode(mut self, seconds: u32) -> Self {
        self.rate_limit_per_user = Some(seconds);
        self
    }

    /// The thread's type, when started without a message.
    pub fn kind(mut self, kind: ChannelType) -> Self {
        self.kind = Some(kind);
        self
    }

    /// A private thread: whether members may invite others.
    pub fn invitable(mut self, invitable: bool) -> Self {
        self.invitable = Some(invitable);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        problem::length("name", &self.name, 1, 100)?;
        if let Some(slow) = self.rate_limit_per_user {
            problem::range(
                "rate_limit_per_user",
                slow.into(),
                0,
                SLOW_MODE_LIMIT.into(),
            )?;
        }
        if let Some(kind) = self.kind
            && !matches!(
                kind,
                ChannelType::AnnouncementThread
                    | ChannelType::PublicThread
                    | ChannelType::PrivateThread
            )
        {
            return Err(RequestProblem::NotAllowed {
                field: "type",
                why: "a thread is of type 10, 11 or 12",
            });
        }
        Ok(())
    }
}

/// A post in a forum or media channel: a thread with its first message.
///
/// ```
/// use bot_core::model::{CreateForumThread, CreateMessage};
/// let post = CreateForumThread::new("Bug: crash on start", CreateMessage::new().content("Steps..."));
/// post.check().unwrap();
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateForumThread {
    /// The name (1–100 characters).
    pub name: String,
    /// After how long without activity it is archived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_archive_duration: Option<AutoArchiveDuration>,
    /// Slow mode in seconds (0–21600).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
    /// The first message (its files go with the request).
    pub message: CreateMessage,
    /// The forum's tags applied to it (up to 5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub applied_tags: Vec<Id<TagMarker>>,
}

impl CreateForumThread {
    /// A post named `name` starting with `message`.
    pub fn new(name: impl Into<String>, message: CreateMessage) -> Self {
        CreateForumThread {
            name: name.into(),
            auto_archive_duration: None,
            rate_limit_per_user: None,
            message,
            applied_tags: Vec::new(),
        }
    }

    /// After how long without activity it is archived.
    pub fn auto_archive_duration(mut self, duration: AutoArchiveDuration) -> Self {
        self.auto_archive_duration = Some(duration);
        self
    }

    /// Adds a tag.
    pub fn tag(mut self, tag: Id<TagMarker>) -> Self {
        self.applied_tags.push(tag);
        self
    }

    /// Checks Discord's limits (the message's as well).
    pub fn check(&self) -> Result<(), RequestProblem> {
        problem::length("name", &self.name, 1, 100)?;
        if let Some(slow) = self.rate_limit_per_user {
            problem::range(
                "rate_limit_per_user",
                slow.into(),
                0,
                SLOW_MODE_LIMIT.into(),
            )?;
        }
        problem::count("applied_tags", self.applied_tags.len(), 0, 5)
    }
}

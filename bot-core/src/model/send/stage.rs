//! New stage instances and changes to them (Create / Modify Stage Instance), with Discord's
//! limits checked before sending: a topic of 1 to 120 characters.

use super::problem::{self, RequestProblem};
use crate::model::{ChannelMarker, Id, ScheduledEventMarker, StagePrivacyLevel};
use serde::Serialize;

/// The fewest and most characters of a stage's topic.
pub const STAGE_TOPIC_LENGTH: std::ops::RangeInclusive<usize> = 1..=120;

fn check_topic(topic: &str) -> Result<(), RequestProblem> {
    problem::length(
        "topic",
        topic,
        *STAGE_TOPIC_LENGTH.start(),
        *STAGE_TOPIC_LENGTH.end(),
    )
}

/// A live stage in a stage channel (Create Stage Instance). The bot must be a moderator of the
/// stage: MANAGE_CHANNELS, MUTE_MEMBERS and MOVE_MEMBERS in the channel.
///
/// ```
/// use bot_core::model::{CreateStageInstance, Id};
/// let stage = CreateStageInstance::new(Id::new(733488538393510049), "Town hall");
/// assert!(stage.check().is_ok());
/// assert!(CreateStageInstance::new(Id::new(1), "").check().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateStageInstance {
    /// The stage channel.
    pub channel_id: Id<ChannelMarker>,
    /// The topic (1 to 120 characters).
    pub topic: String,
    /// Who can see it (Discord's default: the guild's members only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privacy_level: Option<StagePrivacyLevel>,
    /// Notifies @everyone that the stage started (needs MENTION_EVERYONE).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_start_notification: Option<bool>,
    /// The scheduled event the stage belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guild_scheduled_event_id: Option<Id<ScheduledEventMarker>>,
}

impl CreateStageInstance {
    /// A stage in `channel` about `topic`.
    pub fn new(channel: Id<ChannelMarker>, topic: impl Into<String>) -> Self {
        CreateStageInstance {
            channel_id: channel,
            topic: topic.into(),
            privacy_level: None,
            send_start_notification: None,
            guild_scheduled_event_id: None,
        }
    }

    /// Who can see it.
    pub fn privacy_level(mut self, level: StagePrivacyLevel) -> Self {
        self.privacy_level = Some(level);
        self
    }

    /// Notifies @everyone that the stage started.
    pub fn send_start_notification(mut self, notify: bool) -> Self {
        self.send_start_notification = Some(notify);
        self
    }

    /// The scheduled event it belongs to.
    pub fn scheduled_event(mut self, event: Id<ScheduledEventMarker>) -> Self {
        self.guild_scheduled_event_id = Some(event);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_topic(&self.topic)
    }
}

/// Changes to a live stage (Modify Stage Instance); what is left `None` stays.
///
/// ```
/// use bot_core::model::EditStageInstance;
/// assert!(EditStageInstance::new().topic("Q&A").check().is_ok());
/// assert!(EditStageInstance::new().topic("x".repeat(121)).check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditStageInstance {
    /// The new topic (1 to 120 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Who can see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privacy_level: Option<StagePrivacyLevel>,
}

impl EditStageInstance {
    /// No change yet.
    pub fn new() -> Self {
        EditStageInstance::default()
    }

    /// A new topic.
    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// Who can see it.
    pub fn privacy_level(mut self, level: StagePrivacyLevel) -> Self {
        self.privacy_level = Some(level);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        match &self.topic {
            Some(topic) => check_topic(topic),
            None => Ok(()),
        }
    }
}

//! New scheduled events and changes to them (Create / Modify Guild Scheduled Event), and the
//! exceptions of a recurring one, with Discord's limits checked before sending: a name of 1 to
//! 100 characters, a description of at most 1 000, an external event's location (1 to 100) and
//! end, a stage or voice event's channel, an end after the start, a cover image.

use super::image::{check_image, image_data_uri};
use super::problem::{self, RequestProblem};
use crate::model::{
    ChannelMarker, Id, RecurrenceRule, ScheduledEventEntityType, ScheduledEventPrivacyLevel,
    ScheduledEventStatus, Timestamp,
};
use serde_json::{Map, Value, json};

/// The most bytes of an event's cover image: 10 MiB.
pub const MAX_EVENT_IMAGE_BYTES: usize = 10 * 1024 * 1024;

fn check_texts(
    name: Option<&str>,
    description: Option<&str>,
    location: Option<&str>,
) -> Result<(), RequestProblem> {
    if let Some(name) = name {
        problem::length("name", name, 1, 100)?;
    }
    if let Some(description) = description {
        problem::length("description", description, 0, 1000)?;
    }
    if let Some(location) = location {
        problem::length("location", location, 1, 100)?;
    }
    Ok(())
}

fn check_times(start: Option<Timestamp>, end: Option<Timestamp>) -> Result<(), RequestProblem> {
    match (start, end) {
        (Some(start), Some(end)) if end <= start => Err(RequestProblem::NotAllowed {
            field: "scheduled_end_time",
            why: "an event must end after it starts",
        }),
        _ => Ok(()),
    }
}

fn image_json(image: &[u8]) -> Result<Value, RequestProblem> {
    check_image("image", image, MAX_EVENT_IMAGE_BYTES)?;
    image_data_uri(image)
        .map(Value::String)
        .ok_or(RequestProblem::NotAllowed {
            field: "image",
            why: "not a PNG, JPEG, GIF or WebP image",
        })
}

/// A new scheduled event (Pycord's `guild.create_scheduled_event`): in a stage or voice
/// channel, or somewhere else (external, with a location and an end). Needs CREATE_EVENTS (and,
/// for a channel, the right to see and join it).
///
/// ```
/// use bot_core::model::{CreateScheduledEvent, Id, Timestamp};
/// let start = Timestamp::parse("2030-01-01T18:00:00Z").unwrap();
/// let end = Timestamp::parse("2030-01-01T20:00:00Z").unwrap();
/// let meetup = CreateScheduledEvent::external("Meetup", "The park", start, end)
///     .description("Bring snacks");
/// let body = meetup.to_json().unwrap();
/// assert_eq!(body["entity_type"], 3);
/// assert_eq!(body["entity_metadata"]["location"], "The park");
/// assert!(CreateScheduledEvent::external("Backwards", "Here", end, start).check().is_err());
/// let voice = CreateScheduledEvent::voice("Game night", Id::new(41771983423143937), start);
/// assert_eq!(voice.to_json().unwrap()["channel_id"], "41771983423143937");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[must_use]
pub struct CreateScheduledEvent {
    /// The name (1 to 100 characters).
    pub name: String,
    /// Where: a stage, a voice channel, or elsewhere.
    pub entity_type: ScheduledEventEntityType,
    /// The stage or voice channel.
    pub channel_id: Option<Id<ChannelMarker>>,
    /// Where an external event is (1 to 100 characters).
    pub location: Option<String>,
    /// When it starts.
    pub scheduled_start_time: Timestamp,
    /// When it ends (required for an external event).
    pub scheduled_end_time: Option<Timestamp>,
    /// The description (at most 1 000 characters).
    pub description: Option<String>,
    /// Who can see it (only the guild's members: Discord's one level).
    pub privacy_level: ScheduledEventPrivacyLevel,
    /// The cover image (PNG, JPEG, GIF or WebP).
    pub image: Option<Vec<u8>>,
    /// How it recurs.
    pub recurrence_rule: Option<RecurrenceRule>,
}

impl CreateScheduledEvent {
    fn new(
        name: impl Into<String>,
        entity_type: ScheduledEventEntityType,
        start: Timestamp,
    ) -> Self {
        CreateScheduledEvent {
            name: name.into(),
            entity_type,
            channel_id: None,
            location: None,
            scheduled_start_time: start,
            scheduled_end_time: None,
            description: None,
            privacy_level: ScheduledEventPrivacyLevel::GuildOnly,
            image: None,
            recurrence_rule: None,
        }
    }

    /// An event somewhere else than a channel, at `location`, from `start` to `end`.
    pub fn external(
        name: impl Into<String>,
        location: impl Into<String>,
        start: Timestamp,
        end: Timestamp,
    ) -> Self {
        let mut event = Self::new(name, ScheduledEventEntityType::External, start);
        event.location = Some(location.into());
        event.scheduled_end_time = Some(end);
        event
    }

    /// An event in a voice channel.
    pub fn voice(name: impl Into<String>, channel: Id<ChannelMarker>, start: Timestamp) -> Self {
        let mut event = Self::new(name, ScheduledEventEntityType::Voice, start);
        event.channel_id = Some(channel);
        event
    }

    /// An event on a stage.
    pub fn stage(name: impl Into<String>, channel: Id<ChannelMarker>, start: Timestamp) -> Self {
        let mut event = Self::new(name, ScheduledEventEntityType::StageInstance, start);
        event.channel_id = Some(channel);
        event
    }

    /// The description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// When it ends.
    pub fn end(mut self, end: Timestamp) -> Self {
        self.scheduled_end_time = Some(end);
        self
    }

    /// The cover image.
    pub fn image(mut self, image: impl Into<Vec<u8>>) -> Self {
        self.image = Some(image.into());
        self
    }

    /// How it recurs.
    pub fn recurrence(mut self, rule: RecurrenceRule) -> Self {
        self.recurrence_rule = Some(rule);
        self
    }

    /// Checks Discord's limits, and that the event has what its kind needs.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_texts(
            Some(&self.name),
            self.description.as_deref(),
            self.location.as_deref(),
        )?;
        check_times(Some(self.scheduled_start_time), self.scheduled_end_time)?;
        match self.entity_type {
            ScheduledEventEntityType::External => {
                if self.location.is_none() {
                    return Err(RequestProblem::NotAllowed {
                        field: "entity_metadata.location",
                        why: "an external event needs a location",
                    });
                }
                if self.scheduled_end_time.is_none() {
                    return Err(RequestProblem::NotAllowed {
                        field: "scheduled_end_time",
                        why: "an external event needs an end",
                    });
                }
            }
            ScheduledEventEntityType::Voice | ScheduledEventEntityType::StageInstance => {
                if self.channel_id.is_none() {
                    return Err(RequestProblem::NotAllowed {
                        field: "channel_id",
                        why: "a stage or voice event needs its channel",
                    });
                }
            }
            _ => {
                return Err(RequestProblem::NotAllowed {
                    field: "entity_type",
                    why: "an event is on a stage, in a voice channel, or external",
                });
            }
        }
        Ok(())
    }

    /// The JSON body (checked first).
    pub fn to_json(&self) -> Result<Value, RequestProblem> {
        self.check()?;
        let mut body = json!({
            "name": self.name,
            "privacy_level": self.privacy_level,
            "scheduled_start_time": self.scheduled_start_time,
            "entity_type": self.entity_type,
        });
        if let Some(channel) = self.channel_id {
            body["channel_id"] = json!(channel);
        }
        if let Some(location) = &self.location {
            body["entity_metadata"] = json!({ "location": location });
        }
        if let Some(end) = self.scheduled_end_time {
            body["scheduled_end_time"] = json!(end);
        }
        if let Some(description) = &self.description {
            body["description"] = json!(description);
        }
        if let Some(image) = &self.image {
            body["image"] = image_json(image)?;
        }
        if let Some(rule) = &self.recurrence_rule {
            body["recurrence_rule"] = json!(rule);
        }
        Ok(body)
    }
}

/// Changes to a scheduled event (Pycord's `event.edit`, `start`, `complete`, `cancel`); what
/// is left `None` stays.
///
/// ```
/// use bot_core::model::{EditScheduledEvent, ScheduledEventStatus};
/// let start = EditScheduledEvent::new().status(ScheduledEventStatus::Active);
/// assert_eq!(start.to_json().unwrap()["status"], 2);
/// assert!(EditScheduledEvent::new().name("").check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
#[must_use]
pub struct EditScheduledEvent {
    /// A new name.
    pub name: Option<String>,
    /// A new description (`Some(None)` removes it).
    pub description: Option<Option<String>>,
    /// Moves it: where it is now.
    pub entity_type: Option<ScheduledEventEntityType>,
    /// Its new channel (`Some(None)` when it becomes external).
    pub channel_id: Option<Option<Id<ChannelMarker>>>,
    /// Its new location (an external event).
    pub location: Option<String>,
    /// A new start.
    pub scheduled_start_time: Option<Timestamp>,
    /// A new end.
    pub scheduled_end_time: Option<Timestamp>,
    /// Starts, ends or cancels it (scheduled → active → completed, or scheduled → canceled).
    pub status: Option<ScheduledEventStatus>,
    /// A new cover image.
    pub image: Option<Vec<u8>>,
}

impl EditScheduledEvent {
    /// No change yet.
    pub fn new() -> Self {
        EditScheduledEvent::default()
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// A new description, or `None` to remove it.
    pub fn description(mut self, description: Option<String>) -> Self {
        self.description = Some(description);
        self
    }

    /// Makes it external, at `location`, ending at `end`.
    pub fn external(mut self, location: impl Into<String>, end: Timestamp) -> Self {
        self.entity_type = Some(ScheduledEventEntityType::External);
        self.channel_id = Some(None);
        self.location = Some(location.into());
        self.scheduled_end_time = Some(end);
        self
    }

    /// Moves it to a voice channel.
    pub fn voice(mut self, channel: Id<ChannelMarker>) -> Self {
        self.entity_type = Some(ScheduledEventEntityType::Voice);
        self.channel_id = Some(Some(channel));
        self
    }

    /// A new start.
    pub fn start(mut self, start: Timestamp) -> Self {
        self.scheduled_start_time = Some(start);
        self
    }

    /// A new end.
    pub fn end(mut self, end: Timestamp) -> Self {
        self.scheduled_end_time = Some(end);
        self
    }

    /// A new status.
    pub fn status(mut self, status: ScheduledEventStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// A new cover image.
    pub fn image(mut self, image: impl Into<Vec<u8>>) -> Self {
        self.image = Some(image.into());
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_texts(
            self.name.as_deref(),
            self.description.as_ref().and_then(Option::as_deref),
            self.location.as_deref(),
        )?;
        check_times(self.scheduled_start_time, self.scheduled_end_time)?;
        if let Some(image) = &self.image {
            image_json(image)?;
        }
        Ok(())
    }

    /// The JSON body (checked first).
    pub fn to_json(&self) -> Result<Value, RequestProblem> {
        self.check()?;
        let mut body = Map::new();
        let mut put = |key: &str, value: Value| {
            body.insert(key.to_owned(), value);
        };
        if let Some(name) = &self.name {
            put("name", json!(name));
        }
        if let Some(description) = &self.description {
            put("description", json!(description));
        }
        if let Some(kind) = self.entity_type {
            put("entity_type", json!(kind));
        }
        if let Some(channel) = &self.channel_id {
            put("channel_id", json!(channel));
        }
        if let Some(location) = &self.location {
            put("entity_metadata", json!({ "location": location }));
        }
        if let Some(start) = self.scheduled_start_time {
            put("scheduled_start_time", json!(start));
        }
        if let Some(end) = self.scheduled_end_time {
            put("scheduled_end_time", json!(end));
        }
        if let Some(status) = self.status {
            put("status", json!(status));
        }
        if let Some(image) = &self.image {
            put("image", image_json(image)?);
        }
        Ok(Value::Object(body))
    }
}

/// One occurrence of a recurring event moved or canceled (Create / Modify Guild Scheduled
/// Event Exception).
///
/// ```
/// use bot_core::model::{ScheduledEventExceptionEdit, Timestamp};
/// let at = Timestamp::parse("2030-01-08T18:00:00Z").unwrap();
/// let cancel = ScheduledEventExceptionEdit::canceled(true);
/// assert_eq!(cancel.to_json(Some(at)).unwrap()["is_canceled"], true);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
#[must_use]
pub struct ScheduledEventExceptionEdit {
    /// The occurrence's new start.
    pub scheduled_start_time: Option<Timestamp>,
    /// The occurrence's new end.
    pub scheduled_end_time: Option<Timestamp>,
    /// Whether the occurrence is canceled.
    pub is_canceled: Option<bool>,
}

impl ScheduledEventExceptionEdit {
    /// Cancels (or restores) the occurrence.
    pub fn canceled(canceled: bool) -> Self {
        ScheduledEventExceptionEdit {
            is_canceled: Some(canceled),
            ..Self::default()
        }
    }

    /// Moves the occurrence.
    pub fn moved(start: Timestamp, end: Option<Timestamp>) -> Self {
        ScheduledEventExceptionEdit {
            scheduled_start_time: Some(start),
            scheduled_end_time: end,
            is_canceled: None,
        }
    }

    /// The JSON body, for a new exception of the occurrence at `original` or (with `None`) a
    /// change to an existing one; checked first.
    pub fn to_json(&self, original: Option<Timestamp>) -> Result<Value, RequestProblem> {
        check_times(self.scheduled_start_time, self.scheduled_end_time)?;
        let mut body = Map::new();
        if let Some(original) = original {
            body.insert("original_scheduled_start_time".into(), json!(original));
        }
        if let Some(start) = self.scheduled_start_time {
            body.insert("scheduled_start_time".into(), json!(start));
        }
        if let Some(end) = self.scheduled_end_time {
            body.insert("scheduled_end_time".into(), json!(end));
        }
        if let Some(canceled) = self.is_canceled {
            body.insert("is_canceled".into(), json!(canceled));
        }
        Ok(Value::Object(body))
    }
}

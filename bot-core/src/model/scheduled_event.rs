//! Guild scheduled events (developers/resources/guild-scheduled-event.mdx; spec
//! `ScheduledEventResponse` and its stage, voice and external forms).

use super::enums::int_enum;
use super::serde_util::nullable_vec;
use super::{
    ChannelMarker, GenericMarker, GuildMarker, Id, Member, ScheduledEventMarker, Timestamp, User,
    UserMarker,
};
use serde::{Deserialize, Serialize};

int_enum! {
    /// Who can see an event (spec `GuildScheduledEventPrivacyLevels`).
    pub enum ScheduledEventPrivacyLevel: u8 {
        /// The guild's members.
        GuildOnly = 2,
    }
}

int_enum! {
    /// Where an event takes place (spec `GuildScheduledEventEntityTypes`).
    pub enum ScheduledEventEntityType: u8 {
        /// Nothing.
        None = 0,
        /// A stage.
        StageInstance = 1,
        /// A voice channel.
        Voice = 2,
        /// Somewhere else (`entity_metadata.location`).
        External = 3,
    }
}

int_enum! {
    /// An event's state (spec `GuildScheduledEventStatuses`).
    pub enum ScheduledEventStatus: u8 {
        /// Not started.
        Scheduled = 1,
        /// Under way.
        Active = 2,
        /// Over.
        Completed = 3,
        /// Canceled.
        Canceled = 4,
    }
}

int_enum! {
    /// How often an event recurs (spec `RecurrenceRuleFrequencies`).
    pub enum RecurrenceFrequency: u8 {
        /// Yearly.
        Yearly = 0,
        /// Monthly.
        Monthly = 1,
        /// Weekly.
        Weekly = 2,
        /// Daily.
        Daily = 3,
    }
}

int_enum! {
    /// A day of the week (spec `RecurrenceRuleWeekdays`).
    pub enum Weekday: u8 {
        /// Monday.
        Monday = 0,
        /// Tuesday.
        Tuesday = 1,
        /// Wednesday.
        Wednesday = 2,
        /// Thursday.
        Thursday = 3,
        /// Friday.
        Friday = 4,
        /// Saturday.
        Saturday = 5,
        /// Sunday.
        Sunday = 6,
    }
}

/// A scheduled event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduledEvent {
    /// The event's id.
    pub id: Id<ScheduledEventMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The stage or voice channel (`None` for external events).
    #[serde(default)]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// Who created it (`None` for events before October 2021).
    #[serde(default)]
    pub creator_id: Option<Id<UserMarker>>,
    /// Its name.
    pub name: Box<str>,
    /// Its description.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// When it starts.
    pub scheduled_start_time: Timestamp,
    /// When it ends (required for external events).
    #[serde(default)]
    pub scheduled_end_time: Option<Timestamp>,
    /// Who can see it.
    pub privacy_level: ScheduledEventPrivacyLevel,
    /// Its state.
    pub status: ScheduledEventStatus,
    /// Where it is.
    pub entity_type: ScheduledEventEntityType,
    /// The stage instance's id, for stage events.
    #[serde(default)]
    pub entity_id: Option<Id<GenericMarker>>,
    /// Where an external event is.
    #[serde(default)]
    pub entity_metadata: Option<ScheduledEventMetadata>,
    /// Who created it.
    #[serde(default)]
    pub creator: Option<Box<User>>,
    /// How many users are interested (with `with_user_count`).
    #[serde(default)]
    pub user_count: Option<u32>,
    /// The cover image hash.
    #[serde(default)]
    pub image: Option<Box<str>>,
    /// How it recurs.
    #[serde(default)]
    pub recurrence_rule: Option<Box<RecurrenceRule>>,
    /// Occurrences moved or canceled.
    #[serde(default, deserialize_with = "nullable_vec")]
    pub guild_scheduled_event_exceptions: Vec<ScheduledEventException>,
}

/// Where an external event is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduledEventMetadata {
    /// The place (1-100 characters).
    #[serde(default)]
    pub location: Option<Box<str>>,
}

/// How an event recurs (a subset of iCalendar's RRULE).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecurrenceRule {
    /// When the first occurrence starts.
    pub start: Timestamp,
    /// When recurring stops.
    #[serde(default)]
    pub end: Option<Timestamp>,
    /// How often.
    pub frequency: RecurrenceFrequency,
    /// Every how many periods.
    #[serde(default)]
    pub interval: u32,
    /// On which weekdays.
    #[serde(default, deserialize_with = "nullable_vec")]
    pub by_weekday: Vec<Weekday>,
    /// On which nth weekdays of the month.
    #[serde(default, deserialize_with = "nullable_vec")]
    pub by_n_weekday: Vec<NWeekday>,
    /// In which months (1-12).
    #[serde(default, deserialize_with = "nullable_vec")]
    pub by_month: Vec<u8>,
    /// On which days of the month.
    #[serde(default, deserialize_with = "nullable_vec")]
    pub by_month_day: Vec<i8>,
    /// On which days of the year.
    #[serde(default, deserialize_with = "nullable_vec")]
    pub by_year_day: Vec<i16>,
    /// How many times.
    #[serde(default)]
    pub count: Option<u32>,
}

impl RecurrenceRule {
    /// Every `interval` periods of `frequency` from `start`, with no end (narrow it with the
    /// `by_*` fields).
    ///
    /// ```
    /// use bot_core::model::{RecurrenceFrequency, RecurrenceRule, Timestamp, Weekday};
    /// let start = Timestamp::parse("2030-01-07T18:00:00Z").unwrap();
    /// let weekly = RecurrenceRule::new(start, RecurrenceFrequency::Weekly, 1)
    ///     .weekdays(vec![Weekday::Monday]);
    /// assert_eq!(serde_json::to_value(&weekly).unwrap()["by_weekday"][0], 0);
    /// ```
    pub fn new(start: Timestamp, frequency: RecurrenceFrequency, interval: u32) -> Self {
        RecurrenceRule {
            start,
            end: None,
            frequency,
            interval,
            by_weekday: Vec::new(),
            by_n_weekday: Vec::new(),
            by_month: Vec::new(),
            by_month_day: Vec::new(),
            by_year_day: Vec::new(),
            count: None,
        }
    }

    /// On these weekdays.
    #[must_use]
    pub fn weekdays(mut self, days: Vec<Weekday>) -> Self {
        self.by_weekday = days;
        self
    }
}

/// The nth weekday of a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NWeekday {
    /// Which week (1-5).
    pub n: u8,
    /// Which day.
    pub day: Weekday,
}

/// One occurrence of a recurring event moved or canceled (spec
/// `GuildScheduledEventExceptionResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduledEventException {
    /// The event.
    pub event_id: Id<ScheduledEventMarker>,
    /// The exception's id.
    pub event_exception_id: Id<GenericMarker>,
    /// The occurrence's new start.
    #[serde(default)]
    pub scheduled_start_time: Option<Timestamp>,
    /// The occurrence's new end.
    #[serde(default)]
    pub scheduled_end_time: Option<Timestamp>,
    /// Whether the occurrence is canceled.
    #[serde(default)]
    pub is_canceled: bool,
}

/// A user interested in an event (`GET /guilds/{id}/scheduled-events/{id}/users`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduledEventUser {
    /// The event.
    pub guild_scheduled_event_id: Id<ScheduledEventMarker>,
    /// The occurrence, for a recurring event.
    #[serde(default)]
    pub guild_scheduled_event_exception_id: Option<Id<GenericMarker>>,
    /// The user's id.
    #[serde(default)]
    pub user_id: Option<Id<UserMarker>>,
    /// The user.
    #[serde(default)]
    pub user: Option<User>,
    /// The member (with `with_member`).
    #[serde(default)]
    pub member: Option<Box<Member>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_decode() {
        let event: ScheduledEvent = serde_json::from_value(serde_json::json!({
            "id": "1", "guild_id": "2", "channel_id": null, "creator_id": "3",
            "name": "Meetup", "description": null,
            "scheduled_start_time": "2024-01-01T18:00:00+00:00",
            "scheduled_end_time": "2024-01-01T20:00:00+00:00",
            "privacy_level": 2, "status": 1, "entity_type": 3, "entity_id": null,
            "entity_metadata": {"location": "The park"},
            "recurrence_rule": {
                "start": "2024-01-01T18:00:00+00:00", "end": null, "frequency": 2,
                "interval": 1, "by_weekday": [0], "by_n_weekday": null, "by_month": null,
                "by_month_day": null, "by_year_day": null, "count": null
            },
            "guild_scheduled_event_exceptions": [],
            "user_count": 4
        }))
        .unwrap();
        assert_eq!(event.entity_type, ScheduledEventEntityType::External);
        let rule = event.recurrence_rule.unwrap();
        assert_eq!(rule.frequency, RecurrenceFrequency::Weekly);
        assert_eq!(rule.by_weekday, [Weekday::Monday]);
        assert!(rule.by_n_weekday.is_empty());
        let odd: ScheduledEvent = serde_json::from_value(serde_json::json!({
            "id": "1", "guild_id": "2", "name": "x",
            "scheduled_start_time": "2024-01-01T18:00:00+00:00",
            "privacy_level": 3, "status": 9, "entity_type": 8
        }))
        .unwrap();
        assert_eq!(odd.status, ScheduledEventStatus::Unknown(9));
        assert_eq!(odd.privacy_level, ScheduledEventPrivacyLevel::Unknown(3));
    }
}

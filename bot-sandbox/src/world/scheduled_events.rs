//! Guild scheduled events (developers/resources/guild-scheduled-event.mdx): created with
//! CREATE_EVENTS or MANAGE_EVENTS; changed or deleted with MANAGE_EVENTS, or CREATE_EVENTS for
//! the bot's own. A stage or voice event needs its channel of that type (and, as Discord asks,
//! the bot must see and connect to it); an external one a location and an end. Status moves
//! scheduled → active → completed, or scheduled → canceled; an ended event is not changed again
//! (180000). Each change emits GUILD_SCHEDULED_EVENT_CREATE / _UPDATE / _DELETE
//! (GUILD_SCHEDULED_EVENTS) and over REST an audit-log entry (100, 101, 102). The fields of a
//! body are read in `event_fields.rs`; the users interested and the exceptions of a recurring
//! event are in `scheduled_event_users.rs`.

use super::World;
use super::change::{Changed, Refusal};
use super::emojis::invalid;
use super::event_fields::{iso, now};
use serde_json::{Value, json};

/// MANAGE_EVENTS.
const MANAGE_EVENTS: u64 = 1 << 33;
/// CREATE_EVENTS.
const CREATE_EVENTS: u64 = 1 << 44;
/// VIEW_CHANNEL and CONNECT: what the bot needs in a voice event's channel.
const SEE_AND_CONNECT: u64 = super::channels::VIEW_CHANNEL | super::moderation::CONNECT;

/// An occurrence of a recurring event moved or canceled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ExceptionRecord {
    pub(crate) id: u64,
    /// Seconds since the epoch of the occurrence the rule places.
    pub(crate) original: u64,
    pub(crate) start: Option<u64>,
    pub(crate) end: Option<u64>,
    pub(crate) canceled: bool,
}

/// A scheduled event.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EventRecord {
    pub(crate) id: u64,
    pub(crate) guild: u64,
    pub(crate) channel: Option<u64>,
    pub(crate) creator: u64,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    /// Seconds since the epoch.
    pub(crate) start: u64,
    pub(crate) end: Option<u64>,
    pub(crate) status: u64,
    pub(crate) entity_type: u64,
    pub(crate) location: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) recurrence_rule: Option<Value>,
    pub(crate) exceptions: Vec<ExceptionRecord>,
    /// Who is interested, by user id ascending: in the whole event (`None`) or one occurrence.
    pub(crate) interested: Vec<(u64, Option<u64>)>,
}

impl EventRecord {
    /// As REST and the gateway show it (the spec's `ScheduledEventResponse`).
    pub(super) fn json(&self, world: &World, with_user_count: bool) -> Value {
        let mut value = json!({
            "id": self.id.to_string(),
            "guild_id": self.guild.to_string(),
            "channel_id": self.channel.map(|c| c.to_string()),
            "creator_id": self.creator.to_string(),
            "name": self.name,
            "description": self.description,
            "image": self.image,
            "scheduled_start_time": iso(self.start),
            "scheduled_end_time": self.end.map(iso),
            "status": self.status,
            "entity_type": self.entity_type,
            "entity_id": null,
            "recurrence_rule": self.recurrence_rule,
            "privacy_level": 2,
            "guild_scheduled_event_exceptions": self.exceptions.iter()
                .map(|e| self.exception_json(e)).collect::<Vec<_>>(),
            "entity_metadata": match &self.location {
                Some(location) => json!({"location": location}),
                None => Value::Null,
            },
        });
        if let Some(creator) = world.public_user_json_by_id(self.creator) {
            value["creator"] = creator;
        }
        if with_user_count {
            value["user_count"] = json!(self.series_count());
        }
        value
    }

    pub(super) fn exception_json(&self, exception: &ExceptionRecord) -> Value {
        json!({
            "event_id": self.id.to_string(),
            "event_exception_id": exception.id.to_string(),
            "scheduled_start_time": exception.start.map(iso),
            "scheduled_end_time": exception.end.map(iso),
            "is_canceled": exception.canceled,
        })
    }

    /// Users interested in the whole event.
    pub(super) fn series_count(&self) -> usize {
        self.interested.iter().filter(|(_, e)| e.is_none()).count()
    }
}

impl World {
    /// A guild's events as GUILD_CREATE and `GET /guilds/{guild}/scheduled-events` list them.
    pub(crate) fn guild_scheduled_events_json(
        &self,
        guild: u64,
        with_user_count: bool,
    ) -> Vec<Value> {
        self.scheduled_events
            .values()
            .filter(|e| e.guild == guild)
            .map(|e| e.json(self, with_user_count))
            .collect()
    }

    /// The guild's event `event` (10070 when unknown; 10004 for a guild the bot is not in).
    pub(super) fn event_of(&self, guild: u64, event: u64) -> Result<&EventRecord, Refusal> {
        self.acting_guild(guild)?;
        self.scheduled_events
            .get(&event)
            .filter(|e| e.guild == guild)
            .ok_or_else(|| Refusal::unknown(10070, "Guild Scheduled Event"))
    }

    /// `GET /guilds/{guild}/scheduled-events`.
    pub(crate) fn list_scheduled_events(
        &self,
        guild: u64,
        with_user_count: bool,
    ) -> Result<Value, Refusal> {
        self.acting_guild(guild)?;
        Ok(json!(
            self.guild_scheduled_events_json(guild, with_user_count)
        ))
    }

    /// `GET /guilds/{guild}/scheduled-events/{event}`.
    pub(crate) fn scheduled_event(
        &self,
        guild: u64,
        event: u64,
        with_user_count: bool,
    ) -> Result<Value, Refusal> {
        Ok(self.event_of(guild, event)?.json(self, with_user_count))
    }

    /// Checks where an event takes place: a voice channel (type 2) the bot can see and join, a
    /// stage (13) it moderates, or elsewhere with a location (and no channel).
    fn check_place(&self, guild: u64, event: &EventRecord) -> Result<(), Refusal> {
        match event.entity_type {
            1 | 2 => {
                let kind = if event.entity_type == 1 { 13 } else { 2 };
                let channel = event
                    .channel
                    .ok_or_else(|| invalid("channel_id", "This field is required"))?;
                let record = self
                    .guilds
                    .get(&guild)
                    .and_then(|g| g.channel(channel))
                    .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
                if record.kind != kind {
                    return Err(invalid(
                        "channel_id",
                        "Channel type is not valid for this entity type",
                    ));
                }
                let needs = if kind == 13 {
                    SEE_AND_CONNECT
                        | super::channels::MANAGE_CHANNELS
                        | super::moderation::MUTE_MEMBERS
                        | super::moderation::MOVE_MEMBERS
                } else {
                    SEE_AND_CONNECT
                };
                self.require(channel, needs)
            }
            3 => {
                if event.location.is_none() {
                    return Err(invalid(
                        "entity_metadata.location",
                        "This field is required",
                    ));
                }
                if event.end.is_none() {
                    return Err(invalid("scheduled_end_time", "This field is required"));
                }
                if event.channel.is_some() {
                    return Err(invalid("channel_id", "Must be null for external events"));
                }
                Ok(())
            }
            _ => Err(invalid("entity_type", "Value must be one of {1, 2, 3}.")),
        }
    }

    /// `POST /guilds/{guild}/scheduled-events`: GUILD_SCHEDULED_EVENT_CREATE.
    pub(crate) fn create_scheduled_event(
        &mut self,
        guild: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        let have = self.acting_guild(guild)?.permissions_of(self.bot_id);
        if have & (CREATE_EVENTS | MANAGE_EVENTS) == 0 {
            return Err(Refusal::missing_permissions());
        }
        for field in ["name", "scheduled_start_time", "entity_type"] {
            if body.get(field).is_none_or(Value::is_null) {
                return Err(invalid(field, "This field is required"));
            }
        }
        let mut event = EventRecord {
            id: self.ids.next(),
            guild,
            channel: None,
            creator: self.bot_id,
            name: String::new(),
            description: None,
            start: 0,
            end: None,
            status: 1,
            entity_type: 0,
            location: None,
            image: None,
            recurrence_rule: None,
            exceptions: Vec::new(),
            interested: Vec::new(),
        };
        event.apply(body)?;
        if event.start < now() {
            return Err(invalid(
                "scheduled_start_time",
                "Cannot schedule event in the past.",
            ));
        }
        self.check_place(guild, &event)?;
        let data = event.json(self, false);
        let id = event.id;
        self.scheduled_events.insert(id, event);
        let mut changed = Changed::quiet(data.clone()).emit(
            "GUILD_SCHEDULED_EVENT_CREATE",
            Some(guild),
            None,
            data,
        );
        changed.events.extend(self.audit_expression(guild, 100, id));
        Ok(changed)
    }

    /// The bot may change or delete `event`: MANAGE_EVENTS, or CREATE_EVENTS for its own.
    pub(super) fn manageable_event(&self, guild: u64, event: u64) -> Result<(), Refusal> {
        let record = self.event_of(guild, event)?;
        let have = self.guilds[&guild].permissions_of(self.bot_id);
        let own = record.creator == self.bot_id;
        if have & MANAGE_EVENTS != 0 || (own && have & CREATE_EVENTS != 0) {
            Ok(())
        } else {
            Err(Refusal::missing_permissions())
        }
    }

    /// `PATCH /guilds/{guild}/scheduled-events/{event}`: GUILD_SCHEDULED_EVENT_UPDATE.
    pub(crate) fn edit_scheduled_event(
        &mut self,
        guild: u64,
        event: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.manageable_event(guild, event)?;
        let mut record = self.scheduled_events[&event].clone();
        if matches!(record.status, 3 | 4) {
            return Err(Refusal::bad_request(
                180000,
                "Cannot update a finished event",
            ));
        }
        record.apply(body)?;
        if let Some(status) = body.get("status").filter(|v| !v.is_null()) {
            let status = status
                .as_u64()
                .ok_or_else(|| invalid("status", "Value must be one of {1, 2, 3, 4}."))?;
            let allowed = matches!((record.status, status), (1, 2) | (2, 3) | (1, 4))
                || record.status == status;
            if !allowed {
                return Err(invalid(
                    "status",
                    "Invalid Guild Scheduled Event Status Transition",
                ));
            }
            record.status = status;
        }
        self.check_place(guild, &record)?;
        let data = record.json(self, false);
        self.scheduled_events.insert(event, record);
        let mut changed = Changed::quiet(data.clone()).emit(
            "GUILD_SCHEDULED_EVENT_UPDATE",
            Some(guild),
            None,
            data,
        );
        changed
            .events
            .extend(self.audit_expression(guild, 101, event));
        Ok(changed)
    }

    /// `DELETE /guilds/{guild}/scheduled-events/{event}`: GUILD_SCHEDULED_EVENT_DELETE.
    pub(crate) fn delete_scheduled_event(
        &mut self,
        guild: u64,
        event: u64,
    ) -> Result<Changed<()>, Refusal> {
        self.manageable_event(guild, event)?;
        let record = self.scheduled_events.remove(&event).expect("checked");
        let data = record.json(self, false);
        let mut changed =
            Changed::quiet(()).emit("GUILD_SCHEDULED_EVENT_DELETE", Some(guild), None, data);
        changed
            .events
            .extend(self.audit_expression(guild, 102, event));
        Ok(changed)
    }
}

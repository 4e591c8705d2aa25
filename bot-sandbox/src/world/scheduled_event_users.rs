//! Who is interested in a scheduled event, and the exceptions of a recurring one: scripted
//! users subscribe through the world (GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE), to the whole
//! event or one occurrence; the bot lists them (by user id, 100 a page) and counts them; an
//! occurrence is moved or canceled by an exception (GUILD_SCHEDULED_EVENT_UPDATE).

use super::World;
use super::change::{Changed, Refusal};
use super::emojis::invalid;
use super::event_fields::time_field;
use super::scheduled_events::{EventRecord, ExceptionRecord};
use serde_json::{Value, json};

impl World {
    /// `GET .../users?limit&before&after&with_member`: the users interested in the event
    /// (`occurrence`: in one of its exceptions), by user id ascending.
    pub(crate) fn scheduled_event_users(
        &self,
        guild: u64,
        event: u64,
        occurrence: Option<u64>,
        (limit, before, after): (usize, Option<u64>, Option<u64>),
        with_member: bool,
    ) -> Result<Value, Refusal> {
        let record = self.event_of(guild, event)?;
        if let Some(exception) = occurrence
            && !record.exceptions.iter().any(|e| e.id == exception)
        {
            return Err(Refusal::unknown(10070, "Guild Scheduled Event Exception"));
        }
        let mut users: Vec<u64> = record
            .interested
            .iter()
            .filter(|(_, e)| occurrence.is_none() || e.is_none() || *e == occurrence)
            .filter(|(_, e)| occurrence.is_some() || e.is_none())
            .map(|(user, _)| *user)
            .filter(|user| after.is_none_or(|a| *user > a) && before.is_none_or(|b| *user < b))
            .collect();
        users.dedup();
        if before.is_some() && after.is_none() {
            // Paging backwards: the last `limit` before it.
            let skip = users.len().saturating_sub(limit);
            users.drain(..skip);
        }
        users.truncate(limit);
        let guild_record = &self.guilds[&guild];
        Ok(json!(
            users
                .into_iter()
                .map(|user| {
                    let mut value = json!({
                        "guild_scheduled_event_id": event.to_string(),
                        "guild_scheduled_event_exception_id": occurrence.map(|o| o.to_string()),
                        "user_id": user.to_string(),
                        "response": 1,
                    });
                    if let Some(user_json) = self.public_user_json_by_id(user) {
                        value["user"] = user_json;
                    }
                    if with_member && let Some(member) = guild_record.member(user) {
                        value["member"] = self.full_member_json(member);
                    }
                    value
                })
                .collect::<Vec<_>>()
        ))
    }

    /// `GET .../users/counts?guild_scheduled_event_exception_ids=`: the event's count and
    /// each listed occurrence's (those interested in the whole event, and in it; none when
    /// canceled).
    pub(crate) fn scheduled_event_user_counts(
        &self,
        guild: u64,
        event: u64,
        exceptions: &[u64],
    ) -> Result<Value, Refusal> {
        let record = self.event_of(guild, event)?;
        let mut counts = serde_json::Map::new();
        for id in exceptions {
            let exception = record
                .exceptions
                .iter()
                .find(|e| e.id == *id)
                .ok_or_else(|| Refusal::unknown(10070, "Guild Scheduled Event Exception"))?;
            let count = if exception.canceled {
                0
            } else {
                record
                    .interested
                    .iter()
                    .filter(|(_, e)| e.is_none() || *e == Some(*id))
                    .count()
            };
            counts.insert(id.to_string(), json!(count));
        }
        Ok(json!({
            "guild_scheduled_event_count": record.series_count(),
            "guild_scheduled_event_exception_counts": counts,
        }))
    }

    /// `POST .../exceptions` `{original_scheduled_start_time, scheduled_start_time?,
    /// scheduled_end_time?, is_canceled?}`: only for a recurring event (50035 otherwise), one
    /// exception per occurrence. GUILD_SCHEDULED_EVENT_UPDATE.
    pub(crate) fn create_event_exception(
        &mut self,
        guild: u64,
        event: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.manageable_event(guild, event)?;
        let original = time_field(body, "original_scheduled_start_time")?
            .ok_or_else(|| invalid("original_scheduled_start_time", "This field is required"))?;
        let record = &self.scheduled_events[&event];
        if record.recurrence_rule.is_none() {
            return Err(invalid(
                "guild_scheduled_event_id",
                "The event does not recur.",
            ));
        }
        if record.exceptions.iter().any(|e| e.original == original) {
            return Err(invalid(
                "original_scheduled_start_time",
                "An exception for this occurrence already exists.",
            ));
        }
        let exception = ExceptionRecord {
            id: self.ids.next(),
            original,
            start: time_field(body, "scheduled_start_time")?,
            end: time_field(body, "scheduled_end_time")?,
            canceled: body
                .get("is_canceled")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        };
        self.change_exceptions(guild, event, |record| {
            record.exceptions.push(exception.clone());
            Ok(exception.id)
        })
    }

    /// `PATCH .../exceptions/{exception}`: GUILD_SCHEDULED_EVENT_UPDATE.
    pub(crate) fn edit_event_exception(
        &mut self,
        guild: u64,
        event: u64,
        exception: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.manageable_event(guild, event)?;
        let start = time_field(body, "scheduled_start_time")?;
        let end = time_field(body, "scheduled_end_time")?;
        let canceled = body.get("is_canceled").and_then(Value::as_bool);
        self.change_exceptions(guild, event, |record| {
            let found = record
                .exceptions
                .iter_mut()
                .find(|e| e.id == exception)
                .ok_or_else(|| Refusal::unknown(10070, "Guild Scheduled Event Exception"))?;
            if body.get("scheduled_start_time").is_some() {
                found.start = start;
            }
            if body.get("scheduled_end_time").is_some() {
                found.end = end;
            }
            if let Some(canceled) = canceled {
                found.canceled = canceled;
            }
            Ok(exception)
        })
    }

    /// `DELETE .../exceptions/{exception}`: GUILD_SCHEDULED_EVENT_UPDATE.
    pub(crate) fn delete_event_exception(
        &mut self,
        guild: u64,
        event: u64,
        exception: u64,
    ) -> Result<Changed<()>, Refusal> {
        self.manageable_event(guild, event)?;
        self.change_exceptions(guild, event, |record| {
            let before = record.exceptions.len();
            record.exceptions.retain(|e| e.id != exception);
            record.interested.retain(|(_, e)| *e != Some(exception));
            if record.exceptions.len() == before {
                return Err(Refusal::unknown(10070, "Guild Scheduled Event Exception"));
            }
            Ok(exception)
        })
        .map(|changed| changed.map(|_| ()))
    }

    /// Applies `change` to the event's exceptions: the exception it names, and
    /// GUILD_SCHEDULED_EVENT_UPDATE.
    fn change_exceptions(
        &mut self,
        guild: u64,
        event: u64,
        change: impl FnOnce(&mut EventRecord) -> Result<u64, Refusal>,
    ) -> Result<Changed<Value>, Refusal> {
        let mut record = self.scheduled_events[&event].clone();
        let exception = change(&mut record)?;
        let shown = record
            .exceptions
            .iter()
            .find(|e| e.id == exception)
            .map_or(Value::Null, |e| record.exception_json(e));
        let data = record.json(self, false);
        self.scheduled_events.insert(event, record);
        Ok(Changed::quiet(shown).emit("GUILD_SCHEDULED_EVENT_UPDATE", Some(guild), None, data))
    }

    /// A scripted user says they are interested in the event (or one occurrence):
    /// GUILD_SCHEDULED_EVENT_USER_ADD. 10070 unknown, 10007 for a non-member.
    pub(crate) fn subscribe_to_event(
        &mut self,
        event: u64,
        user: u64,
        occurrence: Option<u64>,
    ) -> Result<Changed<()>, Refusal> {
        let record = self
            .scheduled_events
            .get(&event)
            .ok_or_else(|| Refusal::unknown(10070, "Guild Scheduled Event"))?;
        let guild = record.guild;
        if self.guilds[&guild].member(user).is_none() {
            return Err(Refusal::unknown(10007, "Member"));
        }
        let record = self.scheduled_events.get_mut(&event).expect("checked");
        if record.interested.contains(&(user, occurrence)) {
            return Ok(Changed::quiet(()));
        }
        record.interested.push((user, occurrence));
        record.interested.sort_unstable();
        Ok(Changed::quiet(()).emit(
            "GUILD_SCHEDULED_EVENT_USER_ADD",
            Some(guild),
            None,
            user_event_json(event, user, guild, occurrence),
        ))
    }

    /// A scripted user is no longer interested: GUILD_SCHEDULED_EVENT_USER_REMOVE.
    pub(crate) fn unsubscribe_from_event(
        &mut self,
        event: u64,
        user: u64,
        occurrence: Option<u64>,
    ) -> Result<Changed<()>, Refusal> {
        let record = self
            .scheduled_events
            .get_mut(&event)
            .ok_or_else(|| Refusal::unknown(10070, "Guild Scheduled Event"))?;
        let before = record.interested.len();
        record
            .interested
            .retain(|entry| *entry != (user, occurrence));
        if record.interested.len() == before {
            return Err(Refusal::unknown(10071, "Guild Scheduled Event User"));
        }
        let guild = record.guild;
        Ok(Changed::quiet(()).emit(
            "GUILD_SCHEDULED_EVENT_USER_REMOVE",
            Some(guild),
            None,
            user_event_json(event, user, guild, occurrence),
        ))
    }
}

/// GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE's data.
fn user_event_json(event: u64, user: u64, guild: u64, occurrence: Option<u64>) -> Value {
    let mut data = json!({
        "guild_scheduled_event_id": event.to_string(),
        "user_id": user.to_string(),
        "guild_id": guild.to_string(),
    });
    if let Some(occurrence) = occurrence {
        data["guild_scheduled_event_exception_id"] = json!(occurrence.to_string());
    }
    data
}

//! Reading a scheduled event's fields from a create or modify body, as Discord checks them
//! (50035 otherwise): texts within their lengths, RFC 3339 times with any offset, a cover image
//! as a data URI, a recurrence rule, an end after the start.

use super::change::Refusal;
use super::emojis::{decode_data_uri, invalid};
use super::scheduled_events::EventRecord;
use serde_json::Value;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// ISO 8601 with microseconds and `+00:00`, as Discord writes times.
pub(super) fn iso(seconds: u64) -> String {
    humantime::format_rfc3339_micros(UNIX_EPOCH + Duration::from_secs(seconds))
        .to_string()
        .replace('Z', "+00:00")
}

/// Seconds since the epoch of an RFC 3339 time with any offset (`None`: not one).
pub(crate) fn parse_time(text: &str) -> Option<u64> {
    let text = text.trim();
    let (base, offset) = if let Some(base) = text.strip_suffix('Z') {
        (base, 0i64)
    } else {
        let split = text.len().checked_sub(6)?;
        let (base, offset) = text.split_at(split);
        let sign = match offset.as_bytes().first()? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let (hours, minutes) = offset[1..].split_once(':')?;
        let minutes = hours.parse::<i64>().ok()? * 60 + minutes.parse::<i64>().ok()?;
        (base, sign * minutes * 60)
    };
    let at = humantime::parse_rfc3339(&format!("{base}Z")).ok()?;
    let seconds = at.duration_since(UNIX_EPOCH).ok()?.as_secs() as i64;
    u64::try_from(seconds - offset).ok()
}

pub(super) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A time field of a body: `Ok(None)` when absent or null.
pub(super) fn time_field(body: &Value, field: &str) -> Result<Option<u64>, Refusal> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => parse_time(text)
            .map(Some)
            .ok_or_else(|| invalid(field, "Could not parse. Should be ISO8601.")),
        Some(_) => Err(invalid(field, "Could not parse. Should be ISO8601.")),
    }
}

/// A text field of `min..=max` characters: `Ok(None)` when absent, `Some(None)` when null.
fn text_field(
    body: &Value,
    field: &str,
    (min, max): (usize, usize),
) -> Result<Option<Option<String>>, Refusal> {
    match body.get(field) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(text)) if (min..=max).contains(&text.chars().count()) => {
            Ok(Some(Some(text.clone())))
        }
        Some(_) => Err(invalid(
            field,
            &format!("Must be between {min} and {max} in length."),
        )),
    }
}

fn snowflake_field(body: &Value, field: &str) -> Option<Option<u64>> {
    body.get(field)
        .map(|v| v.as_str().and_then(|s| s.parse().ok()).or(v.as_u64()))
}

impl EventRecord {
    /// Reads the fields a create or modify body sets onto `event`.
    pub(super) fn apply(&mut self, body: &Value) -> Result<(), Refusal> {
        let event = self;
        if let Some(name) = text_field(body, "name", (1, 100))? {
            event.name = name.ok_or_else(|| invalid("name", "This field is required"))?;
        }
        if let Some(description) = text_field(body, "description", (0, 1000))? {
            event.description = description;
        }
        if let Some(kind) = body.get("entity_type").filter(|v| !v.is_null()) {
            event.entity_type = kind
                .as_u64()
                .ok_or_else(|| invalid("entity_type", "Value must be one of {1, 2, 3}."))?;
            if event.entity_type == 3 {
                event.channel = None;
            } else {
                event.location = None;
            }
        }
        if let Some(channel) = snowflake_field(body, "channel_id") {
            event.channel = channel;
        }
        if let Some(metadata) = body.get("entity_metadata").filter(|v| !v.is_null())
            && let Some(location) = text_field(metadata, "location", (1, 100))?
        {
            event.location = location;
        }
        if let Some(start) = time_field(body, "scheduled_start_time")? {
            event.start = start;
        }
        if body.get("scheduled_end_time").is_some() {
            event.end = time_field(body, "scheduled_end_time")?;
        }
        if let Some(level) = body.get("privacy_level").filter(|v| !v.is_null())
            && level.as_u64() != Some(2)
        {
            return Err(invalid("privacy_level", "Value must be one of {2}."));
        }
        if let Some(image) = body.get("image") {
            event.image = match image.as_str() {
                None => None,
                Some(uri) => {
                    decode_data_uri(
                        "image",
                        uri,
                        &["image/png", "image/jpeg", "image/gif", "image/webp"],
                        10 * 1024 * 1024,
                    )?;
                    Some(super::image_hash(uri))
                }
            };
        }
        if let Some(rule) = body.get("recurrence_rule") {
            event.recurrence_rule = (!rule.is_null()).then(|| rule.clone());
        }
        if event.end.is_some_and(|end| end <= event.start) {
            return Err(invalid(
                "scheduled_end_time",
                "Cannot schedule event to end before starting.",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_with_offsets_are_read() {
        let utc = parse_time("2030-01-01T18:00:00+00:00").expect("a time");
        assert_eq!(parse_time("2030-01-01T18:00:00Z"), Some(utc));
        assert_eq!(parse_time("2030-01-01T20:00:00+02:00"), Some(utc));
        assert_eq!(parse_time("2030-01-01T18:00:00.000000+00:00"), Some(utc));
        assert_eq!(parse_time("tomorrow"), None);
        assert_eq!(parse_time(&iso(utc)), Some(utc));
    }
}

//! What hangs off the application: its role-connection metadata records (at most 5, keys of
//! `a-z0-9_`, as Discord checks them), the activity instances a test starts, and whether an
//! id in a path is the application's own.

use super::World;
use super::application_edits::invalid;
use super::change::Refusal;
use serde_json::{Value, json};

/// Role-connection metadata records as Discord checks them: at most 5, each with a known `type`
/// (1–8), a key of 1–50 characters of `a-z0-9_` (each once), a name of 1–100 and a description
/// of 1–200 characters.
pub(crate) fn role_metadata_of(body: &Value) -> Result<Vec<Value>, Refusal> {
    let records = match body {
        Value::Null => return Ok(Vec::new()),
        Value::Array(records) => records,
        _ => return Err(invalid("_errors", "Not a list.")),
    };
    if records.len() > 5 {
        return Err(invalid("_errors", "Must be 5 or fewer in length."));
    }
    let mut keys = Vec::new();
    let mut stored = Vec::new();
    for record in records {
        let text = |field: &str, max: usize| -> Result<String, Refusal> {
            record
                .get(field)
                .and_then(Value::as_str)
                .filter(|t| (1..=max).contains(&t.chars().count()))
                .map(str::to_owned)
                .ok_or_else(|| invalid(field, &format!("Must be between 1 and {max} in length.")))
        };
        let kind = record
            .get("type")
            .and_then(Value::as_u64)
            .filter(|k| (1..=8).contains(k))
            .ok_or_else(|| invalid("type", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8}."))?;
        let key = text("key", 50)?;
        if !key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(invalid(
                "key",
                "Must only contain a-z, 0-9, or _ characters.",
            ));
        }
        if keys.contains(&key) {
            return Err(invalid("key", "Keys must be unique."));
        }
        keys.push(key.clone());
        let mut record_json = json!({
            "type": kind, "key": key, "name": text("name", 100)?,
            "description": text("description", 200)?,
        });
        for field in ["name_localizations", "description_localizations"] {
            if let Some(map) = record.get(field).and_then(Value::as_object) {
                record_json[field] = Value::Object(map.clone());
            }
        }
        stored.push(record_json);
    }
    Ok(stored)
}

impl World {
    /// 10002 unless `id` is the application's.
    pub(crate) fn own_application(&self, id: &str) -> Result<(), Refusal> {
        if id == "@me" || id.parse::<u64>().ok() == Some(self.application_id) {
            Ok(())
        } else {
            Err(Refusal::unknown(10002, "Application"))
        }
    }

    /// Starts an activity instance in `channel` with `users` in it; its instance id. `None`
    /// for an unknown channel.
    pub(crate) fn start_activity_instance(
        &mut self,
        channel: u64,
        users: &[u64],
    ) -> Option<String> {
        let guild = self.guild_id_of(channel);
        if guild.is_none() && !self.channel_exists(channel) {
            return None;
        }
        let launch = self.ids.next();
        let location = match guild {
            Some(guild) => json!({"id": format!("gc-{guild}-{channel}"), "kind": "gc",
                                  "channel_id": channel.to_string(), "guild_id": guild.to_string()}),
            None => json!({"id": format!("pc-{channel}"), "kind": "pc",
                           "channel_id": channel.to_string()}),
        };
        let kind = if guild.is_some() { "gc" } else { "pc" };
        let instance = format!("i-{launch}-{kind}-{channel}");
        let users: Vec<String> = users.iter().map(ToString::to_string).collect();
        self.app_settings.activity_instances.insert(
            instance.clone(),
            json!({"application_id": self.application_id.to_string(), "instance_id": instance,
                   "launch_id": launch.to_string(), "location": location, "users": users}),
        );
        Some(instance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_metadata_is_checked() {
        let record = |key: &str| json!({"type": 7, "key": key, "name": "n", "description": "d"});
        assert_eq!(role_metadata_of(&json!([record("a_1")])).unwrap().len(), 1);
        assert!(role_metadata_of(&json!([record("A")])).is_err());
        assert!(role_metadata_of(&json!([record("a"), record("a")])).is_err());
        let six: Vec<Value> = (0..6).map(|i| record(&format!("k{i}"))).collect();
        assert!(role_metadata_of(&Value::Array(six)).is_err());
    }
}

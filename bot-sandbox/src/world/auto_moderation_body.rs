//! Reading the body of a Create or Modify Auto Moderation Rule request as Discord checks it:
//! names, keyword lists and regex patterns (which must compile), presets, mention limits,
//! actions with their metadata, exempt ids; 50035 with the field's name otherwise.

use super::auto_moderation::{Action, BLOCK_MESSAGE, Metadata, SEND_ALERT, TIMEOUT};
use super::change::Refusal;
use serde_json::Value;

/// A 50035 refusal naming the field.
pub(crate) fn invalid(field: &str, message: &str) -> Refusal {
    Refusal::bad_request(50035, &format!("{field}: {message}"))
}

fn id_of(value: &Value) -> Option<u64> {
    value
        .as_str()
        .and_then(|s| s.parse().ok())
        .or(value.as_u64())
}

/// Reads a list of 1–`longest` character strings, at most `most` of them.
fn words(body: &Value, field: &str, most: usize, longest: usize) -> Result<Vec<String>, Refusal> {
    let Some(list) = body.get(field).filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let list = list
        .as_array()
        .ok_or_else(|| invalid(field, "Must be an array."))?;
    if list.len() > most {
        return Err(invalid(
            field,
            &format!("Must be {most} or fewer in length."),
        ));
    }
    list.iter()
        .map(|word| {
            word.as_str()
                .filter(|w| (1..=longest).contains(&w.chars().count()))
                .map(str::to_owned)
                .ok_or_else(|| {
                    invalid(
                        field,
                        &format!("Must be between 1 and {longest} in length."),
                    )
                })
        })
        .collect()
}

/// Reads trigger metadata for `trigger`: keyword lists (regexes must compile), presets 1–3,
/// a mention limit of at most 50.
pub(crate) fn metadata(body: &Value, trigger: u64) -> Result<Metadata, Refusal> {
    let allowed = if trigger == 4 { 1000 } else { 100 };
    let metadata = Metadata {
        keyword_filter: words(body, "keyword_filter", 1000, 60)?,
        regex_patterns: words(body, "regex_patterns", 10, 260)?,
        presets: match body.get("presets").and_then(Value::as_array) {
            None => Vec::new(),
            Some(list) => list
                .iter()
                .map(|p| p.as_u64().filter(|p| (1..=3).contains(p)))
                .collect::<Option<_>>()
                .ok_or_else(|| invalid("presets", "Value must be one of {1, 2, 3}."))?,
        },
        allow_list: words(body, "allow_list", allowed, 60)?,
        mention_total_limit: match body.get("mention_total_limit") {
            None | Some(Value::Null) => 0,
            Some(limit) => limit.as_u64().filter(|l| *l <= 50).ok_or_else(|| {
                invalid("mention_total_limit", "int value should be <= 50 and >= 0.")
            })?,
        },
        mention_raid_protection_enabled: body
            .get("mention_raid_protection_enabled")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    };
    if let Some(bad) = metadata
        .regex_patterns
        .iter()
        .find(|p| super::auto_moderation_match::compile(p).is_err())
    {
        return Err(invalid(
            "regex_patterns",
            &format!("Invalid regex pattern: {bad}"),
        ));
    }
    Ok(metadata)
}

/// Reads a list of ids, at most `most`.
pub(crate) fn ids(body: &Value, field: &str, most: usize) -> Result<Option<Vec<u64>>, Refusal> {
    let Some(list) = body.get(field).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let list = list
        .as_array()
        .ok_or_else(|| invalid(field, "Must be an array."))?;
    if list.len() > most {
        return Err(invalid(
            field,
            &format!("Must be {most} or fewer in length."),
        ));
    }
    let mut read = Vec::new();
    for id in list {
        let id = id_of(id).ok_or_else(|| invalid(field, "Value is not snowflake."))?;
        if !read.contains(&id) {
            read.push(id);
        }
    }
    Ok(Some(read))
}

/// Reads actions: one to five, of known types, with their metadata.
pub(crate) fn actions(list: &Value) -> Result<Vec<Action>, Refusal> {
    let list = list
        .as_array()
        .filter(|l| (1..=5).contains(&l.len()))
        .ok_or_else(|| invalid("actions", "Must be between 1 and 5 in length."))?;
    list.iter()
        .map(|action| {
            let kind = action
                .get("type")
                .and_then(Value::as_u64)
                .filter(|k| (1..=4).contains(k))
                .ok_or_else(|| invalid("actions.type", "Value must be one of {1, 2, 3, 4}."))?;
            let metadata = action.get("metadata").unwrap_or(&Value::Null);
            let custom_message = metadata
                .get("custom_message")
                .and_then(Value::as_str)
                .map(str::to_owned);
            if custom_message
                .as_ref()
                .is_some_and(|m| m.chars().count() > 150)
            {
                return Err(invalid(
                    "actions.metadata.custom_message",
                    "Must be 150 or fewer in length.",
                ));
            }
            let channel_id = metadata.get("channel_id").and_then(id_of);
            if kind == SEND_ALERT && channel_id.is_none() {
                return Err(invalid(
                    "actions.metadata.channel_id",
                    "This field is required",
                ));
            }
            let duration_seconds = metadata.get("duration_seconds").and_then(Value::as_u64);
            match duration_seconds {
                None if kind == TIMEOUT => {
                    return Err(invalid(
                        "actions.metadata.duration_seconds",
                        "This field is required",
                    ));
                }
                Some(seconds) if seconds > 2_419_200 => {
                    return Err(invalid(
                        "actions.metadata.duration_seconds",
                        "int value should be <= 2419200 and >= 0.",
                    ));
                }
                _ => {}
            }
            Ok(Action {
                kind,
                channel_id: channel_id.filter(|_| kind == SEND_ALERT),
                duration_seconds: duration_seconds.filter(|_| kind == TIMEOUT),
                custom_message: custom_message.filter(|_| kind == BLOCK_MESSAGE),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::auto_moderation::{KEYWORD, MENTION_SPAM};
    use serde_json::json;

    #[test]
    fn bodies_are_checked() {
        assert!(metadata(&json!({"regex_patterns": ["(unclosed"]}), KEYWORD).is_err());
        assert!(metadata(&json!({"keyword_filter": [""]}), KEYWORD).is_err());
        assert!(metadata(&json!({"mention_total_limit": 51}), MENTION_SPAM).is_err());
        assert!(actions(&json!([])).is_err());
        assert!(
            actions(&json!([{"type": 2, "metadata": {}}])).is_err(),
            "no channel"
        );
        assert!(
            actions(&json!([{"type": 3, "metadata": {"duration_seconds": 2_419_201}}])).is_err()
        );
        let read = actions(&json!([{"type": 1, "metadata": {"custom_message": "no"}}])).unwrap();
        assert_eq!(
            read[0].json(),
            json!({"type": 1, "metadata": {"custom_message": "no"}})
        );
    }
}

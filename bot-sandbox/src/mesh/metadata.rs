//! UPDATE_METADATA validation as V2019's `validate_metadata/1` and `Metadata.Types`.

use serde_json::{Map, Value};

/// Keys the server sets and clients may not.
pub(crate) const FORBIDDEN: [&str; 4] = ["last_heartbeat_time", "ip", "restricted", "encoding"];

/// The plain `key => value` map of a valid update; `None` if any entry is invalid (one bad key
/// rejects the whole update).
pub(crate) fn validate(update: &Map<String, Value>) -> Option<Map<String, Value>> {
    let mut clean = Map::new();
    for (key, entry) in update {
        let entry = entry.as_object().filter(|entry| entry.len() == 2)?;
        let (kind, value) = (entry.get("type")?.as_str()?, entry.get("value")?);
        if FORBIDDEN.contains(&key.as_str()) || !valid(kind, value) {
            return None;
        }
        clean.insert(key.clone(), value.clone());
    }
    Some(clean)
}

fn valid(kind: &str, value: &Value) -> bool {
    match kind {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "float" => value.is_f64(),
        "version" => value.as_str().is_some_and(is_semver),
        "list" => match value {
            Value::Array(_) => true,
            Value::String(text) => serde_json::from_str::<Value>(text).is_ok_and(|v| v.is_array()),
            _ => false,
        },
        _ => false,
    }
}

/// Strict SemVer 2.0, as Elixir's `Version.parse/1`.
pub(crate) fn is_semver(text: &str) -> bool {
    let (rest, build) = match text.split_once('+') {
        Some((rest, build)) => (rest, Some(build)),
        None => (text, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (rest, None),
    };
    let number = |part: &str| {
        !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_digit())
            && (part == "0" || !part.starts_with('0'))
    };
    let word = |part: &str| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|part| number(part))
        && pre.is_none_or(|pre| {
            pre.split('.')
                .all(|p| word(p) && (!p.bytes().all(|b| b.is_ascii_digit()) || number(p)))
        })
        && build.is_none_or(|build| build.split('.').all(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(update: Value) -> Option<Map<String, Value>> {
        validate(update.as_object().unwrap())
    }

    #[test]
    fn types_and_reserved_keys() {
        let ok = check(json!({
            "s": {"type": "string", "value": "x"},
            "i": {"type": "integer", "value": 3},
            "f": {"type": "float", "value": 1.0},
            "v": {"type": "version", "value": "1.2.3-rc.1+b"},
            "l": {"type": "list", "value": [1]},
            "ls": {"type": "list", "value": "[1, 2]"},
        }))
        .unwrap();
        assert_eq!(
            ok["ls"],
            json!("[1, 2]"),
            "a list given as a JSON string is stored as given"
        );
        for bad in [
            json!({"i": {"type": "integer", "value": 3.0}}),
            json!({"f": {"type": "float", "value": 1}}),
            json!({"v": {"type": "version", "value": "1.2"}}),
            json!({"v": {"type": "version", "value": "v1.2.3"}}),
            json!({"v": {"type": "version", "value": "01.2.3"}}),
            json!({"b": {"type": "boolean", "value": true}}),
            json!({"l": {"type": "list", "value": "nope"}}),
            json!({"x": {"type": "string", "value": "a", "extra": 1}}),
            json!({"ip": {"type": "string", "value": "1.2.3.4"}}),
            json!({"ok": {"type": "string", "value": "a"}, "restricted": {"type": "string", "value": "a"}}),
        ] {
            assert_eq!(check(bad.clone()), None, "{bad}");
        }
    }
}

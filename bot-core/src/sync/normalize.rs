//! Discord's stored form of a command made comparable with the registry's body: Discord's
//! defaults made explicit-absent, ids and versions ignored.

use serde_json::{Map, Value, json};

fn as_number(value: &Value) -> Value {
    value.as_f64().map_or(Value::Null, |x| json!(x))
}

fn non_empty(value: Option<&Value>) -> Option<Value> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::Array(a)) if a.is_empty() => None,
        Some(Value::Object(o)) if o.is_empty() => None,
        Some(Value::Bool(false)) => None,
        Some(other) => Some(other.clone()),
    }
}

/// An option with Discord's defaults made explicit-absent, for comparison.
fn normalize_option(option: &Value) -> Value {
    let mut out = Map::new();
    let kind = option["type"].as_u64().unwrap_or(0);
    out.insert("type".into(), json!(kind));
    for key in ["name", "description"] {
        out.insert(key.into(), option.get(key).cloned().unwrap_or(json!("")));
    }
    if !matches!(kind, 1 | 2) {
        out.insert(
            "required".into(),
            json!(option["required"].as_bool().unwrap_or(false)),
        );
    }
    for key in [
        "name_localizations",
        "description_localizations",
        "choices",
        "channel_types",
        "file_types",
        "autocomplete",
        "min_length",
        "max_length",
    ] {
        if let Some(value) = non_empty(option.get(key)) {
            out.insert(key.into(), value);
        }
    }
    for key in ["min_value", "max_value"] {
        if let Some(value) = non_empty(option.get(key)) {
            out.insert(key.into(), as_number(&value));
        }
    }
    if let Some(Value::Array(choices)) = out.get_mut("choices") {
        for choice in choices.iter_mut() {
            if let Some(map) = choice.as_object_mut()
                && non_empty(map.get("name_localizations")).is_none()
            {
                map.remove("name_localizations");
            }
            if choice["value"].is_number() {
                choice["value"] = as_number(&choice["value"]);
            }
        }
    }
    if let Some(Value::Array(options)) = option.get("options")
        && !options.is_empty()
    {
        out.insert(
            "options".into(),
            Value::Array(options.iter().map(normalize_option).collect()),
        );
    }
    Value::Object(out)
}

/// A command with Discord's defaults normalised, for comparison: `type` 1, `nsfw` false, empty
/// localizations absent, `integration_types` `[0]` for a global command without them, no
/// `contexts`/`integration_types` on guild commands, ids and versions ignored.
pub(crate) fn normalize(command: &Value, global: bool) -> Value {
    let mut out = Map::new();
    out.insert("type".into(), json!(command["type"].as_u64().unwrap_or(1)));
    for key in ["name", "description"] {
        out.insert(key.into(), command.get(key).cloned().unwrap_or(json!("")));
    }
    for key in [
        "name_localizations",
        "description_localizations",
        "default_member_permissions",
        "nsfw",
    ] {
        if let Some(value) = non_empty(command.get(key)) {
            out.insert(key.into(), value);
        }
    }
    if global {
        if let Some(value) = non_empty(command.get("contexts")) {
            out.insert("contexts".into(), value);
        }
        let types = non_empty(command.get("integration_types")).unwrap_or(json!([0]));
        out.insert("integration_types".into(), types);
    }
    if let Some(Value::Array(options)) = command.get("options")
        && !options.is_empty()
    {
        out.insert(
            "options".into(),
            Value::Array(options.iter().map(normalize_option).collect()),
        );
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use serde_json::json;

    #[test]
    fn discords_defaults_compare_equal_to_the_registrys_body() {
        let ours = json!({"name": "ping", "type": 1, "description": "Pong", "options": [
            {"type": 4, "name": "n", "description": "d", "required": false, "min_value": 0}
        ]});
        let discords = json!({"id": "1", "application_id": "2", "version": "3", "name": "ping", "type": 1,
            "description": "Pong", "default_member_permissions": null, "nsfw": false, "contexts": null,
            "integration_types": [0], "name_localizations": null, "description_localizations": null,
            "options": [{"type": 4, "name": "n", "description": "d", "min_value": 0.0}]});
        assert_eq!(normalize(&ours, true), normalize(&discords, true));
        let changed = json!({"name": "ping", "type": 1, "description": "Pong!"});
        assert_ne!(normalize(&changed, true), normalize(&discords, true));
    }
}

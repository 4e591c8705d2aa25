//! What an app changes about itself (developers/resources/application.mdx "Edit Current
//! Application"): the description (at most 400 characters), icon and cover image, the limited
//! gateway intent flags (the only ones an app may set), the interactions endpoint, linked-roles
//! verification and custom install urls (http(s), at most 2048 characters), the install
//! parameters, the install settings per context, up to 5 tags of at most 20 characters, and the
//! event webhooks. The settings also hold its role-connection metadata records and activity
//! instances (`app_records.rs`).

use super::change::Refusal;
use super::webhook_messages::image_hash;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// GATEWAY_PRESENCE_LIMITED | GATEWAY_GUILD_MEMBERS_LIMITED | GATEWAY_MESSAGE_CONTENT_LIMITED.
pub(crate) const LIMITED_INTENT_FLAGS: u64 = (1 << 13) | (1 << 15) | (1 << 19);

/// The event types an app may subscribe its event webhooks to (spec `ApplicationFormPartial`).
const WEBHOOK_EVENT_TYPES: &[&str] = &[
    "APPLICATION_AUTHORIZED",
    "APPLICATION_DEAUTHORIZED",
    "ENTITLEMENT_CREATE",
    "ENTITLEMENT_DELETE",
    "ENTITLEMENT_UPDATE",
    "GAME_DIRECT_MESSAGE_CREATE",
    "GAME_DIRECT_MESSAGE_DELETE",
    "GAME_DIRECT_MESSAGE_UPDATE",
    "LOBBY_MESSAGE_CREATE",
    "LOBBY_MESSAGE_DELETE",
    "LOBBY_MESSAGE_UPDATE",
    "QUEST_USER_ENROLLMENT",
];

/// The application's editable settings, and what hangs off it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AppSettings {
    pub(crate) description: String,
    pub(crate) icon: Option<String>,
    pub(crate) cover_image: Option<String>,
    pub(crate) flags: u64,
    /// The url fields by name (`interactions_endpoint_url`, ...), when set.
    pub(crate) urls: BTreeMap<&'static str, String>,
    pub(crate) install_params: Option<Value>,
    pub(crate) integration_types_config: Map<String, Value>,
    pub(crate) tags: Vec<String>,
    pub(crate) event_webhooks_status: u8,
    pub(crate) event_webhooks_types: Vec<String>,
    /// The role-connection metadata records, as stored.
    pub(crate) role_metadata: Vec<Value>,
    /// Running activity instances by instance id.
    pub(crate) activity_instances: BTreeMap<String, Value>,
}

impl Default for AppSettings {
    fn default() -> Self {
        AppSettings {
            description: "A bot running against bot-sandbox".to_owned(),
            icon: None,
            cover_image: None,
            flags: 0,
            urls: BTreeMap::new(),
            install_params: None,
            integration_types_config: Map::new(),
            tags: Vec::new(),
            event_webhooks_status: 1,
            event_webhooks_types: Vec::new(),
            role_metadata: Vec::new(),
            activity_instances: BTreeMap::new(),
        }
    }
}

/// The url fields, in the body's names.
const URL_FIELDS: &[&str] = &[
    "interactions_endpoint_url",
    "role_connections_verification_url",
    "custom_install_url",
    "event_webhooks_url",
];

/// 50035 naming the field.
pub(super) fn invalid(field: &str, message: &str) -> Refusal {
    Refusal::bad_request(50035, &format!("{field}: {message}"))
}

/// An http(s) url of at most 2048 characters, or `None` for `""` / `null` (cleared).
fn url_of(field: &str, value: &Value) -> Result<Option<String>, Refusal> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::String(text) if text.is_empty() => return Ok(None),
        Value::String(text) => text,
        _ => return Err(invalid(field, "Not a well formed URL.")),
    };
    let parsed = url::Url::parse(text).ok();
    let ok = text.chars().count() <= 2048
        && parsed.is_some_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
    if ok {
        Ok(Some(text.clone()))
    } else {
        Err(invalid(field, "Not a well formed URL."))
    }
}

impl AppSettings {
    /// Applies an edit body, all or nothing.
    pub(crate) fn apply(&mut self, body: &Value) -> Result<(), Refusal> {
        let mut next = self.clone();
        if let Some(description) = body.get("description").filter(|d| !d.is_null()) {
            // The docs send a string; the spec an object with its `default`.
            let text = description
                .as_str()
                .or_else(|| description.get("default").and_then(Value::as_str))
                .ok_or_else(|| invalid("description", "Could not interpret as a string."))?;
            if text.chars().count() > 400 {
                return Err(invalid("description", "Must be 400 or fewer in length."));
            }
            next.description = text.to_owned();
        }
        for (field, slot) in [
            ("icon", &mut next.icon),
            ("cover_image", &mut next.cover_image),
        ] {
            match body.get(field) {
                None => {}
                Some(Value::Null) => *slot = None,
                Some(Value::String(data)) if data.starts_with("data:image/") => {
                    *slot = Some(image_hash(data));
                }
                Some(_) => return Err(invalid(field, "Invalid image data")),
            }
        }
        if let Some(flags) = body.get("flags").filter(|f| !f.is_null()) {
            let flags = flags
                .as_u64()
                .ok_or_else(|| invalid("flags", "Value is not int."))?;
            if flags & !LIMITED_INTENT_FLAGS != 0 {
                return Err(invalid(
                    "flags",
                    "Only the limited gateway intent flags can be set.",
                ));
            }
            next.flags = (next.flags & !LIMITED_INTENT_FLAGS) | flags;
        }
        for &field in URL_FIELDS {
            if let Some(value) = body.get(field) {
                match url_of(field, value)? {
                    Some(url) => next.urls.insert(field, url),
                    None => next.urls.remove(field),
                };
            }
        }
        if let Some(tags) = body.get("tags").filter(|t| !t.is_null()) {
            let tags: Vec<String> = tags
                .as_array()
                .ok_or_else(|| invalid("tags", "Not a list."))?
                .iter()
                .map(|t| t.as_str().map(str::to_owned))
                .collect::<Option<_>>()
                .ok_or_else(|| invalid("tags", "Could not interpret as a string."))?;
            if tags.len() > 5 {
                return Err(invalid("tags", "Must be 5 or fewer in length."));
            }
            if tags.iter().any(|t| !(1..=20).contains(&t.chars().count())) {
                return Err(invalid("tags", "Must be between 1 and 20 in length."));
            }
            if (1..tags.len()).any(|i| tags[..i].contains(&tags[i])) {
                return Err(invalid("tags", "Tags must be unique."));
            }
            next.tags = tags;
        }
        if let Some(params) = body.get("install_params") {
            next.install_params = match params {
                Value::Null => None,
                params => Some(install_params_of(params)?),
            };
        }
        if let Some(config) = body
            .get("integration_types_config")
            .filter(|c| !c.is_null())
        {
            let config = config
                .as_object()
                .ok_or_else(|| invalid("integration_types_config", "Not a mapping."))?;
            for (kind, value) in config {
                if kind != "0" && kind != "1" {
                    return Err(invalid(
                        "integration_types_config",
                        "Invalid integration type.",
                    ));
                }
                let params = value.get("oauth2_install_params").filter(|p| !p.is_null());
                let stored = match params {
                    Some(params) => json!({"oauth2_install_params": install_params_of(params)?}),
                    None => json!({}),
                };
                next.integration_types_config.insert(kind.clone(), stored);
            }
        }
        if let Some(status) = body.get("event_webhooks_status").filter(|s| !s.is_null()) {
            next.event_webhooks_status = match status.as_u64() {
                Some(status @ (1 | 2)) => status as u8,
                _ => {
                    return Err(invalid(
                        "event_webhooks_status",
                        "Value must be one of {1, 2}.",
                    ));
                }
            };
        }
        if let Some(types) = body.get("event_webhooks_types").filter(|t| !t.is_null()) {
            let types: Vec<String> = types
                .as_array()
                .ok_or_else(|| invalid("event_webhooks_types", "Not a list."))?
                .iter()
                .map(|t| {
                    t.as_str()
                        .filter(|t| WEBHOOK_EVENT_TYPES.contains(t))
                        .map(str::to_owned)
                })
                .collect::<Option<_>>()
                .ok_or_else(|| invalid("event_webhooks_types", "Invalid event type."))?;
            next.event_webhooks_types = types;
        }
        if next.event_webhooks_status == 2 && !next.urls.contains_key("event_webhooks_url") {
            return Err(invalid(
                "event_webhooks_url",
                "An event webhooks URL is required to enable event webhooks.",
            ));
        }
        *self = next;
        Ok(())
    }

    /// The fields of the application object these settings decide.
    pub(crate) fn write_into(&self, app: &mut Map<String, Value>) {
        app.insert("description".to_owned(), json!(self.description));
        app.insert("icon".to_owned(), json!(self.icon));
        app.insert("flags".to_owned(), json!(self.flags));
        app.insert("flags_new".to_owned(), json!(self.flags.to_string()));
        for &field in URL_FIELDS {
            match self.urls.get(field) {
                Some(url) => app.insert(field.to_owned(), json!(url)),
                // Discord sends `null` for the unset ones, and leaves the custom url out.
                None if field != "custom_install_url" => app.insert(field.to_owned(), Value::Null),
                None => None,
            };
        }
        if let Some(cover) = &self.cover_image {
            app.insert("cover_image".to_owned(), json!(cover));
        }
        if let Some(params) = &self.install_params {
            app.insert("install_params".to_owned(), params.clone());
        }
        if !self.integration_types_config.is_empty() {
            app.insert(
                "integration_types_config".to_owned(),
                Value::Object(self.integration_types_config.clone()),
            );
        }
        if !self.tags.is_empty() {
            app.insert("tags".to_owned(), json!(self.tags));
        }
        app.insert(
            "event_webhooks_status".to_owned(),
            json!(self.event_webhooks_status),
        );
        app.insert(
            "event_webhooks_types".to_owned(),
            json!(self.event_webhooks_types),
        );
    }
}

/// Install parameters: known scopes (at least one) and permissions as a string of digits.
fn install_params_of(params: &Value) -> Result<Value, Refusal> {
    let scopes: Vec<&str> = params
        .get("scopes")
        .and_then(Value::as_array)
        .map(|s| s.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if scopes.is_empty() {
        return Err(invalid("install_params.scopes", "This field is required"));
    }
    let installable = |s: &&str| matches!(*s, "bot" | "applications.commands");
    if !scopes.iter().all(installable)
        || (1..scopes.len()).any(|i| scopes[..i].contains(&scopes[i]))
    {
        return Err(invalid(
            "install_params.scopes",
            "Only bot and applications.commands can be installed, each once.",
        ));
    }
    let permissions = match params.get("permissions") {
        None | Some(Value::Null) => "0".to_owned(),
        Some(Value::String(p)) if p.parse::<u64>().is_ok() => p.clone(),
        Some(Value::Number(p)) if p.is_u64() => p.to_string(),
        Some(_) => return Err(invalid("install_params.permissions", "Invalid permissions")),
    };
    if permissions != "0" && !scopes.contains(&"bot") {
        return Err(invalid(
            "install_params.permissions",
            "Permissions are only granted with the bot scope.",
        ));
    }
    Ok(json!({"scopes": scopes, "permissions": permissions}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_checked_as_discord_checks_them() {
        let mut settings = AppSettings::default();
        settings
            .apply(
                &json!({"description": "d", "tags": ["a", "b"], "flags": 1 << 19,
                           "interactions_endpoint_url": "https://x.example/i",
                           "install_params": {"scopes": ["bot"], "permissions": "8"}}),
            )
            .unwrap();
        assert_eq!(settings.flags, 1 << 19);
        assert_eq!(
            settings.urls["interactions_endpoint_url"],
            "https://x.example/i"
        );
        for bad in [
            json!({"flags": 1 << 12}),
            json!({"tags": ["a", "b", "c", "d", "e", "f"]}),
            json!({"description": "x".repeat(401)}),
            json!({"interactions_endpoint_url": "ftp://x"}),
            json!({"install_params": {"scopes": ["applications.commands"], "permissions": "8"}}),
            json!({"event_webhooks_status": 2}),
        ] {
            let before = settings.clone();
            assert!(settings.apply(&bad).is_err(), "{bad}");
            assert_eq!(settings, before, "nothing changes on a refusal");
        }
        settings
            .apply(&json!({"interactions_endpoint_url": ""}))
            .unwrap();
        assert!(!settings.urls.contains_key("interactions_endpoint_url"));
    }
}

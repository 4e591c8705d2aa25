//! Application commands on the wire: reading a write's body, and a stored command as Discord
//! returns it (AC "Application Command Object").

use super::StoredCommand;
use bot_spec::{CommandSpec, Scope};
use serde_json::{Value, json};
use std::borrow::Cow;

fn scope_of(guild: Option<u64>) -> Scope<'static> {
    match guild {
        None => Scope::Global,
        Some(id) => Scope::Guilds(Cow::Owned(vec![id])),
    }
}

/// A command body read for `guild`'s scope: the command, and the deprecated `dm_permission` a
/// global command was sent with (bot-spec does not model it; Discord still honours it when
/// `contexts` is absent, AC L35).
pub(crate) struct Parsed {
    pub(crate) spec: CommandSpec<'static>,
    pub(crate) dm_permission: Option<bool>,
}

/// Reads a command body for `guild`'s scope.
pub(crate) fn parse(body: &Value, guild: Option<u64>) -> Result<Parsed, String> {
    let mut spec: CommandSpec<'static> =
        serde_json::from_value(body.clone()).map_err(|e| e.to_string())?;
    spec.scope = scope_of(guild);
    // Guild commands have no contexts or integration types: Discord ignores them there.
    if guild.is_some() {
        spec.contexts = None;
        spec.integration_types = None;
    } else if spec.integration_types.is_none() {
        // Discord stores a global command without them as installed to guilds (discord-api-docs
        // #6744), so sending `[0]` later is no change.
        spec.integration_types = Some(Cow::Borrowed(&[bot_spec::IntegrationType::GuildInstall]));
    }
    let dm_permission = match guild {
        None => body.get("dm_permission").and_then(Value::as_bool),
        Some(_) => None,
    };
    Ok(Parsed {
        spec,
        dm_permission,
    })
}

/// A stored command as a write returns it (with localizations).
pub(crate) fn command_json(
    command: &StoredCommand,
    application_id: u64,
    guild: Option<u64>,
) -> Value {
    command_json_localized(command, application_id, guild, true)
}

/// A stored command as Discord returns it: the body plus ids, version and Discord's defaults
/// (`contexts: null`; `integration_types: [0]` for global commands; `nsfw: false`), and
/// `dm_permission` when a global command was written with it. Guild
/// commands have no `integration_types`: the field is omitted, not `null` (the spec's
/// `ApplicationCommandResponse` types it as an array only).
pub(crate) fn command_json_localized(
    command: &StoredCommand,
    application_id: u64,
    guild: Option<u64>,
    with_localizations: bool,
) -> Value {
    let mut value = serde_json::to_value(&command.spec).unwrap_or_else(|_| json!({}));
    let Some(map) = value.as_object_mut() else {
        return value;
    };
    map.insert("id".into(), json!(command.id.to_string()));
    map.insert("application_id".into(), json!(application_id.to_string()));
    map.insert("version".into(), json!(command.version.to_string()));
    map.entry("default_member_permissions")
        .or_insert(Value::Null);
    map.entry("nsfw").or_insert(json!(false));
    map.entry("contexts").or_insert(Value::Null);
    // Echoed only when the command was written with it (a global command's deprecated field).
    if let Some(allowed) = command.dm_permission {
        map.insert("dm_permission".into(), json!(allowed));
    }
    match guild {
        Some(id) => {
            map.insert("guild_id".into(), json!(id.to_string()));
            if map.get("integration_types").is_some_and(Value::is_null) {
                map.remove("integration_types");
            }
        }
        None => {
            map.entry("integration_types").or_insert(json!([0]));
        }
    }
    if with_localizations {
        map.entry("name_localizations").or_insert(Value::Null);
        map.entry("description_localizations")
            .or_insert(Value::Null);
    } else {
        map.remove("name_localizations");
        map.remove("description_localizations");
    }
    value
}

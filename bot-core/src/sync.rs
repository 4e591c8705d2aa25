//! Command sync: compare the registry with what Discord has, after normalising Discord's
//! defaults, and write only what differs (AC L1179-1420).

use crate::command::CommandScope;
use crate::http::{Http, HttpError};
use crate::model::Id;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// What a sync must do with one command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncAction {
    /// Discord lacks it: create it (a create counts toward Discord's 200 a day).
    Create,
    /// Discord has it with other fields: update it.
    Edit {
        /// Its id on Discord.
        id: Id,
    },
    /// Discord has it but the program no longer defines it: delete it.
    Delete {
        /// Its id on Discord.
        id: Id,
    },
    /// Discord has it as defined.
    Unchanged {
        /// Its id on Discord.
        id: Id,
    },
}

/// One command's place in a sync.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DesyncedCommand {
    /// Its scope.
    pub scope: CommandScope,
    /// Its name.
    pub name: String,
    /// Its type (1 slash, 2 user, 3 message).
    pub kind: u64,
    /// What the sync does with it.
    pub action: SyncAction,
}

/// How a sync writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SyncMethod {
    /// One bulk overwrite per scope that differs.
    #[default]
    Bulk,
    /// One request per command that differs (create or update, delete).
    Individual,
}

/// How to sync.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncOptions {
    /// Bulk or individual writes.
    pub method: SyncMethod,
    /// Write every scope whether it differs or not.
    pub force: bool,
    /// Delete commands Discord has that the program does not define.
    pub delete_existing: bool,
    /// Compute the diff and write nothing.
    pub dry_run: bool,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            method: SyncMethod::Bulk,
            force: false,
            delete_existing: true,
            dry_run: false,
        }
    }
}

/// What a sync found and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Every command of every scope with its action.
    pub commands: Vec<DesyncedCommand>,
    /// Write requests made.
    pub writes: usize,
    /// The registered id of each command, by scope, type and name.
    pub ids: BTreeMap<(CommandScope, u64, String), Id>,
}

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

fn key_of(command: &Value) -> (u64, String) {
    (
        command["type"].as_u64().unwrap_or(1),
        command["name"].as_str().unwrap_or("").to_owned(),
    )
}

fn id_of(command: &Value) -> Option<Id> {
    command["id"].as_str().and_then(|s| s.parse().ok())
}

/// The actions for one scope: `desired` (the registry's body) against `existing` (Discord's).
pub(crate) fn diff_scope(
    scope: CommandScope,
    desired: &[Value],
    existing: &[Value],
    delete_existing: bool,
) -> Vec<DesyncedCommand> {
    let global = scope == CommandScope::Global;
    let mut out = Vec::new();
    for command in desired {
        let (kind, name) = key_of(command);
        let found = existing.iter().find(|e| key_of(e) == (kind, name.clone()));
        let action = match found.and_then(|e| id_of(e).map(|id| (e, id))) {
            None => SyncAction::Create,
            Some((e, id)) if normalize(e, global) == normalize(command, global) => {
                SyncAction::Unchanged { id }
            }
            Some((_, id)) => SyncAction::Edit { id },
        };
        out.push(DesyncedCommand {
            scope,
            name,
            kind,
            action,
        });
    }
    if delete_existing {
        for command in existing {
            let key = key_of(command);
            if !desired.iter().any(|d| key_of(d) == key)
                && let Some(id) = id_of(command)
            {
                out.push(DesyncedCommand {
                    scope,
                    name: key.1,
                    kind: key.0,
                    action: SyncAction::Delete { id },
                });
            }
        }
    }
    out
}

/// Syncs every scope of `desired`, plus the global scope, with Discord.
pub(crate) async fn sync(
    http: &Http,
    application: Id,
    desired: &BTreeMap<CommandScope, Value>,
    options: SyncOptions,
) -> Result<SyncReport, HttpError> {
    let mut report = SyncReport::default();
    let mut scopes: Vec<CommandScope> = desired.keys().copied().collect();
    if !scopes.contains(&CommandScope::Global) {
        scopes.insert(0, CommandScope::Global);
    }
    for scope in scopes {
        let guild = match scope {
            CommandScope::Global => None,
            CommandScope::Guild(id) => Some(id),
        };
        let wanted: Vec<Value> = desired
            .get(&scope)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let existing = http.commands(application, guild).await?;
        let existing = existing.as_array().cloned().unwrap_or_default();
        let actions = diff_scope(scope, &wanted, &existing, options.delete_existing);
        let differs = actions
            .iter()
            .any(|a| !matches!(a.action, SyncAction::Unchanged { .. }));
        for (command, id) in actions.iter().filter_map(|a| match a.action {
            SyncAction::Unchanged { id } | SyncAction::Edit { id } => Some((a, id)),
            _ => None,
        }) {
            report
                .ids
                .insert((scope, command.kind, command.name.clone()), id);
        }
        if !options.dry_run && (differs || options.force) {
            let written = match options.method {
                SyncMethod::Bulk => {
                    report.writes += 1;
                    http.bulk_overwrite_commands(application, guild, Value::Array(wanted.clone()))
                        .await?
                }
                SyncMethod::Individual => {
                    let mut written = Vec::new();
                    for action in &actions {
                        match &action.action {
                            SyncAction::Delete { id } => {
                                report.writes += 1;
                                http.delete_command(application, guild, *id).await?;
                            }
                            SyncAction::Unchanged { .. } if !options.force => {}
                            _ => {
                                let body = wanted
                                    .iter()
                                    .find(|w| key_of(w) == (action.kind, action.name.clone()))
                                    .cloned()
                                    .unwrap_or(Value::Null);
                                report.writes += 1;
                                written.push(http.upsert_command(application, guild, body).await?);
                            }
                        }
                    }
                    Value::Array(written)
                }
            };
            for command in written.as_array().into_iter().flatten() {
                if let Some(id) = id_of(command) {
                    let (kind, name) = key_of(command);
                    report.ids.insert((scope, kind, name), id);
                }
            }
        }
        report.commands.extend(actions);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_diff_creates_edits_deletes_and_keeps() {
        let existing = vec![
            json!({"id": "10", "name": "keep", "type": 1, "description": "same"}),
            json!({"id": "11", "name": "edit", "type": 1, "description": "old"}),
            json!({"id": "12", "name": "gone", "type": 1, "description": "x"}),
        ];
        let desired = vec![
            json!({"name": "keep", "type": 1, "description": "same"}),
            json!({"name": "edit", "type": 1, "description": "new"}),
            json!({"name": "new", "type": 1, "description": "n"}),
        ];
        let actions: Vec<_> = diff_scope(CommandScope::Global, &desired, &existing, true)
            .into_iter()
            .map(|a| (a.name, a.action))
            .collect();
        assert_eq!(
            actions,
            [
                ("keep".to_owned(), SyncAction::Unchanged { id: Id(10) }),
                ("edit".to_owned(), SyncAction::Edit { id: Id(11) }),
                ("new".to_owned(), SyncAction::Create),
                ("gone".to_owned(), SyncAction::Delete { id: Id(12) }),
            ]
        );
    }
}

//! The plan for one scope: what to create, edit, delete, keep or leave alone.

use super::normalize::normalize;
use super::{DesyncedCommand, SyncAction};
use crate::command::CommandScope;
use crate::model::{CommandMarker, Id};
use serde_json::{Map, Value};

/// A command's key within its scope: type and name.
pub(crate) fn key_of(command: &Value) -> (u64, String) {
    (
        command["type"].as_u64().unwrap_or(1),
        command["name"].as_str().unwrap_or("").to_owned(),
    )
}

/// A stored command's id.
pub(crate) fn id_of(command: &Value) -> Option<Id<CommandMarker>> {
    command["id"].as_str().and_then(|s| s.parse().ok())
}

/// The actions for one scope: `desired` (the registry's body) against `existing` (Discord's).
/// Commands only Discord has are deleted with `delete_existing`, kept otherwise.
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
    for command in existing {
        let key = key_of(command);
        if desired.iter().any(|d| key_of(d) == key) {
            continue;
        }
        if let Some(id) = id_of(command) {
            out.push(DesyncedCommand {
                scope,
                name: key.1,
                kind: key.0,
                action: if delete_existing {
                    SyncAction::Delete { id }
                } else {
                    SyncAction::Kept { id }
                },
            });
        }
    }
    out
}

/// The fields of a stored command that a bulk overwrite takes back unchanged (its id, so Discord
/// updates it in place instead of counting a create).
const WRITABLE: [&str; 11] = [
    "id",
    "type",
    "name",
    "name_localizations",
    "description",
    "description_localizations",
    "options",
    "default_member_permissions",
    "nsfw",
    "contexts",
    "integration_types",
];

/// A command Discord has, as a bulk-overwrite item that leaves it as it is.
pub(crate) fn as_written(stored: &Value) -> Value {
    let mut out = Map::new();
    for key in WRITABLE {
        match stored.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) if list.is_empty() && key != "options" => {}
            Some(value) => {
                out.insert(key.to_owned(), value.clone());
            }
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn existing() -> Vec<Value> {
        vec![
            json!({"id": "10", "name": "keep", "type": 1, "description": "same"}),
            json!({"id": "11", "name": "edit", "type": 1, "description": "old"}),
            json!({"id": "12", "name": "gone", "type": 1, "description": "x"}),
        ]
    }

    fn desired() -> Vec<Value> {
        vec![
            json!({"name": "keep", "type": 1, "description": "same"}),
            json!({"name": "edit", "type": 1, "description": "new"}),
            json!({"name": "new", "type": 1, "description": "n"}),
        ]
    }

    fn actions(delete_existing: bool) -> Vec<(String, SyncAction)> {
        diff_scope(
            CommandScope::Global,
            &desired(),
            &existing(),
            delete_existing,
        )
        .into_iter()
        .map(|a| (a.name, a.action))
        .collect()
    }

    #[test]
    fn the_diff_creates_edits_deletes_and_keeps() {
        assert_eq!(
            actions(true),
            [
                ("keep".to_owned(), SyncAction::Unchanged { id: Id::new(10) }),
                ("edit".to_owned(), SyncAction::Edit { id: Id::new(11) }),
                ("new".to_owned(), SyncAction::Create),
                ("gone".to_owned(), SyncAction::Delete { id: Id::new(12) }),
            ]
        );
    }

    #[test]
    fn without_delete_existing_unknown_commands_are_kept() {
        assert_eq!(
            actions(false)[3],
            ("gone".to_owned(), SyncAction::Kept { id: Id::new(12) })
        );
    }

    #[test]
    fn a_kept_command_is_written_back_with_its_id_and_without_read_only_fields() {
        let stored = json!({"id": "12", "application_id": "3", "guild_id": "4", "version": "5",
            "type": 1, "name": "gone", "description": "x", "options": [], "contexts": null,
            "default_member_permissions": null, "nsfw": false, "integration_types": [0]});
        assert_eq!(
            as_written(&stored),
            json!({"id": "12", "type": 1, "name": "gone", "description": "x", "options": [],
                   "nsfw": false, "integration_types": [0]})
        );
    }
}

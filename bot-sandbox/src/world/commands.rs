//! Registered application commands, per scope, with Discord's write semantics (AC L1179-1420).

use crate::ids::Snowflakes;
use bot_spec::{
    CommandKind, CommandSpec, FieldPath, FormBodyError, Scope, ScopeConflict, check_scope,
    limits::DAILY_CREATES_PER_SCOPE, validate_command,
};
use serde_json::{Value, json};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// One registered command.
#[derive(Clone, Debug)]
pub(crate) struct StoredCommand {
    pub(crate) id: u64,
    pub(crate) version: u64,
    pub(crate) spec: CommandSpec<'static>,
}

/// Why a command write was refused.
#[derive(Debug)]
pub(crate) enum CommandError {
    /// 50035 with field errors.
    InvalidBody(FormBodyError),
    /// 50035 for a body that is not a command (or a list of them).
    Malformed(String),
    /// 30032: more commands of a type than a scope holds.
    TooMany,
    /// 30034: the daily create budget is spent.
    DailyLimit,
    /// 10063: no such command.
    Unknown,
    /// 50035 `APPLICATION_COMMANDS_DUPLICATE_NAME`: two commands of a type share a name.
    DuplicateName(String),
}

/// The commands of every scope; `None` is the global scope.
#[derive(Debug, Default)]
pub(crate) struct CommandStore {
    scopes: BTreeMap<Option<u64>, Vec<StoredCommand>>,
    creates: BTreeMap<Option<u64>, (Instant, usize)>,
    /// Count of successful writes (PUT, POST, PATCH, DELETE), for tests.
    pub(crate) writes: usize,
}

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

fn scope_of(guild: Option<u64>) -> Scope<'static> {
    match guild {
        None => Scope::Global,
        Some(id) => Scope::Guilds(Cow::Owned(vec![id])),
    }
}

/// Reads and validates a command body for `guild`'s scope.
fn parse(body: &Value, guild: Option<u64>) -> Result<CommandSpec<'static>, String> {
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
        spec.integration_types = Some(std::borrow::Cow::Borrowed(&[
            bot_spec::IntegrationType::GuildInstall,
        ]));
    }
    Ok(spec)
}

impl CommandStore {
    /// The commands of a scope.
    pub(crate) fn list(&self, guild: Option<u64>) -> &[StoredCommand] {
        self.scopes.get(&guild).map_or(&[], Vec::as_slice)
    }

    fn spend(&mut self, guild: Option<u64>, new: usize) -> Result<(), CommandError> {
        let now = Instant::now();
        let entry = self.creates.entry(guild).or_insert((now, 0));
        if now.duration_since(entry.0) >= DAY {
            *entry = (now, 0);
        }
        if entry.1 + new > DAILY_CREATES_PER_SCOPE {
            return Err(CommandError::DailyLimit);
        }
        entry.1 += new;
        Ok(())
    }

    /// Bulk overwrite: the scope's commands become exactly `bodies` (AC L1266-1273).
    pub(crate) fn bulk_overwrite(
        &mut self,
        guild: Option<u64>,
        bodies: &Value,
        ids: &Snowflakes,
    ) -> Result<&[StoredCommand], CommandError> {
        let Some(items) = bodies.as_array() else {
            return Err(CommandError::Malformed(
                "expected an array of commands".into(),
            ));
        };
        let mut errors = FormBodyError::default();
        let mut specs = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match parse(item, guild) {
                Ok(spec) => {
                    if let Err(violations) = validate_command(&spec) {
                        errors.add(&FieldPath::root().index(i), &violations);
                    }
                    specs.push(spec);
                }
                Err(why) => return Err(CommandError::Malformed(format!("[{i}]: {why}"))),
            }
        }
        if !errors.is_empty() {
            return Err(CommandError::InvalidBody(errors));
        }
        check_conflicts(&specs)?;
        let existing = self.scopes.remove(&guild).unwrap_or_default();
        let new = specs
            .iter()
            .filter(|s| {
                !existing
                    .iter()
                    .any(|e| e.spec.name == s.name && e.spec.kind == s.kind)
            })
            .count();
        if let Err(error) = self.spend(guild, new) {
            self.scopes.insert(guild, existing);
            return Err(error);
        }
        let stored = specs
            .into_iter()
            .map(|spec| {
                match existing
                    .iter()
                    .find(|e| e.spec.name == spec.name && e.spec.kind == spec.kind)
                {
                    Some(old) if old.spec == spec => old.clone(),
                    Some(old) => StoredCommand {
                        id: old.id,
                        version: ids.next(),
                        spec,
                    },
                    None => StoredCommand {
                        id: ids.next(),
                        version: ids.next(),
                        spec,
                    },
                }
            })
            .collect();
        self.writes += 1;
        Ok(self.scopes.entry(guild).or_insert(stored))
    }

    /// Create or update by name and type; `true` when it was created (AC L273-281).
    pub(crate) fn upsert(
        &mut self,
        guild: Option<u64>,
        body: &Value,
        ids: &Snowflakes,
    ) -> Result<(StoredCommand, bool), CommandError> {
        let spec = parse(body, guild).map_err(CommandError::Malformed)?;
        if let Err(violations) = validate_command(&spec) {
            return Err(CommandError::InvalidBody(FormBodyError::from(&violations)));
        }
        let list = self.scopes.entry(guild).or_default();
        if let Some(old) = list
            .iter_mut()
            .find(|e| e.spec.name == spec.name && e.spec.kind == spec.kind)
        {
            if old.spec != spec {
                old.spec = spec;
                old.version = ids.next();
            }
            let updated = old.clone();
            self.writes += 1;
            return Ok((updated, false));
        }
        let same_kind = list.iter().filter(|c| c.spec.kind == spec.kind).count();
        if same_kind >= bot_spec::limits::max_commands_per_scope(spec.kind) {
            return Err(CommandError::TooMany);
        }
        self.spend(guild, 1)?;
        let stored = StoredCommand {
            id: ids.next(),
            version: ids.next(),
            spec,
        };
        self.scopes.entry(guild).or_default().push(stored.clone());
        self.writes += 1;
        Ok((stored, true))
    }

    /// Edit: the fields sent replace the command's (AC L1229-1260).
    pub(crate) fn patch(
        &mut self,
        guild: Option<u64>,
        id: u64,
        body: &Value,
        ids: &Snowflakes,
        application_id: u64,
    ) -> Result<StoredCommand, CommandError> {
        let list = self.scopes.entry(guild).or_default();
        let index = list
            .iter()
            .position(|c| c.id == id)
            .ok_or(CommandError::Unknown)?;
        let mut merged = command_json(&list[index], application_id, guild);
        if let (Some(target), Some(patch)) = (merged.as_object_mut(), body.as_object()) {
            for (key, value) in patch {
                target.insert(key.clone(), value.clone());
            }
        }
        let spec = parse(&merged, guild).map_err(CommandError::Malformed)?;
        if let Err(violations) = validate_command(&spec) {
            return Err(CommandError::InvalidBody(FormBodyError::from(&violations)));
        }
        let mut after: Vec<CommandSpec<'static>> = list.iter().map(|c| c.spec.clone()).collect();
        after[index] = spec.clone();
        check_conflicts(&after)?;
        let stored = &mut list[index];
        if stored.spec != spec {
            stored.spec = spec;
            stored.version = ids.next();
        }
        self.writes += 1;
        Ok(stored.clone())
    }

    /// Delete one command.
    pub(crate) fn delete(&mut self, guild: Option<u64>, id: u64) -> Result<(), CommandError> {
        let list = self.scopes.entry(guild).or_default();
        let before = list.len();
        list.retain(|c| c.id != id);
        if list.len() == before {
            return Err(CommandError::Unknown);
        }
        self.writes += 1;
        Ok(())
    }

    /// The command with this id in any scope.
    pub(crate) fn find(&self, guild: Option<u64>, id: u64) -> Option<&StoredCommand> {
        self.list(guild).iter().find(|c| c.id == id)
    }

    /// The command a user would pick by name and type in `guild` (guild commands first).
    pub(crate) fn lookup(
        &self,
        guild: Option<u64>,
        name: &str,
        kind: CommandKind,
    ) -> Option<(Option<u64>, &StoredCommand)> {
        let in_scope = |scope: Option<u64>| {
            self.list(scope)
                .iter()
                .find(|c| c.spec.name == name && c.spec.kind == kind)
                .map(|c| (scope, c))
        };
        guild
            .and_then(|g| in_scope(Some(g)))
            .or_else(|| in_scope(None))
    }
}

fn check_conflicts(specs: &[CommandSpec<'static>]) -> Result<(), CommandError> {
    match check_scope(specs) {
        Ok(()) => Ok(()),
        Err(conflicts) => {
            if conflicts
                .iter()
                .any(|c| matches!(c, ScopeConflict::TooMany { .. }))
            {
                return Err(CommandError::TooMany);
            }
            let message = conflicts
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            Err(CommandError::DuplicateName(message))
        }
    }
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
/// (`contexts: null`; `integration_types: [0]` for global commands; `nsfw: false`). Guild
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

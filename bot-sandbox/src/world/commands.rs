//! Registered application commands, per scope, with Discord's write semantics (AC L1179-1420).

use super::command_wire::{Parsed, command_json, parse};
use crate::ids::Snowflakes;
use bot_spec::{
    CommandKind, CommandSpec, FieldPath, FormBodyError, IntegrationType, InteractionContextType,
    ScopeConflict, check_scope, limits::DAILY_CREATES_PER_SCOPE, validate_command,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// One registered command.
#[derive(Clone, Debug)]
pub(crate) struct StoredCommand {
    pub(crate) id: u64,
    pub(crate) version: u64,
    pub(crate) spec: CommandSpec<'static>,
    /// The deprecated `dm_permission` a global command was written with.
    pub(crate) dm_permission: Option<bool>,
}

impl StoredCommand {
    fn same(&self, parsed: &Parsed) -> bool {
        self.spec == parsed.spec && self.dm_permission == parsed.dm_permission
    }

    /// Whether Discord's client offers this command in `context` (AC "Interaction Contexts").
    /// Guild commands exist only in their guild. A global command follows its `contexts`; without
    /// them it is usable in guilds, and in the bot's DM unless `dm_permission` is `false` (AC
    /// L35, L39). In the bot's DM it must also be installable to guilds, the installation the
    /// sandbox models (user installs are not).
    pub(crate) fn allows(&self, context: InteractionContextType, global: bool) -> bool {
        if !global {
            return context == InteractionContextType::Guild;
        }
        let listed = match &self.spec.contexts {
            Some(contexts) => contexts.contains(&context),
            None => context == InteractionContextType::Guild || self.dm_permission != Some(false),
        };
        let installed = context == InteractionContextType::Guild
            || self
                .spec
                .integration_types
                .as_ref()
                .is_none_or(|types| types.contains(&IntegrationType::GuildInstall));
        listed && installed
    }
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
                Ok(parsed) => {
                    if let Err(violations) = validate_command(&parsed.spec) {
                        errors.add(&FieldPath::root().index(i), &violations);
                    }
                    specs.push(parsed);
                }
                Err(why) => return Err(CommandError::Malformed(format!("[{i}]: {why}"))),
            }
        }
        if !errors.is_empty() {
            return Err(CommandError::InvalidBody(errors));
        }
        let only_specs: Vec<CommandSpec<'static>> = specs.iter().map(|p| p.spec.clone()).collect();
        check_conflicts(&only_specs)?;
        let existing = self.scopes.remove(&guild).unwrap_or_default();
        let new = specs
            .iter()
            .filter(|p| {
                !existing
                    .iter()
                    .any(|e| e.spec.name == p.spec.name && e.spec.kind == p.spec.kind)
            })
            .count();
        if let Err(error) = self.spend(guild, new) {
            self.scopes.insert(guild, existing);
            return Err(error);
        }
        let stored = specs
            .into_iter()
            .map(|parsed| {
                match existing
                    .iter()
                    .find(|e| e.spec.name == parsed.spec.name && e.spec.kind == parsed.spec.kind)
                {
                    Some(old) if old.same(&parsed) => old.clone(),
                    Some(old) => StoredCommand {
                        id: old.id,
                        version: ids.next(),
                        spec: parsed.spec,
                        dm_permission: parsed.dm_permission,
                    },
                    None => StoredCommand {
                        id: ids.next(),
                        version: ids.next(),
                        spec: parsed.spec,
                        dm_permission: parsed.dm_permission,
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
        let parsed = parse(body, guild).map_err(CommandError::Malformed)?;
        if let Err(violations) = validate_command(&parsed.spec) {
            return Err(CommandError::InvalidBody(FormBodyError::from(&violations)));
        }
        let list = self.scopes.entry(guild).or_default();
        if let Some(old) = list
            .iter_mut()
            .find(|e| e.spec.name == parsed.spec.name && e.spec.kind == parsed.spec.kind)
        {
            if !old.same(&parsed) {
                old.spec = parsed.spec;
                old.dm_permission = parsed.dm_permission;
                old.version = ids.next();
            }
            let updated = old.clone();
            self.writes += 1;
            return Ok((updated, false));
        }
        let same_kind = list
            .iter()
            .filter(|c| c.spec.kind == parsed.spec.kind)
            .count();
        if same_kind >= bot_spec::limits::max_commands_per_scope(parsed.spec.kind) {
            return Err(CommandError::TooMany);
        }
        self.spend(guild, 1)?;
        let stored = StoredCommand {
            id: ids.next(),
            version: ids.next(),
            spec: parsed.spec,
            dm_permission: parsed.dm_permission,
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
        let parsed = parse(&merged, guild).map_err(CommandError::Malformed)?;
        if let Err(violations) = validate_command(&parsed.spec) {
            return Err(CommandError::InvalidBody(FormBodyError::from(&violations)));
        }
        let mut after: Vec<CommandSpec<'static>> = list.iter().map(|c| c.spec.clone()).collect();
        after[index] = parsed.spec.clone();
        check_conflicts(&after)?;
        let stored = &mut list[index];
        if !stored.same(&parsed) {
            stored.spec = parsed.spec;
            stored.dm_permission = parsed.dm_permission;
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

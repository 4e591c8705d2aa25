//! The command registry: every command of the program, checked across commands, resolved from
//! interactions, and turned into the bulk-overwrite bodies of each scope.

use super::registered::{CommandEntry, CommandOwner, RegisteredCommand};
use crate::invoke::{CommandLayer, CommandLayers};
use crate::model::{CommandData, GuildMarker, Id};
use bot_spec::{
    CommandSpec, IntegrationType, InteractionContextType, OptionKind, ScopeConflict,
    ValidationErrors, check_scope, validate_command,
};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Where commands are registered: globally or in one guild.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CommandScope {
    /// The global commands.
    Global,
    /// The commands of one guild.
    Guild(Id<GuildMarker>),
}

impl fmt::Display for CommandScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandScope::Global => f.write_str("global"),
            CommandScope::Guild(id) => write!(f, "guild {id}"),
        }
    }
}

/// How the registry's commands become the bodies a sync writes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncConfig {
    /// When non-empty, every command is registered in each of these guilds instead of its own
    /// scope (and global-only fields are dropped): quick to update while developing.
    pub debug_guilds: Vec<Id<GuildMarker>>,
    /// `contexts` for global commands that set none.
    pub default_contexts: Option<Vec<InteractionContextType>>,
    /// `integration_types` for global commands that set none.
    pub default_integration_types: Option<Vec<IntegrationType>>,
}

/// Rules broken by the registry's commands: invalid specs and conflicts across commands. Lists
/// every problem at once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegistryError {
    /// Commands that break a rule on their own (built at run time; macro-built ones cannot).
    pub invalid: Vec<(String, ValidationErrors)>,
    /// Conflicts across the commands of one scope, with the commands involved.
    pub conflicts: Vec<(CommandScope, ScopeConflict, Vec<String>)>,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.invalid.len() + self.conflicts.len();
        write!(f, "{count} problem(s) with the registered commands")?;
        for (name, errors) in &self.invalid {
            write!(f, "\n  command `{name}`: {errors}")?;
        }
        for (scope, conflict, commands) in &self.conflicts {
            write!(f, "\n  {scope}: {conflict}: {}", commands.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for RegistryError {}

/// The command an interaction invokes and the subcommand path within it, found in one walk of
/// the interaction's options against the command's: what the router resolves each interaction
/// to, and what the invocation and its context then share.
#[derive(Clone, Copy, Debug)]
pub struct Resolution<'r> {
    /// The command.
    pub command: &'r RegisteredCommand,
    /// The group and subcommand names after the command's, if any.
    pub subcommand_path: [Option<&'r str>; 2],
}

impl<'r> Resolution<'r> {
    /// The group and subcommand names after the command's (none, one or two).
    pub fn below(&self) -> impl Iterator<Item = &'r str> + '_ {
        self.subcommand_path.iter().map_while(|part| *part)
    }

    /// How many levels below the command the invoked subcommand is (0, 1 or 2).
    pub fn depth(&self) -> usize {
        self.below().count()
    }

    /// The layers an invocation goes through, outermost first: its cog's, then the command's,
    /// its group's and its subcommand's (those that exist).
    pub fn layers(&self) -> Vec<&'r CommandLayer> {
        let below: Vec<&str> = self.below().collect();
        let mut chain: Vec<&'r CommandLayer> = self
            .command
            .cog()
            .map(|cog| &cog.layer)
            .into_iter()
            .collect();
        chain.extend(self.command.layers().chain(&below));
        chain
    }
}

/// Every command of the program.
///
/// ```
/// use bot_core::command::{CommandRegistry, SyncConfig, CommandScope};
/// use bot_core::spec::CommandSpec;
/// let registry = CommandRegistry::from_specs([
///     CommandSpec::chat_input("ping", "Replies with pong"),
///     CommandSpec::user("Show avatar").guilds([42]),
/// ]).unwrap();
/// let payloads = registry.payloads(&SyncConfig::default()).unwrap();
/// assert_eq!(payloads[&CommandScope::Global][0]["name"], "ping");
/// assert_eq!(payloads[&CommandScope::Guild(42.into())][0]["type"], 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct CommandRegistry {
    commands: Vec<RegisteredCommand>,
}

impl CommandRegistry {
    /// Every command the command macros registered in this program, checked across commands.
    ///
    /// Commands defined in a library crate are collected only when the binary links that crate:
    /// name it (`use my_commands as _;`) if nothing else in the binary uses it.
    pub fn collect() -> Result<Self, RegistryError> {
        let commands = inventory::iter::<CommandEntry>
            .into_iter()
            .map(|entry| {
                let mut layers = CommandLayers::default();
                (entry.setup)(&mut layers);
                RegisteredCommand {
                    spec: Cow::Borrowed(entry.spec),
                    handler: Some(Arc::new(entry.handler)),
                    owner: CommandOwner::Program,
                    source: Some(entry.source),
                    help: entry.help,
                    state: entry.state,
                    layers: Arc::new(layers),
                    cog: None,
                    extension: None,
                }
            })
            .collect();
        Self::checked(commands)
    }

    /// A registry of commands built at run time (no handlers), checked one by one and across
    /// commands.
    pub fn from_specs(
        specs: impl IntoIterator<Item = CommandSpec<'static>>,
    ) -> Result<Self, RegistryError> {
        let commands = specs
            .into_iter()
            .map(|spec| RegisteredCommand {
                spec: Cow::Owned(spec),
                handler: None,
                owner: CommandOwner::Program,
                source: None,
                help: "",
                state: &[],
                layers: Arc::default(),
                cog: None,
                extension: None,
            })
            .collect();
        Self::checked(commands)
    }

    fn checked(mut commands: Vec<RegisteredCommand>) -> Result<Self, RegistryError> {
        commands.sort_by(|a, b| {
            (a.scopes().first().copied(), a.spec.kind, &a.spec.name).cmp(&(
                b.scopes().first().copied(),
                b.spec.kind,
                &b.spec.name,
            ))
        });
        let mut error = RegistryError::default();
        for command in &commands {
            if let Err(errors) = validate_command(&command.spec) {
                error.invalid.push((command.spec.name.to_string(), errors));
            }
        }
        let mut by_scope: BTreeMap<CommandScope, Vec<&RegisteredCommand>> = BTreeMap::new();
        for command in &commands {
            for scope in command.scopes() {
                by_scope.entry(scope).or_default().push(command);
            }
        }
        for (scope, members) in by_scope {
            let specs: Vec<CommandSpec<'static>> =
                members.iter().map(|c| c.spec.as_ref().clone()).collect();
            if let Err(conflicts) = check_scope(&specs) {
                for conflict in conflicts {
                    let involved = match &conflict {
                        ScopeConflict::DuplicateName { indices, .. } => {
                            indices.iter().map(|&i| members[i].label()).collect()
                        }
                        ScopeConflict::TooMany { kind, .. } => members
                            .iter()
                            .filter(|c| c.spec.kind == *kind)
                            .map(|c| c.label())
                            .collect(),
                    };
                    error.conflicts.push((scope, conflict, involved));
                }
            }
        }
        if error.invalid.is_empty() && error.conflicts.is_empty() {
            Ok(CommandRegistry { commands })
        } else {
            Err(error)
        }
    }

    /// This registry with `command` added, checked across commands (a name taken in one of its
    /// scopes, or too many commands there, is an error and changes nothing).
    pub fn with(&self, command: RegisteredCommand) -> Result<Self, RegistryError> {
        let mut commands = self.commands.clone();
        commands.push(command);
        Self::checked(commands)
    }

    /// This registry without the commands `matches` picks, and those commands.
    pub fn without(
        &self,
        matches: impl Fn(&RegisteredCommand) -> bool,
    ) -> (Self, Vec<RegisteredCommand>) {
        let (removed, kept) = self.commands.iter().cloned().partition(|c| matches(c));
        (CommandRegistry { commands: kept }, removed)
    }

    /// The command named `name` of `kind` registered in exactly the guilds `guild_ids` (empty:
    /// global), as Pycord's `get_application_command`.
    pub fn get(
        &self,
        name: &str,
        guild_ids: &[u64],
        kind: bot_spec::CommandKind,
    ) -> Option<&RegisteredCommand> {
        self.commands
            .iter()
            .find(|c| c.spec.name == name && c.spec.kind == kind && c.has_guilds(guild_ids))
    }

    /// The commands, sorted by scope, kind and name.
    pub fn commands(&self) -> &[RegisteredCommand] {
        &self.commands
    }

    /// The command `data` invokes (by name, type and scope, placed as `config` registers
    /// commands), without walking its options.
    fn find_in(&self, data: &CommandData, config: &SyncConfig) -> Option<&RegisteredCommand> {
        let scope = data
            .guild_id
            .map_or(CommandScope::Global, CommandScope::Guild);
        self.commands.iter().find(|c| {
            c.spec.name == data.name
                && c.spec.kind == data.kind
                && c.placed_scopes(config).contains(&scope)
        })
    }

    /// The command `data` invokes (matched by name, type and scope) and its subcommand path, or
    /// `None` for a command or subcommand this program does not define; commands are placed as
    /// `config` registers them (with `debug_guilds`, every command is in each debug guild and
    /// nowhere else). The router resolves each interaction with it, once.
    ///
    /// ```
    /// use bot_core::command::{CommandRegistry, SyncConfig};
    /// use bot_core::model::CommandData;
    /// use bot_core::spec::{CommandSpec, OptionKind, OptionSpec};
    /// let registry = CommandRegistry::from_specs([CommandSpec::chat_input("tag", "Tags")
    ///     .option(OptionSpec::new(OptionKind::SubCommand, "get", "Shows a tag"))])
    /// .unwrap();
    /// let data: CommandData = serde_json::from_value(serde_json::json!({
    ///     "id": "1", "name": "tag", "type": 1, "options": [{"name": "get", "type": 1}]
    /// })).unwrap();
    /// let resolved = registry.resolve(&data, &SyncConfig::default()).unwrap();
    /// assert_eq!(resolved.below().collect::<Vec<_>>(), ["get"]);
    /// ```
    pub fn resolve(&self, data: &CommandData, config: &SyncConfig) -> Option<Resolution<'_>> {
        let command = self.find_in(data, config)?;
        let mut path = [None, None];
        let mut options = &data.options;
        let mut specs = command.spec.options.as_ref();
        for slot in &mut path {
            let Some(first) = options.first() else { break };
            if !matches!(
                first.kind,
                OptionKind::SubCommand | OptionKind::SubCommandGroup
            ) {
                break;
            }
            let spec = specs
                .iter()
                .find(|s| s.name == first.name && s.kind == first.kind)?;
            *slot = Some(spec.name.as_ref());
            options = &first.options;
            specs = spec.options.as_ref();
        }
        Some(Resolution {
            command,
            subcommand_path: path,
        })
    }

    /// The bulk-overwrite body of each scope: a JSON array of the commands registered there
    /// (each a [`RawCommand`](crate::http::RawCommand), the JSON the sync compares with
    /// Discord's).
    ///
    /// With `debug_guilds`, every command goes to each of those guilds instead (without
    /// `contexts` and `integration_types`, which guild commands do not have); otherwise global
    /// commands without `contexts`/`integration_types` get the configured defaults.
    pub fn payloads(
        &self,
        config: &SyncConfig,
    ) -> Result<BTreeMap<CommandScope, serde_json::Value>, RegistryError> {
        let mut placed: Vec<CommandSpec<'static>> = Vec::new();
        for command in &self.commands {
            let mut spec = command.spec.as_ref().clone();
            if !config.debug_guilds.is_empty() {
                spec.contexts = None;
                spec.integration_types = None;
                spec.scope = bot_spec::Scope::Guilds(
                    config.debug_guilds.iter().map(|id| id.get()).collect(),
                );
            } else if spec.scope.is_global() {
                if spec.contexts.is_none() {
                    spec.contexts = config.default_contexts.clone().map(Cow::Owned);
                }
                if spec.integration_types.is_none() {
                    spec.integration_types =
                        config.default_integration_types.clone().map(Cow::Owned);
                }
            }
            placed.push(spec);
        }
        let registry = Self::from_specs(placed)?;
        let mut payloads: BTreeMap<CommandScope, Vec<&CommandSpec<'static>>> = BTreeMap::new();
        for command in &registry.commands {
            for scope in command.scopes() {
                payloads.entry(scope).or_default().push(command.spec());
            }
        }
        Ok(payloads
            .into_iter()
            .map(|(scope, specs)| {
                let body = serde_json::to_value(specs)
                    .expect("command specs always serialize: their keys are strings");
                (scope, body)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bot_spec::OptionSpec;

    #[test]
    fn a_path_names_the_command_or_one_of_its_subcommands() {
        let plain = RegisteredCommand::new(CommandSpec::chat_input("ping", "Pings"), |_| async {
            Ok(())
        });
        let path = |parts: &[&str]| parts.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        assert!(plain.has_path(&path(&["ping"])));
        assert!(!plain.has_path(&path(&["pong"])));
        assert!(!plain.has_path(&path(&["ping", "extra"])));
        assert!(!plain.has_path(&[]));

        let group = OptionSpec::new(OptionKind::SubCommandGroup, "user", "Users")
            .option(OptionSpec::new(OptionKind::SubCommand, "get", "Gets"));
        let spec = CommandSpec::chat_input("perm", "Permissions")
            .option(group)
            .option(OptionSpec::new(OptionKind::SubCommand, "reset", "Resets"));
        let nested = RegisteredCommand::new(spec, |_| async { Ok(()) });
        assert!(nested.has_path(&path(&["perm", "user", "get"])));
        assert!(nested.has_path(&path(&["perm", "reset"])));
        assert!(
            !nested.has_path(&path(&["perm"])),
            "a command with subcommands is not run"
        );
        assert!(!nested.has_path(&path(&["perm", "user"])), "nor is a group");
        assert!(!nested.has_path(&path(&["perm", "user", "set"])));
    }
}

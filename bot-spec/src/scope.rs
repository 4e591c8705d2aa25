//! Rules across the commands of one scope (global, or one guild): AC L155-174.

use crate::limits::max_commands_per_scope;
use crate::model::{CommandKind, CommandSpec};
use std::collections::BTreeMap;
use std::fmt;

/// A rule broken by a set of commands registered in the same scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeConflict {
    /// Several commands of one kind share a name (names are unique per kind and scope; AC
    /// L155-165). Discord answers a bulk overwrite with this as a 50035 error.
    DuplicateName {
        /// The commands' kind.
        kind: CommandKind,
        /// The shared name.
        name: String,
        /// The positions of every command with that name, in order.
        indices: Vec<usize>,
    },
    /// More commands of one kind than a scope holds (AC L167-174); Discord answers 30032.
    TooMany {
        /// The commands' kind.
        kind: CommandKind,
        /// How many there are.
        count: usize,
        /// How many the scope holds.
        max: usize,
    },
}

impl fmt::Display for ScopeConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScopeConflict::DuplicateName {
                kind,
                name,
                indices,
            } => write!(
                f,
                "{} commands of type {} are named {name:?} (positions {indices:?}); names are \
                 unique per type and scope",
                indices.len(),
                kind.value()
            ),
            ScopeConflict::TooMany { kind, count, max } => write!(
                f,
                "{count} commands of type {} exceed the limit of {max} per scope",
                kind.value()
            ),
        }
    }
}

/// Checks the commands of one scope: one name per kind, and at most 100 CHAT_INPUT, 15 USER,
/// 15 MESSAGE and 1 PRIMARY_ENTRY_POINT command. Returns every conflict at once.
///
/// A CHAT_INPUT and a USER command may share a name, and so may a global and a guild command:
/// call this once per scope.
///
/// ```
/// use bot_spec::{CommandSpec, ScopeConflict, check_scope};
/// let commands = [
///     CommandSpec::chat_input("info", "About the bot"),
///     CommandSpec::user("info"),
///     CommandSpec::chat_input("info", "Again"),
/// ];
/// let conflicts = check_scope(&commands).unwrap_err();
/// assert!(matches!(&conflicts[0], ScopeConflict::DuplicateName { indices, .. } if indices == &[0, 2]));
/// ```
pub fn check_scope(commands: &[CommandSpec<'_>]) -> Result<(), Vec<ScopeConflict>> {
    let mut by_name: BTreeMap<(CommandKind, &str), Vec<usize>> = BTreeMap::new();
    let mut counts: BTreeMap<CommandKind, usize> = BTreeMap::new();
    for (i, command) in commands.iter().enumerate() {
        by_name
            .entry((command.kind, command.name.as_ref()))
            .or_default()
            .push(i);
        *counts.entry(command.kind).or_default() += 1;
    }
    let mut conflicts: Vec<ScopeConflict> = by_name
        .into_iter()
        .filter(|(_, indices)| indices.len() > 1)
        .map(|((kind, name), indices)| ScopeConflict::DuplicateName {
            kind,
            name: name.to_owned(),
            indices,
        })
        .collect();
    for (kind, count) in counts {
        let max = max_commands_per_scope(kind);
        if kind.is_known() && count > max {
            conflicts.push(ScopeConflict::TooMany { kind, count, max });
        }
    }
    if conflicts.is_empty() {
        Ok(())
    } else {
        Err(conflicts)
    }
}

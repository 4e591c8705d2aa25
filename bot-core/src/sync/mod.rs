//! Command sync: compare the registry with what Discord has, after normalising Discord's
//! defaults, and write only what differs (AC L1179-1420).
//!
//! A sync never destroys by accident:
//! - a program whose registry holds no command (the usual cause: the binary does not link the
//!   crate that defines them, `use my_commands as _;` is missing) deletes nothing unless
//!   [`SyncOptions::allow_empty_registry`] says so;
//! - with `debug_guilds`, the global scope is neither read nor written;
//! - `delete_existing: false` keeps Discord's other commands with either write method (a bulk
//!   overwrite sends them along);
//! - a guild the registry places no command in is read and cleaned only when listed in
//!   [`SyncOptions::check_guilds`], as Pycord's `check_guilds`.

mod diff;
mod normalize;
mod write;

pub(crate) use write::sync;

use crate::command::CommandScope;
use crate::model::{CommandMarker, GuildMarker, Id};
use std::collections::BTreeMap;

/// What a sync must do with one command.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyncAction {
    /// Discord lacks it: create it (a create counts toward Discord's 200 a day).
    Create,
    /// Discord has it with other fields: update it.
    Edit {
        /// Its id on Discord.
        id: Id<CommandMarker>,
    },
    /// Discord has it but the program no longer defines it: delete it.
    Delete {
        /// Its id on Discord.
        id: Id<CommandMarker>,
    },
    /// Discord has it as defined.
    Unchanged {
        /// Its id on Discord.
        id: Id<CommandMarker>,
    },
    /// Discord has it, the program does not define it, and the sync leaves it as it is
    /// (`delete_existing: false`, or an empty registry that was not allowed to delete).
    Kept {
        /// Its id on Discord.
        id: Id<CommandMarker>,
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
///
/// ```
/// use bot_core::sync::{SyncMethod, SyncOptions};
/// let options = SyncOptions {
///     method: SyncMethod::Individual,
///     delete_existing: false,
///     check_guilds: vec![123456789012345678.into()],
///     ..SyncOptions::default()
/// };
/// assert!(!options.allow_empty_registry);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncOptions {
    /// Bulk or individual writes.
    pub method: SyncMethod,
    /// Write every scope whether it differs or not.
    pub force: bool,
    /// Delete commands Discord has that the program does not define (default: yes). With
    /// `false`, they are kept, by either method.
    pub delete_existing: bool,
    /// Compute the diff and write nothing.
    pub dry_run: bool,
    /// Let a program with no command at all delete Discord's commands (default: no: such a sync
    /// writes nothing and warns, since the usual cause is a binary that does not link the crate
    /// defining the commands).
    pub allow_empty_registry: bool,
    /// Guilds to read and clean even when the program places no command in them (Pycord's
    /// `check_guilds`); other guilds without commands are never touched.
    pub check_guilds: Vec<Id<GuildMarker>>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            method: SyncMethod::Bulk,
            force: false,
            delete_existing: true,
            dry_run: false,
            allow_empty_registry: false,
            check_guilds: Vec::new(),
        }
    }
}

/// Why a sync held back writes it would otherwise have made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyncGuard {
    /// The program defines no command, so the sync would have deleted every one Discord has;
    /// it wrote nothing. Set [`SyncOptions::allow_empty_registry`] to delete them on purpose.
    EmptyRegistry {
        /// How many commands it would have deleted.
        would_delete: usize,
    },
}

/// What a sync found and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Every command of every scope with its action.
    pub commands: Vec<DesyncedCommand>,
    /// Write requests made.
    pub writes: usize,
    /// The registered id of each command, by scope, type and name.
    pub ids: BTreeMap<(CommandScope, u64, String), Id<CommandMarker>>,
    /// Set when a guard held the sync back (nothing was written).
    pub guarded: Option<SyncGuard>,
}

//! The command service: the registry (a snapshot swapped whole on change), where commands are
//! synced, the global checks and hooks, the program's `on_application_command_error`, and the
//! invocations under way.

use super::global::Globals;
use super::inflight::InFlight;
use crate::Error;
use crate::command::{ApplicationContext, CommandError, CommandRegistry, Reply, SyncConfig};
use crate::event::{EventHandlerCall, EventHandlerDef};
use crate::model::AllowedMentions;
use crate::sync::{SyncOptions, SyncReport};
use std::sync::{Arc, RwLock};

/// How `on_application_command_error` is called.
pub(crate) type CommandErrorCall =
    for<'a> fn(&'a ApplicationContext, &'a CommandError) -> super::HookFuture<'a>;

/// See the module's documentation.
pub(crate) struct Commands {
    /// Replaced whole on each change; readers take a snapshot.
    registry: RwLock<Arc<CommandRegistry>>,
    pub(crate) sync: SyncConfig,
    pub(crate) sync_options: SyncOptions,
    pub(crate) auto_sync: bool,
    /// The last sync's report; `None` until `start` synced (changes before are not written).
    pub(crate) synced: tokio::sync::Mutex<Option<SyncReport>>,
    pub(crate) globals: Globals,
    pub(crate) invocations: InFlight,
    /// How interactions' replies mention, when the bot sets it.
    pub(crate) allowed_mentions: Option<AllowedMentions>,
    /// The program's `#[event] on_application_command_error`, if any.
    error_handler: Option<(&'static str, CommandErrorCall)>,
}

/// What the builder gives the command service.
pub(crate) struct CommandsConfig {
    pub(crate) registry: CommandRegistry,
    pub(crate) sync: SyncConfig,
    pub(crate) sync_options: SyncOptions,
    pub(crate) auto_sync: bool,
    pub(crate) globals: Globals,
    pub(crate) invocations: InFlight,
    pub(crate) allowed_mentions: Option<AllowedMentions>,
}

impl Commands {
    /// The service, with the program's `on_application_command_error` (the build checked there
    /// is at most one).
    pub(crate) fn new(config: CommandsConfig) -> Commands {
        let error_handler = EventHandlerDef::all().find_map(|def| match def.call {
            EventHandlerCall::CommandError(call) => Some((def.path, call)),
            _ => None,
        });
        Commands {
            registry: RwLock::new(Arc::new(config.registry)),
            sync: config.sync,
            sync_options: config.sync_options,
            auto_sync: config.auto_sync,
            synced: tokio::sync::Mutex::new(None),
            globals: config.globals,
            invocations: config.invocations,
            allowed_mentions: config.allowed_mentions,
            error_handler,
        }
    }

    /// No command, default settings (for unit tests).
    #[cfg(test)]
    pub(crate) fn for_tests() -> Commands {
        Commands::new(CommandsConfig {
            registry: CommandRegistry::default(),
            sync: SyncConfig::default(),
            sync_options: SyncOptions::default(),
            auto_sync: true,
            globals: Globals::collect(Default::default()).expect("no global hooks"),
            invocations: InFlight::new(super::inflight::DEFAULT_CLOSE_GRACE),
            allowed_mentions: None,
        })
    }

    /// The commands now (a snapshot).
    pub(crate) fn registry(&self) -> Arc<CommandRegistry> {
        self.registry
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Replaces the registry with `change`'s result, if it is one the bot can register.
    pub(crate) fn change_registry(
        &self,
        change: impl FnOnce(&CommandRegistry) -> Result<CommandRegistry, Error>,
    ) -> Result<(), Error> {
        let mut registry = self.registry.write().unwrap_or_else(|p| p.into_inner());
        let changed = change(&registry)?;
        changed.payloads(&self.sync)?;
        *registry = Arc::new(changed);
        Ok(())
    }

    /// The program's `on_application_command_error`, if any.
    pub(crate) fn error_handler(&self) -> Option<(&'static str, CommandErrorCall)> {
        self.error_handler
    }

    /// The default error handler's reply to `error`.
    pub(crate) fn error_reply(&self, error: &CommandError) -> Option<Reply> {
        (self.globals.error_reply)(error)
    }
}

//! The registry while the bot runs: add, remove, look up and walk commands, as Pycord's
//! `add_application_command` and friends. One rule for writing to Discord: with
//! `auto_sync_commands` on (the default) a change on a started bot ends with one sync, which
//! writes only the scopes that changed; with it off, nothing is written until
//! [`Context::sync_commands`].

use super::Context;
use crate::Error;
use crate::checks::Check;
use crate::command::{CommandRegistry, CommandScope, RegisteredCommand};
use crate::invoke::CheckId;
use crate::model::{ApplicationMarker, Id};
use crate::sync::SyncOptions;
use crate::sync::SyncReport;
use bot_spec::CommandKind;
use std::collections::BTreeSet;
use std::sync::Arc;

impl Context {
    /// Adds a command. It is checked with the others (a name taken in one of its scopes, too
    /// many commands, a placement that does not fit: an error, and nothing changes); on a started
    /// bot with `auto_sync_commands` on, one sync follows and its report is returned.
    ///
    /// ```no_run
    /// # async fn demo(bot: bot_core::Context) -> Result<(), bot_core::Error> {
    /// use bot_core::command::RegisteredCommand;
    /// use bot_core::spec::CommandSpec;
    /// let roll = RegisteredCommand::new(CommandSpec::chat_input("roll", "Rolls a die"), |ctx| async move {
    ///     ctx.respond("4").await?;
    ///     Ok(())
    /// });
    /// bot.add_application_command(roll).await?;
    /// # Ok(()) }
    /// ```
    pub async fn add_application_command(
        &self,
        command: RegisteredCommand,
    ) -> Result<Option<SyncReport>, Error> {
        self.change_registry(|registry| Ok(registry.with(command)?))?;
        self.sync_after_change().await
    }

    /// Removes the command named `name` of `kind` registered in exactly `guild_ids` (empty:
    /// globally) and returns it (`None`: there was none, and nothing is written); then syncs as
    /// [`add_application_command`](Self::add_application_command) does.
    pub async fn remove_application_command(
        &self,
        name: &str,
        guild_ids: &[u64],
        kind: CommandKind,
    ) -> Result<Option<RegisteredCommand>, Error> {
        let mut removed = Vec::new();
        self.change_registry(|registry| {
            let (kept, gone) = registry.without(|c| {
                c.spec().name == name && c.spec().kind == kind && c.has_guilds(guild_ids)
            });
            removed = gone;
            Ok(kept)
        })?;
        let Some(command) = removed.pop() else {
            return Ok(None);
        };
        self.sync_after_change().await?;
        Ok(Some(command))
    }

    /// The command named `name` of `kind` registered in exactly `guild_ids` (empty: globally).
    pub fn get_application_command(
        &self,
        name: &str,
        guild_ids: &[u64],
        kind: CommandKind,
    ) -> Option<RegisteredCommand> {
        self.registry().get(name, guild_ids, kind).cloned()
    }

    /// Every command now, sorted by scope, kind and name (subcommands are in each command's
    /// spec).
    pub fn walk_application_commands(&self) -> Vec<RegisteredCommand> {
        self.registry().commands().to_vec()
    }

    /// Replaces the registry with `change`'s result, if it is one the bot can register.
    pub(crate) fn change_registry(
        &self,
        change: impl FnOnce(&CommandRegistry) -> Result<CommandRegistry, Error>,
    ) -> Result<(), Error> {
        self.services.commands.change_registry(change)
    }

    /// The sync a change ends with: only on a started bot (before, `start` syncs everything),
    /// only with `auto_sync_commands` on. Changes made at once queue for one sync each.
    pub(crate) async fn sync_after_change(&self) -> Result<Option<SyncReport>, Error> {
        if !self.services.commands.auto_sync {
            return Ok(None);
        }
        let mut synced = self.services.commands.synced.lock().await;
        if synced.is_none() {
            return Ok(None);
        }
        // The registry was synced before and changed on purpose: removing the last command
        // deletes it from Discord (the empty-registry guard is for a program that lost its
        // commands before it started).
        let report = self
            .register_commands(crate::sync::SyncOptions {
                allow_empty_registry: true,
                ..self.services.commands.sync_options.clone()
            })
            .await?;
        *synced = Some(report.clone());
        Ok(Some(report))
    }

    fn require_application(&self) -> Result<Id<ApplicationMarker>, Error> {
        self.application_id()
            .ok_or_else(|| Error::Config("log in first: the application id is unknown".to_owned()))
    }

    /// Compares the commands with Discord's and writes what differs, as `options` says.
    ///
    /// The scopes synced: the global scope (unless `debug_guilds` are set: then it is neither
    /// read nor written), every guild the registry places a command in, and
    /// [`SyncOptions::check_guilds`]. See [`crate::sync`] for the guards against accidental
    /// deletes.
    pub async fn register_commands(&self, options: SyncOptions) -> Result<SyncReport, Error> {
        let application = self.require_application()?;
        let commands = &self.services.commands;
        let registry = commands.registry();
        let desired = registry.payloads(&commands.sync)?;
        let mut scopes: BTreeSet<CommandScope> = desired.keys().copied().collect();
        if commands.sync.debug_guilds.is_empty() {
            scopes.insert(CommandScope::Global);
        }
        scopes.extend(
            options
                .check_guilds
                .iter()
                .copied()
                .map(CommandScope::Guild),
        );
        let scopes: Vec<CommandScope> = scopes.into_iter().collect();
        let empty = registry.commands().is_empty();
        Ok(crate::sync::sync(self.http(), application, &desired, &scopes, &options, empty).await?)
    }

    /// Syncs the commands with the options set by
    /// [`BotBuilder::sync_options`](crate::BotBuilder::sync_options) (by default bulk writes,
    /// only where they differ).
    pub async fn sync_commands(&self) -> Result<SyncReport, Error> {
        self.register_commands(self.services.commands.sync_options.clone())
            .await
    }

    /// What a sync would do, without writing.
    pub async fn get_desynced_commands(&self) -> Result<SyncReport, Error> {
        self.register_commands(SyncOptions {
            dry_run: true,
            ..self.services.commands.sync_options.clone()
        })
        .await
    }

    /// The last sync's report, if the bot's start synced.
    pub async fn last_sync(&self) -> Option<SyncReport> {
        self.services.commands.synced.lock().await.clone()
    }

    /// Adds a global check (`call_once`: once per interaction, before every other check), as
    /// Pycord's `add_check`; answers its id for [`remove_check`](Self::remove_check).
    pub fn add_check(&self, check: impl Check, call_once: bool) -> CheckId {
        self.services
            .commands
            .globals
            .add(Arc::new(check), call_once)
    }

    /// Removes a check added with [`add_check`](Self::add_check); `false` when it is not there.
    pub fn remove_check(&self, id: CheckId) -> bool {
        self.services.commands.globals.remove(id)
    }
}

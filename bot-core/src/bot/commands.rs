//! The registry while the bot runs: add, remove, look up and walk commands, as Pycord's
//! `add_application_command` and friends. One rule for writing to Discord: with
//! `auto_sync_commands` on (the default) a change on a started bot ends with one sync, which
//! writes only the scopes that changed; with it off, nothing is written until
//! [`Bot::sync_commands`].

use super::Bot;
use crate::Error;
use crate::command::{CommandRegistry, RegisteredCommand};
use crate::sync::SyncReport;
use bot_spec::CommandKind;
use std::sync::Arc;

impl Bot {
    /// Adds a command. It is checked with the others (a name taken in one of its scopes, too
    /// many commands, a placement that does not fit: an error, and nothing changes); on a started
    /// bot with `auto_sync_commands` on, one sync follows and its report is returned.
    ///
    /// ```no_run
    /// # async fn demo(bot: bot_core::Bot) -> Result<(), bot_core::Error> {
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
    pub(super) fn change_registry(
        &self,
        change: impl FnOnce(&CommandRegistry) -> Result<CommandRegistry, Error>,
    ) -> Result<(), Error> {
        let mut registry = self
            .inner
            .registry
            .write()
            .unwrap_or_else(|p| p.into_inner());
        let changed = change(&registry)?;
        changed.payloads(&self.inner.sync)?;
        *registry = Arc::new(changed);
        Ok(())
    }

    /// The sync a change ends with: only on a started bot (before, `start` syncs everything),
    /// only with `auto_sync_commands` on. Changes made at once queue for one sync each.
    pub(super) async fn sync_after_change(&self) -> Result<Option<SyncReport>, Error> {
        if !self.inner.auto_sync {
            return Ok(None);
        }
        let mut synced = self.inner.synced.lock().await;
        if synced.is_none() {
            return Ok(None);
        }
        // The registry was synced before and changed on purpose: removing the last command
        // deletes it from Discord (the empty-registry guard is for a program that lost its
        // commands before it started).
        let report = self
            .register_commands(crate::sync::SyncOptions {
                allow_empty_registry: true,
                ..self.inner.sync_options.clone()
            })
            .await?;
        *synced = Some(report.clone());
        Ok(Some(report))
    }
}

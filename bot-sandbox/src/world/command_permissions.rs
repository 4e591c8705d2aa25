//! Application command permissions in a guild (developers/interactions/application-commands.mdx
//! "Permissions"): a guild's admins set which roles, users and channels may use a command (or,
//! under the application's id, all its commands); a bot reads them. Setting them takes a user's
//! Bearer token, so the sandbox sets them through the test handle, as an admin would in
//! Discord's client, and emits APPLICATION_COMMAND_PERMISSIONS_UPDATE.

use super::World;
use super::change::{Changed, Refusal};
use serde_json::{Value, json};

/// One permission: a role (1), user (2) or channel (3) allowed or denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CommandPermission {
    pub(crate) id: u64,
    pub(crate) kind: u8,
    pub(crate) permission: bool,
}

impl World {
    /// The permissions of `command` in `guild` as Discord renders them.
    fn command_permissions_json(
        &self,
        guild: u64,
        command: u64,
        list: &[CommandPermission],
    ) -> Value {
        json!({
            "id": command.to_string(),
            "application_id": self.application_id.to_string(),
            "guild_id": guild.to_string(),
            "permissions": list
                .iter()
                .map(|p| json!({"id": p.id.to_string(), "type": p.kind, "permission": p.permission}))
                .collect::<Vec<_>>(),
        })
    }

    /// Every command's permissions set in `guild`.
    pub(crate) fn guild_command_permissions(&self, guild: u64) -> Vec<Value> {
        self.command_permissions
            .range((guild, 0)..=(guild, u64::MAX))
            .map(|((_, command), list)| self.command_permissions_json(guild, *command, list))
            .collect()
    }

    /// One command's permissions: 10066 Unknown application command permissions when none were
    /// set.
    pub(crate) fn command_permissions_of(
        &self,
        guild: u64,
        command: u64,
    ) -> Result<Value, Refusal> {
        self.command_permissions
            .get(&(guild, command))
            .map(|list| self.command_permissions_json(guild, command, list))
            .ok_or_else(|| Refusal::unknown(10066, "application command permissions"))
    }

    /// Sets (an empty list: removes) the permissions of `command` (a global command, one of
    /// the guild's, or the application's id for all of them) in `guild`:
    /// APPLICATION_COMMAND_PERMISSIONS_UPDATE. 10004, 10063 for an unknown command.
    pub(crate) fn set_command_permissions(
        &mut self,
        guild: u64,
        command: u64,
        list: Vec<CommandPermission>,
    ) -> Result<Changed<()>, Refusal> {
        if !self.guilds.contains_key(&guild) {
            return Err(Refusal::unknown(10004, "Guild"));
        }
        let known = command == self.application_id
            || self.commands.find(None, command).is_some()
            || self.commands.find(Some(guild), command).is_some();
        if !known {
            return Err(Refusal::unknown(10063, "application command"));
        }
        let data = self.command_permissions_json(guild, command, &list);
        if list.is_empty() {
            self.command_permissions.remove(&(guild, command));
        } else {
            self.command_permissions.insert((guild, command), list);
        }
        Ok(Changed::quiet(()).emit(
            "APPLICATION_COMMAND_PERMISSIONS_UPDATE",
            Some(guild),
            None,
            data,
        ))
    }
}

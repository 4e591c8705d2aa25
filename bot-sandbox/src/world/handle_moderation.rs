//! What a test sets through the handle for the guild's moderation extras, as Discord's people
//! would: when a member was last active (what a prune counts), the OAuth2 access tokens users
//! grant the application, and the command permissions a guild's admins set in Discord's client.

use super::command_permissions::CommandPermission;
use crate::SandboxHandle;

impl SandboxHandle {
    /// Sets when a member was last active, `days_ago` days ago (`None`: active now), which a
    /// prune of that many days or fewer counts. `false` for a non-member. Sends nothing: Discord
    /// tells bots nothing of activity.
    pub fn set_inactive_days(&self, guild: u64, user: u64, days_ago: Option<u64>) -> bool {
        let at = days_ago.map(|days| super::prune::now_seconds().saturating_sub(days * 86_400));
        self.shared.world().set_last_active(guild, user, at)
    }

    /// `user` authorizes the application with these OAuth2 scopes (`guilds.join` to be added to
    /// a guild by the bot, `gdm.join` for its group DMs): the access token the bot passes on. A
    /// secret: never log it.
    pub fn grant_access_token(&self, user: u64, scopes: &[&str]) -> String {
        self.shared.world().grant_access_token(user, scopes)
    }

    /// A guild's admin sets the permissions of `command` (or of all the application's commands,
    /// with the application's id) in `guild`: each `(id, kind, allowed)` with `kind` 1 for a role,
    /// 2 for a user, 3 for a channel; an empty list removes them. The bot receives
    /// APPLICATION_COMMAND_PERMISSIONS_UPDATE. `false` for an unknown guild or command.
    pub fn set_command_permissions(
        &self,
        guild: u64,
        command: u64,
        permissions: &[(u64, u8, bool)],
    ) -> bool {
        let list = permissions
            .iter()
            .map(|&(id, kind, permission)| CommandPermission {
                id,
                kind,
                permission,
            })
            .collect();
        self.shared
            .change(|world| world.set_command_permissions(guild, command, list))
            .is_ok()
    }
}

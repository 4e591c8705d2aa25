//! What a test does to a guild's roles and channels through the handle, as an administrator
//! would: each change goes through the world's one change API, so the bot receives
//! GUILD_ROLE_CREATE / UPDATE / DELETE and CHANNEL_CREATE / DELETE as for the REST calls.

use crate::{RoleUpdate, SandboxHandle};
use serde_json::Value;

impl SandboxHandle {
    /// Creates a role (at position 1, named `new role` with @everyone's permissions unless
    /// `role` says): GUILD_ROLE_CREATE `{guild_id, role}`. Its id; `None` for an unknown guild or
    /// past 250 roles.
    pub fn create_role(&self, guild: u64, role: RoleUpdate) -> Option<u64> {
        let created = self
            .shared
            .change(|world| world.create_role(guild, &role))
            .ok()?;
        created["id"].as_str().and_then(|id| id.parse().ok())
    }

    /// Changes a role: GUILD_ROLE_UPDATE `{guild_id, role}`; `false` for an unknown role.
    pub fn update_role(&self, guild: u64, role: u64, update: RoleUpdate) -> bool {
        self.shared
            .change(|world| world.update_role(guild, role, &update))
            .is_ok()
    }

    /// Deletes a role, taking it from its members (with no GUILD_MEMBER_UPDATE, as Discord):
    /// GUILD_ROLE_DELETE `{guild_id, role_id}`. `false` for an unknown role or @everyone.
    pub fn delete_role(&self, guild: u64, role: u64) -> bool {
        self.shared
            .change(|world| world.delete_role(guild, role))
            .is_ok()
    }

    /// The guild's roles as `GET /guilds/{guild}/roles` lists them.
    pub fn roles(&self, guild: u64) -> Vec<Value> {
        let world = self.shared.world();
        world.guilds.get(&guild).map_or_else(Vec::new, |g| {
            g.roles.iter().map(crate::world::role_json).collect()
        })
    }

    /// Creates a channel of any type (0 text, 2 voice, 4 category, 5 announcement, 13 stage, 15
    /// forum...) at the end of the guild: CHANNEL_CREATE to a bot that can see it. Its id;
    /// `None` for an unknown guild. (To seed channels silently before the bot connects, use
    /// [`SandboxHandle::add_channel`].)
    pub fn create_channel(&self, guild: u64, name: &str, kind: u8) -> Option<u64> {
        let new = crate::world::NewChannel {
            name: name.to_owned(),
            kind,
            ..Default::default()
        };
        let created = self
            .shared
            .change(|world| world.create_guild_channel(guild, new))
            .ok()?;
        created["id"].as_str().and_then(|id| id.parse().ok())
    }

    /// Deletes a guild channel or thread: the members in it leave voice (VOICE_STATE_UPDATE),
    /// then CHANNEL_DELETE (THREAD_DELETE for a thread). `false` for an unknown channel.
    pub fn delete_channel(&self, channel: u64) -> bool {
        self.shared
            .change(|world| world.remove_channel(channel))
            .is_ok()
    }
}

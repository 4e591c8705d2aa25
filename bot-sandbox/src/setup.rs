//! Seeding and changing the world from a test: users, guilds, channels, roles and members; who
//! owns the application; age-restricted channels; DM channels with the bot.

use crate::{SandboxHandle, TeamRole};

impl SandboxHandle {
    /// Adds a user; returns their id.
    pub fn add_user(&self, username: &str) -> u64 {
        self.shared.world().add_user(username)
    }

    /// Adds a guild owned by `owner`, with the bot as a member; returns its id.
    pub fn add_guild(&self, name: &str, owner: u64) -> u64 {
        self.shared.world().add_guild(name, owner)
    }

    /// Adds a guild owned by `owner`, with the bot as a member, on shard `shard` of the
    /// sandbox's shard count ([`SandboxBuilder::shards`](crate::SandboxBuilder::shards)): its id
    /// is chosen so that `(id >> 22) % shards == shard`. Returns its id.
    pub fn add_guild_on_shard(&self, name: &str, owner: u64, shard: u64) -> u64 {
        let shards = self.shared.gateway.sharding.shards;
        self.shared
            .world()
            .add_guild_on_shard(name, owner, shard, shards)
    }

    /// The ids of every guild, ascending.
    pub fn guild_ids(&self) -> Vec<u64> {
        let mut ids: Vec<u64> = self.shared.world().guilds.keys().copied().collect();
        ids.sort_unstable();
        ids
    }

    /// Adds a text channel to a guild; returns its id (`None` for an unknown guild).
    pub fn add_text_channel(&self, guild: u64, name: &str) -> Option<u64> {
        self.shared.world().add_channel(guild, name, 0)
    }

    /// Adds an age-restricted text channel (`nsfw: true` in GUILD_CREATE, `GET /channels/{id}`
    /// and an interaction's `channel`); returns its id (`None` for an unknown guild). Like
    /// [`SandboxHandle::add_text_channel`], it sends no CHANNEL_CREATE: seed it before the bot
    /// connects.
    pub fn add_nsfw_channel(&self, guild: u64, name: &str) -> Option<u64> {
        let mut world = self.shared.world();
        let channel = world.add_channel(guild, name, 0)?;
        world.set_channel_nsfw(channel, true).ok()?;
        Some(channel)
    }

    /// Marks a guild channel age-restricted (`nsfw`) or not, and sends the bot CHANNEL_UPDATE with
    /// the whole channel, as Discord does; `false` for a channel in no guild.
    pub fn set_channel_nsfw(&self, channel: u64, nsfw: bool) -> bool {
        self.shared
            .change(|world| world.set_channel_nsfw(channel, nsfw))
            .is_ok()
    }

    /// Adds a role; returns its id (`None` for an unknown guild). A role with ADMINISTRATOR
    /// (`1 << 3`) grants every permission.
    pub fn add_role(&self, guild: u64, name: &str, permissions: u64) -> Option<u64> {
        self.shared.world().add_role(guild, name, permissions)
    }

    /// Makes a user a member of a guild with these roles (replacing the roles of a member); `false`
    /// for unknown ids. The bot is a user too: `add_member(guild, bot_user_id, &[role])` gives it
    /// a role, which its `app_permissions` follow. Sends nothing: seed before the bot connects, or
    /// use [`SandboxHandle::join_member`] (GUILD_MEMBER_ADD) and
    /// [`SandboxHandle::set_member_roles`] (GUILD_MEMBER_UPDATE).
    pub fn add_member(&self, guild: u64, user: u64, roles: &[u64]) -> bool {
        self.shared.world().add_member(guild, user, roles)
    }

    /// Replaces the roles of a guild member (the bot included) and sends the bot
    /// GUILD_MEMBER_UPDATE (`guild_id`, `user`, `roles`, ...), as Discord does; `false` when the
    /// user is not a member, or a role is unknown or @everyone.
    pub fn set_member_roles(&self, guild: u64, user: u64, roles: &[u64]) -> bool {
        let update = crate::MemberUpdate::default().roles(roles);
        self.shared
            .change(|world| world.update_member(guild, user, &update))
            .is_ok()
    }

    /// A member's guild-wide permissions as interactions carry them (`member.permissions`,
    /// `app_permissions` for the bot): @everyone's and their roles' together; every permission
    /// for the owner and with ADMINISTRATOR. `None` for an unknown guild or a non-member.
    pub fn member_permissions(&self, guild: u64, user: u64) -> Option<u64> {
        let world = self.shared.world();
        let guild = world.guilds.get(&guild)?;
        guild.member(user)?;
        Some(guild.permissions_of(user))
    }

    /// Makes `user` the application's owner (`owner` in `GET /applications/@me`; by default the
    /// first guild's owner); `false` for an unknown user. While a team owns the application,
    /// `owner` stays the team's pseudo-user.
    pub fn set_application_owner(&self, user: u64) -> bool {
        self.shared.world().set_owner(user)
    }

    /// Makes a team own the application; returns the team's id (`None` if a user is unknown).
    /// `GET /applications/@me` then has `team: {id, icon: null, name, owner_user_id, members}`,
    /// each member `{membership_state: 2, permissions: ["*"], team_id, user, role}` with `owner`
    /// listed first as `"admin"` and `members` as `"developer"`
    /// ([`SandboxHandle::set_team_member`] changes roles), and `owner` the team's pseudo-user
    /// (`id` the team's, `username` `team{id}`, `discriminator` `"0000"`, `flags` and
    /// `public_flags` 1024, TEAM_PSEUDO_USER).
    pub fn set_team(&self, name: &str, owner: u64, members: &[u64]) -> Option<u64> {
        self.shared.world().set_team(name, owner, members)
    }

    /// Adds `user` to the application's team with `role`, or changes their role; `false` without
    /// a team or for an unknown user.
    pub fn set_team_member(&self, user: u64, role: TeamRole) -> bool {
        self.shared.world().set_team_member(user, role)
    }

    /// The user's DM channel with the bot (type 1), made on first use and the same afterwards;
    /// `None` for an unknown user or a bot. [`SandboxHandle::messages`] of it shows the replies
    /// to commands invoked there ([`ScriptedUser::slash_in_dm`](crate::ScriptedUser::slash_in_dm)).
    pub fn dm_channel(&self, user: u64) -> Option<u64> {
        self.shared.world().dm_channel(user)
    }
}

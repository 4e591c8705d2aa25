//! What a test does to members and voice through the handle, as the people of the guild would:
//! join, change, leave, change their profile, connect to voice channels. Each change goes through
//! the world's one change API, so the bot receives what Discord sends (GUILD_MEMBER_ADD,
//! GUILD_MEMBER_UPDATE, GUILD_MEMBER_REMOVE with GUILD_MEMBERS; VOICE_STATE_UPDATE with
//! GUILD_VOICE_STATES). A change is an administrator's: no permission is checked.

use crate::{MemberUpdate, ProfileUpdate, SandboxHandle};
use serde_json::Value;

impl SandboxHandle {
    /// `user` joins `guild` with `roles`: the bot receives GUILD_MEMBER_ADD (the member, its
    /// user and `guild_id`). `false` for an unknown user, guild or role, or @everyone; `true` and
    /// nothing sent for a member already there. (To seed members silently before the bot
    /// connects, use [`SandboxHandle::add_member`].)
    pub fn join_member(&self, guild: u64, user: u64, roles: &[u64]) -> bool {
        self.shared
            .change(|world| world.join_member(guild, user, roles))
            .is_ok()
    }

    /// Changes a member (nickname, roles, guild avatar, server mute and deafen, timeout): the bot
    /// receives GUILD_MEMBER_UPDATE with the whole member, and VOICE_STATE_UPDATE when its server
    /// mute or deafen changed while it is in voice. `false` for a non-member or an unknown role.
    pub fn update_member(&self, guild: u64, user: u64, update: MemberUpdate) -> bool {
        self.shared
            .change(|world| world.update_member(guild, user, &update))
            .is_ok()
    }

    /// `user` leaves `guild`: out of voice first (VOICE_STATE_UPDATE), then GUILD_MEMBER_REMOVE
    /// `{guild_id, user}`. `false` for a non-member, the owner and the bot (which leaves with
    /// `DELETE /users/@me/guilds/{guild}`).
    pub fn remove_member(&self, guild: u64, user: u64) -> bool {
        self.shared
            .change(|world| world.remove_member(guild, user))
            .is_ok()
    }

    /// Changes a user's profile (username, display name, avatar): the bot receives
    /// GUILD_MEMBER_UPDATE in each guild it shares with the user, and USER_UPDATE when the user
    /// is the bot. `false` for an unknown user.
    pub fn update_profile(&self, user: u64, update: ProfileUpdate) -> bool {
        self.shared
            .change(|world| world.update_profile(user, &update))
            .is_ok()
    }

    /// A member as `GET /guilds/{guild}/members/{user}` shows it.
    pub fn member(&self, guild: u64, user: u64) -> Option<Value> {
        let world = self.shared.world();
        world
            .member_of(guild, user)
            .ok()
            .map(|m| world.full_member_json(m))
    }

    /// `user` connects to voice channel `channel` (type 2 or 13), or moves there from another:
    /// VOICE_STATE_UPDATE. `false` for a non-member or a channel that is not one of the guild's
    /// voice channels; `true` and nothing sent when already there.
    pub fn join_voice(&self, guild: u64, user: u64, channel: u64) -> bool {
        self.shared
            .change(|world| world.voice_join(guild, user, channel))
            .is_ok()
    }

    /// `user` disconnects from voice: VOICE_STATE_UPDATE with `channel_id: null`; `false` when
    /// not connected.
    pub fn leave_voice(&self, guild: u64, user: u64) -> bool {
        self.shared
            .change(|world| world.voice_leave(guild, user))
            .is_ok()
    }

    /// `user` mutes or deafens themselves, or turns their camera on or off, in voice:
    /// VOICE_STATE_UPDATE when something changed; `false` when not connected.
    pub fn set_voice_self(
        &self,
        guild: u64,
        user: u64,
        self_mute: bool,
        self_deaf: bool,
        self_video: bool,
    ) -> bool {
        self.shared
            .change(|world| world.voice_self(guild, user, (self_mute, self_deaf, self_video)))
            .is_ok()
    }

    /// The guild's voice states as GUILD_CREATE lists them (no `guild_id`).
    pub fn voice_states(&self, guild: u64) -> Vec<Value> {
        let world = self.shared.world();
        world.guilds.get(&guild).map_or_else(Vec::new, |g| {
            g.voice_states
                .iter()
                .map(|v| world.voice_state_json(g, v, false))
                .collect()
        })
    }
}

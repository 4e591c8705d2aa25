//! Changes to guilds already in the world: age restriction of channels and members' roles. Each
//! returns what the bot is told through the gateway, as Discord tells it.

use super::World;
use serde_json::{Value, json};

impl World {
    /// Marks a guild channel age-restricted or not. Returns its guild and the CHANNEL_UPDATE
    /// payload (the whole channel), or `None` for a channel in no guild.
    pub(crate) fn set_channel_nsfw(&mut self, channel: u64, nsfw: bool) -> Option<(u64, Value)> {
        let guild = self
            .guilds
            .values_mut()
            .find(|g| g.channel(channel).is_some())?;
        let record = guild.channels.iter_mut().find(|c| c.id == channel)?;
        record.nsfw = nsfw;
        Some((guild.id, super::channel_json(guild.id, record)))
    }

    /// Replaces the roles of a guild member. Returns the GUILD_MEMBER_UPDATE payload (GE "Guild
    /// Member Update": `guild_id`, `roles`, `user`, `nick`, `joined_at`, ...), or `None` when the
    /// user is not a member or a role is not one of the guild's (Discord answers 10011).
    pub(crate) fn set_member_roles(
        &mut self,
        guild: u64,
        user: u64,
        roles: &[u64],
    ) -> Option<Value> {
        let record = self.guilds.get_mut(&guild)?;
        let everyone = record.id;
        if roles
            .iter()
            .any(|id| *id == everyone || !record.roles.iter().any(|r| r.id == *id))
        {
            return None;
        }
        let member = record.members.iter_mut().find(|m| m.user_id == user)?;
        member.roles = roles.to_vec();
        let member = member.clone();
        let mut payload = self.member_json(&member, true);
        payload["guild_id"] = json!(guild.to_string());
        Some(payload)
    }
}

//! Bans (developers/resources/guild.mdx "Guild Ban"): a ban removes the member
//! (GUILD_MEMBER_REMOVE) and emits GUILD_BAN_ADD; lifting it emits GUILD_BAN_REMOVE. Both go to
//! sessions with GUILD_MODERATION (the gateway's intent filter).

use super::World;
use super::change::{Changed, Refusal};
use serde_json::{Value, json};

/// BAN_MEMBERS.
pub(crate) const BAN_MEMBERS: u64 = 1 << 2;
/// MANAGE_GUILD.
pub(crate) const MANAGE_GUILD: u64 = 1 << 5;

/// One ban: the user and the reason given (`X-Audit-Log-Reason`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BanRecord {
    pub(crate) user_id: u64,
    pub(crate) reason: Option<String>,
}

impl World {
    /// A ban as REST shows it: `{reason, user}`.
    pub(crate) fn ban_json(&self, ban: &BanRecord) -> Value {
        let user = self
            .public_user_json_by_id(ban.user_id)
            .unwrap_or_else(|| World::unknown_user_json(ban.user_id, "unknown"));
        json!({"reason": ban.reason, "user": user})
    }

    /// The guild's bans, by user id after `after` (and before `before`), at most `limit`.
    pub(crate) fn bans_of(&self, guild: u64, after: u64, before: u64, limit: usize) -> Vec<Value> {
        let mut bans: Vec<&BanRecord> = self
            .bans
            .get(&guild)
            .map(|bans| bans.iter().collect())
            .unwrap_or_default();
        bans.sort_by_key(|ban| ban.user_id);
        bans.into_iter()
            .filter(|ban| ban.user_id > after && ban.user_id < before)
            .take(limit)
            .map(|ban| self.ban_json(ban))
            .collect()
    }

    /// The ban of `user` (10026 Unknown Ban).
    pub(crate) fn ban_of(&self, guild: u64, user: u64) -> Result<&BanRecord, Refusal> {
        self.bans
            .get(&guild)
            .and_then(|bans| bans.iter().find(|ban| ban.user_id == user))
            .ok_or_else(|| Refusal::unknown(10026, "Ban"))
    }

    /// Bans `user` (a member or not): the member leaves first; an existing ban stays as it is
    /// (no event, as Discord). The owner and the bot cannot be banned (50013).
    pub(crate) fn ban(
        &mut self,
        guild: u64,
        user: u64,
        reason: Option<String>,
    ) -> Result<Changed<()>, Refusal> {
        let owner = self
            .guilds
            .get(&guild)
            .map(|g| g.owner_id)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if user == owner || user == self.bot_id {
            return Err(Refusal::missing_permissions());
        }
        if !self.users.contains_key(&user) {
            return Err(Refusal::unknown(10013, "User"));
        }
        if self.ban_of(guild, user).is_ok() {
            return Ok(Changed::quiet(()));
        }
        let mut changed = Changed::quiet(());
        if self.member_of(guild, user).is_ok() {
            let left = self.remove_member(guild, user)?;
            changed.events.extend(left.events);
        }
        self.bans.entry(guild).or_default().push(BanRecord {
            user_id: user,
            reason,
        });
        let data = json!({
            "guild_id": guild.to_string(),
            "user": self.public_user_json_by_id(user),
        });
        Ok(changed.emit("GUILD_BAN_ADD", Some(guild), None, data))
    }

    /// Lifts the ban of `user` (10026 when there is none): GUILD_BAN_REMOVE.
    pub(crate) fn unban(&mut self, guild: u64, user: u64) -> Result<Changed<()>, Refusal> {
        self.ban_of(guild, user)?;
        if let Some(bans) = self.bans.get_mut(&guild) {
            bans.retain(|ban| ban.user_id != user);
        }
        let data = json!({
            "guild_id": guild.to_string(),
            "user": self.public_user_json_by_id(user),
        });
        Ok(Changed::quiet(()).emit("GUILD_BAN_REMOVE", Some(guild), None, data))
    }
}

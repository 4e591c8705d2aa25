//! Pruning inactive members (developers/resources/guild.mdx "Get Guild Prune Count", "Begin
//! Guild Prune"): a member is prunable when it was last active `days` or more ago (the world's
//! members are active unless a test set when they were last seen), is neither the owner nor
//! the bot, and has no role, or only roles among `include_roles`. Both routes need KICK_MEMBERS
//! and MANAGE_GUILD. A prune removes each member (GUILD_MEMBER_REMOVE) and writes one
//! MEMBER_PRUNE audit-log entry (action 21) with `delete_member_days` and `members_removed`.

use super::audit::AuditEntry;
use super::bans::MANAGE_GUILD;
use super::change::{Changed, Refusal};
use super::{KICK_MEMBERS, World};
use serde_json::json;

/// MEMBER_PRUNE, the audit-log action of a prune.
const MEMBER_PRUNE: u16 = 21;

/// Seconds since the Unix epoch, now.
pub(crate) fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl World {
    /// The members a prune of `days` with `include_roles` would remove, by user id (after the
    /// bot's permissions are checked: 10004, 50013).
    pub(crate) fn prunable(
        &self,
        guild: u64,
        days: u64,
        include_roles: &[u64],
    ) -> Result<Vec<u64>, Refusal> {
        self.require_guild(guild, KICK_MEMBERS | MANAGE_GUILD)?;
        let record = self.acting_guild(guild)?;
        let cutoff = now_seconds().saturating_sub(days * 86_400);
        Ok(record
            .members
            .iter()
            .filter(|m| m.user_id != record.owner_id && m.user_id != self.bot_id)
            .filter(|m| m.last_active.is_some_and(|seen| seen <= cutoff))
            .filter(|m| m.roles.iter().all(|r| include_roles.contains(r)))
            .map(|m| m.user_id)
            .collect())
    }

    /// Removes the members [`prunable`](Self::prunable) finds: GUILD_MEMBER_REMOVE for each
    /// (after their VOICE_STATE_UPDATE when in voice), then the MEMBER_PRUNE entry with
    /// `reason`. How many went, unless `count` is false.
    pub(crate) fn prune(
        &mut self,
        guild: u64,
        (days, include_roles): (u64, &[u64]),
        count: bool,
        reason: Option<String>,
    ) -> Result<Changed<Option<usize>>, Refusal> {
        let gone = self.prunable(guild, days, include_roles)?;
        let mut changed = Changed::quiet(count.then_some(gone.len()));
        for user in &gone {
            changed = changed.then(self.remove_member(guild, *user)?);
        }
        let entry = AuditEntry {
            id: self.ids.next(),
            user_id: self.bot_id,
            action_type: MEMBER_PRUNE,
            target_id: None,
            reason,
            options: Some(json!({
                "delete_member_days": days.to_string(),
                "members_removed": gone.len().to_string(),
            })),
        };
        if let Some(created) = self.write_audit(guild, entry) {
            changed.events.push(created);
        }
        Ok(changed)
    }

    /// Sets when `user` was last active in `guild` (Unix seconds; `None`: active now): false
    /// for a non-member.
    pub(crate) fn set_last_active(&mut self, guild: u64, user: u64, at: Option<u64>) -> bool {
        let member = self
            .guilds
            .get_mut(&guild)
            .and_then(|g| g.members.iter_mut().find(|m| m.user_id == user));
        match member {
            Some(member) => {
                member.last_active = at;
                true
            }
            None => false,
        }
    }
}

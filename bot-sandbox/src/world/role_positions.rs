//! Moving roles (developers/resources/guild.mdx "Modify Guild Role Positions"): the bot moves
//! only roles below its highest, to positions below it; each role whose position changed gets a
//! GUILD_ROLE_UPDATE.

use super::change::{Changed, Refusal};
use super::{World, role_json};
use serde_json::{Value, json};

impl World {
    /// Sets the positions of `moves` (role, position); answers every role of the guild.
    pub(crate) fn move_roles(
        &mut self,
        guild: u64,
        moves: &[(u64, u32)],
    ) -> Result<Changed<Vec<Value>>, Refusal> {
        for (role, position) in moves {
            self.require_above_role(guild, *role)?;
            let record = self.acting_guild(guild)?;
            if u64::from(*position) >= record.rank_of(self.bot_id) || *role == guild {
                return Err(Refusal::missing_permissions());
            }
        }
        let record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        let mut changed_roles = Vec::new();
        for (role, position) in moves {
            if let Some(r) = record.roles.iter_mut().find(|r| r.id == *role)
                && r.position != *position
            {
                r.position = *position;
                changed_roles.push(r.clone());
            }
        }
        let all: Vec<Value> = record.roles.iter().map(role_json).collect();
        let mut changed = Changed::quiet(all);
        for role in changed_roles {
            changed = changed.emit(
                "GUILD_ROLE_UPDATE",
                Some(guild),
                None,
                json!({"guild_id": guild.to_string(), "role": role_json(&role)}),
            );
        }
        Ok(changed)
    }

    /// The members whose username or nickname starts with `query` (case-insensitively), by
    /// user id, at most `limit`.
    pub(crate) fn search_members(&self, guild: u64, query: &str, limit: usize) -> Vec<Value> {
        let Some(record) = self.guilds.get(&guild) else {
            return Vec::new();
        };
        let query = query.to_lowercase();
        let starts = |text: &str| text.to_lowercase().starts_with(&query);
        let mut found: Vec<_> = record
            .members
            .iter()
            .filter(|m| {
                m.nick.as_deref().is_some_and(starts)
                    || self
                        .users
                        .get(&m.user_id)
                        .is_some_and(|u| starts(&u.username))
            })
            .collect();
        found.sort_by_key(|m| m.user_id);
        found
            .into_iter()
            .take(limit)
            .map(|m| self.full_member_json(m))
            .collect()
    }
}

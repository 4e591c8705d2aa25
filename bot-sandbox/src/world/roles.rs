//! Guild roles: created (GUILD_ROLE_CREATE), changed (GUILD_ROLE_UPDATE) and deleted
//! (GUILD_ROLE_DELETE `{guild_id, role_id}`), GE "Guild Role Create/Update/Delete". A deleted
//! role leaves its members' role lists with no GUILD_MEMBER_UPDATE: the docs name only Guild Role
//! Delete for it (developers/resources/guild.mdx "Delete Guild Role"), and libraries drop the
//! role from their cached members themselves. Channel overwrites of the role stay, unannounced
//! (GE "Channel Update": it "may reference roles or guild members that no longer exist").

use super::change::{Changed, Refusal};
use super::{RoleRecord, RoleUpdate, World, role_json};
use serde_json::{Value, json};

/// At most 250 roles in a guild (30005).
const MAX_ROLES: usize = 250;

impl World {
    /// The `{guild_id, role}` payload of GUILD_ROLE_CREATE and GUILD_ROLE_UPDATE.
    fn role_event(guild: u64, role: &RoleRecord) -> Value {
        json!({"guild_id": guild.to_string(), "role": role_json(role)})
    }

    /// A role of a guild, or 10004 / 10011.
    pub(crate) fn role_of(&self, guild: u64, role: u64) -> Result<&RoleRecord, Refusal> {
        self.guilds
            .get(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?
            .roles
            .iter()
            .find(|r| r.id == role)
            .ok_or_else(|| Refusal::unknown(10011, "Role"))
    }

    /// Creates a role at position 1 (just above @everyone; the roles from there up move one
    /// higher), named `new role` and with @everyone's permissions unless `update` says:
    /// GUILD_ROLE_CREATE. 30005 past 250 roles.
    pub(crate) fn create_role(
        &mut self,
        guild: u64,
        update: &RoleUpdate,
    ) -> Result<Changed<Value>, Refusal> {
        let id = self.ids.next();
        let record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if record.roles.len() >= MAX_ROLES {
            return Err(Refusal::bad_request(
                30005,
                "Maximum number of guild roles reached (250)",
            ));
        }
        let everyone = record
            .roles
            .iter()
            .find(|r| r.id == guild)
            .map_or(0, |r| r.permissions);
        for role in record.roles.iter_mut().filter(|r| r.position >= 1) {
            role.position += 1;
        }
        let mut role = RoleRecord {
            id,
            name: "new role".to_owned(),
            permissions: everyone,
            position: 1,
            color: 0,
            hoist: false,
            mentionable: false,
        };
        apply(&mut role, update);
        record.roles.push(role.clone());
        Ok(Changed::quiet(role_json(&role)).emit(
            "GUILD_ROLE_CREATE",
            Some(guild),
            None,
            Self::role_event(guild, &role),
        ))
    }

    /// Changes a role: GUILD_ROLE_UPDATE (none when nothing changed). 10011.
    pub(crate) fn update_role(
        &mut self,
        guild: u64,
        role: u64,
        update: &RoleUpdate,
    ) -> Result<Changed<Value>, Refusal> {
        self.role_of(guild, role)?;
        let Some(record) = self
            .guilds
            .get_mut(&guild)
            .and_then(|g| g.roles.iter_mut().find(|r| r.id == role))
        else {
            return Err(Refusal::unknown(10011, "Role"));
        };
        let before = record.clone();
        apply(record, update);
        let record = record.clone();
        let changed = Changed::quiet(role_json(&record));
        Ok(if record == before {
            changed
        } else {
            changed.emit(
                "GUILD_ROLE_UPDATE",
                Some(guild),
                None,
                Self::role_event(guild, &record),
            )
        })
    }

    /// Deletes a role and takes it from every member (its channel overwrites stay):
    /// GUILD_ROLE_DELETE `{guild_id, role_id}`.
    /// 10011; @everyone cannot be deleted (400 / 50028 Invalid role).
    pub(crate) fn delete_role(&mut self, guild: u64, role: u64) -> Result<Changed<()>, Refusal> {
        self.role_of(guild, role)?;
        if role == guild {
            return Err(Refusal::bad_request(50028, "Invalid role"));
        }
        if let Some(record) = self.guilds.get_mut(&guild) {
            record.roles.retain(|r| r.id != role);
            for member in &mut record.members {
                member.roles.retain(|r| *r != role);
            }
        }
        let data = json!({"guild_id": guild.to_string(), "role_id": role.to_string()});
        Ok(Changed::quiet(()).emit("GUILD_ROLE_DELETE", Some(guild), None, data))
    }

    /// What the REST role routes need: MANAGE_ROLES, a role below the bot's highest (but
    /// @everyone, which any holder of MANAGE_ROLES edits), and no permission the bot lacks
    /// itself (50013).
    pub(crate) fn check_role_change(
        &self,
        guild: u64,
        role: Option<u64>,
        permissions: Option<u64>,
    ) -> Result<(), Refusal> {
        self.require_guild(guild, super::channels::MANAGE_ROLES)?;
        if let Some(role) = role {
            self.role_of(guild, role)?;
            if role != guild {
                self.require_above_role(guild, role)?;
            }
        }
        let have = self.acting_guild(guild)?.permissions_of(self.bot_id);
        match permissions {
            Some(bits) if bits & !have != 0 => Err(Refusal::missing_permissions()),
            _ => Ok(()),
        }
    }
}

/// Writes `update`'s fields into `role`.
fn apply(role: &mut RoleRecord, update: &RoleUpdate) {
    if let Some(name) = &update.name {
        role.name.clone_from(name);
    }
    role.permissions = update.permissions.unwrap_or(role.permissions);
    role.color = update.color.unwrap_or(role.color);
    role.hoist = update.hoist.unwrap_or(role.hoist);
    role.mentionable = update.mentionable.unwrap_or(role.mentionable);
}

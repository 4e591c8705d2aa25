//! Guild members: joining (GUILD_MEMBER_ADD), changes (GUILD_MEMBER_UPDATE), leaving or being
//! kicked (GUILD_MEMBER_REMOVE), and a user's profile, which a bot learns of as a
//! GUILD_MEMBER_UPDATE in each guild it shares with the user (GE "Guild Member Update": "This will
//! also fire when the user object of a guild member changes"; USER_UPDATE is for the bot's own
//! user). Every change here is an administrator's: the REST routes check permissions first
//! (`moderation.rs`).

use super::change::{Changed, Refusal};
use super::{MemberRecord, MemberUpdate, ProfileUpdate, World};
use crate::rest::now_iso;
use serde_json::{Value, json};

impl World {
    /// A member with its user and `communication_disabled_until` (`null` without a timeout), as
    /// the member routes answer and member events carry it.
    pub(crate) fn full_member_json(&self, member: &MemberRecord) -> Value {
        let mut value = self.member_json(member, true);
        value["communication_disabled_until"] = json!(member.communication_disabled_until);
        value
    }

    /// GUILD_MEMBER_ADD's and GUILD_MEMBER_UPDATE's payload: the member with `guild_id`.
    pub(crate) fn member_event_json(&self, guild: u64, member: &MemberRecord) -> Value {
        let mut value = self.full_member_json(member);
        value["guild_id"] = json!(guild.to_string());
        value
    }

    /// A member, or 10004 / 10007.
    pub(crate) fn member_of(&self, guild: u64, user: u64) -> Result<&MemberRecord, Refusal> {
        self.guilds
            .get(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?
            .member(user)
            .ok_or_else(|| Refusal::unknown(10007, "Member"))
    }

    /// `user` joins `guild` with `roles`: GUILD_MEMBER_ADD with the member and its user. 10013 for
    /// an unknown user, 10004, 10011 for a role not the guild's (or @everyone); a member already
    /// there gets nothing.
    pub(crate) fn join_member(
        &mut self,
        guild: u64,
        user: u64,
        roles: &[u64],
    ) -> Result<Changed<Value>, Refusal> {
        if !self.users.contains_key(&user) {
            return Err(Refusal::unknown(10013, "User"));
        }
        self.check_roles(guild, roles)?;
        if let Ok(member) = self.member_of(guild, user) {
            return Ok(Changed::quiet(self.full_member_json(member)));
        }
        let member = MemberRecord::new(user, roles.to_vec(), now_iso());
        if let Some(record) = self.guilds.get_mut(&guild) {
            record.members.push(member.clone());
        }
        let data = self.member_event_json(guild, &member);
        Ok(Changed::quiet(self.full_member_json(&member)).emit(
            "GUILD_MEMBER_ADD",
            Some(guild),
            None,
            data,
        ))
    }

    /// `user` leaves `guild` (or is kicked): out of voice first (VOICE_STATE_UPDATE), then
    /// GUILD_MEMBER_REMOVE `{guild_id, user}`. 10007 for a non-member; the owner cannot leave
    /// (50013), and the bot leaves with `DELETE /users/@me/guilds/{guild}` (50013 here).
    pub(crate) fn remove_member(&mut self, guild: u64, user: u64) -> Result<Changed<()>, Refusal> {
        let owner = self
            .guilds
            .get(&guild)
            .map(|g| g.owner_id)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        self.member_of(guild, user)?;
        if user == owner || user == self.bot_id {
            return Err(Refusal::missing_permissions());
        }
        let changed = self.disconnect_voice(Changed::quiet(()), guild, |v| v.user_id == user);
        if let Some(record) = self.guilds.get_mut(&guild) {
            record.members.retain(|m| m.user_id != user);
        }
        let data = json!({
            "guild_id": guild.to_string(),
            "user": self.public_user_json_by_id(user),
        });
        Ok(changed.emit("GUILD_MEMBER_REMOVE", Some(guild), None, data))
    }

    /// Applies `update` to a member: GUILD_MEMBER_UPDATE with the whole member (none when nothing
    /// changed), then, when its server mute or deafen changed while it is in voice,
    /// VOICE_STATE_UPDATE. 10007, 10011 for a role not the guild's (or @everyone).
    pub(crate) fn update_member(
        &mut self,
        guild: u64,
        user: u64,
        update: &MemberUpdate,
    ) -> Result<Changed<Value>, Refusal> {
        self.member_of(guild, user)?;
        if let Some(roles) = &update.roles {
            self.check_roles(guild, roles)?;
        }
        let in_voice = self.voice_channel_of(guild, user).is_some();
        let Some(member) = self
            .guilds
            .get_mut(&guild)
            .and_then(|g| g.members.iter_mut().find(|m| m.user_id == user))
        else {
            return Err(Refusal::unknown(10007, "Member"));
        };
        let before = member.clone();
        if let Some(nick) = &update.nick {
            member.nick = nick.clone().filter(|n| !n.is_empty());
        }
        if let Some(roles) = &update.roles {
            let mut unique = Vec::new();
            for role in roles {
                if !unique.contains(role) {
                    unique.push(*role);
                }
            }
            member.roles = unique;
        }
        if let Some(avatar) = &update.avatar {
            member.avatar = avatar.clone();
        }
        member.mute = update.mute.unwrap_or(member.mute);
        member.deaf = update.deaf.unwrap_or(member.deaf);
        if let Some(until) = &update.communication_disabled_until {
            member.communication_disabled_until = until.clone();
        }
        let voice_changed = (member.mute, member.deaf) != (before.mute, before.deaf);
        let member = member.clone();
        let mut changed = Changed::quiet(self.full_member_json(&member));
        if member != before {
            let data = self.member_event_json(guild, &member);
            changed = changed.emit("GUILD_MEMBER_UPDATE", Some(guild), None, data);
        }
        Ok(if voice_changed && in_voice {
            self.emit_voice(changed, guild, user, None)
        } else {
            changed
        })
    }

    /// Changes a user's profile: for the bot, USER_UPDATE; for anyone, GUILD_MEMBER_UPDATE in
    /// each guild where the user and the bot are both members. 10013 for an unknown user.
    pub(crate) fn update_profile(
        &mut self,
        user: u64,
        update: &ProfileUpdate,
    ) -> Result<Changed<()>, Refusal> {
        let record = self
            .users
            .get_mut(&user)
            .ok_or_else(|| Refusal::unknown(10013, "User"))?;
        if let Some(name) = &update.username {
            record.username = name.clone();
        }
        if let Some(name) = &update.global_name {
            record.global_name = name.clone();
        }
        if let Some(avatar) = &update.avatar {
            record.avatar = avatar.clone();
        }
        let mut changed = Changed::quiet(());
        if user == self.bot_id
            && let Some(me) = self.user_json_by_id(user)
        {
            changed = changed.emit("USER_UPDATE", None, None, me);
        }
        let bot = self.bot_id;
        for guild in self.guilds.values() {
            if let (Some(member), Some(_)) = (guild.member(user), guild.member(bot)) {
                let data = self.member_event_json(guild.id, member);
                changed = changed.emit("GUILD_MEMBER_UPDATE", Some(guild.id), None, data);
            }
        }
        Ok(changed)
    }

    /// Every role of `roles` is one of the guild's and not @everyone: else 10011 (10004 for an
    /// unknown guild).
    pub(crate) fn check_roles(&self, guild: u64, roles: &[u64]) -> Result<(), Refusal> {
        let record = self
            .guilds
            .get(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        let known = |id: &u64| *id != guild && record.roles.iter().any(|r| r.id == *id);
        if roles.iter().all(known) {
            Ok(())
        } else {
            Err(Refusal::unknown(10011, "Role"))
        }
    }

    /// Members of `guild` by user id, after `after`, at most `limit`.
    pub(crate) fn list_members(&self, guild: u64, after: u64, limit: usize) -> Vec<Value> {
        let Some(record) = self.guilds.get(&guild) else {
            return Vec::new();
        };
        let mut members: Vec<&MemberRecord> = record
            .members
            .iter()
            .filter(|m| m.user_id > after)
            .collect();
        members.sort_by_key(|m| m.user_id);
        members
            .into_iter()
            .take(limit)
            .map(|m| self.full_member_json(m))
            .collect()
    }
}

//! OAuth2 access tokens users grant the application (developers/topics/oauth2.mdx), with their
//! scopes: `gdm.join` fills the bot's group DMs (`group_dms.rs`), `guilds.join` lets the bot add
//! the user to a guild (developers/resources/guild.mdx "Add Guild Member": CREATE_INSTANT_INVITE,
//! and MANAGE_NICKNAMES, MANAGE_ROLES, MUTE_MEMBERS, DEAFEN_MEMBERS for what it sets; 201 with
//! the member and GUILD_MEMBER_ADD, or 204 for a member already there).

use super::change::{Changed, Refusal};
use super::channels::MANAGE_ROLES;
use super::invites::CREATE_INSTANT_INVITE;
use super::moderation::{DEAFEN_MEMBERS, MANAGE_NICKNAMES, MUTE_MEMBERS};
use super::{MemberRecord, World};
use crate::rest::now_iso;
use serde_json::Value;

/// An access token's owner and scopes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Grant {
    pub(crate) user: u64,
    pub(crate) scopes: Vec<String>,
}

/// What the bot sets on a user it adds (Add Guild Member's fields besides the token).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct NewMember {
    pub(crate) nick: Option<String>,
    pub(crate) roles: Option<Vec<u64>>,
    pub(crate) mute: Option<bool>,
    pub(crate) deaf: Option<bool>,
}

impl World {
    /// A new access token of `user` with `scopes`.
    pub(crate) fn grant_access_token(&mut self, user: u64, scopes: &[&str]) -> String {
        let token = format!("{:x}{:x}.{user}", self.ids.next(), rand::random::<u64>());
        let grant = Grant {
            user,
            scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
        };
        self.oauth_grants.insert(token.clone(), grant);
        token
    }

    /// Whether `token` is `user`'s and carries `scope`.
    pub(crate) fn grant_allows(&self, token: &str, user: u64, scope: &str) -> bool {
        self.oauth_grants
            .get(token)
            .is_some_and(|g| g.user == user && g.scopes.iter().any(|s| s == scope))
    }

    /// The bot adds `user` to `guild` with their `guilds.join` token: the member (`Some`, after
    /// GUILD_MEMBER_ADD), or `None` when they already are one. 10004, 10013, 50013 for a
    /// missing permission or a role not below the bot's, 10011 for a role not the guild's,
    /// 50025 for a token that is not the user's with `guilds.join`, 40007 for a banned user.
    pub(crate) fn add_member_with_token(
        &mut self,
        guild: u64,
        user: u64,
        token: &str,
        new: &NewMember,
    ) -> Result<Changed<Option<Value>>, Refusal> {
        self.require_guild(guild, CREATE_INSTANT_INVITE)?;
        if !self.users.contains_key(&user) {
            return Err(Refusal::unknown(10013, "User"));
        }
        if !self.grant_allows(token, user, "guilds.join") {
            return Err(Refusal::bad_request(50025, "Invalid OAuth2 access token"));
        }
        if self.ban_of(guild, user).is_ok() {
            return Err(Refusal {
                status: 403,
                code: 40007,
                message: "The user is banned from this guild.".to_owned(),
            });
        }
        if self.member_of(guild, user).is_ok() {
            return Ok(Changed::quiet(None));
        }
        for (asked, bits) in [
            (new.nick.is_some(), MANAGE_NICKNAMES),
            (new.roles.is_some(), MANAGE_ROLES),
            (new.mute.is_some(), MUTE_MEMBERS),
            (new.deaf.is_some(), DEAFEN_MEMBERS),
        ] {
            if asked {
                self.require_guild(guild, bits)?;
            }
        }
        let mut roles: Vec<u64> = Vec::new();
        for role in new.roles.iter().flatten() {
            if !roles.contains(role) {
                roles.push(*role);
            }
        }
        self.check_roles(guild, &roles)?;
        for role in &roles {
            self.require_above_role(guild, *role)?;
        }
        let mut member = MemberRecord::new(user, roles, now_iso());
        member.nick = new.nick.clone().filter(|n| !n.is_empty());
        member.mute = new.mute.unwrap_or(false);
        member.deaf = new.deaf.unwrap_or(false);
        if let Some(record) = self.guilds.get_mut(&guild) {
            record.members.push(member.clone());
        }
        let data = self.member_event_json(guild, &member);
        Ok(Changed::quiet(Some(self.full_member_json(&member))).emit(
            "GUILD_MEMBER_ADD",
            Some(guild),
            None,
            data,
        ))
    }
}

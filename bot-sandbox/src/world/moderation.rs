//! What the bot may do to members and roles through REST: the permission each change needs
//! (developers/resources/guild.mdx "Modify Guild Member", "Add Guild Member Role", "Remove Guild
//! Member", "Create Guild Role"...) and the role hierarchy (developers/topics/permissions.mdx
//! "Permission Hierarchy": the bot acts only on members whose highest role is below its own, and
//! on roles below its highest; the owner is above everyone). A refusal is 403 / 50013.

use super::change::Refusal;
use super::channels::VIEW_CHANNEL;
use super::{GuildRecord, MemberUpdate, World};

/// KICK_MEMBERS.
pub(crate) const KICK_MEMBERS: u64 = 1 << 1;
/// CONNECT (to a voice channel).
pub(crate) const CONNECT: u64 = 1 << 20;
/// MUTE_MEMBERS.
pub(crate) const MUTE_MEMBERS: u64 = 1 << 22;
/// DEAFEN_MEMBERS.
pub(crate) const DEAFEN_MEMBERS: u64 = 1 << 23;
/// MOVE_MEMBERS.
pub(crate) const MOVE_MEMBERS: u64 = 1 << 24;
/// CHANGE_NICKNAME (one's own).
pub(crate) const CHANGE_NICKNAME: u64 = 1 << 26;
/// MANAGE_NICKNAMES.
pub(crate) const MANAGE_NICKNAMES: u64 = 1 << 27;
/// MODERATE_MEMBERS (timeouts).
pub(crate) const MODERATE_MEMBERS: u64 = 1 << 40;

impl GuildRecord {
    /// How high a member stands: the position of its highest role (0 with @everyone alone), and
    /// above every role for the owner.
    pub(crate) fn rank_of(&self, user: u64) -> u64 {
        if user == self.owner_id {
            return u64::MAX;
        }
        self.member(user).map_or(0, |m| {
            m.roles
                .iter()
                .filter_map(|id| self.roles.iter().find(|r| r.id == *id))
                .map(|r| u64::from(r.position))
                .max()
                .unwrap_or(0)
        })
    }
}

impl World {
    /// The guild the bot acts in: 10004 when it is unknown or the bot is not a member.
    pub(crate) fn acting_guild(&self, guild: u64) -> Result<&GuildRecord, Refusal> {
        self.guilds
            .get(&guild)
            .filter(|g| g.member(self.bot_id).is_some())
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))
    }

    /// The bot has every one of `bits` in the guild (else 50013).
    pub(crate) fn require_guild(&self, guild: u64, bits: u64) -> Result<(), Refusal> {
        let record = self.acting_guild(guild)?;
        if record.permissions_of(self.bot_id) & bits == bits {
            Ok(())
        } else {
            Err(Refusal::missing_permissions())
        }
    }

    /// The bot stands above member `user` (else 50013; 10007 for a non-member).
    pub(crate) fn require_above_member(&self, guild: u64, user: u64) -> Result<(), Refusal> {
        let record = self.acting_guild(guild)?;
        if record.member(user).is_none() {
            return Err(Refusal::unknown(10007, "Member"));
        }
        if record.rank_of(self.bot_id) > record.rank_of(user) {
            Ok(())
        } else {
            Err(Refusal::missing_permissions())
        }
    }

    /// The bot's highest role is above `role` (else 50013; 10011 for an unknown role).
    pub(crate) fn require_above_role(&self, guild: u64, role: u64) -> Result<(), Refusal> {
        let record = self.acting_guild(guild)?;
        let position = record
            .roles
            .iter()
            .find(|r| r.id == role)
            .map(|r| u64::from(r.position))
            .ok_or_else(|| Refusal::unknown(10011, "Role"))?;
        if record.rank_of(self.bot_id) > position {
            Ok(())
        } else {
            Err(Refusal::missing_permissions())
        }
    }

    /// What `PATCH /guilds/{guild}/members/{user}` needs for `update` and a voice move
    /// (`channel`: `Some(None)` disconnects): MANAGE_NICKNAMES for another's nickname
    /// (CHANGE_NICKNAME for its own), MANAGE_ROLES and roles below the bot's for the roles
    /// added or taken, MUTE_MEMBERS, DEAFEN_MEMBERS, MOVE_MEMBERS (and CONNECT to the
    /// destination), MODERATE_MEMBERS for a timeout, which an administrator or the owner cannot
    /// get. Muting, deafening or moving a member in no voice channel is 40032.
    pub(crate) fn check_member_patch(
        &self,
        guild: u64,
        user: u64,
        update: &MemberUpdate,
        channel: Option<Option<u64>>,
    ) -> Result<(), Refusal> {
        let record = self.acting_guild(guild)?;
        let member = self.member_of(guild, user)?;
        let is_bot = user == self.bot_id;
        if update.nick.is_some() {
            let mine = self.require_guild(guild, CHANGE_NICKNAME);
            if !is_bot || mine.is_err() {
                self.require_guild(guild, MANAGE_NICKNAMES)?;
                if !is_bot {
                    self.require_above_member(guild, user)?;
                }
            }
        }
        if let Some(roles) = &update.roles {
            self.require_guild(guild, super::channels::MANAGE_ROLES)?;
            self.check_roles(guild, roles)?;
            let changed = roles
                .iter()
                .filter(|r| !member.roles.contains(r))
                .chain(member.roles.iter().filter(|r| !roles.contains(r)));
            for role in changed {
                self.require_above_role(guild, *role)?;
            }
        }
        let in_voice = self.voice_channel_of(guild, user).is_some();
        for (asked, bits) in [
            (update.mute.is_some(), MUTE_MEMBERS),
            (update.deaf.is_some(), DEAFEN_MEMBERS),
            (channel.is_some(), MOVE_MEMBERS),
        ] {
            if asked {
                self.require_guild(guild, bits)?;
                if !in_voice {
                    return Err(super::voice::not_in_voice());
                }
            }
        }
        if let Some(Some(to)) = channel {
            let kind = record
                .channel(to)
                .map(|c| c.kind)
                .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
            if !super::voice::is_voice(kind) {
                return Err(Refusal::bad_request(
                    50024,
                    "Cannot execute action on this channel type",
                ));
            }
            if !self.can(self.bot_id, to, VIEW_CHANNEL | CONNECT) {
                return Err(Refusal::missing_permissions());
            }
        }
        if update.communication_disabled_until.is_some() {
            self.require_guild(guild, MODERATE_MEMBERS)?;
            if record.permissions_of(user) & super::ADMINISTRATOR != 0 {
                return Err(Refusal::missing_permissions());
            }
            self.require_above_member(guild, user)?;
        }
        Ok(())
    }
}

//! A member's permissions in a guild and in a channel, computed as Discord documents it
//! (developers/topics/permissions.mdx, "Permission Overwrites" and "Permissions for Timed Out
//! Members").

use super::{
    GuildMarker, Id, PermissionOverwrite, PermissionOverwriteType, Permissions, Role, RoleMarker,
    Timestamp, UserMarker,
};

#[cfg(test)]
mod tests;

/// What Discord needs to know to compute a member's permissions, without a guild type: the
/// guild's id and owner, `@everyone`'s permissions, the member's roles and timeout.
///
/// ```
/// use bot_core::model::{Id, PermissionCalculator, PermissionOverwrite, Permissions, Timestamp};
/// let guild = Id::new(1);
/// let calc = PermissionCalculator::new(guild, Id::new(2), Id::new(3), Permissions::VIEW_CHANNEL)
///     .role(Id::new(10), Permissions::SEND_MESSAGES);
/// let overwrites = [PermissionOverwrite::role(guild.cast(), Permissions::empty(), Permissions::SEND_MESSAGES)];
/// let now = Timestamp::now();
/// assert_eq!(calc.guild(now), Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES);
/// assert_eq!(calc.in_channel(&overwrites, now), Permissions::VIEW_CHANNEL);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub struct PermissionCalculator {
    guild_id: Id<GuildMarker>,
    owner_id: Id<UserMarker>,
    member_id: Id<UserMarker>,
    everyone: Permissions,
    roles: Vec<(Id<RoleMarker>, Permissions)>,
    timed_out_until: Option<Timestamp>,
}

impl PermissionCalculator {
    /// What timed-out members keep.
    pub const TIMED_OUT: Permissions =
        Permissions::VIEW_CHANNEL.union(Permissions::READ_MESSAGE_HISTORY);

    /// A calculator for `member_id` in the guild `guild_id` owned by `owner_id`, whose
    /// `@everyone` role (the role whose id is the guild's) has `everyone`.
    pub fn new(
        guild_id: Id<GuildMarker>,
        owner_id: Id<UserMarker>,
        member_id: Id<UserMarker>,
        everyone: Permissions,
    ) -> Self {
        PermissionCalculator {
            guild_id,
            owner_id,
            member_id,
            everyone,
            roles: Vec::new(),
            timed_out_until: None,
        }
    }

    /// Adds one of the member's roles (`@everyone` is already counted).
    pub fn role(mut self, id: Id<RoleMarker>, permissions: Permissions) -> Self {
        self.roles.push((id, permissions));
        self
    }

    /// Adds the member's roles (a role without permissions counts as none).
    pub fn roles<'a>(mut self, roles: impl IntoIterator<Item = &'a Role>) -> Self {
        self.roles.extend(
            roles
                .into_iter()
                .map(|r| (r.id, r.permissions.unwrap_or_default())),
        );
        self
    }

    /// Until when the member is timed out (`communication_disabled_until`).
    pub fn timed_out_until(mut self, until: Option<Timestamp>) -> Self {
        self.timed_out_until = until;
        self
    }

    /// The member's permissions in the guild: every permission for the owner or an
    /// administrator, else `@everyone`'s and their roles'; only [`Self::TIMED_OUT`] while timed
    /// out (`now` before the timeout's end).
    pub fn guild(&self, now: Timestamp) -> Permissions {
        match self.base() {
            Base::All => Permissions::all(),
            Base::Some(permissions) => self.timeout(permissions, now),
        }
    }

    /// The member's permissions in a channel with these overwrites: the guild permissions, then
    /// the `@everyone` overwrite, then the role overwrites (denies, then allows), then the
    /// member's overwrite; every permission for the owner or an administrator; only
    /// [`Self::TIMED_OUT`] (at most) while timed out.
    pub fn in_channel(&self, overwrites: &[PermissionOverwrite], now: Timestamp) -> Permissions {
        let mut permissions = match self.base() {
            Base::All => return Permissions::all(),
            Base::Some(permissions) => permissions,
        };
        let find = |kind: PermissionOverwriteType, id: u64| {
            overwrites
                .iter()
                .find(|o| o.kind == kind && o.id.get() == id)
        };
        if let Some(everyone) = find(PermissionOverwriteType::Role, self.guild_id.get()) {
            permissions = (permissions - everyone.deny) | everyone.allow;
        }
        let (mut allow, mut deny) = (Permissions::empty(), Permissions::empty());
        for (role, _) in &self.roles {
            if role.get() == self.guild_id.get() {
                continue;
            }
            if let Some(overwrite) = find(PermissionOverwriteType::Role, role.get()) {
                allow |= overwrite.allow;
                deny |= overwrite.deny;
            }
        }
        permissions = (permissions - deny) | allow;
        if let Some(member) = find(PermissionOverwriteType::Member, self.member_id.get()) {
            permissions = (permissions - member.deny) | member.allow;
        }
        self.timeout(permissions, now)
    }

    fn base(&self) -> Base {
        if self.member_id == self.owner_id {
            return Base::All;
        }
        let permissions = self
            .roles
            .iter()
            .fold(self.everyone, |acc, (_, role)| acc | *role);
        if permissions.contains(Permissions::ADMINISTRATOR) {
            Base::All
        } else {
            Base::Some(permissions)
        }
    }

    fn timeout(&self, permissions: Permissions, now: Timestamp) -> Permissions {
        match self.timed_out_until {
            Some(until) if until > now => permissions & Self::TIMED_OUT,
            _ => permissions,
        }
    }
}

enum Base {
    All,
    Some(Permissions),
}

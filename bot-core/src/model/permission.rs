//! A member's permissions in a guild and in a channel, computed as Discord documents it
//! (developers/topics/permissions.mdx, "Permission Overwrites" and "Permissions for Timed Out
//! Members").

use super::{
    GuildMarker, Id, PermissionOverwrite, PermissionOverwriteType, Permissions, Role, RoleMarker,
    Timestamp, UserMarker,
};

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

#[cfg(test)]
mod tests {
    use super::*;

    const GUILD: Id<GuildMarker> = Id::new(100);
    const OWNER: Id<UserMarker> = Id::new(1);
    const MEMBER: Id<UserMarker> = Id::new(2);
    const MODS: Id<RoleMarker> = Id::new(10);
    const MUTED: Id<RoleMarker> = Id::new(11);

    fn now() -> Timestamp {
        Timestamp::from_unix_seconds(1_700_000_000)
    }

    fn everyone() -> Permissions {
        Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::READ_MESSAGE_HISTORY
    }

    fn member() -> PermissionCalculator {
        PermissionCalculator::new(GUILD, OWNER, MEMBER, everyone())
    }

    fn role(id: Id<RoleMarker>, allow: Permissions, deny: Permissions) -> PermissionOverwrite {
        PermissionOverwrite::role(id, allow, deny)
    }

    #[test]
    fn the_owner_has_everything_whatever_the_overwrites() {
        let owner = PermissionCalculator::new(GUILD, OWNER, OWNER, Permissions::empty());
        let deny_all = [PermissionOverwrite::member(
            OWNER,
            Permissions::empty(),
            Permissions::all(),
        )];
        assert_eq!(owner.guild(now()), Permissions::all());
        assert_eq!(owner.in_channel(&deny_all, now()), Permissions::all());
    }

    #[test]
    fn administrators_have_everything_even_timed_out() {
        let admin = member()
            .role(MODS, Permissions::ADMINISTRATOR)
            .timed_out_until(Some(Timestamp::from_unix_seconds(1_800_000_000)));
        let deny = [role(GUILD.cast(), Permissions::empty(), Permissions::all())];
        assert_eq!(admin.guild(now()), Permissions::all());
        assert_eq!(admin.in_channel(&deny, now()), Permissions::all());
    }

    #[test]
    fn base_is_everyone_and_roles() {
        let calc = member().role(MODS, Permissions::KICK_MEMBERS);
        assert_eq!(calc.guild(now()), everyone() | Permissions::KICK_MEMBERS);
        assert_eq!(
            calc.in_channel(&[], now()),
            everyone() | Permissions::KICK_MEMBERS
        );
    }

    #[test]
    fn everyone_overwrite_denies_then_allows() {
        let overwrites = [role(
            GUILD.cast(),
            Permissions::ADD_REACTIONS,
            Permissions::SEND_MESSAGES,
        )];
        assert_eq!(
            member().in_channel(&overwrites, now()),
            Permissions::VIEW_CHANNEL
                | Permissions::READ_MESSAGE_HISTORY
                | Permissions::ADD_REACTIONS
        );
    }

    #[test]
    fn role_overwrites_allow_over_deny_and_over_everyone() {
        let overwrites = [
            role(
                GUILD.cast(),
                Permissions::empty(),
                Permissions::VIEW_CHANNEL,
            ),
            role(MODS, Permissions::VIEW_CHANNEL, Permissions::empty()),
            role(
                MUTED,
                Permissions::empty(),
                Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES,
            ),
        ];
        let both = member()
            .role(MODS, Permissions::empty())
            .role(MUTED, Permissions::empty());
        // A role's allow wins over another role's deny.
        assert!(
            both.in_channel(&overwrites, now())
                .contains(Permissions::VIEW_CHANNEL)
        );
        assert!(
            !both
                .in_channel(&overwrites, now())
                .contains(Permissions::SEND_MESSAGES)
        );
        let muted = member().role(MUTED, Permissions::empty());
        assert!(
            !muted
                .in_channel(&overwrites, now())
                .contains(Permissions::VIEW_CHANNEL)
        );
        // Overwrites of roles the member lacks do not apply.
        assert_eq!(
            member().in_channel(&overwrites[..2], now()),
            everyone() - Permissions::VIEW_CHANNEL
        );
    }

    #[test]
    fn member_overwrite_comes_last() {
        let overwrites = [
            PermissionOverwrite::member(
                MEMBER,
                Permissions::SEND_MESSAGES,
                Permissions::VIEW_CHANNEL,
            ),
            role(MODS, Permissions::VIEW_CHANNEL, Permissions::SEND_MESSAGES),
            PermissionOverwrite::member(OWNER, Permissions::all(), Permissions::empty()),
        ];
        let calc = member().role(MODS, Permissions::empty());
        let result = calc.in_channel(&overwrites, now());
        assert!(result.contains(Permissions::SEND_MESSAGES));
        assert!(!result.contains(Permissions::VIEW_CHANNEL));
        // A role overwrite with the member's id is not a member overwrite.
        let same_id = [role(
            MEMBER.cast(),
            Permissions::empty(),
            Permissions::all(),
        )];
        assert_eq!(member().in_channel(&same_id, now()), everyone());
    }

    #[test]
    fn timed_out_members_keep_view_and_history_until_the_end() {
        let until = Timestamp::from_unix_seconds(1_700_000_600);
        let calc = member()
            .role(
                MODS,
                Permissions::KICK_MEMBERS | Permissions::MANAGE_MESSAGES,
            )
            .timed_out_until(Some(until));
        assert_eq!(calc.guild(now()), PermissionCalculator::TIMED_OUT);
        let hide = [role(
            GUILD.cast(),
            Permissions::empty(),
            Permissions::READ_MESSAGE_HISTORY,
        )];
        assert_eq!(calc.in_channel(&hide, now()), Permissions::VIEW_CHANNEL);
        let later = Timestamp::from_unix_seconds(1_700_000_601);
        assert!(calc.guild(later).contains(Permissions::KICK_MEMBERS));
    }

    #[test]
    fn roles_from_role_objects() {
        let role: Role = serde_json::from_value(serde_json::json!({
            "id": "10", "name": "mods", "permissions": "8", "position": 1
        }))
        .unwrap();
        let calc = member().roles([&role]);
        assert_eq!(calc.guild(now()), Permissions::all());
    }
}

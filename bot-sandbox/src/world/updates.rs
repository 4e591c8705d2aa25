//! What a test changes about a member, a user's profile or a role through the handle: each field
//! left `None` stays as it is.

/// A change to a guild member ([`SandboxHandle::update_member`](crate::SandboxHandle::update_member)).
/// For the `Option<Option<_>>` fields, `Some(None)` clears the value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberUpdate {
    /// The guild nickname.
    pub nick: Option<Option<String>>,
    /// The member's roles, replacing the ones it has (not @everyone).
    pub roles: Option<Vec<u64>>,
    /// The guild avatar hash.
    pub avatar: Option<Option<String>>,
    /// Server-muted in voice channels.
    pub mute: Option<bool>,
    /// Server-deafened in voice channels.
    pub deaf: Option<bool>,
    /// When a timeout ends (ISO 8601, e.g. `2030-01-01T00:00:00.000000+00:00`).
    pub communication_disabled_until: Option<Option<String>>,
}

impl MemberUpdate {
    /// Sets (`Some`) or clears (`None`) the nickname.
    pub fn nick(mut self, nick: Option<&str>) -> Self {
        self.nick = Some(nick.map(str::to_owned));
        self
    }

    /// Replaces the roles.
    pub fn roles(mut self, roles: &[u64]) -> Self {
        self.roles = Some(roles.to_vec());
        self
    }

    /// Sets (`Some`) or clears (`None`) the guild avatar hash.
    pub fn avatar(mut self, avatar: Option<&str>) -> Self {
        self.avatar = Some(avatar.map(str::to_owned));
        self
    }

    /// Server-mutes or unmutes.
    pub fn mute(mut self, mute: bool) -> Self {
        self.mute = Some(mute);
        self
    }

    /// Server-deafens or undeafens.
    pub fn deaf(mut self, deaf: bool) -> Self {
        self.deaf = Some(deaf);
        self
    }

    /// Times the member out until `until` (ISO 8601), or ends the timeout (`None`).
    pub fn timeout_until(mut self, until: Option<&str>) -> Self {
        self.communication_disabled_until = Some(until.map(str::to_owned));
        self
    }
}

/// A change to a user's profile
/// ([`SandboxHandle::update_profile`](crate::SandboxHandle::update_profile)).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileUpdate {
    /// The username.
    pub username: Option<String>,
    /// The display name (`Some(None)` clears it).
    pub global_name: Option<Option<String>>,
    /// The avatar hash (`Some(None)` clears it).
    pub avatar: Option<Option<String>>,
}

impl ProfileUpdate {
    /// A new username.
    pub fn username(mut self, username: &str) -> Self {
        self.username = Some(username.to_owned());
        self
    }

    /// Sets (`Some`) or clears (`None`) the display name.
    pub fn global_name(mut self, name: Option<&str>) -> Self {
        self.global_name = Some(name.map(str::to_owned));
        self
    }

    /// Sets (`Some`) or clears (`None`) the avatar hash.
    pub fn avatar(mut self, avatar: Option<&str>) -> Self {
        self.avatar = Some(avatar.map(str::to_owned));
        self
    }
}

/// A new role's fields, or a change to a role
/// ([`SandboxHandle::create_role`](crate::SandboxHandle::create_role),
/// [`SandboxHandle::update_role`](crate::SandboxHandle::update_role)).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleUpdate {
    /// The name (a new role's default: `new role`).
    pub name: Option<String>,
    /// The permission bits (a new role's default: @everyone's).
    pub permissions: Option<u64>,
    /// The RGB colour.
    pub color: Option<u32>,
    /// Shown apart in the member list.
    pub hoist: Option<bool>,
    /// Anyone may mention it.
    pub mentionable: Option<bool>,
}

impl RoleUpdate {
    /// The name.
    pub fn name(mut self, name: &str) -> Self {
        self.name = Some(name.to_owned());
        self
    }

    /// The permission bits.
    pub fn permissions(mut self, permissions: u64) -> Self {
        self.permissions = Some(permissions);
        self
    }

    /// The RGB colour.
    pub fn color(mut self, color: u32) -> Self {
        self.color = Some(color);
        self
    }

    /// Shown apart in the member list, or not.
    pub fn hoist(mut self, hoist: bool) -> Self {
        self.hoist = Some(hoist);
        self
    }

    /// Mentionable by anyone, or not.
    pub fn mentionable(mut self, mentionable: bool) -> Self {
        self.mentionable = Some(mentionable);
        self
    }
}

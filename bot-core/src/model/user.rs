//! Users, guild members and roles.

use super::{Id, Permissions, RoleMarker, Timestamp, UserMarker};
use serde::{Deserialize, Serialize};

/// A Discord user (developers/resources/user.mdx).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The user's id.
    pub id: Id<UserMarker>,
    /// The unique username.
    pub username: String,
    /// The display name, if set.
    #[serde(default)]
    pub global_name: Option<String>,
    /// The legacy discriminator (`"0"` for migrated users).
    #[serde(default)]
    pub discriminator: Option<String>,
    /// The avatar hash.
    #[serde(default)]
    pub avatar: Option<String>,
    /// Whether the user is a bot.
    #[serde(default)]
    pub bot: bool,
}

impl User {
    /// The name to show: the display name, else the username.
    pub fn display_name(&self) -> &str {
        self.global_name.as_deref().unwrap_or(&self.username)
    }

    /// A mention of the user (`<@id>`).
    pub fn mention(&self) -> String {
        format!("<@{}>", self.id)
    }
}

/// A guild member as sent inside interactions: the member fields without, or with, the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialMember {
    /// The user, when the payload carries it (not in `resolved.members`).
    #[serde(default)]
    pub user: Option<User>,
    /// The guild nickname.
    #[serde(default)]
    pub nick: Option<String>,
    /// The guild avatar hash.
    #[serde(default)]
    pub avatar: Option<String>,
    /// The member's role ids.
    #[serde(default)]
    pub roles: Vec<Id<RoleMarker>>,
    /// When the member joined.
    #[serde(default)]
    pub joined_at: Option<Timestamp>,
    /// The member's permissions in the channel, in interactions.
    #[serde(default)]
    pub permissions: Option<Permissions>,
}

/// A guild member with its user: what a `Member` option receives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The user.
    pub user: User,
    /// The guild nickname.
    pub nick: Option<String>,
    /// The member's role ids.
    pub roles: Vec<Id<RoleMarker>>,
    /// When the member joined.
    pub joined_at: Option<Timestamp>,
    /// The member's permissions in the channel, in interactions.
    pub permissions: Option<Permissions>,
}

impl Member {
    /// Joins a user with their member data.
    pub fn new(user: User, member: PartialMember) -> Self {
        Member {
            user,
            nick: member.nick,
            roles: member.roles,
            joined_at: member.joined_at,
            permissions: member.permissions,
        }
    }

    /// The name to show in the guild: the nickname, else the user's display name.
    pub fn display_name(&self) -> &str {
        self.nick
            .as_deref()
            .unwrap_or_else(|| self.user.display_name())
    }
}

/// A guild role (developers/topics/permissions.mdx).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role's id.
    pub id: Id<RoleMarker>,
    /// The role's name.
    pub name: String,
    /// The role's permissions.
    #[serde(default)]
    pub permissions: Option<Permissions>,
    /// The role's position.
    #[serde(default)]
    pub position: i64,
}

impl Role {
    /// A mention of the role (`<@&id>`).
    pub fn mention(&self) -> String {
        format!("<@&{}>", self.id)
    }
}

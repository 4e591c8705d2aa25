//! Permission overwrites: a channel's allow and deny sets for a role or a member
//! (developers/resources/channel.mdx, overwrite object).

use crate::model::enums::int_enum;
use crate::model::{GenericMarker, Id, Permissions, RoleMarker, UserMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// Whom a permission overwrite is for.
    pub enum PermissionOverwriteType: u8 {
        /// A role (0); the overwrite's id is the role's (the guild's id for `@everyone`).
        Role = 0,
        /// A member (1); the overwrite's id is the user's.
        Member = 1,
    }
}

/// A channel's permission overwrite for one role or member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PermissionOverwrite {
    /// The role's or the user's id, as `kind` says.
    pub id: Id<GenericMarker>,
    /// Whether `id` names a role or a member.
    #[serde(rename = "type")]
    pub kind: PermissionOverwriteType,
    /// The permissions allowed.
    #[serde(default)]
    pub allow: Permissions,
    /// The permissions denied.
    #[serde(default)]
    pub deny: Permissions,
}

impl PermissionOverwrite {
    /// An overwrite for a role (`@everyone` is the role whose id is the guild's).
    pub fn role(id: Id<RoleMarker>, allow: Permissions, deny: Permissions) -> Self {
        PermissionOverwrite {
            id: id.cast(),
            kind: PermissionOverwriteType::Role,
            allow,
            deny,
        }
    }

    /// An overwrite for a member.
    pub fn member(id: Id<UserMarker>, allow: Permissions, deny: Permissions) -> Self {
        PermissionOverwrite {
            id: id.cast(),
            kind: PermissionOverwriteType::Member,
            allow,
            deny,
        }
    }
}

//! Application command permissions in a guild (developers/interactions/application-commands.mdx
//! "Application Command Permissions Object"): what `GET .../commands/permissions` answers and
//! APPLICATION_COMMAND_PERMISSIONS_UPDATE carries.

use super::enums::int_enum;
use super::{ApplicationMarker, GenericMarker, GuildMarker, Id};
use serde::{Deserialize, Serialize};

int_enum! {
    /// What a command permission applies to.
    pub enum ApplicationCommandPermissionType: u8 {
        /// A role.
        Role = 1,
        /// A user.
        User = 2,
        /// A channel.
        Channel = 3,
    }
}

/// One permission of a command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApplicationCommandPermission {
    /// The role, user or channel (or a constant for @everyone and all channels).
    pub id: Id<GenericMarker>,
    /// What `id` is.
    #[serde(rename = "type")]
    pub kind: ApplicationCommandPermissionType,
    /// Allowed or denied.
    pub permission: bool,
}

/// APPLICATION_COMMAND_PERMISSIONS_UPDATE: a command's permissions in a guild.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApplicationCommandPermissions {
    /// The command (or the application, for its defaults).
    pub id: Id<GenericMarker>,
    /// The application.
    pub application_id: Id<ApplicationMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The permissions.
    #[serde(default)]
    pub permissions: Vec<ApplicationCommandPermission>,
}

//! Presences: what `PRESENCE_UPDATE` and `GUILD_CREATE` report of users
//! (developers/events/gateway-events.mdx, Presence), and what a bot sends for its own presence in
//! IDENTIFY and op 3 ([`UpdatePresence`]).

mod activity;
mod update;

pub use activity::{
    Activity, ActivityAssets, ActivityButton, ActivityEmoji, ActivityParty, ActivitySecrets,
    ActivityTimestamps, ActivityType, StatusDisplayType,
};
pub use update::UpdatePresence;

use super::enums::str_enum;
use super::{GuildMarker, Id, PartialUser};
use serde::{Deserialize, Serialize};

str_enum! {
    /// A user's status; also what a bot sets for itself (online by default).
    #[derive(Default)]
    pub enum Status {
        /// Online.
        #[default]
        Online = "online",
        /// Do not disturb.
        Dnd = "dnd",
        /// Idle (AFK).
        Idle = "idle",
        /// Invisible: shown as offline (only sent, never received).
        Invisible = "invisible",
        /// Offline.
        Offline = "offline",
    }
}

/// A user's presence in a guild, as received (`PRESENCE_UPDATE`, `GUILD_CREATE`'s `presences`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Presence {
    /// The user: only `id` is sure to be there.
    pub user: PartialUser,
    /// The guild (absent inside `GUILD_CREATE`).
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The status.
    #[serde(default = "offline")]
    pub status: Status,
    /// The current activities.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// The status per platform.
    #[serde(default)]
    pub client_status: ClientStatus,
}

fn offline() -> Status {
    Status::Offline
}

/// A user's status on each kind of client; a client that is offline is absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClientStatus {
    /// The desktop application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desktop: Option<Status>,
    /// The mobile application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<Status>,
    /// The web client (and bots).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<Status>,
    /// A virtual-reality client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vr: Option<Status>,
}

#[cfg(test)]
mod tests;

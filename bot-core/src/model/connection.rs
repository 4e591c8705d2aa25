//! A user's connected accounts (developers/resources/user.mdx, "Connection Object").

use serde::{Deserialize, Serialize};

/// An account connected to a user's Discord account (Twitch, GitHub, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Connection {
    /// The account's id on the service.
    pub id: String,
    /// The account's name on the service.
    #[serde(default)]
    pub name: Option<String>,
    /// The service (`twitch`, `github`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Whether the connection is verified.
    #[serde(default)]
    pub verified: bool,
    /// Whether friend sync is on.
    #[serde(default)]
    pub friend_sync: bool,
    /// Whether activities from it show in presence updates.
    #[serde(default)]
    pub show_activity: bool,
    /// Whether it has a two-way link with the service.
    #[serde(default)]
    pub two_way_link: bool,
    /// Who can see it: 0 only the user, 1 everyone.
    #[serde(default)]
    pub visibility: u8,
    /// Whether it was revoked.
    #[serde(default)]
    pub revoked: bool,
}

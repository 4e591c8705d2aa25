//! What can be seen of a guild without being in it, or from a user's guild list.

use super::GuildFeature;
use crate::model::{Emoji, GuildMarker, Id, Permissions, Sticker};
use serde::{Deserialize, Serialize};

/// A guild's public preview (`GET /guilds/{id}/preview`; spec `GuildPreviewResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildPreview {
    /// The guild's id.
    pub id: Id<GuildMarker>,
    /// Its name.
    pub name: Box<str>,
    /// The icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// The invite splash hash.
    #[serde(default)]
    pub splash: Option<Box<str>>,
    /// The Discovery splash hash.
    #[serde(default)]
    pub discovery_splash: Option<Box<str>>,
    /// The custom emojis.
    #[serde(default)]
    pub emojis: Vec<Emoji>,
    /// The features.
    #[serde(default)]
    pub features: Vec<GuildFeature>,
    /// About how many members.
    #[serde(default)]
    pub approximate_member_count: u32,
    /// About how many members are online.
    #[serde(default)]
    pub approximate_presence_count: u32,
    /// The description.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// The custom stickers.
    #[serde(default)]
    pub stickers: Vec<Sticker>,
}

/// A guild in the current user's guild list (`GET /users/@me/guilds`; spec
/// `MyGuildResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartialGuild {
    /// The guild's id.
    pub id: Id<GuildMarker>,
    /// Its name.
    pub name: Box<str>,
    /// The icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// The banner hash.
    #[serde(default)]
    pub banner: Option<Box<str>>,
    /// Whether the current user owns it.
    #[serde(default)]
    pub owner: bool,
    /// The current user's permissions in it (roles and owner; no channel overwrites).
    #[serde(default)]
    pub permissions: Option<Permissions>,
    /// The features.
    #[serde(default)]
    pub features: Vec<GuildFeature>,
    /// About how many members (with `with_counts`).
    #[serde(default)]
    pub approximate_member_count: Option<u32>,
    /// About how many members are online (with `with_counts`).
    #[serde(default)]
    pub approximate_presence_count: Option<u32>,
}

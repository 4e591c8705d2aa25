//! Custom emojis, of a guild or of an application (developers/resources/emoji.mdx; spec
//! `EmojiResponse`). Reactions' partial emojis are with the message models.

use super::{EmojiMarker, Id, RoleMarker, User};
use serde::{Deserialize, Serialize};

/// A custom emoji: a guild's (`GET /guilds/{id}/emojis`, `GUILD_EMOJIS_UPDATE`) or an
/// application's (`GET /applications/{id}/emojis`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Emoji {
    /// The emoji's id.
    pub id: Id<EmojiMarker>,
    /// The emoji's name (`None` only for a deleted emoji in reaction events).
    #[serde(default)]
    pub name: Option<Box<str>>,
    /// The roles allowed to use it (empty: everyone).
    #[serde(default)]
    pub roles: Vec<Id<RoleMarker>>,
    /// Who uploaded it (with the expression permissions; an application emoji's team member).
    #[serde(default)]
    pub user: Option<Box<User>>,
    /// Whether it must be wrapped in colons.
    #[serde(default)]
    pub require_colons: bool,
    /// Whether an integration manages it.
    #[serde(default)]
    pub managed: bool,
    /// Whether it is animated.
    #[serde(default)]
    pub animated: bool,
    /// Whether it can be used (false when boosts were lost).
    #[serde(default = "yes")]
    pub available: bool,
}

fn yes() -> bool {
    true
}

impl Emoji {
    /// How to write it in a message: `<:name:id>` or `<a:name:id>`.
    pub fn mention(&self) -> String {
        let prefix = if self.animated { "a" } else { "" };
        let name = self.name.as_deref().unwrap_or("_");
        format!("<{prefix}:{name}:{}>", self.id)
    }
}

/// The answer of `GET /applications/{id}/emojis` (spec `ListApplicationEmojisResponse`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApplicationEmojis {
    /// The application's emojis.
    #[serde(default)]
    pub items: Vec<Emoji>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_emoji_decodes() {
        let emoji: Emoji = serde_json::from_value(serde_json::json!({
            "id": "41771983429993937",
            "name": "LUL",
            "roles": ["41771983429993000", "41771983429993111"],
            "user": {
                "username": "Luigi", "discriminator": "0002", "id": "96008815106887111",
                "avatar": "5500909a3274e1812beb4e8de6631111", "public_flags": 131328
            },
            "require_colons": true,
            "managed": false,
            "animated": false
        }))
        .unwrap();
        assert_eq!(emoji.roles.len(), 2);
        assert!(emoji.available);
        assert_eq!(emoji.mention(), "<:LUL:41771983429993937>");
        let list: ApplicationEmojis = serde_json::from_value(serde_json::json!({
            "items": [{"id": "1", "name": "a", "animated": true, "available": false}]
        }))
        .unwrap();
        assert_eq!(list.items[0].mention(), "<a:a:1>");
        assert!(!list.items[0].available);
    }
}

//! Reactions and the partial emojis of reactions, poll answers and components.

use crate::model::serde_util::is_false;
use crate::model::{EmojiMarker, Id};
use serde::{Deserialize, Serialize};

/// An emoji as reactions, poll media and components carry it: a custom emoji (`id` and `name`)
/// or a unicode one (`name` only).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartialEmoji {
    /// The custom emoji's id; `None` for a unicode emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id<EmojiMarker>>,
    /// The custom emoji's name, or the unicode emoji; `None` when a custom emoji was deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the custom emoji is animated.
    #[serde(default, skip_serializing_if = "is_false")]
    pub animated: bool,
}

impl PartialEmoji {
    /// A unicode emoji (`"🔥"`).
    pub fn unicode(emoji: impl Into<String>) -> Self {
        PartialEmoji {
            id: None,
            name: Some(emoji.into()),
            animated: false,
        }
    }

    /// A custom emoji.
    pub fn custom(id: Id<EmojiMarker>, name: impl Into<String>, animated: bool) -> Self {
        PartialEmoji {
            id: Some(id),
            name: Some(name.into()),
            animated,
        }
    }

    /// How to write it in a message: the unicode emoji, or `<:name:id>` (`<a:name:id>` when
    /// animated).
    pub fn mention(&self) -> String {
        let name = self.name.as_deref().unwrap_or("_");
        match self.id {
            None => name.to_owned(),
            Some(id) if self.animated => format!("<a:{name}:{id}>"),
            Some(id) => format!("<:{name}:{id}>"),
        }
    }
}

/// One emoji's reactions to a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reaction {
    /// How many times it was used (super reactions included).
    #[serde(default)]
    pub count: u32,
    /// The normal and super reaction counts.
    #[serde(default)]
    pub count_details: ReactionCountDetails,
    /// Whether the current user reacted with it.
    #[serde(default)]
    pub me: bool,
    /// Whether the current user super-reacted with it.
    #[serde(default)]
    pub me_burst: bool,
    /// The emoji.
    pub emoji: PartialEmoji,
    /// The colours of super reactions (`#rrggbb`).
    #[serde(default)]
    pub burst_colors: Vec<String>,
}

/// Normal and super reaction counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReactionCountDetails {
    /// Super reactions.
    #[serde(default)]
    pub burst: u32,
    /// Normal reactions.
    #[serde(default)]
    pub normal: u32,
}

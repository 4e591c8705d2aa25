//! Stickers and sticker packs (developers/resources/sticker.mdx; spec `GuildStickerResponse`,
//! `StandardStickerResponse`, `StickerPackResponse`). The sticker items of messages are with the
//! message models.

use super::enums::int_enum;
use super::{GuildMarker, Id, SkuMarker, StickerMarker, StickerPackMarker, User};
use serde::{Deserialize, Serialize};

int_enum! {
    /// Whether a sticker is Discord's or a guild's (spec `StickerTypes`).
    pub enum StickerType: u8 {
        /// One of Discord's, in a pack.
        Standard = 1,
        /// A guild's.
        Guild = 2,
    }
}

int_enum! {
    /// A sticker's file format (spec `StickerFormatTypes`).
    pub enum StickerFormatType: u8 {
        /// PNG.
        Png = 1,
        /// Animated PNG.
        Apng = 2,
        /// Lottie (JSON).
        Lottie = 3,
        /// GIF.
        Gif = 4,
    }
}

/// A sticker: a standard one (with `pack_id`) or a guild's (with `guild_id`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sticker {
    /// The sticker's id.
    pub id: Id<StickerMarker>,
    /// The pack of a standard sticker.
    #[serde(default)]
    pub pack_id: Option<Id<StickerPackMarker>>,
    /// The sticker's name.
    pub name: Box<str>,
    /// The description.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// Autocomplete keywords (a guild sticker's related emoji name).
    #[serde(default)]
    pub tags: Box<str>,
    /// Standard or guild.
    #[serde(rename = "type")]
    pub kind: StickerType,
    /// The file format.
    #[serde(default)]
    pub format_type: Option<StickerFormatType>,
    /// Whether a guild sticker can be used (false when boosts were lost).
    #[serde(default)]
    pub available: Option<bool>,
    /// The guild of a guild sticker.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Who uploaded a guild sticker (with the expression permissions).
    #[serde(default)]
    pub user: Option<Box<User>>,
    /// The order within its pack.
    #[serde(default)]
    pub sort_value: Option<i32>,
}

/// A pack of standard stickers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StickerPack {
    /// The pack's id.
    pub id: Id<StickerPackMarker>,
    /// The stickers.
    #[serde(default)]
    pub stickers: Vec<Sticker>,
    /// The pack's name.
    pub name: Box<str>,
    /// The pack's SKU.
    pub sku_id: Id<SkuMarker>,
    /// The sticker shown as the pack's icon.
    #[serde(default)]
    pub cover_sticker_id: Option<Id<StickerMarker>>,
    /// The description.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// The banner image's asset id.
    #[serde(default)]
    pub banner_asset_id: Option<Id<StickerPackMarker>>,
}

/// The answer of `GET /sticker-packs` (spec `StickerPackCollectionResponse`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StickerPacks {
    /// The packs.
    #[serde(default)]
    pub sticker_packs: Vec<StickerPack>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_sticker_and_pack_decode() {
        let sticker: Sticker = serde_json::from_value(serde_json::json!({
            "id": "749054660769218631",
            "name": "Wave",
            "tags": "wumpus, hello, sup, hi, oi, heyo, heya, yo, greetings, greet, welcome",
            "type": 1,
            "format_type": 3,
            "description": "Wumpus waves hello",
            "pack_id": "847199849233514549",
            "sort_value": 12
        }))
        .unwrap();
        assert_eq!(
            (sticker.kind, sticker.format_type),
            (StickerType::Standard, Some(StickerFormatType::Lottie))
        );
        let packs: StickerPacks = serde_json::from_value(serde_json::json!({"sticker_packs": [{
            "id": "847199849233514549",
            "stickers": [serde_json::to_value(&sticker).unwrap()],
            "name": "Wumpus Beyond",
            "sku_id": "847199849233514547",
            "cover_sticker_id": "749053689419006003",
            "description": "Say hello to Wumpus!",
            "banner_asset_id": "761773777976819732"
        }]}))
        .unwrap();
        assert_eq!(packs.sticker_packs[0].stickers[0], sticker);
        let odd: Sticker = serde_json::from_value(serde_json::json!({
            "id": "1", "name": "x", "tags": "", "type": 7, "format_type": 9, "guild_id": "2"
        }))
        .unwrap();
        assert_eq!(odd.kind, StickerType::Unknown(7));
        assert_eq!(odd.format_type, Some(StickerFormatType::Unknown(9)));
    }
}

//! Discord's catalog, the same for every bot: the packs of standard stickers
//! (`GET /sticker-packs`, `GET /stickers/{id}`) and the default soundboard sounds
//! (`GET /soundboard-default-sounds`). The world starts with a small set shaped like Discord's:
//! the documentation's "Wumpus Beyond" pack and a second one, and six of Discord's default sounds.

use serde_json::{Value, json};

/// A standard sticker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StickerRecord {
    pub(crate) id: u64,
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    /// Autocomplete keywords.
    pub(crate) tags: &'static str,
    /// 1 PNG, 2 APNG, 3 Lottie, 4 GIF.
    pub(crate) format_type: u8,
    pub(crate) sort_value: u32,
}

/// A pack of standard stickers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PackRecord {
    pub(crate) id: u64,
    pub(crate) sku_id: u64,
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) banner_asset_id: u64,
    pub(crate) stickers: Vec<StickerRecord>,
}

/// A default soundboard sound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SoundRecord {
    pub(crate) id: u64,
    pub(crate) name: &'static str,
    pub(crate) emoji: &'static str,
}

/// The catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Catalog {
    pub(crate) packs: Vec<PackRecord>,
    pub(crate) sounds: Vec<SoundRecord>,
}

fn sticker(
    id: u64,
    name: &'static str,
    description: &'static str,
    tags: &'static str,
    format_type: u8,
    sort_value: u32,
) -> StickerRecord {
    StickerRecord {
        id,
        name,
        description,
        tags,
        format_type,
        sort_value,
    }
}

impl Catalog {
    /// The set the world starts with.
    pub(crate) fn discords() -> Catalog {
        let wumpus = PackRecord {
            id: 847_199_849_233_514_549,
            sku_id: 847_199_849_233_514_547,
            name: "Wumpus Beyond",
            description: "Say hello to Wumpus!",
            banner_asset_id: 761_773_777_976_819_732,
            stickers: vec![
                sticker(
                    749_053_689_419_006_003,
                    "Hi",
                    "Wumpus says hi",
                    "wumpus, hi, hello",
                    3,
                    1,
                ),
                sticker(
                    749_054_660_769_218_631,
                    "Wave",
                    "Wumpus waves hello",
                    "wumpus, hello, sup, hi, oi, heyo, heya, yo, greetings, greet, welcome",
                    3,
                    12,
                ),
            ],
        };
        let cozy = PackRecord {
            id: 847_199_849_233_514_560,
            sku_id: 847_199_849_233_514_558,
            name: "Cozy Corner",
            description: "Blankets, tea and naps.",
            banner_asset_id: 761_773_777_976_819_745,
            stickers: vec![
                sticker(
                    749_056_437_254_389_781,
                    "Tea Time",
                    "A warm cup of tea",
                    "tea, cozy, relax",
                    1,
                    1,
                ),
                sticker(
                    749_056_437_254_389_790,
                    "Nap",
                    "Off to sleep",
                    "sleep, nap, tired, zzz",
                    2,
                    2,
                ),
            ],
        };
        let sound = |id, name, emoji| SoundRecord { id, name, emoji };
        Catalog {
            packs: vec![wumpus, cozy],
            sounds: vec![
                sound(1, "quack", "🦆"),
                sound(2, "airhorn", "🔊"),
                sound(3, "cricket", "🦗"),
                sound(4, "golf clap", "⛳"),
                sound(5, "sad horn", "🎺"),
                sound(7, "ba dum tss", "🥁"),
            ],
        }
    }

    /// A standard sticker as REST shows it (the spec's `StandardStickerResponse`).
    fn sticker_json(pack: &PackRecord, sticker: &StickerRecord) -> Value {
        json!({
            "id": sticker.id.to_string(),
            "name": sticker.name,
            "tags": sticker.tags,
            "type": 1,
            "format_type": sticker.format_type,
            "description": sticker.description,
            "pack_id": pack.id.to_string(),
            "sort_value": sticker.sort_value,
        })
    }

    /// A pack as REST shows it (the spec's `StickerPackResponse`).
    pub(crate) fn pack_json(pack: &PackRecord) -> Value {
        json!({
            "id": pack.id.to_string(),
            "sku_id": pack.sku_id.to_string(),
            "name": pack.name,
            "description": pack.description,
            "stickers": pack.stickers.iter().map(|s| Self::sticker_json(pack, s)).collect::<Vec<_>>(),
            "cover_sticker_id": pack.stickers.first().map(|s| s.id.to_string()),
            "banner_asset_id": pack.banner_asset_id.to_string(),
        })
    }

    /// `{sticker_packs: [...]}`.
    pub(crate) fn packs_json(&self) -> Value {
        json!({"sticker_packs": self.packs.iter().map(Self::pack_json).collect::<Vec<_>>()})
    }

    /// A pack by id.
    pub(crate) fn pack(&self, id: u64) -> Option<Value> {
        self.packs.iter().find(|p| p.id == id).map(Self::pack_json)
    }

    /// A standard sticker by id.
    pub(crate) fn sticker(&self, id: u64) -> Option<Value> {
        self.packs.iter().find_map(|pack| {
            pack.stickers
                .iter()
                .find(|s| s.id == id)
                .map(|s| Self::sticker_json(pack, s))
        })
    }

    /// The default sounds as REST lists them (the spec's `SoundboardSoundResponse`, with no
    /// guild).
    pub(crate) fn sounds_json(&self) -> Value {
        Value::Array(
            self.sounds
                .iter()
                .map(|s| {
                    json!({"name": s.name, "sound_id": s.id.to_string(), "volume": 1.0,
                           "emoji_id": null, "emoji_name": s.emoji, "available": true})
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_finds_its_stickers_and_packs() {
        let catalog = Catalog::discords();
        let wave = catalog.sticker(749_054_660_769_218_631).expect("Wave");
        assert_eq!(wave["pack_id"], "847199849233514549");
        assert!(catalog.sticker(1).is_none());
        assert_eq!(
            catalog.packs_json()["sticker_packs"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        assert!(catalog.pack(847_199_849_233_514_560).is_some());
        assert_eq!(catalog.sounds_json().as_array().unwrap().len(), 6);
    }
}

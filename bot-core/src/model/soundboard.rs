//! Soundboard sounds (developers/resources/soundboard.mdx; spec `SoundboardSoundResponse`).

use super::{EmojiMarker, GuildMarker, Id, SoundboardSoundMarker, User};
use serde::{Deserialize, Serialize};

/// A soundboard sound: Discord's default ones or a guild's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SoundboardSound {
    /// The sound's name.
    pub name: Box<str>,
    /// The sound's id.
    pub sound_id: Id<SoundboardSoundMarker>,
    /// Its volume, from 0 to 1.
    #[serde(default = "full")]
    pub volume: f64,
    /// Its custom emoji's id.
    #[serde(default)]
    pub emoji_id: Option<Id<EmojiMarker>>,
    /// Its custom emoji's name, or its unicode emoji.
    #[serde(default)]
    pub emoji_name: Option<Box<str>>,
    /// The guild (`None` for Discord's default sounds).
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Whether it can be used (false when boosts were lost).
    #[serde(default)]
    pub available: bool,
    /// Who uploaded it (with the expression permissions).
    #[serde(default)]
    pub user: Option<Box<User>>,
}

fn full() -> f64 {
    1.0
}

/// The answer of `GET /guilds/{id}/soundboard-sounds`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildSoundboardSounds {
    /// The guild's sounds.
    #[serde(default)]
    pub items: Vec<SoundboardSound>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_sounds_decode() {
        let default: SoundboardSound = serde_json::from_value(serde_json::json!({
            "name": "quack", "sound_id": "1", "volume": 1.0, "emoji_id": null,
            "emoji_name": "🦆", "available": true
        }))
        .unwrap();
        assert!(default.guild_id.is_none());
        let list: GuildSoundboardSounds = serde_json::from_value(serde_json::json!({"items": [{
            "name": "Yay", "sound_id": "1106714396018884649", "volume": 1,
            "emoji_id": "989193655938064464", "emoji_name": null,
            "guild_id": "613425648685547541", "available": true
        }]}))
        .unwrap();
        assert_eq!(list.items[0].emoji_id, Some(Id::new(989193655938064464)));
    }
}

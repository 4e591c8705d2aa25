//! New soundboard sounds of a guild and changes to them (Create / Modify Guild Soundboard
//! Sound), with Discord's limits checked before sending: a name (2–32), a volume (0–1), an
//! emoji, and an MP3 or Ogg file of at most 512 KiB sent as a data URI.

use super::image::data_uri;
use super::problem::{self, RequestProblem};
use super::sticker::check_size;
use crate::model::{EmojiMarker, Id};
use serde_json::{Map, Value, json};

/// A sound file's MIME type by its first bytes: MP3 (an ID3 tag or a frame sync) or Ogg.
fn sound_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"ID3") || (bytes.len() > 1 && bytes[0] == 0xff && bytes[1] & 0xe0 == 0xe0)
    {
        Some("audio/mpeg")
    } else if bytes.starts_with(b"OggS") {
        Some("audio/ogg")
    } else {
        None
    }
}

fn check_sound_fields(
    name: Option<&str>,
    volume: Option<f64>,
    emoji_name: Option<&str>,
) -> Result<(), RequestProblem> {
    if let Some(name) = name {
        problem::length("name", name, 2, 32)?;
    }
    if let Some(volume) = volume
        && !(0.0..=1.0).contains(&volume)
    {
        return Err(RequestProblem::NotAllowed {
            field: "volume",
            why: "a volume is between 0 and 1",
        });
    }
    if let Some(emoji) = emoji_name {
        problem::length("emoji_name", emoji, 1, 32)?;
    }
    Ok(())
}

/// A new soundboard sound of a guild (Pycord's `guild.create_sound`): an MP3 or Ogg file of at
/// most 512 KiB, sent as a data URI. Needs CREATE_GUILD_EXPRESSIONS.
///
/// ```
/// use bot_core::model::CreateSoundboardSound;
/// let ogg = b"OggS\0\x02".to_vec();
/// let sound = CreateSoundboardSound::new("Yay", ogg).volume(0.5).emoji_name("🎉");
/// assert!(sound.to_json().unwrap()["sound"].as_str().unwrap().starts_with("data:audio/ogg;"));
/// assert!(CreateSoundboardSound::new("Loud", b"OggS".to_vec()).volume(2.0).check().is_err());
/// ```
#[derive(Clone, PartialEq)]
#[non_exhaustive]
#[must_use]
pub struct CreateSoundboardSound {
    /// The name (2 to 32 characters).
    pub name: String,
    /// The sound: MP3 or Ogg, at most 512 KiB.
    pub sound: Vec<u8>,
    /// The volume, from 0 to 1 (Discord's default: 1).
    pub volume: Option<f64>,
    /// A custom emoji shown with it.
    pub emoji_id: Option<Id<EmojiMarker>>,
    /// A unicode emoji shown with it.
    pub emoji_name: Option<String>,
}

impl std::fmt::Debug for CreateSoundboardSound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateSoundboardSound")
            .field("name", &self.name)
            .field("sound", &format_args!("{} bytes", self.sound.len()))
            .field("volume", &self.volume)
            .field("emoji_id", &self.emoji_id)
            .field("emoji_name", &self.emoji_name)
            .finish()
    }
}

impl CreateSoundboardSound {
    /// A sound named `name`.
    pub fn new(name: impl Into<String>, sound: impl Into<Vec<u8>>) -> Self {
        CreateSoundboardSound {
            name: name.into(),
            sound: sound.into(),
            volume: None,
            emoji_id: None,
            emoji_name: None,
        }
    }

    /// Its volume, from 0 to 1.
    pub fn volume(mut self, volume: f64) -> Self {
        self.volume = Some(volume);
        self
    }

    /// A custom emoji shown with it.
    pub fn emoji(mut self, emoji: Id<EmojiMarker>) -> Self {
        self.emoji_id = Some(emoji);
        self
    }

    /// A unicode emoji shown with it.
    pub fn emoji_name(mut self, emoji: impl Into<String>) -> Self {
        self.emoji_name = Some(emoji.into());
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_sound_fields(Some(&self.name), self.volume, self.emoji_name.as_deref())?;
        check_size("sound", &self.sound)?;
        match sound_type(&self.sound) {
            Some(_) => Ok(()),
            None => Err(RequestProblem::NotAllowed {
                field: "sound",
                why: "not an MP3 or Ogg file",
            }),
        }
    }

    /// The JSON body, the sound as a data URI (checked first).
    pub fn to_json(&self) -> Result<Value, RequestProblem> {
        self.check()?;
        let kind = sound_type(&self.sound).unwrap_or("audio/mpeg");
        let mut body = json!({ "name": self.name, "sound": data_uri(kind, &self.sound) });
        if let Some(volume) = self.volume {
            body["volume"] = json!(volume);
        }
        if let Some(emoji) = self.emoji_id {
            body["emoji_id"] = json!(emoji);
        }
        if let Some(emoji) = &self.emoji_name {
            body["emoji_name"] = json!(emoji);
        }
        Ok(body)
    }
}

/// Changes to a soundboard sound (Pycord's `sound.edit`); what is left `None` stays.
///
/// ```
/// use bot_core::model::EditSoundboardSound;
/// let quieter = EditSoundboardSound::new().volume(0.25);
/// assert_eq!(quieter.to_json().unwrap()["volume"], 0.25);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
#[must_use]
pub struct EditSoundboardSound {
    /// A new name.
    pub name: Option<String>,
    /// A new volume.
    pub volume: Option<f64>,
    /// A new custom emoji (`Some(None)` removes it).
    pub emoji_id: Option<Option<Id<EmojiMarker>>>,
    /// A new unicode emoji (`Some(None)` removes it).
    pub emoji_name: Option<Option<String>>,
}

impl EditSoundboardSound {
    /// No change yet.
    pub fn new() -> Self {
        EditSoundboardSound::default()
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// A new volume.
    pub fn volume(mut self, volume: f64) -> Self {
        self.volume = Some(volume);
        self
    }

    /// A new unicode emoji, or `None` to remove it.
    pub fn emoji_name(mut self, emoji: Option<String>) -> Self {
        self.emoji_name = Some(emoji);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_sound_fields(
            self.name.as_deref(),
            self.volume,
            self.emoji_name.as_ref().and_then(Option::as_deref),
        )
    }

    /// The JSON body (checked first).
    pub fn to_json(&self) -> Result<Value, RequestProblem> {
        self.check()?;
        let mut body = Map::new();
        if let Some(name) = &self.name {
            body.insert("name".into(), json!(name));
        }
        if let Some(volume) = self.volume {
            body.insert("volume".into(), json!(volume));
        }
        if let Some(emoji) = &self.emoji_id {
            body.insert("emoji_id".into(), json!(emoji));
        }
        if let Some(emoji) = &self.emoji_name {
            body.insert("emoji_name".into(), json!(emoji));
        }
        Ok(Value::Object(body))
    }
}

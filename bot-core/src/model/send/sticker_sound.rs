//! New guild stickers and soundboard sounds, and changes to them (Create / Modify Guild
//! Sticker, Create / Modify Guild Soundboard Sound), with Discord's limits checked before
//! sending: a sticker's name (2–30), tags (1–200), description (empty or 2–100) and file (PNG,
//! APNG, GIF or Lottie JSON, at most 512 KiB); a sound's name (2–32), volume (0–1) and file (MP3
//! or Ogg, at most 512 KiB).

use super::image::data_uri;
use super::problem::{self, RequestProblem};
use crate::model::{EmojiMarker, Id};
use serde_json::{Map, Value, json};

/// The most bytes of a sticker's file or a sound's: 512 KiB.
pub const MAX_STICKER_BYTES: usize = 512 * 1024;

/// A sticker file's MIME type by its first bytes: PNG (and APNG), GIF, or Lottie JSON.
pub(crate) fn sticker_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.trim_ascii_start().starts_with(b"{") {
        Some("application/json")
    } else {
        None
    }
}

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

fn check_size(field: &'static str, bytes: &[u8]) -> Result<(), RequestProblem> {
    problem::range(
        field,
        i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        1,
        MAX_STICKER_BYTES as i64,
    )
}

fn check_sticker_texts(
    name: Option<&str>,
    tags: Option<&str>,
    description: Option<&str>,
) -> Result<(), RequestProblem> {
    if let Some(name) = name {
        problem::length("name", name, 2, 30)?;
    }
    if let Some(tags) = tags {
        problem::length("tags", tags, 1, 200)?;
    }
    if let Some(description) = description
        && !description.is_empty()
    {
        problem::length("description", description, 2, 100)?;
    }
    Ok(())
}

/// A new guild sticker (Pycord's `guild.create_sticker`): a multipart upload. `emoji` is the
/// related emoji's name (its `tags`). Needs CREATE_GUILD_EXPRESSIONS.
///
/// ```
/// use bot_core::model::CreateSticker;
/// let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
/// let sticker = CreateSticker::new("Wave", "wave", "wave.png", png).description("Hello!");
/// sticker.check().unwrap();
/// assert!(CreateSticker::new("W", "wave", "w.png", b"GIF89a".to_vec()).check().is_err());
/// assert!(CreateSticker::new("Text", "t", "t.txt", b"plain".to_vec()).check().is_err());
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
#[must_use]
pub struct CreateSticker {
    /// The name (2 to 30 characters).
    pub name: String,
    /// The related emoji's name, as autocomplete tags (1 to 200 characters).
    pub tags: String,
    /// The description (empty, or 2 to 100 characters).
    pub description: String,
    /// The file's name.
    pub filename: String,
    /// The file: PNG, APNG, GIF or Lottie JSON, at most 512 KiB.
    pub file: Vec<u8>,
}

impl std::fmt::Debug for CreateSticker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateSticker")
            .field("name", &self.name)
            .field("tags", &self.tags)
            .field("description", &self.description)
            .field("filename", &self.filename)
            .field("file", &format_args!("{} bytes", self.file.len()))
            .finish()
    }
}

impl CreateSticker {
    /// A sticker named `name` with the related emoji `emoji`, from a file.
    pub fn new(
        name: impl Into<String>,
        emoji: impl Into<String>,
        filename: impl Into<String>,
        file: impl Into<Vec<u8>>,
    ) -> Self {
        CreateSticker {
            name: name.into(),
            tags: emoji.into(),
            description: String::new(),
            filename: filename.into(),
            file: file.into(),
        }
    }

    /// The description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = description.into();
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_sticker_texts(Some(&self.name), Some(&self.tags), Some(&self.description))?;
        check_size("file", &self.file)?;
        match sticker_type(&self.file) {
            Some(_) => Ok(()),
            None => Err(RequestProblem::NotAllowed {
                field: "file",
                why: "not a PNG, APNG, GIF or Lottie JSON file",
            }),
        }
    }
}

/// Changes to a guild sticker (Pycord's `sticker.edit`); what is left `None` stays.
///
/// ```
/// use bot_core::model::EditSticker;
/// assert!(EditSticker::new().name("Waving").check().is_ok());
/// assert!(EditSticker::new().tags("").check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditSticker {
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New tags (the related emoji's name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
    /// A new description (`Some(None)` removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Option<String>>,
}

impl EditSticker {
    /// No change yet.
    pub fn new() -> Self {
        EditSticker::default()
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// New tags.
    pub fn tags(mut self, tags: impl Into<String>) -> Self {
        self.tags = Some(tags.into());
        self
    }

    /// A new description, or `None` to remove it.
    pub fn description(mut self, description: Option<String>) -> Self {
        self.description = Some(description);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_sticker_texts(
            self.name.as_deref(),
            self.tags.as_deref(),
            self.description.as_ref().and_then(Option::as_deref),
        )
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

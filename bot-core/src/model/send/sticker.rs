//! New guild stickers and changes to them (Create / Modify Guild Sticker), with Discord's
//! limits checked before sending: a name (2–30), tags (1–200), a description (empty or 2–100)
//! and a file (PNG, APNG, GIF or Lottie JSON, at most 512 KiB).

use super::problem::{self, RequestProblem};

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

pub(super) fn check_size(field: &'static str, bytes: &[u8]) -> Result<(), RequestProblem> {
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

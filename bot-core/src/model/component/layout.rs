//! Layout and content components (components v2): sections, text displays, thumbnails, media
//! galleries, files, separators and containers; and unknown components, kept raw.

use super::{Component, ComponentType};
use crate::model::enums::int_enum;
use crate::model::serde_util::is_false;
use crate::model::{AttachmentMarker, Id, UnfurledMediaFlags};
use serde::{Deserialize, Serialize};

/// Up to three text displays with an accessory (a button or a thumbnail) beside them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Section {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The text displays (1-3).
    #[serde(default)]
    pub components: Vec<Component>,
    /// The button or thumbnail beside them.
    pub accessory: Box<Component>,
}

impl Section {
    /// A section of these texts with an accessory.
    pub fn new(
        texts: impl IntoIterator<Item = TextDisplay>,
        accessory: impl Into<Component>,
    ) -> Self {
        Section {
            id: None,
            components: texts.into_iter().map(Component::TextDisplay).collect(),
            accessory: Box::new(accessory.into()),
        }
    }
}

/// Markdown text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextDisplay {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The text.
    #[serde(default)]
    pub content: String,
}

impl TextDisplay {
    /// A text display.
    pub fn new(content: impl Into<String>) -> Self {
        TextDisplay {
            id: None,
            content: content.into(),
        }
    }
}

/// A media item: an address (or `attachment://name`), with what Discord resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnfurledMedia {
    /// The address, or `attachment://name`.
    #[serde(default)]
    pub url: String,
    /// The proxied address (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
    /// The height (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// The width (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// A thumbhash placeholder (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// The placeholder's version (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder_version: Option<u32>,
    /// The media type (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Its flags (received only).
    #[serde(default, skip_serializing_if = "UnfurledMediaFlags::is_empty")]
    pub flags: UnfurledMediaFlags,
    /// The uploaded attachment it refers to (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<Id<AttachmentMarker>>,
}

impl UnfurledMedia {
    /// Media at this address (or `attachment://name`).
    pub fn new(url: impl Into<String>) -> Self {
        UnfurledMedia {
            url: url.into(),
            ..UnfurledMedia::default()
        }
    }
}

/// A small image, as a section's accessory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thumbnail {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The image.
    pub media: UnfurledMedia,
    /// Alt text (up to 1024 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is blurred until clicked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub spoiler: bool,
}

impl Thumbnail {
    /// A thumbnail of this image.
    pub fn new(url: impl Into<String>) -> Self {
        Thumbnail {
            id: None,
            media: UnfurledMedia::new(url),
            description: None,
            spoiler: false,
        }
    }
}

/// A gallery of 1 to 10 media items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MediaGallery {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The items.
    #[serde(default)]
    pub items: Vec<MediaGalleryItem>,
}

impl MediaGallery {
    /// A gallery of these items.
    pub fn new(items: impl IntoIterator<Item = MediaGalleryItem>) -> Self {
        MediaGallery {
            id: None,
            items: items.into_iter().collect(),
        }
    }
}

/// An item of a media gallery.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MediaGalleryItem {
    /// The media.
    pub media: UnfurledMedia,
    /// Alt text (up to 1024 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is blurred until clicked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub spoiler: bool,
}

impl MediaGalleryItem {
    /// An item showing this address.
    pub fn new(url: impl Into<String>) -> Self {
        MediaGalleryItem {
            media: UnfurledMedia::new(url),
            ..MediaGalleryItem::default()
        }
    }
}

/// An uploaded file, shown in the message (`attachment://name` only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileComponent {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The file (`attachment://name`).
    pub file: UnfurledMedia,
    /// Whether it is blurred until clicked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub spoiler: bool,
    /// The file's name (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The file's size in bytes (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
}

impl FileComponent {
    /// The uploaded file with this name.
    pub fn attachment(filename: &str) -> Self {
        FileComponent {
            id: None,
            file: UnfurledMedia::new(format!("attachment://{filename}")),
            spoiler: false,
            name: None,
            size: None,
        }
    }
}

int_enum! {
    /// The padding of a separator.
    pub enum SeparatorSpacing: u8 {
        /// Small (1).
        Small = 1,
        /// Large (2).
        Large = 2,
    }
}

/// Vertical space, with or without a line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Separator {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Whether a line is drawn (Discord's default: `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub divider: Option<bool>,
    /// The padding (Discord's default: small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spacing: Option<SeparatorSpacing>,
}

impl Separator {
    /// A separator with Discord's defaults (a line, small padding).
    pub fn new() -> Self {
        Separator::default()
    }
}

/// A box around components, with an accent colour.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Container {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The components inside.
    #[serde(default)]
    pub components: Vec<Component>,
    /// The accent colour (`0xRRGGBB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_color: Option<u32>,
    /// Whether it is blurred until clicked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub spoiler: bool,
}

impl Container {
    /// A container of these components.
    pub fn new(components: impl IntoIterator<Item = Component>) -> Self {
        Container {
            components: components.into_iter().collect(),
            ..Container::default()
        }
    }

    /// With an accent colour.
    #[must_use]
    pub fn accent_color(mut self, color: u32) -> Self {
        self.accent_color = Some(color);
        self
    }
}

/// A component of a type this SDK does not know: its type and its raw JSON (an escape hatch).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UnknownComponent {
    /// The component's type.
    pub kind: ComponentType,
    /// The component as Discord sent it, `type` included.
    pub raw: serde_json::Value,
}

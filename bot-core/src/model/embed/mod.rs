//! Embeds: the same type is received in messages and sent with them; [`EmbedBuilder`] checks
//! Discord's limits (developers/resources/message.mdx, embed object).

mod builder;
mod error;
#[cfg(test)]
mod tests;

pub use builder::{EmbedBuilder, check_embeds};
pub use error::{EmbedError, EmbedProblem};

use super::enums::str_enum;
use super::{EmbedFlags, EmbedMediaFlags, Timestamp};
use serde::{Deserialize, Serialize};

str_enum! {
    /// An embed's type; bots send `Rich` (or nothing).
    pub enum EmbedType {
        /// Built from the embed's fields.
        Rich = "rich",
        /// An image.
        Image = "image",
        /// A video.
        Video = "video",
        /// An animated GIF shown as a video.
        Gifv = "gifv",
        /// An article.
        Article = "article",
        /// A link.
        Link = "link",
        /// A poll's results.
        PollResult = "poll_result",
    }
}

/// An embed. Build one to send with [`EmbedBuilder`]. Media and the provider are boxed: most
/// embeds a bot sends or reads have no video and no provider.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Embed {
    /// The title (up to 256 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The type (`rich` for sent embeds).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EmbedType>,
    /// The description (up to 4096 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The address the title links to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The time shown in the footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// The colour of the left border (`0xRRGGBB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<u32>,
    /// The footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footer: Option<EmbedFooter>,
    /// The large image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Box<EmbedMedia>>,
    /// The small image at the top right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Box<EmbedMedia>>,
    /// The video (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<Box<EmbedMedia>>,
    /// The provider (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Box<EmbedProvider>>,
    /// The author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<EmbedAuthor>,
    /// The fields (up to 25).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<EmbedField>,
    /// Its flags.
    #[serde(default, skip_serializing_if = "EmbedFlags::is_empty")]
    pub flags: EmbedFlags,
}

/// An embed's footer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbedFooter {
    /// The text (up to 2048 characters).
    #[serde(default)]
    pub text: String,
    /// The icon's address (http(s) or `attachment://name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// The icon's proxied address (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_icon_url: Option<String>,
}

impl EmbedFooter {
    /// A footer with this text.
    pub fn new(text: impl Into<String>) -> Self {
        EmbedFooter {
            text: text.into(),
            ..EmbedFooter::default()
        }
    }

    /// With an icon.
    #[must_use]
    pub fn icon_url(mut self, url: impl Into<String>) -> Self {
        self.icon_url = Some(url.into());
        self
    }
}

/// An embed's image, thumbnail or video.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbedMedia {
    /// The source address (http(s) or `attachment://name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A proxied address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
    /// The height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// The width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// The media type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// A thumbhash placeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// The placeholder's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder_version: Option<u32>,
    /// Alt text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its flags.
    #[serde(default, skip_serializing_if = "EmbedMediaFlags::is_empty")]
    pub flags: EmbedMediaFlags,
}

impl EmbedMedia {
    /// Media at this address.
    pub fn new(url: impl Into<String>) -> Self {
        EmbedMedia {
            url: Some(url.into()),
            ..EmbedMedia::default()
        }
    }
}

/// An embed's provider (received only).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbedProvider {
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An embed's author.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbedAuthor {
    /// The name (up to 256 characters).
    #[serde(default)]
    pub name: String,
    /// The address the name links to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The icon's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// The icon's proxied address (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_icon_url: Option<String>,
}

impl EmbedAuthor {
    /// An author with this name.
    pub fn new(name: impl Into<String>) -> Self {
        EmbedAuthor {
            name: name.into(),
            ..EmbedAuthor::default()
        }
    }

    /// With a link.
    #[must_use]
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// With an icon.
    #[must_use]
    pub fn icon_url(mut self, url: impl Into<String>) -> Self {
        self.icon_url = Some(url.into());
        self
    }
}

/// A field of an embed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbedField {
    /// The name (up to 256 characters).
    #[serde(default)]
    pub name: String,
    /// The value (up to 1024 characters).
    #[serde(default)]
    pub value: String,
    /// Whether it is shown inline.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub inline: bool,
}

impl EmbedField {
    /// A field.
    pub fn new(name: impl Into<String>, value: impl Into<String>, inline: bool) -> Self {
        EmbedField {
            name: name.into(),
            value: value.into(),
            inline,
        }
    }
}

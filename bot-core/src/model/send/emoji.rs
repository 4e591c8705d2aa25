//! New custom emojis and changes to them (Create / Modify Guild Emoji, Create / Modify
//! Application Emoji), with Discord's limits checked before sending: a name of 2 to 32 letters,
//! digits and underscores, a PNG, JPEG, GIF or WebP image of at most 256 KiB.

use super::image::{MAX_EMOJI_BYTES, check_image, image_data_uri};
use super::problem::{self, RequestProblem};
use crate::model::{Id, RoleMarker};
use serde_json::{Value, json};

/// Checks an emoji's name: 2 to 32 characters, letters, digits and underscores only.
pub(crate) fn check_emoji_name(name: &str) -> Result<(), RequestProblem> {
    problem::length("name", name, 2, 32)?;
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(RequestProblem::NotAllowed {
            field: "name",
            why: "an emoji's name has only letters, digits and underscores",
        })
    }
}

/// A new custom emoji from an image's bytes (Pycord's `guild.create_custom_emoji`, and
/// `bot.create_emoji` for the application's). A GIF makes an animated emoji.
///
/// ```
/// use bot_core::model::{CreateEmoji, Id};
/// let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
/// let emoji = CreateEmoji::new("party_parrot", png).role(Id::new(41771983423143936));
/// emoji.check().unwrap();
/// let body = emoji.to_json().unwrap();
/// assert!(body["image"].as_str().unwrap().starts_with("data:image/png;base64,"));
/// assert_eq!(body["roles"][0], "41771983423143936");
/// assert!(CreateEmoji::new("no spaces", b"GIF89a".to_vec()).check().is_err());
/// assert!(CreateEmoji::new("text", b"not an image".to_vec()).check().is_err());
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
#[must_use]
pub struct CreateEmoji {
    /// The name (2 to 32 letters, digits and underscores).
    pub name: String,
    /// The image: PNG, JPEG, GIF or WebP, at most 256 KiB.
    pub image: Vec<u8>,
    /// The roles allowed to use it (a guild emoji's only; empty: everyone).
    pub roles: Vec<Id<RoleMarker>>,
}

impl std::fmt::Debug for CreateEmoji {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateEmoji")
            .field("name", &self.name)
            .field("image", &format_args!("{} bytes", self.image.len()))
            .field("roles", &self.roles)
            .finish()
    }
}

impl CreateEmoji {
    /// An emoji named `name` showing `image`.
    pub fn new(name: impl Into<String>, image: impl Into<Vec<u8>>) -> Self {
        CreateEmoji {
            name: name.into(),
            image: image.into(),
            roles: Vec::new(),
        }
    }

    /// Lets `role` use it (once any role is set, only those roles may).
    pub fn role(mut self, role: Id<RoleMarker>) -> Self {
        self.roles.push(role);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_emoji_name(&self.name)?;
        check_image("image", &self.image, MAX_EMOJI_BYTES)?;
        let mut seen = std::collections::HashSet::new();
        if let Some(twice) = self.roles.iter().find(|role| !seen.insert(**role)) {
            return Err(RequestProblem::Duplicate {
                field: "roles",
                id: twice.get(),
            });
        }
        Ok(())
    }

    /// The JSON body, the image as a data URI (checked first).
    pub fn to_json(&self) -> Result<Value, RequestProblem> {
        self.check()?;
        let image = image_data_uri(&self.image).ok_or(RequestProblem::NotAllowed {
            field: "image",
            why: "not a PNG, JPEG, GIF or WebP image",
        })?;
        let mut body = json!({ "name": self.name, "image": image });
        if !self.roles.is_empty() {
            body["roles"] = json!(self.roles);
        }
        Ok(body)
    }
}

/// Changes to a guild's emoji (Pycord's `emoji.edit`); what is left `None` stays.
///
/// ```
/// use bot_core::model::{EditEmoji, Id};
/// let edit = EditEmoji::new().name("renamed").roles(vec![Id::new(1)]);
/// edit.check().unwrap();
/// assert!(EditEmoji::new().name("x").check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditEmoji {
    /// The new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The roles allowed to use it (`Some(vec![])`: everyone again).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Id<RoleMarker>>>,
}

impl EditEmoji {
    /// No change yet.
    pub fn new() -> Self {
        EditEmoji::default()
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The roles allowed to use it.
    pub fn roles(mut self, roles: Vec<Id<RoleMarker>>) -> Self {
        self.roles = Some(roles);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        match &self.name {
            Some(name) => check_emoji_name(name),
            None => Ok(()),
        }
    }
}

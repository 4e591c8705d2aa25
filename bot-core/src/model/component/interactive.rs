//! Interactive components: action rows, buttons, selects, and the inputs of modals.

use super::{Component, SelectMenu};
use crate::model::enums::int_enum;
use crate::model::serde_util::is_false;
use crate::model::{Id, PartialEmoji, SkuMarker};
use serde::{Deserialize, Serialize};

/// A row of up to 5 buttons or one select (in a modal, formerly one text input).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActionRow {
    /// The component's id, unique in the message (Discord assigns one when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The buttons or the select.
    #[serde(default)]
    pub components: Vec<Component>,
}

impl ActionRow {
    /// A row of these components.
    pub fn new(components: impl IntoIterator<Item = Component>) -> Self {
        ActionRow {
            id: None,
            components: components.into_iter().collect(),
        }
    }

    /// A row of buttons (up to 5).
    pub fn buttons(buttons: impl IntoIterator<Item = Button>) -> Self {
        ActionRow::new(buttons.into_iter().map(Component::Button))
    }

    /// A row with one string select.
    pub fn string_select(select: SelectMenu) -> Self {
        ActionRow::new([Component::StringSelect(select)])
    }
}

int_enum! {
    /// A button's style.
    pub enum ButtonStyle: u8 {
        /// Blurple, for the main action (1); needs a `custom_id`.
        Primary = 1,
        /// Grey (2); needs a `custom_id`.
        Secondary = 2,
        /// Green (3); needs a `custom_id`.
        Success = 3,
        /// Red (4); needs a `custom_id`.
        Danger = 4,
        /// A link (5); needs a `url`, sends no interaction.
        Link = 5,
        /// A purchase (6); needs a `sku_id`, sends no interaction.
        Premium = 6,
    }
}

/// A button.
///
/// ```
/// use bot_core::model::{ActionRow, Button, PartialEmoji};
/// let row = ActionRow::buttons([
///     Button::primary("yes", "Yes").emoji(PartialEmoji::unicode("✅")),
///     Button::link("https://example.com", "Docs"),
/// ]);
/// assert_eq!(row.components.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Button {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Its style.
    pub style: ButtonStyle,
    /// Its text (up to 80 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Its emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<PartialEmoji>,
    /// The developer-defined id (1-100 characters) of a non-link, non-premium button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_id: Option<String>,
    /// The SKU of a premium button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_id: Option<Id<SkuMarker>>,
    /// The address of a link button (up to 512 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Whether it is disabled.
    #[serde(default, skip_serializing_if = "is_false")]
    pub disabled: bool,
}

impl Button {
    fn new(style: ButtonStyle) -> Self {
        Button {
            id: None,
            style,
            label: None,
            emoji: None,
            custom_id: None,
            sku_id: None,
            url: None,
            disabled: false,
        }
    }

    fn with_id(style: ButtonStyle, custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Button {
            custom_id: Some(custom_id.into()),
            label: Some(label.into()),
            ..Button::new(style)
        }
    }

    /// A primary (blurple) button.
    pub fn primary(custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Button::with_id(ButtonStyle::Primary, custom_id, label)
    }

    /// A secondary (grey) button.
    pub fn secondary(custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Button::with_id(ButtonStyle::Secondary, custom_id, label)
    }

    /// A success (green) button.
    pub fn success(custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Button::with_id(ButtonStyle::Success, custom_id, label)
    }

    /// A danger (red) button.
    pub fn danger(custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Button::with_id(ButtonStyle::Danger, custom_id, label)
    }

    /// A link button.
    pub fn link(url: impl Into<String>, label: impl Into<String>) -> Self {
        Button {
            url: Some(url.into()),
            label: Some(label.into()),
            ..Button::new(ButtonStyle::Link)
        }
    }

    /// A premium button, selling a SKU.
    pub fn premium(sku_id: Id<SkuMarker>) -> Self {
        Button {
            sku_id: Some(sku_id),
            ..Button::new(ButtonStyle::Premium)
        }
    }

    /// With an emoji.
    #[must_use]
    pub fn emoji(mut self, emoji: PartialEmoji) -> Self {
        self.emoji = Some(emoji);
        self
    }

    /// Disabled, or not.
    #[must_use]
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }
}

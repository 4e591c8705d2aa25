//! Select menus: of the bot's options, or of users, roles, mentionables and channels.

use crate::model::enums::str_enum;
use crate::model::serde_util::is_false;
use crate::model::{ChannelType, GenericMarker, Id, PartialEmoji};
use serde::{Deserialize, Serialize};

/// A select menu: of the bot's options (string select), or of users, roles, mentionables or
/// channels; the [`Component`](super::Component) variant says which.
///
/// ```
/// use bot_core::model::{ActionRow, SelectMenu, SelectOption};
/// let menu = SelectMenu::string("class", [
///     SelectOption::new("Rogue", "rogue").description("Sneak n stab"),
///     SelectOption::new("Mage", "mage"),
/// ])
/// .placeholder("Choose a class")
/// .max_values(2);
/// let row = ActionRow::string_select(menu);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelectMenu {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The developer-defined id (1-100 characters).
    #[serde(default)]
    pub custom_id: String,
    /// The choices of a string select (up to 25).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<SelectOption>,
    /// The channel types a channel select offers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channel_types: Vec<ChannelType>,
    /// The text shown when nothing is chosen (up to 150 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// The users, roles or channels chosen beforehand (auto-populated selects).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub default_values: Vec<SelectDefaultValue>,
    /// The fewest choices (0-25; Discord's default: 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_values: Option<u8>,
    /// The most choices (1-25; Discord's default: 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_values: Option<u8>,
    /// Whether it must be answered, in a modal (Discord's default: `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Whether it is disabled, in a message.
    #[serde(default, skip_serializing_if = "is_false")]
    pub disabled: bool,
}

impl SelectMenu {
    /// A select of these options (put it in [`Component::StringSelect`](super::Component::StringSelect)).
    pub fn string(
        custom_id: impl Into<String>,
        options: impl IntoIterator<Item = SelectOption>,
    ) -> Self {
        SelectMenu {
            custom_id: custom_id.into(),
            options: options.into_iter().collect(),
            ..SelectMenu::default()
        }
    }

    /// A select of users, roles, mentionables or channels (put it in the matching variant).
    pub fn entity(custom_id: impl Into<String>) -> Self {
        SelectMenu {
            custom_id: custom_id.into(),
            ..SelectMenu::default()
        }
    }

    /// The text shown when nothing is chosen.
    #[must_use]
    pub fn placeholder(mut self, text: impl Into<String>) -> Self {
        self.placeholder = Some(text.into());
        self
    }

    /// The fewest choices.
    #[must_use]
    pub fn min_values(mut self, n: u8) -> Self {
        self.min_values = Some(n);
        self
    }

    /// The most choices.
    #[must_use]
    pub fn max_values(mut self, n: u8) -> Self {
        self.max_values = Some(n);
        self
    }

    /// The channel types a channel select offers.
    #[must_use]
    pub fn channel_types(mut self, types: impl IntoIterator<Item = ChannelType>) -> Self {
        self.channel_types = types.into_iter().collect();
        self
    }

    /// Disabled, or not.
    #[must_use]
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }
}

/// A choice of a string select.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelectOption {
    /// The text shown (up to 100 characters).
    pub label: String,
    /// The value sent to the bot (up to 100 characters).
    pub value: String,
    /// A description (up to 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// An emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<PartialEmoji>,
    /// Whether it is chosen beforehand.
    #[serde(default, skip_serializing_if = "is_false")]
    pub default: bool,
}

impl SelectOption {
    /// A choice.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        SelectOption {
            label: label.into(),
            value: value.into(),
            ..SelectOption::default()
        }
    }

    /// With a description.
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }

    /// With an emoji.
    #[must_use]
    pub fn emoji(mut self, emoji: PartialEmoji) -> Self {
        self.emoji = Some(emoji);
        self
    }

    /// Chosen beforehand, or not.
    #[must_use]
    pub fn default_selected(mut self, default: bool) -> Self {
        self.default = default;
        self
    }
}

str_enum! {
    /// What a select's default value is.
    pub enum SelectDefaultValueType {
        /// A user.
        User = "user",
        /// A role.
        Role = "role",
        /// A channel.
        Channel = "channel",
    }
}

/// A user, role or channel chosen beforehand in an auto-populated select.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelectDefaultValue {
    /// Its id.
    pub id: Id<GenericMarker>,
    /// What it is.
    #[serde(rename = "type")]
    pub kind: SelectDefaultValueType,
}

impl SelectDefaultValue {
    /// A default value.
    pub fn new(id: Id<GenericMarker>, kind: SelectDefaultValueType) -> Self {
        SelectDefaultValue { id, kind }
    }
}

//! The inputs of modals: text inputs, labels, file uploads, radio and checkbox groups.

use super::Component;
use crate::model::enums::int_enum;
use crate::model::serde_util::is_false;
use serde::{Deserialize, Serialize};

int_enum! {
    /// A text input's style.
    pub enum TextInputStyle: u8 {
        /// One line (1).
        Short = 1,
        /// Several lines (2).
        Paragraph = 2,
    }
}

/// A text input, in a modal (inside a [`Label`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextInput {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The developer-defined id (1-100 characters).
    pub custom_id: String,
    /// Its style.
    pub style: TextInputStyle,
    /// Its label (deprecated: use a [`Label`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The fewest characters (0-4000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u16>,
    /// The most characters (1-4000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
    /// Whether it must be filled (Discord's default: `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// The text filled in beforehand (up to 4000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The text shown when empty (up to 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
}

impl TextInput {
    /// A text input.
    pub fn new(custom_id: impl Into<String>, style: TextInputStyle) -> Self {
        TextInput {
            id: None,
            custom_id: custom_id.into(),
            style,
            label: None,
            min_length: None,
            max_length: None,
            required: None,
            value: None,
            placeholder: None,
        }
    }
}

/// A label around a modal's input, with an optional description.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Label {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The label's text (up to 45 characters).
    pub label: String,
    /// A description (up to 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The input it labels.
    pub component: Box<Component>,
}

impl Label {
    /// A label around an input.
    pub fn new(label: impl Into<String>, component: impl Into<Component>) -> Self {
        Label {
            id: None,
            label: label.into(),
            description: None,
            component: Box::new(component.into()),
        }
    }
}

/// A file upload, in a modal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileUpload {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The developer-defined id (1-100 characters).
    pub custom_id: String,
    /// The fewest files (0-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_values: Option<u8>,
    /// The most files (1-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_values: Option<u8>,
    /// Whether a file is needed (Discord's default: `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

/// A group of radio buttons, in a modal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RadioGroup {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The developer-defined id (1-100 characters).
    pub custom_id: String,
    /// The options (2-10).
    #[serde(default)]
    pub options: Vec<GroupOption>,
    /// Whether a choice is needed (Discord's default: `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

/// A group of checkboxes, in a modal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CheckboxGroup {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The developer-defined id (1-100 characters).
    pub custom_id: String,
    /// The options (1-10).
    #[serde(default)]
    pub options: Vec<GroupOption>,
    /// The fewest choices (0-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_values: Option<u8>,
    /// The most choices (1-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_values: Option<u8>,
    /// Whether a choice is needed (Discord's default: `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

/// An option of a radio or checkbox group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GroupOption {
    /// The value sent to the bot (up to 100 characters).
    pub value: String,
    /// The text shown (up to 100 characters).
    pub label: String,
    /// A description (up to 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is chosen beforehand.
    #[serde(default, skip_serializing_if = "is_false")]
    pub default: bool,
}

/// A single checkbox, in a modal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Checkbox {
    /// The component's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The developer-defined id (1-100 characters).
    pub custom_id: String,
    /// Whether it is checked beforehand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
}

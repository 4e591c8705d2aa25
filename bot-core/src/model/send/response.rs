//! The answer to an interaction (developers/interactions/receiving-and-responding.mdx,
//! Interaction Response): a message, a deferral, an update, autocomplete choices or a modal.

use super::{CreateMessage, CreateMessageError, MessageProblem};
use crate::model::enums::int_enum;
use crate::model::{Component, MessageFlags};
use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

int_enum! {
    /// The type of an interaction response.
    pub enum InteractionCallbackType: u8 {
        /// Acknowledges a ping (1).
        Pong = 1,
        /// Answers with a message (4).
        ChannelMessageWithSource = 4,
        /// Answers later; the user sees "thinking…" (5).
        DeferredChannelMessageWithSource = 5,
        /// For a component: edits the message later; the user sees nothing (6).
        DeferredUpdateMessage = 6,
        /// For a component: edits the message it is on (7).
        UpdateMessage = 7,
        /// Suggests choices for an option being typed into (8).
        ApplicationCommandAutocompleteResult = 8,
        /// Opens a modal (9).
        Modal = 9,
        /// Launches the application's activity (12).
        LaunchActivity = 12,
    }
}

/// A suggested choice for an option being typed into: its name, localized names and value.
pub type AutocompleteChoice = bot_spec::ChoiceSpec<'static>;

/// A modal: a form with a title and up to 5 inputs (each in a
/// [`Label`](crate::model::Label)).
///
/// ```
/// use bot_core::model::{Label, Modal, TextInput, TextInputStyle};
/// let modal = Modal::new("feedback", "Tell us").component(Label::new(
///     "What went well?",
///     TextInput::new("good", TextInputStyle::Paragraph),
/// ));
/// assert_eq!(serde_json::to_value(&modal).unwrap()["components"][0]["type"], 18);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[must_use]
pub struct Modal {
    /// The developer-defined id the submission carries (1-100 characters).
    pub custom_id: String,
    /// The title (up to 45 characters).
    pub title: String,
    /// The components: labels around inputs, or text displays.
    pub components: Vec<Component>,
}

impl Modal {
    /// A modal without components.
    pub fn new(custom_id: impl Into<String>, title: impl Into<String>) -> Self {
        Modal {
            custom_id: custom_id.into(),
            title: title.into(),
            components: Vec::new(),
        }
    }

    /// Adds a component.
    pub fn component(mut self, component: impl Into<Component>) -> Self {
        self.components.push(component.into());
        self
    }
}

/// The answer to an interaction, as `POST /interactions/{id}/{token}/callback` takes it.
///
/// ```
/// use bot_core::model::{CreateMessage, InteractionCallbackType, InteractionResponse};
/// let answer = InteractionResponse::Message(CreateMessage::new().content("pong"));
/// assert_eq!(answer.kind(), InteractionCallbackType::ChannelMessageWithSource);
/// assert_eq!(
///     serde_json::to_value(&answer).unwrap(),
///     serde_json::json!({"type": 4, "data": {"content": "pong"}})
/// );
/// let thinking = InteractionResponse::deferred(true);
/// assert_eq!(serde_json::to_string(&thinking).unwrap(), r#"{"type":5,"data":{"flags":64}}"#);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum InteractionResponse {
    /// Acknowledges a ping.
    Pong,
    /// Answers with a message.
    Message(CreateMessage),
    /// Answers later ("thinking…"); the flags say whether the answer will be ephemeral.
    DeferredMessage {
        /// `EPHEMERAL` or none.
        flags: MessageFlags,
    },
    /// For a component: acknowledges now, edits the message later.
    DeferredUpdate,
    /// For a component: edits the message it is on.
    UpdateMessage(CreateMessage),
    /// Suggested choices for an option being typed into (up to 25).
    Autocomplete(Vec<AutocompleteChoice>),
    /// Opens a modal.
    Modal(Modal),
    /// Launches the application's activity.
    LaunchActivity,
}

impl InteractionResponse {
    /// Most autocomplete choices.
    pub const CHOICE_LIMIT: usize = 25;

    /// A deferral, ephemeral or not.
    pub fn deferred(ephemeral: bool) -> Self {
        InteractionResponse::DeferredMessage {
            flags: if ephemeral {
                MessageFlags::EPHEMERAL
            } else {
                MessageFlags::empty()
            },
        }
    }

    /// The response's type.
    pub fn kind(&self) -> InteractionCallbackType {
        match self {
            InteractionResponse::Pong => InteractionCallbackType::Pong,
            InteractionResponse::Message(_) => InteractionCallbackType::ChannelMessageWithSource,
            InteractionResponse::DeferredMessage { .. } => {
                InteractionCallbackType::DeferredChannelMessageWithSource
            }
            InteractionResponse::DeferredUpdate => InteractionCallbackType::DeferredUpdateMessage,
            InteractionResponse::UpdateMessage(_) => InteractionCallbackType::UpdateMessage,
            InteractionResponse::Autocomplete(_) => {
                InteractionCallbackType::ApplicationCommandAutocompleteResult
            }
            InteractionResponse::Modal(_) => InteractionCallbackType::Modal,
            InteractionResponse::LaunchActivity => InteractionCallbackType::LaunchActivity,
        }
    }

    /// The message it carries, if any (its files go as multipart parts).
    pub fn message(&self) -> Option<&CreateMessage> {
        match self {
            InteractionResponse::Message(message) | InteractionResponse::UpdateMessage(message) => {
                Some(message)
            }
            _ => None,
        }
    }

    /// Checks the message it carries against Discord's limits (an update may leave the
    /// message as it is, so it may be empty), and the number of autocomplete choices.
    pub fn check(&self) -> Result<(), CreateMessageError> {
        match self {
            InteractionResponse::Message(message) => message.check(),
            InteractionResponse::UpdateMessage(message) => message.check_edit(),
            InteractionResponse::Autocomplete(choices) if choices.len() > Self::CHOICE_LIMIT => {
                Err(CreateMessageError {
                    problems: vec![MessageProblem::TooManyChoices {
                        count: choices.len(),
                    }],
                })
            }
            _ => Ok(()),
        }
    }
}

impl Serialize for InteractionResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Choices<'a> {
            choices: &'a [AutocompleteChoice],
        }
        #[derive(Serialize)]
        struct Flags {
            flags: MessageFlags,
        }
        let has_data = match self {
            InteractionResponse::DeferredMessage { flags } => !flags.is_empty(),
            InteractionResponse::Pong
            | InteractionResponse::DeferredUpdate
            | InteractionResponse::LaunchActivity => false,
            _ => true,
        };
        let mut out = serializer.serialize_struct("InteractionResponse", 1 + has_data as usize)?;
        out.serialize_field("type", &self.kind())?;
        match self {
            InteractionResponse::Message(message) | InteractionResponse::UpdateMessage(message) => {
                out.serialize_field("data", message)?;
            }
            InteractionResponse::DeferredMessage { flags } if !flags.is_empty() => {
                out.serialize_field("data", &Flags { flags: *flags })?;
            }
            InteractionResponse::Autocomplete(choices) => {
                out.serialize_field("data", &Choices { choices })?;
            }
            InteractionResponse::Modal(modal) => out.serialize_field("data", modal)?,
            _ => {}
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for InteractionResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            #[serde(rename = "type")]
            kind: InteractionCallbackType,
            #[serde(default)]
            data: Option<serde_json::Value>,
        }
        #[derive(Deserialize)]
        struct Choices {
            #[serde(default)]
            choices: Vec<AutocompleteChoice>,
        }
        #[derive(Deserialize)]
        struct Flags {
            #[serde(default)]
            flags: Option<MessageFlags>,
        }
        fn data<T: serde::de::DeserializeOwned, E: serde::de::Error>(
            data: Option<serde_json::Value>,
        ) -> Result<T, E> {
            let data = data.unwrap_or_else(|| serde_json::Value::Object(Default::default()));
            serde_json::from_value(data).map_err(|e| E::custom(format_args!("data: {e}")))
        }
        let wire = Wire::deserialize(deserializer)?;
        Ok(match wire.kind {
            InteractionCallbackType::Pong => InteractionResponse::Pong,
            InteractionCallbackType::ChannelMessageWithSource => {
                InteractionResponse::Message(data(wire.data)?)
            }
            InteractionCallbackType::DeferredChannelMessageWithSource => {
                let flags: Flags = data(wire.data)?;
                InteractionResponse::DeferredMessage {
                    flags: flags.flags.unwrap_or_else(MessageFlags::empty),
                }
            }
            InteractionCallbackType::DeferredUpdateMessage => InteractionResponse::DeferredUpdate,
            InteractionCallbackType::UpdateMessage => {
                InteractionResponse::UpdateMessage(data(wire.data)?)
            }
            InteractionCallbackType::ApplicationCommandAutocompleteResult => {
                InteractionResponse::Autocomplete(data::<Choices, _>(wire.data)?.choices)
            }
            InteractionCallbackType::Modal => InteractionResponse::Modal(data(wire.data)?),
            InteractionCallbackType::LaunchActivity => InteractionResponse::LaunchActivity,
            InteractionCallbackType::Unknown(n) => {
                return Err(D::Error::custom(format_args!(
                    "interaction response type {n} is not known"
                )));
            }
        })
    }
}

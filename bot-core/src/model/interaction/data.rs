//! The type-specific data of an interaction: a command's (with its options and the objects
//! they refer to), a component's, a submitted modal's.

use super::OptionValue;
use crate::model::{
    Attachment, AttachmentMarker, ChannelMarker, CommandMarker, ComponentType, GenericMarker,
    GuildMarker, Id, Message, MessageMarker, PartialChannel, PartialMember, Role, RoleMarker, User,
    UserMarker,
};
use bot_spec::{CommandKind, OptionKind};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::HashMap;

/// An interaction's `data`, by the interaction's type.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum InteractionData {
    /// An application command's or an autocomplete's: the command, its options, what they
    /// refer to.
    ApplicationCommand(Box<CommandData>),
    /// A click on a button or a choice in a select menu.
    MessageComponent(Box<MessageComponentData>),
    /// A submitted modal.
    ModalSubmit(Box<ModalSubmitData>),
}

impl Serialize for InteractionData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            InteractionData::ApplicationCommand(data) => data.serialize(serializer),
            InteractionData::MessageComponent(data) => data.serialize(serializer),
            InteractionData::ModalSubmit(data) => data.serialize(serializer),
        }
    }
}

/// The data of a component interaction (a button clicked, a select menu chosen from).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageComponentData {
    /// The component's developer-defined id.
    pub custom_id: String,
    /// The component's type.
    pub component_type: ComponentType,
    /// The values chosen in a select menu (ids, as strings, for entity selects).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The users, members, roles and channels an entity select's values refer to.
    #[serde(default, skip_serializing_if = "Resolved::is_empty")]
    pub resolved: Resolved,
}

/// The data of a submitted modal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModalSubmitData {
    /// The modal's developer-defined id.
    pub custom_id: String,
    /// The modal's components with the values submitted (labels or action rows around the
    /// inputs).
    #[serde(default)]
    pub components: Vec<SubmittedComponent>,
    /// The objects the values of entity selects refer to.
    #[serde(default, skip_serializing_if = "Resolved::is_empty")]
    pub resolved: Resolved,
}

impl ModalSubmitData {
    /// The input with this `custom_id`, wherever it is nested.
    pub fn input(&self, custom_id: &str) -> Option<&SubmittedComponent> {
        fn find<'a>(list: &'a [SubmittedComponent], id: &str) -> Option<&'a SubmittedComponent> {
            list.iter().find_map(|c| {
                if c.custom_id.as_deref() == Some(id) {
                    return Some(c);
                }
                find(&c.components, id)
                    .or_else(|| find(std::slice::from_ref(c.component.as_deref()?), id))
            })
        }
        find(&self.components, custom_id)
    }

    /// The text submitted in the text input (or the choice of the radio group) `custom_id`.
    pub fn text(&self, custom_id: &str) -> Option<&str> {
        self.input(custom_id)?.value.as_ref()?.as_str()
    }
}

/// A component of a submitted modal, as Discord sends it back: its type, its id, and the value
/// or values the user gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubmittedComponent {
    /// The component's type.
    #[serde(rename = "type")]
    pub kind: ComponentType,
    /// The component's numeric id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The developer-defined id of an input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_id: Option<String>,
    /// A text input's text, a radio group's choice, a checkbox's state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<OptionValue>,
    /// A select's or checkbox group's choices, a file upload's attachment ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The input inside a label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<Box<SubmittedComponent>>,
    /// The inputs inside an action row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<SubmittedComponent>,
}

/// The data of a command interaction (RR L88-100).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CommandData {
    /// The registered command's id.
    pub id: Id<CommandMarker>,
    /// The command's name.
    pub name: String,
    /// The command's type.
    #[serde(rename = "type", default = "chat_input")]
    pub kind: CommandKind,
    /// The guild of a guild command.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The user or message a context-menu command targets.
    #[serde(default)]
    pub target_id: Option<Id<GenericMarker>>,
    /// The options given, nested by subcommand.
    #[serde(default)]
    pub options: Vec<DataOption>,
    /// Users, members, roles, channels, messages and attachments the options refer to.
    #[serde(default)]
    pub resolved: Resolved,
}

fn chat_input() -> CommandKind {
    CommandKind::ChatInput
}

/// One option as the user gave it (RR L102-115).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DataOption {
    /// The option's name.
    pub name: String,
    /// The option's type.
    #[serde(rename = "type")]
    pub kind: OptionKind,
    /// The value: a string, number or boolean; an id (as a string) for users, roles, channels,
    /// mentionables and attachments. Subcommands and groups have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<OptionValue>,
    /// The options of a subcommand or group.
    #[serde(default)]
    pub options: Vec<DataOption>,
    /// Whether the user is typing into this option (autocomplete).
    #[serde(default)]
    pub focused: bool,
}

/// The objects an interaction's options refer to, by id (RR L117-130).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Resolved {
    /// Users.
    #[serde(default)]
    pub users: HashMap<Id<UserMarker>, User>,
    /// Guild members (without their user, which is in `users`).
    #[serde(default)]
    pub members: HashMap<Id<UserMarker>, PartialMember>,
    /// Roles.
    #[serde(default)]
    pub roles: HashMap<Id<RoleMarker>, Role>,
    /// Channels.
    #[serde(default)]
    pub channels: HashMap<Id<ChannelMarker>, PartialChannel>,
    /// Messages.
    #[serde(default)]
    pub messages: HashMap<Id<MessageMarker>, Message>,
    /// Attachments.
    #[serde(default)]
    pub attachments: HashMap<Id<AttachmentMarker>, Attachment>,
}

impl Resolved {
    /// Whether it refers to nothing.
    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
            && self.members.is_empty()
            && self.roles.is_empty()
            && self.channels.is_empty()
            && self.messages.is_empty()
            && self.attachments.is_empty()
    }
}

impl DataOption {
    /// An option with a value (as a context-menu target is read, or in tests).
    pub fn new(name: impl Into<String>, kind: OptionKind, value: impl Into<OptionValue>) -> Self {
        DataOption {
            name: name.into(),
            kind,
            value: Some(value.into()),
            options: Vec::new(),
            focused: false,
        }
    }
}

//! Interactions: what INTERACTION_CREATE carries (RR L54-145).

use super::{
    ApplicationMarker, Attachment, AttachmentMarker, ChannelMarker, CommandMarker, GenericMarker,
    GuildMarker, Id, InteractionMarker, Message, MessageMarker, PartialChannel, PartialMember,
    Permissions, Role, RoleMarker, User, UserMarker,
};
use bot_spec::{CommandKind, OptionKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

super::enums::int_enum! {
    /// The type of an interaction (RR L54-145), `Unknown(n)` for a value this SDK does not know.
    pub enum InteractionType: u8 {
        /// A ping from Discord (1).
        Ping = 1,
        /// A slash, user or message command (2).
        ApplicationCommand = 2,
        /// A click on a button or a choice in a select menu (3).
        MessageComponent = 3,
        /// A user typing into an option with autocomplete (4).
        Autocomplete = 4,
        /// A submitted modal (5).
        ModalSubmit = 5,
    }
}

/// An interaction as INTERACTION_CREATE delivers it.
///
/// `Debug` never shows the token: it authorizes responses for 15 minutes.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    /// The interaction's id.
    pub id: Id<InteractionMarker>,
    /// The application it is for.
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// The interaction's type.
    #[serde(rename = "type")]
    pub kind: InteractionType,
    /// The type-specific data, kept as JSON; see [`Interaction::command_data`].
    #[serde(default)]
    pub data: Option<serde_json::Value>,
    /// The guild it was sent from.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The channel it was sent from.
    #[serde(default)]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// The invoking member, in a guild.
    #[serde(default)]
    pub member: Option<PartialMember>,
    /// The invoking user, in a DM.
    #[serde(default)]
    pub user: Option<User>,
    /// The token to respond with (secret).
    pub token: String,
    /// The invoking user's locale.
    #[serde(default)]
    pub locale: Option<String>,
    /// The guild's preferred locale.
    #[serde(default)]
    pub guild_locale: Option<String>,
    /// The app's permissions in the channel.
    #[serde(default)]
    pub app_permissions: Option<Permissions>,
}

impl Interaction {
    /// The invoking user: the member's user in a guild, else `user`.
    pub fn author(&self) -> Option<&User> {
        self.member
            .as_ref()
            .and_then(|m| m.user.as_ref())
            .or(self.user.as_ref())
    }

    /// The data of an application-command or autocomplete interaction.
    pub fn command_data(&self) -> Result<CommandData, InteractionDataError> {
        match self.kind {
            InteractionType::ApplicationCommand | InteractionType::Autocomplete => {}
            other => return Err(InteractionDataError::NotACommand(other)),
        }
        let data = self.data.as_ref().ok_or(InteractionDataError::Missing)?;
        CommandData::deserialize(data).map_err(|e| InteractionDataError::Malformed(e.to_string()))
    }
}

impl fmt::Debug for Interaction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Interaction")
            .field("id", &self.id)
            .field("application_id", &self.application_id)
            .field("kind", &self.kind)
            .field("guild_id", &self.guild_id)
            .field("channel_id", &self.channel_id)
            .field("author", &self.author().map(|u| u.id))
            .field("token", &"[redacted]")
            .finish_non_exhaustive()
    }
}

/// Why an interaction's command data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InteractionDataError {
    /// The interaction is not a command or autocomplete interaction.
    NotACommand(InteractionType),
    /// The interaction has no `data`.
    Missing,
    /// `data` does not have the shape of command data.
    Malformed(String),
}

impl fmt::Display for InteractionDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InteractionDataError::NotACommand(kind) => {
                write!(f, "interaction of type {} carries no command", kind.value())
            }
            InteractionDataError::Missing => f.write_str("interaction has no data"),
            InteractionDataError::Malformed(why) => write!(f, "malformed command data: {why}"),
        }
    }
}

impl std::error::Error for InteractionDataError {}

/// The data of a command interaction (RR L88-100).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
pub struct DataOption {
    /// The option's name.
    pub name: String,
    /// The option's type.
    #[serde(rename = "type")]
    pub kind: OptionKind,
    /// The value: a string, number or boolean; an id (as a string) for users, roles, channels,
    /// mentionables and attachments.
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    /// The options of a subcommand or group.
    #[serde(default)]
    pub options: Vec<DataOption>,
    /// Whether the user is typing into this option (autocomplete).
    #[serde(default)]
    pub focused: bool,
}

/// The objects an interaction's options refer to, by id (RR L117-130).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
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

//! Interactions: what INTERACTION_CREATE carries (RR L54-145).

mod data;
#[cfg(test)]
mod tests;
mod value;

pub use data::{
    CommandData, DataOption, InteractionData, MessageComponentData, ModalSubmitData, Resolved,
    SubmittedComponent,
};
pub use value::OptionValue;

use super::{
    ApplicationMarker, ChannelMarker, GuildMarker, Id, InteractionMarker, PartialChannel,
    PartialMember, Permissions, User,
};
use bot_spec::InteractionContextType;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
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
#[derive(Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Interaction {
    /// The interaction's id.
    pub id: Id<InteractionMarker>,
    /// The application it is for.
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// The interaction's type.
    #[serde(rename = "type")]
    pub kind: InteractionType,
    /// The type-specific data, read by the interaction's type (none for a ping or a type this
    /// SDK does not know); see [`Interaction::command_data`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<InteractionData>,
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
    /// The channel it was sent from (partial: id, type, name, `nsfw`, parent, permissions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<PartialChannel>,
    /// Where it was triggered: a guild, the bot's DM, or another private channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<InteractionContextType>,
    /// The most bytes a file of a response may have where it was triggered (the guild's
    /// boost level raises it); replies are checked against it before sending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_size_limit: Option<u64>,
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
    pub fn command_data(&self) -> Result<&CommandData, InteractionDataError> {
        match (self.kind, &self.data) {
            (
                InteractionType::ApplicationCommand | InteractionType::Autocomplete,
                Some(InteractionData::ApplicationCommand(data)),
            ) => Ok(data),
            (InteractionType::ApplicationCommand | InteractionType::Autocomplete, _) => {
                Err(InteractionDataError::Missing)
            }
            (other, _) => Err(InteractionDataError::NotACommand(other)),
        }
    }

    /// The data of a component interaction.
    pub fn component_data(&self) -> Option<&MessageComponentData> {
        match &self.data {
            Some(InteractionData::MessageComponent(data)) => Some(data),
            _ => None,
        }
    }

    /// The data of a submitted modal.
    pub fn modal_data(&self) -> Option<&ModalSubmitData> {
        match &self.data {
            Some(InteractionData::ModalSubmit(data)) => Some(data),
            _ => None,
        }
    }
}

/// The wire form, with `data` read once the type is known.
#[derive(Deserialize)]
struct Wire {
    id: Id<InteractionMarker>,
    #[serde(default)]
    application_id: Option<Id<ApplicationMarker>>,
    #[serde(rename = "type")]
    kind: InteractionType,
    /// Kept as JSON text (no intermediate `Value`) until the type is known.
    #[serde(default)]
    data: Option<Box<serde_json::value::RawValue>>,
    #[serde(default)]
    guild_id: Option<Id<GuildMarker>>,
    #[serde(default)]
    channel_id: Option<Id<ChannelMarker>>,
    #[serde(default)]
    member: Option<PartialMember>,
    #[serde(default)]
    user: Option<User>,
    token: String,
    #[serde(default)]
    locale: Option<String>,
    #[serde(default)]
    guild_locale: Option<String>,
    #[serde(default)]
    app_permissions: Option<Permissions>,
    #[serde(default)]
    channel: Option<PartialChannel>,
    #[serde(default)]
    context: Option<InteractionContextType>,
    #[serde(default)]
    attachment_size_limit: Option<u64>,
}

/// Reads `data` as the data of an interaction of type `kind`.
fn read_data(
    kind: InteractionType,
    data: &serde_json::value::RawValue,
) -> Result<Option<InteractionData>, serde_json::Error> {
    let data = data.get();
    Ok(match kind {
        InteractionType::ApplicationCommand | InteractionType::Autocomplete => Some(
            InteractionData::ApplicationCommand(Box::new(serde_json::from_str(data)?)),
        ),
        InteractionType::MessageComponent => Some(InteractionData::MessageComponent(Box::new(
            serde_json::from_str(data)?,
        ))),
        InteractionType::ModalSubmit => Some(InteractionData::ModalSubmit(Box::new(
            serde_json::from_str(data)?,
        ))),
        _ => None,
    })
}

impl<'de> Deserialize<'de> for Interaction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Wire::deserialize(deserializer)?;
        let data = match wire.data {
            None => None,
            Some(data) if data.get() == "null" => None,
            Some(data) => read_data(wire.kind, &data)
                .map_err(|e| D::Error::custom(format_args!("data: {e}")))?,
        };
        Ok(Interaction {
            id: wire.id,
            application_id: wire.application_id,
            kind: wire.kind,
            data,
            guild_id: wire.guild_id,
            channel_id: wire.channel_id,
            member: wire.member,
            user: wire.user,
            token: wire.token,
            locale: wire.locale,
            guild_locale: wire.guild_locale,
            app_permissions: wire.app_permissions,
            channel: wire.channel,
            context: wire.context,
            attachment_size_limit: wire.attachment_size_limit,
        })
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
#[non_exhaustive]
pub enum InteractionDataError {
    /// The interaction is not a command or autocomplete interaction.
    NotACommand(InteractionType),
    /// The interaction has no `data`.
    Missing,
}

impl fmt::Display for InteractionDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InteractionDataError::NotACommand(kind) => {
                write!(f, "interaction of type {} carries no command", kind.value())
            }
            InteractionDataError::Missing => f.write_str("interaction has no command data"),
        }
    }
}

impl std::error::Error for InteractionDataError {}

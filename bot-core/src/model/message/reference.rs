//! What a message points at: replies and forwards (message references and snapshots), and the
//! interaction it answers (developers/resources/message.mdx).

use super::{Attachment, MessageType, StickerItem};
use crate::model::enums::int_enum;
use crate::model::{
    ChannelMarker, Component, Embed, GuildMarker, Id, InteractionMarker, InteractionType,
    MessageFlags, MessageMarker, RoleMarker, Timestamp, User, UserMarker,
};
use serde::{Deserialize, Serialize};

int_enum! {
    /// What a message reference is for.
    pub enum MessageReferenceType: u8 {
        /// A reply, a crosspost, a pin, ... (0): `referenced_message` holds the message.
        Default = 0,
        /// A forward (1): `message_snapshots` hold the message.
        Forward = 1,
    }
}

#[allow(
    clippy::derivable_impls,
    reason = "int_enum! defines the enum; a derive cannot be added from here"
)]
impl Default for MessageReferenceType {
    fn default() -> Self {
        MessageReferenceType::Default
    }
}

fn is_default_reference(kind: &MessageReferenceType) -> bool {
    *kind == MessageReferenceType::Default
}

/// A reference to another message: received on replies, crossposts, forwards, pins...; sent to
/// reply or forward.
///
/// ```
/// use bot_core::model::{Id, MessageReference};
/// let reply = MessageReference::reply(Id::new(42)).fail_if_not_exists(false);
/// assert_eq!(
///     serde_json::to_string(&reply).unwrap(),
///     r#"{"message_id":"42","fail_if_not_exists":false}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageReference {
    /// What the reference is for (`Default` when absent).
    #[serde(rename = "type", default, skip_serializing_if = "is_default_reference")]
    pub kind: MessageReferenceType,
    /// The message referred to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<Id<MessageMarker>>,
    /// Its channel (always present when received; needed to forward).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// Its guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<Id<GuildMarker>>,
    /// When sending: fail if the message does not exist (Discord's default: `true`), rather than
    /// send a message that is not a reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_if_not_exists: Option<bool>,
}

impl MessageReference {
    /// A reply to a message of the channel the new message is sent to.
    pub fn reply(message_id: Id<MessageMarker>) -> Self {
        MessageReference {
            kind: MessageReferenceType::Default,
            message_id: Some(message_id),
            channel_id: None,
            guild_id: None,
            fail_if_not_exists: None,
        }
    }

    /// A forward of a message.
    pub fn forward(channel_id: Id<ChannelMarker>, message_id: Id<MessageMarker>) -> Self {
        MessageReference {
            kind: MessageReferenceType::Forward,
            message_id: Some(message_id),
            channel_id: Some(channel_id),
            guild_id: None,
            fail_if_not_exists: None,
        }
    }

    /// Whether to fail if the message does not exist.
    #[must_use]
    pub fn fail_if_not_exists(mut self, fail: bool) -> Self {
        self.fail_if_not_exists = Some(fail);
        self
    }
}

/// A forwarded message, as it was when forwarded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageSnapshot {
    /// The message's content fields.
    pub message: SnapshotMessage,
}

/// The fields of a message a snapshot keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SnapshotMessage {
    /// The message's type.
    #[serde(rename = "type", default)]
    pub kind: MessageType,
    /// Its text.
    #[serde(default)]
    pub content: String,
    /// Its embeds.
    #[serde(default)]
    pub embeds: Vec<Embed>,
    /// Its files.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// When it was sent.
    #[serde(default)]
    pub timestamp: Option<Timestamp>,
    /// When it was last edited.
    #[serde(default)]
    pub edited_timestamp: Option<Timestamp>,
    /// Its flags.
    #[serde(default)]
    pub flags: MessageFlags,
    /// The users it mentions.
    #[serde(default)]
    pub mentions: Vec<User>,
    /// The roles it mentions.
    #[serde(default)]
    pub mention_roles: Vec<Id<RoleMarker>>,
    /// Its stickers.
    #[serde(default)]
    pub sticker_items: Vec<StickerItem>,
    /// Its components.
    #[serde(default)]
    pub components: Vec<Component>,
}

/// The installation contexts an interaction was authorized in: the guild's id for a guild
/// install (`"0"`; `0` itself when run in the bot's DM), the user's id for a user install
/// (`"1"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthorizingIntegrationOwners {
    /// The guild, for a guild install.
    #[serde(rename = "0", default, skip_serializing_if = "Option::is_none")]
    pub guild: Option<Id<GuildMarker>>,
    /// The user, for a user install.
    #[serde(rename = "1", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<Id<UserMarker>>,
}

/// The interaction a message answers: one struct for the three kinds Discord sends
/// (application command, message component, modal submit); the fields of the other kinds are
/// `None`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageInteractionMetadata {
    /// The interaction's id.
    pub id: Id<InteractionMarker>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: InteractionType,
    /// Who ran it.
    #[serde(default)]
    pub user: Option<User>,
    /// Where the app was installed for it.
    #[serde(default)]
    pub authorizing_integration_owners: AuthorizingIntegrationOwners,
    /// The first response's message, on follow-ups.
    #[serde(default)]
    pub original_response_message_id: Option<Id<MessageMarker>>,
    /// The user a user command ran on.
    #[serde(default)]
    pub target_user: Option<User>,
    /// The message a message command ran on.
    #[serde(default)]
    pub target_message_id: Option<Id<MessageMarker>>,
    /// The message whose component was used (component interactions).
    #[serde(default)]
    pub interacted_message_id: Option<Id<MessageMarker>>,
    /// The interaction that opened the modal (modal submits).
    #[serde(default)]
    pub triggering_interaction_metadata: Option<Box<MessageInteractionMetadata>>,
}

/// The deprecated `interaction` field of a message (use `interaction_metadata`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageInteraction {
    /// The interaction's id.
    pub id: Id<InteractionMarker>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: InteractionType,
    /// The command's name (with subcommands).
    #[serde(default)]
    pub name: String,
    /// Who ran it.
    #[serde(default)]
    pub user: Option<User>,
}

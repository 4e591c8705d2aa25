//! Messages and their parts: attachments, reactions, polls, references, snapshots, stickers and
//! interaction metadata (developers/resources/message.mdx).

mod attachment;
mod parts;
mod poll;
mod reaction;
mod reference;
mod sticker;
#[cfg(test)]
mod tests;

pub use attachment::Attachment;
pub use parts::{
    MessageActivity, MessageActivityType, MessageApplication, MessageCall, MessageType, Nonce,
    RoleSubscriptionData,
};
pub use poll::{
    CreatePoll, CreatePollAnswer, Poll, PollAnswer, PollAnswerCount, PollLayoutType, PollMedia,
    PollResults,
};
pub use reaction::{PartialEmoji, Reaction, ReactionCountDetails};
pub use reference::{
    AuthorizingIntegrationOwners, MessageInteraction, MessageInteractionMetadata, MessageReference,
    MessageReferenceType, MessageSnapshot, SnapshotMessage,
};
pub use sticker::StickerItem;

use super::{
    ApplicationMarker, Channel, ChannelMarker, ChannelMention, Component, Embed, GuildMarker, Id,
    MessageFlags, MessageMarker, PartialMember, RoleMarker, Timestamp, User, WebhookMarker,
};
use serde::{Deserialize, Serialize};

/// A message, as REST returns it and MESSAGE_CREATE delivers it. Rare, large parts are boxed.
///
/// Without the `MESSAGE_CONTENT` intent, `content`, `embeds`, `attachments` and `components`
/// are empty and `poll` is `None` for messages that neither mention the bot nor are DMs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// The message's id.
    pub id: Id<MessageMarker>,
    /// The channel it was sent in.
    pub channel_id: Id<ChannelMarker>,
    /// Its guild (gateway events in guilds).
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Who sent it (for a webhook message: the webhook's id, name and avatar).
    pub author: User,
    /// The author's member data (gateway events in guilds; without `user`).
    #[serde(default)]
    pub member: Option<Box<PartialMember>>,
    /// Its text.
    #[serde(default)]
    pub content: String,
    /// When it was sent (always present from Discord).
    #[serde(default)]
    pub timestamp: Option<Timestamp>,
    /// When it was last edited.
    #[serde(default)]
    pub edited_timestamp: Option<Timestamp>,
    /// Whether it is text-to-speech.
    #[serde(default)]
    pub tts: bool,
    /// Whether it mentions `@everyone` (or `@here`).
    #[serde(default)]
    pub mention_everyone: bool,
    /// The users it mentions.
    #[serde(default)]
    pub mentions: Vec<User>,
    /// The roles it mentions.
    #[serde(default)]
    pub mention_roles: Vec<Id<RoleMarker>>,
    /// The channels it mentions (crossposts only).
    #[serde(default)]
    pub mention_channels: Vec<ChannelMention>,
    /// Its files.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Its embeds.
    #[serde(default)]
    pub embeds: Vec<Embed>,
    /// Its reactions.
    #[serde(default)]
    pub reactions: Vec<Reaction>,
    /// The nonce it was sent with.
    #[serde(default)]
    pub nonce: Option<Nonce>,
    /// Whether it is pinned.
    #[serde(default)]
    pub pinned: bool,
    /// The webhook that sent it.
    #[serde(default)]
    pub webhook_id: Option<Id<WebhookMarker>>,
    /// Its type.
    #[serde(rename = "type", default)]
    pub kind: MessageType,
    /// A Rich Presence activity invitation.
    #[serde(default)]
    pub activity: Option<Box<MessageActivity>>,
    /// The Rich Presence application.
    #[serde(default)]
    pub application: Option<Box<MessageApplication>>,
    /// The application of an interaction's response or of an application-owned webhook.
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// Its flags.
    #[serde(default)]
    pub flags: MessageFlags,
    /// What it replies to, crossposts, forwards, ...
    #[serde(default)]
    pub message_reference: Option<MessageReference>,
    /// The messages it forwards.
    #[serde(default)]
    pub message_snapshots: Vec<MessageSnapshot>,
    /// The message it replies to (replies, thread starters, context-menu responses); `None`
    /// also when that message was deleted.
    #[serde(default)]
    pub referenced_message: Option<Box<Message>>,
    /// The interaction it answers.
    #[serde(default)]
    pub interaction_metadata: Option<Box<MessageInteractionMetadata>>,
    /// The interaction it answers (deprecated form).
    #[serde(default)]
    pub interaction: Option<Box<MessageInteraction>>,
    /// The thread started from it.
    #[serde(default)]
    pub thread: Option<Box<Channel>>,
    /// Its components.
    #[serde(default)]
    pub components: Vec<Component>,
    /// Its stickers.
    #[serde(default)]
    pub sticker_items: Vec<StickerItem>,
    /// Its approximate position in a thread.
    #[serde(default)]
    pub position: Option<u32>,
    /// The role subscription of a purchase message.
    #[serde(default)]
    pub role_subscription_data: Option<Box<RoleSubscriptionData>>,
    /// Its poll.
    #[serde(default)]
    pub poll: Option<Box<Poll>>,
    /// The call of a call message.
    #[serde(default)]
    pub call: Option<Box<MessageCall>>,
}

impl Message {
    /// A link to the message (`https://discord.com/channels/<guild or @me>/<channel>/<id>`).
    pub fn jump_url(&self) -> String {
        let guild = self
            .guild_id
            .map_or_else(|| "@me".to_owned(), |id| id.to_string());
        format!(
            "https://discord.com/channels/{guild}/{}/{}",
            self.channel_id, self.id
        )
    }

    /// Whether it was sent by a webhook.
    pub fn is_webhook(&self) -> bool {
        self.webhook_id.is_some()
    }

    /// Whether it is a reply.
    pub fn is_reply(&self) -> bool {
        self.kind == MessageType::Reply
    }
}

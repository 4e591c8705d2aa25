//! The calls on a message: reply, edit, delete, react, pin, start a thread.

use super::{Rest, with_defaults};
use crate::http::{HttpError, ReactionEmoji};
use crate::model::{Channel, CreateMessage, CreateThread, Message, MessageReference};

impl Message {
    /// Replies to the message in its channel (Pycord's `message.reply`): `message` with a
    /// reference to this one. Its `fail_if_not_exists` is kept when `message` sets a reference
    /// (with `false`, the reply is sent as a plain message if this one was deleted meanwhile);
    /// otherwise Discord's default applies (the send fails with 50035 if it is gone).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context, message: &bot_core::model::Message) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{AllowedMentions, CreateMessage};
    /// message.reply(ctx, "pong").await?;
    /// let quiet = CreateMessage::new().content("noted").allowed_mentions(AllowedMentions::none());
    /// message.reply(ctx, quiet).await?;
    /// # Ok(()) }
    /// ```
    pub async fn reply(
        &self,
        rest: &impl Rest,
        message: impl Into<CreateMessage>,
    ) -> Result<Message, HttpError> {
        let mut message = message.into();
        let mut reference = MessageReference::reply(self.id);
        reference.fail_if_not_exists = message
            .message_reference
            .as_ref()
            .and_then(|r| r.fail_if_not_exists);
        message.message_reference = Some(reference);
        self.channel_id.send(rest, message).await
    }

    /// Edits the message (Pycord's `message.edit`): what `edit` leaves out stays as it is;
    /// answers the message as edited. Only the bot's own messages' content can be edited
    /// (Discord answers 50005 otherwise).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context, sent: &bot_core::model::Message) -> Result<(), bot_core::http::HttpError> {
    /// let edited = sent.edit(ctx, "done ✓").await?;
    /// assert!(edited.edited_timestamp.is_some());
    /// # Ok(()) }
    /// ```
    pub async fn edit(
        &self,
        rest: &impl Rest,
        edit: impl Into<CreateMessage>,
    ) -> Result<Message, HttpError> {
        let edit = with_defaults(rest, edit.into());
        rest.http()
            .edit_message(self.channel_id, self.id, &edit)
            .await
    }

    /// Deletes the message (Pycord's `message.delete`); someone else's needs
    /// `MANAGE_MESSAGES`. [`Http::delete_message`](crate::http::Http::delete_message) takes an
    /// audit-log reason.
    pub async fn delete(&self, rest: &impl Rest) -> Result<(), HttpError> {
        rest.http()
            .delete_message(self.channel_id, self.id, None)
            .await
    }

    /// The bot reacts (Pycord's `message.add_reaction`): a unicode emoji (`"🔥"`), a custom
    /// one ([`ReactionEmoji::custom`]) or a reaction's [`PartialEmoji`](crate::model::PartialEmoji).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context, message: &bot_core::model::Message) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::http::ReactionEmoji;
    /// use bot_core::model::Id;
    /// message.add_reaction(ctx, "🔥").await?;
    /// message.add_reaction(ctx, ReactionEmoji::custom("blob", Id::new(42))).await?;
    /// # Ok(()) }
    /// ```
    pub async fn add_reaction(
        &self,
        rest: &impl Rest,
        emoji: impl Into<ReactionEmoji>,
    ) -> Result<(), HttpError> {
        rest.http()
            .add_reaction(self.channel_id, self.id, &emoji.into())
            .await
    }

    /// Pins the message in its channel (Pycord's `message.pin`; at most 250 a channel).
    /// [`Http::pin_message`](crate::http::Http::pin_message) takes an audit-log reason.
    pub async fn pin(&self, rest: &impl Rest) -> Result<(), HttpError> {
        rest.http()
            .pin_message(self.channel_id, self.id, None)
            .await
    }

    /// Starts a thread from the message (Pycord's `message.create_thread`): its id is the
    /// message's, its type follows the channel's (a public or an announcement thread).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context, message: &bot_core::model::Message) -> Result<(), bot_core::http::HttpError> {
    /// let thread = message.create_thread(ctx, "Discussion").await?;
    /// thread.id.send(ctx, "let's talk here").await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_thread(
        &self,
        rest: &impl Rest,
        thread: impl Into<CreateThread>,
    ) -> Result<Channel, HttpError> {
        rest.http()
            .create_thread_from_message(self.channel_id, self.id, &thread.into(), None)
            .await
    }
}

//! The calls on a channel, by id: send, history, a new thread, typing.

use super::{Rest, Typing, with_defaults};
use crate::http::{HttpError, MessagesFrom, Paginated};
use crate::model::{Channel, ChannelMarker, CreateMessage, CreateThread, Id, Message};

impl Id<ChannelMarker> {
    /// Sends a message to the channel (Pycord's `channel.send`): text, a
    /// [`Reply`](crate::command::Reply) or a [`CreateMessage`] with embeds, files, components,
    /// allowed mentions (else the bot's default, through a context), a reply reference and
    /// flags. A message over Discord's limits is refused before sending
    /// ([`HttpError::Invalid`]).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{AllowedMentions, CreateMessage, Id, MessageReference};
    /// let channel = Id::new(381870553235193857);
    /// channel.send(ctx, "hello").await?;
    /// let quiet = CreateMessage::new()
    ///     .content("@everyone the build is green")
    ///     .allowed_mentions(AllowedMentions::none())
    ///     .message_reference(MessageReference::reply(Id::new(42)).fail_if_not_exists(false))
    ///     .silent();
    /// channel.send(ctx, quiet).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send(
        self,
        rest: &impl Rest,
        message: impl Into<CreateMessage>,
    ) -> Result<Message, HttpError> {
        let message = with_defaults(rest, message.into());
        rest.http().create_message(self, &message).await
    }

    /// The channel's messages, read lazily page by page (Pycord's `channel.history`): at most
    /// `limit` (`None`: all), newest first from [`MessagesFrom::Latest`] or
    /// [`MessagesFrom::Before`], oldest first from [`MessagesFrom::After`].
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::http::MessagesFrom;
    /// use bot_core::model::Id;
    /// use futures_util::TryStreamExt;
    /// let channel = Id::new(381870553235193857);
    /// let mut history = channel.history(ctx, MessagesFrom::Latest, Some(250));
    /// while let Some(message) = history.try_next().await? {
    ///     println!("{}: {}", message.author.username, message.content);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn history(
        self,
        rest: &impl Rest,
        from: MessagesFrom,
        limit: Option<usize>,
    ) -> Paginated<Message> {
        rest.http().messages(self, from, limit)
    }

    /// Starts a thread without a message (Pycord's `channel.create_thread` without one): a
    /// private thread unless [`CreateThread::kind`] says otherwise, as Discord and Pycord do.
    /// A name or setting over Discord's limits is refused before sending.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{ChannelType, CreateThread, Id};
    /// let channel = Id::new(381870553235193857);
    /// let private = channel.create_thread(ctx, "moderators").await?;
    /// let public = CreateThread::new("Release notes").kind(ChannelType::PublicThread);
    /// channel.create_thread(ctx, public).await?;
    /// # let _ = private; Ok(()) }
    /// ```
    pub async fn create_thread(
        self,
        rest: &impl Rest,
        thread: impl Into<CreateThread>,
    ) -> Result<Channel, HttpError> {
        rest.http().create_thread(self, &thread.into(), None).await
    }

    /// Shows "the bot is typing…" in the channel until the returned guard is dropped (Pycord's
    /// `async with channel.typing()`): sent now — an error, such as a missing permission, is
    /// returned — then again every [`TYPING_INTERVAL`](crate::calls::TYPING_INTERVAL), since Discord's indicator lasts 10 s.
    /// A re-send that fails is logged and ends the re-sending.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// let channel = Id::new(381870553235193857);
    /// let typing = channel.typing(ctx).await?;
    /// let answer = "42"; // something slow
    /// drop(typing);
    /// channel.send(ctx, answer).await?;
    /// # Ok(()) }
    /// ```
    pub async fn typing(self, rest: &impl Rest) -> Result<Typing, HttpError> {
        let http = rest.http().clone();
        http.trigger_typing(self).await?;
        Ok(Typing::keep(self, move || {
            let http = http.clone();
            async move { http.trigger_typing(self).await }
        }))
    }
}

//! REST on a context, with Pycord's names: `fetch_channel`, `fetch_user`, `create_dm`,
//! `fetch_guild`; and the
//! context as what the everyday calls go through ([`Rest`]).

use super::Context;
use crate::calls::Rest;
use crate::http::{Http, HttpError};
use crate::model::{
    AllowedMentions, Channel, ChannelMarker, Guild, GuildMarker, Id, User, UserMarker,
};

impl Context {
    /// A channel, thread or DM channel from Discord, never from the cache (Pycord's
    /// `fetch_channel`; [`get_channel`](Self::get_channel) reads the cache). An unknown or
    /// hidden channel is Discord's 10003 or 50001.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// let channel = ctx.fetch_channel(Id::new(381870553235193857)).await?;
    /// println!("#{}", channel.name.as_deref().unwrap_or("?"));
    /// # Ok(()) }
    /// ```
    pub async fn fetch_channel(&self, id: Id<ChannelMarker>) -> Result<Channel, HttpError> {
        self.http().channel(id).await
    }

    /// A user from Discord, never from the cache (Pycord's `fetch_user`;
    /// [`get_user`](Self::get_user) reads the cache). An unknown user is Discord's 10013.
    pub async fn fetch_user(&self, id: Id<UserMarker>) -> Result<User, HttpError> {
        self.http().user(id).await
    }

    /// The DM channel with a user, opened if it was not (Pycord's `create_dm`; Discord answers
    /// the same channel every time). [`User::send`] opens it and sends in one call.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// let dm = ctx.create_dm(Id::new(53908232506183680)).await?;
    /// dm.id.send(ctx, "hello").await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_dm(&self, user: Id<UserMarker>) -> Result<Channel, HttpError> {
        self.http().create_dm(user).await
    }

    /// A guild from Discord, never from the cache (Pycord's `fetch_guild`;
    /// [`get_guild`](Self::get_guild) reads the cache); `with_counts` adds its approximate
    /// member and presence counts. An unknown guild is Discord's 10004.
    pub async fn fetch_guild(
        &self,
        id: Id<GuildMarker>,
        with_counts: bool,
    ) -> Result<Guild, HttpError> {
        self.http().guild(id, with_counts).await
    }
}

/// The bot's client, and its default allowed mentions for messages that set none.
impl Rest for Context {
    fn http(&self) -> &Http {
        Context::http(self)
    }

    fn default_allowed_mentions(&self) -> Option<&AllowedMentions> {
        self.services().commands.allowed_mentions.as_ref()
    }
}

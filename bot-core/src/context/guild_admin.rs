//! A guild's public pages on a context, with Pycord's names: `fetch_widget`.

use super::Context;
use crate::http::HttpError;
use crate::model::{GuildMarker, Id, Widget};

impl Context {
    /// A guild's public widget (Pycord's `fetch_widget`): its name, invite, voice channels and
    /// online members. The guild must have its widget on (else Discord's 50004).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// let widget = ctx.fetch_widget(Id::new(290926798626357999)).await?;
    /// println!("{} members online", widget.presence_count);
    /// # Ok(()) }
    /// ```
    pub async fn fetch_widget(&self, guild: Id<GuildMarker>) -> Result<Widget, HttpError> {
        self.http().guild_widget(guild).await
    }
}

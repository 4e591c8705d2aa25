//! A guild's public pages on the bot, with Pycord's names: `fetch_widget`.

use super::Bot;
use crate::http::HttpError;
use crate::model::{GuildMarker, Id, Widget};

impl Bot {
    /// A guild's public widget ([`Context::fetch_widget`](crate::Context::fetch_widget)).
    pub async fn fetch_widget(&self, guild: Id<GuildMarker>) -> Result<Widget, HttpError> {
        self.context.fetch_widget(guild).await
    }
}

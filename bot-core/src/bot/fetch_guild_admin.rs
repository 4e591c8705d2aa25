//! A guild's public pages on the bot, with Pycord's names: `fetch_widget`, `fetch_template`.

use super::Bot;
use crate::http::HttpError;
use crate::model::{GuildMarker, Id, Template, Widget};

impl Bot {
    /// A guild's public widget ([`Context::fetch_widget`](crate::Context::fetch_widget)).
    pub async fn fetch_widget(&self, guild: Id<GuildMarker>) -> Result<Widget, HttpError> {
        self.context.fetch_widget(guild).await
    }

    /// A guild template by its code or link
    /// ([`Context::fetch_template`](crate::Context::fetch_template)).
    pub async fn fetch_template(&self, code: &str) -> Result<Template, HttpError> {
        self.context.fetch_template(code).await
    }
}

//! Webhooks on a context, with Pycord's name: `fetch_webhook`.

use super::Context;
use crate::http::HttpError;
use crate::model::{Id, Webhook, WebhookMarker};

impl Context {
    /// A webhook from Discord by id (Pycord's `fetch_webhook`), with the bot's token
    /// (`MANAGE_WEBHOOKS` in its channel); an unknown webhook is Discord's 10015. An incoming
    /// webhook comes with its token, so [`Webhook::send`] can send through it.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{ExecuteWebhook, Id};
    /// let webhook = ctx.fetch_webhook(Id::new(223704706495545344)).await?;
    /// webhook.send(ctx, ExecuteWebhook::new("hello").username("Announcer")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn fetch_webhook(&self, id: Id<WebhookMarker>) -> Result<Webhook, HttpError> {
        self.http().webhook(id).await
    }
}

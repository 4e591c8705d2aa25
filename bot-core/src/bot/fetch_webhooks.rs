//! Webhooks on the bot, with Pycord's name: `fetch_webhook`.

use super::Bot;
use crate::http::HttpError;
use crate::model::{Id, Webhook, WebhookMarker};

impl Bot {
    /// A webhook from Discord by id
    /// ([`Context::fetch_webhook`](crate::Context::fetch_webhook)).
    pub async fn fetch_webhook(&self, id: Id<WebhookMarker>) -> Result<Webhook, HttpError> {
        self.context.fetch_webhook(id).await
    }
}

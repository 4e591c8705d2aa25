//! The calls on a [`Webhook`]: send through it (with the name, avatar and thread of one
//! message), change it, delete it, and read, edit or delete the messages it sent — Pycord's
//! `webhook.send`, `edit`, `delete`, `fetch_message`, `edit_message`, `delete_message`.

use super::{Rest, with_defaults};
use crate::http::HttpError;
use crate::model::{
    ChannelMarker, CreateMessage, EditWebhook, ExecuteWebhook, Id, Message, MessageMarker,
    RequestProblem, Webhook,
};

impl Webhook {
    /// The webhook's token, or the refusal of a call that needs it (a channel follower's
    /// webhook has none, nor one fetched without `MANAGE_WEBHOOKS`).
    fn secret(&self) -> Result<&str, HttpError> {
        self.token.as_deref().ok_or_else(|| {
            RequestProblem::NotAllowed {
                field: "token",
                why: "this webhook has no token (a channel follower's, or read without MANAGE_WEBHOOKS)",
            }
            .into()
        })
    }

    /// Sends a message through the webhook (Pycord's `webhook.send`): text, a
    /// [`CreateMessage`], or an [`ExecuteWebhook`] with the name and avatar shown for this
    /// message, the thread it goes to, and whether to wait for it. Waited for, the message
    /// Discord made (`Some`); otherwise `None`. Messages that set no allowed mentions get the
    /// bot's default through a context. Refused before sending when over Discord's limits or
    /// when the webhook has no token.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context, webhook: &bot_core::model::Webhook) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{ExecuteWebhook, Id};
    /// webhook.send(ctx, "deploy started").await?;
    /// let sent = webhook
    ///     .send(
    ///         ctx,
    ///         ExecuteWebhook::new("deploy finished")
    ///             .username("CI")
    ///             .avatar_url("https://example.com/ci.png")
    ///             .thread(Id::new(41771983423143937))
    ///             .wait(true),
    ///     )
    ///     .await?
    ///     .expect("waited for");
    /// assert_eq!(sent.webhook_id, Some(webhook.id));
    /// # Ok(()) }
    /// ```
    pub async fn send(
        &self,
        rest: &impl Rest,
        message: impl Into<ExecuteWebhook>,
    ) -> Result<Option<Message>, HttpError> {
        let token = self.secret()?;
        let mut execute = message.into();
        execute.message = with_defaults(rest, execute.message);
        rest.http().execute_webhook(self.id, token, &execute).await
    }

    /// Changes the webhook's name, avatar or channel (Pycord's `webhook.edit`), with the
    /// bot's token (`MANAGE_WEBHOOKS`); answers the webhook as changed.
    /// [`Http::edit_webhook`](crate::http::Http::edit_webhook) takes an audit-log reason,
    /// [`Http::edit_webhook_with_token`](crate::http::Http::edit_webhook_with_token) the
    /// webhook's own token.
    pub async fn edit(&self, rest: &impl Rest, edit: &EditWebhook) -> Result<Webhook, HttpError> {
        rest.http().edit_webhook(self.id, edit, None).await
    }

    /// Deletes the webhook (Pycord's `webhook.delete`), with the bot's token
    /// (`MANAGE_WEBHOOKS`).
    pub async fn delete(&self, rest: &impl Rest) -> Result<(), HttpError> {
        rest.http().delete_webhook(self.id, None).await
    }

    /// A message the webhook sent (Pycord's `webhook.fetch_message`); `thread` is the thread
    /// it is in, if it is in one.
    pub async fn fetch_message(
        &self,
        rest: &impl Rest,
        message: Id<MessageMarker>,
        thread: Option<Id<ChannelMarker>>,
    ) -> Result<Message, HttpError> {
        let token = self.secret()?;
        rest.http()
            .webhook_message(self.id, token, message, thread)
            .await
    }

    /// Edits a message the webhook sent (Pycord's `webhook.edit_message`): what `edit` leaves
    /// out stays as it is.
    pub async fn edit_message(
        &self,
        rest: &impl Rest,
        message: Id<MessageMarker>,
        thread: Option<Id<ChannelMarker>>,
        edit: impl Into<CreateMessage>,
    ) -> Result<Message, HttpError> {
        let token = self.secret()?;
        let edit = with_defaults(rest, edit.into());
        rest.http()
            .edit_webhook_message(self.id, token, message, thread, &edit)
            .await
    }

    /// Deletes a message the webhook sent (Pycord's `webhook.delete_message`).
    pub async fn delete_message(
        &self,
        rest: &impl Rest,
        message: Id<MessageMarker>,
        thread: Option<Id<ChannelMarker>>,
    ) -> Result<(), HttpError> {
        let token = self.secret()?;
        rest.http()
            .delete_webhook_message(self.id, token, message, thread)
            .await
    }
}

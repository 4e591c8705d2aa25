//! Webhooks: a guild's webhooks, one webhook by id (with the bot's token) or by id and token
//! (with the webhook's own), changes and deletion, messages sent through it, and those
//! messages read, edited and deleted again.
//!
//! A webhook's token is a secret like the bot's: in a path it is never logged nor put in an
//! error (the client's request keys replace it, see `http/keys.rs`), and a request with it
//! carries no bot token.

use super::super::{Body, Http, HttpError, Method};
use super::{json, message_body};
use crate::model::{
    ApplicationMarker, ChannelMarker, CreateMessage, EditWebhook, ExecuteWebhook, GuildMarker, Id,
    Message, MessageMarker, RequestProblem, Webhook, WebhookMarker,
};

/// `?thread_id=` for a message in a thread of the webhook's channel, else nothing.
fn thread_query(thread: Option<Id<ChannelMarker>>) -> String {
    thread.map_or(String::new(), |t| format!("?thread_id={t}"))
}

/// The query of an edit: the thread, and `with_components` when the edit sets components
/// (else Discord leaves them as they were).
fn edit_query(thread: Option<Id<ChannelMarker>>, edit: &CreateMessage) -> String {
    let mut query = thread_query(thread);
    if !edit.components.is_empty() {
        query.push(if query.is_empty() { '?' } else { '&' });
        query.push_str("with_components=true");
    }
    query
}

impl Http {
    /// `GET /guilds/{guild}/webhooks`: the guild's webhooks (`MANAGE_WEBHOOKS`).
    pub async fn guild_webhooks(&self, guild: Id<GuildMarker>) -> Result<Vec<Webhook>, HttpError> {
        let path = format!("/guilds/{guild}/webhooks");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /webhooks/{webhook}`: a webhook, with the bot's token (`MANAGE_WEBHOOKS` in its
    /// channel); an unknown one is Discord's 10015.
    pub async fn webhook(&self, webhook: Id<WebhookMarker>) -> Result<Webhook, HttpError> {
        let path = format!("/webhooks/{webhook}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /webhooks/{webhook}/{token}`: a webhook, with its own token (no bot token sent;
    /// the answer has no `user`). A wrong token is Discord's 401 / 50027.
    pub async fn webhook_with_token(
        &self,
        webhook: Id<WebhookMarker>,
        token: &str,
    ) -> Result<Webhook, HttpError> {
        let path = format!("/webhooks/{webhook}/{token}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH /webhooks/{webhook}`: changes a webhook's name, avatar or channel (one of the
    /// same guild), with the bot's token (`MANAGE_WEBHOOKS`); `reason` goes to the audit log.
    /// Checked before sending.
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{EditWebhook, Id};
    /// let moved = http
    ///     .edit_webhook(
    ///         Id::new(223704706495545344),
    ///         &EditWebhook::new().name("Releases").channel(Id::new(41771983423143937)),
    ///         Some("releases have their own channel now"),
    ///     )
    ///     .await?;
    /// assert_eq!(moved.name.as_deref(), Some("Releases"));
    /// # Ok(()) }
    /// ```
    pub async fn edit_webhook(
        &self,
        webhook: Id<WebhookMarker>,
        edit: &EditWebhook,
        reason: Option<&str>,
    ) -> Result<Webhook, HttpError> {
        edit.check()?;
        let path = format!("/webhooks/{webhook}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `PATCH /webhooks/{webhook}/{token}`: changes a webhook's name or avatar with its own
    /// token. Moving it to another channel needs the bot's token
    /// ([`edit_webhook`](Self::edit_webhook)): an edit with a channel is refused before
    /// sending.
    pub async fn edit_webhook_with_token(
        &self,
        webhook: Id<WebhookMarker>,
        token: &str,
        edit: &EditWebhook,
    ) -> Result<Webhook, HttpError> {
        edit.check()?;
        if edit.channel_id.is_some() {
            return Err(RequestProblem::NotAllowed {
                field: "channel_id",
                why: "a webhook moves to another channel only with the bot's token",
            }
            .into());
        }
        let path = format!("/webhooks/{webhook}/{token}");
        self.typed(Method::PATCH, &path, json(edit)?).await
    }

    /// `DELETE /webhooks/{webhook}`: deletes a webhook with the bot's token
    /// (`MANAGE_WEBHOOKS`); `reason` goes to the audit log.
    pub async fn delete_webhook(
        &self,
        webhook: Id<WebhookMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/webhooks/{webhook}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }

    /// `DELETE /webhooks/{webhook}/{token}`: deletes a webhook with its own token.
    pub async fn delete_webhook_with_token(
        &self,
        webhook: Id<WebhookMarker>,
        token: &str,
    ) -> Result<(), HttpError> {
        let path = format!("/webhooks/{webhook}/{token}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `POST /webhooks/{webhook}/{token}`: sends a message through a webhook (multipart when
    /// it carries files), with the name and avatar it sets, to the thread it names. With
    /// [`ExecuteWebhook::wait`], Discord answers the message (`Some`); otherwise nothing
    /// (`None`). A message over Discord's limits is refused before sending.
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http, token: &str) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{ExecuteWebhook, Id};
    /// let sent = http
    ///     .execute_webhook(
    ///         Id::new(223704706495545344),
    ///         token,
    ///         &ExecuteWebhook::new("Build 812 is green").username("CI").wait(true),
    ///     )
    ///     .await?
    ///     .expect("waited for");
    /// assert_eq!(&*sent.author.username, "CI");
    /// # Ok(()) }
    /// ```
    pub async fn execute_webhook(
        &self,
        webhook: Id<WebhookMarker>,
        token: &str,
        execute: &ExecuteWebhook,
    ) -> Result<Option<Message>, HttpError> {
        execute.message.check().map_err(HttpError::Invalid)?;
        execute.check()?;
        let path = format!("/webhooks/{webhook}/{token}{}", execute.query());
        let body = message_body(execute, &execute.message)?;
        match self.request(Method::POST, &path, body).await? {
            None => Ok(None),
            Some(answer) => serde_json::from_value(answer)
                .map(Some)
                .map_err(|e| HttpError::Decode(e.to_string())),
        }
    }

    /// `GET /webhooks/{webhook}/{token}/messages/{message}`: a message the webhook sent
    /// (`thread`: the thread it is in).
    pub async fn webhook_message(
        &self,
        webhook: Id<WebhookMarker>,
        token: &str,
        message: Id<MessageMarker>,
        thread: Option<Id<ChannelMarker>>,
    ) -> Result<Message, HttpError> {
        let query = thread_query(thread);
        let path = format!("/webhooks/{webhook}/{token}/messages/{message}{query}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH /webhooks/{webhook}/{token}/messages/{message}`: edits a message the webhook
    /// sent; what `edit` leaves out stays as it is (checked as an edit before sending).
    pub async fn edit_webhook_message(
        &self,
        webhook: Id<WebhookMarker>,
        token: &str,
        message: Id<MessageMarker>,
        thread: Option<Id<ChannelMarker>>,
        edit: &CreateMessage,
    ) -> Result<Message, HttpError> {
        edit.check_edit().map_err(HttpError::Invalid)?;
        let query = edit_query(thread, edit);
        let path = format!("/webhooks/{webhook}/{token}/messages/{message}{query}");
        self.typed(Method::PATCH, &path, message_body(edit, edit)?)
            .await
    }

    /// `DELETE /webhooks/{webhook}/{token}/messages/{message}`: deletes a message the webhook
    /// sent.
    pub async fn delete_webhook_message(
        &self,
        webhook: Id<WebhookMarker>,
        token: &str,
        message: Id<MessageMarker>,
        thread: Option<Id<ChannelMarker>>,
    ) -> Result<(), HttpError> {
        let query = thread_query(thread);
        let path = format!("/webhooks/{webhook}/{token}/messages/{message}{query}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `GET /webhooks/{application}/{token}/messages/@original`: an interaction's original
    /// response ([`edit_original_response`](Self::edit_original_response) and
    /// [`delete_original_response`](Self::delete_original_response) change it).
    pub async fn original_response(
        &self,
        application: Id<ApplicationMarker>,
        token: &str,
    ) -> Result<Message, HttpError> {
        let path = format!("/webhooks/{application}/{token}/messages/@original");
        self.typed(Method::GET, &path, Body::Empty).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Token;

    const SECRET: &str = "Xy9webhookSECRETtokenQ";

    #[test]
    fn queries_name_the_thread_and_keep_components() {
        assert_eq!(thread_query(None), "");
        assert_eq!(thread_query(Some(Id::new(5))), "?thread_id=5");
        assert_eq!(edit_query(None, &CreateMessage::new()), "");
    }

    /// A webhook's token never shows in an error or in `Debug`, whatever the route: requests
    /// to a closed port fail with errors that name the route's template (the logs are checked
    /// in the workspace's `tests/rest_webhooks.rs`).
    #[tokio::test(start_paused = true)]
    async fn a_webhook_token_never_appears_in_errors() {
        let http = Http::builder("http://127.0.0.1:1/api/v10", Token::new("a.b.c"))
            .connect_timeout(std::time::Duration::from_millis(200))
            .build()
            .unwrap();
        let hook = Id::new(223704706495545344);
        let execute = ExecuteWebhook::new("hi").thread(Id::new(9)).wait(true);
        let errors = [
            http.execute_webhook(hook, SECRET, &execute)
                .await
                .unwrap_err(),
            http.webhook_message(hook, SECRET, Id::new(7), Some(Id::new(9)))
                .await
                .unwrap_err(),
            http.delete_webhook_with_token(hook, SECRET)
                .await
                .unwrap_err(),
        ];
        for error in &errors {
            for shown in [error.to_string(), format!("{error:?}")] {
                assert!(!shown.contains(SECRET), "{shown}");
                assert!(shown.contains("/webhooks/{id}/{token}"), "{shown}");
            }
        }
    }
}

//! Messages sent through an incoming webhook with its token (Execute Webhook), and read,
//! edited and deleted again by the same webhook. Rendered as Discord renders them: `webhook_id`
//! set, the `author` a bot user whose id is the webhook's and whose name and avatar are the
//! message's overrides or the webhook's own, no `member`; `application_id` when an application
//! owns the webhook. MESSAGE_CREATE, MESSAGE_UPDATE and MESSAGE_DELETE as for any message.
//!
//! `thread_id` must name a thread of the webhook's channel; in a forum or media channel a
//! message needs a `thread_id` or a `thread_name` (which starts a post owned by the webhook).

use super::change::{Changed, Refusal};
use super::messages::StoredFile;
use super::webhook_threads::is_forum;
use super::webhooks::WebhookRecord;
use super::{World, check_webhook_name};
use crate::rest::{build_message, now_iso};
use serde_json::{Value, json};

/// The query of a webhook message route.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WebhookQuery {
    /// `thread_id`: a thread of the webhook's channel.
    pub(crate) thread: Option<u64>,
    /// `with_components`: without it Discord drops the body's components.
    pub(crate) with_components: bool,
}

/// A stand-in for the hash of an avatar image (the sandbox keeps no images).
pub(crate) fn image_hash(data: &str) -> String {
    let hash = data
        .bytes()
        .fold(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d_u128, |h, b| {
            (h ^ u128::from(b)).wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b)
        });
    format!("{hash:032x}")
}

impl World {
    /// The author Discord shows for a webhook's message.
    fn webhook_author(webhook: &WebhookRecord, body: &Value) -> Value {
        let name = body
            .get("username")
            .and_then(Value::as_str)
            .unwrap_or(&webhook.name);
        let avatar = match body.get("avatar_url").and_then(Value::as_str) {
            Some(url) => Some(image_hash(url)),
            None => webhook.avatar.clone(),
        };
        let mut author = super::render::public_user(webhook.id, name, true);
        author["discriminator"] = json!("0000");
        author["avatar"] = json!(avatar);
        author
    }

    /// `POST /webhooks/{id}/{token}`: sends the body's message through the webhook (the
    /// token is the authority); `files` are the uploaded parts and `base` the sandbox's URL
    /// for their attachments. MESSAGE_CREATE (after THREAD_CREATE for a new forum post).
    pub(crate) fn execute_webhook(
        &mut self,
        id: u64,
        token: &str,
        body: &Value,
        query: &WebhookQuery,
        files: Vec<StoredFile>,
        base: &str,
    ) -> Result<Changed<Value>, Refusal> {
        let webhook = self.authorized_webhook(id, Some(token))?.clone();
        if let Some(name) = body.get("username").filter(|n| !n.is_null()) {
            check_webhook_name(name.as_str()).map_err(|r| Refusal {
                message: r.message.replace("(name:", "(username:"),
                ..r
            })?;
        }
        let channel_kind = self
            .guild_channel(webhook.channel_id)
            .map_or(0, |(_, c)| c.kind);
        let thread_name = body
            .get("thread_name")
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty());
        let mut changed = Changed::quiet(());
        let target = match (thread_name, query.thread) {
            (Some(_), Some(_)) => {
                return Err(Refusal::bad_request(
                    220002,
                    "Webhooks posted to forum channels cannot have both a thread_name and thread_id",
                ));
            }
            (Some(_), None) if !is_forum(channel_kind) => {
                return Err(Refusal::bad_request(
                    220003,
                    "Webhooks can only create threads in forum channels",
                ));
            }
            (None, None) if is_forum(channel_kind) => {
                return Err(Refusal::bad_request(
                    220001,
                    "Webhooks posted to forum channels must have a thread_name or thread_id",
                ));
            }
            (Some(name), None) => {
                let (post, created) = self.webhook_post(webhook.channel_id, &webhook, name)?;
                let guild = Some(webhook.guild_id);
                changed = changed.emit("THREAD_CREATE", guild, Some(webhook.channel_id), created);
                post
            }
            (None, thread) => self.webhook_target(&webhook, thread)?,
        };
        let mut body = body.clone();
        if !query.with_components
            && let Some(map) = body.as_object_mut()
        {
            map.remove("components");
        }
        // A new post's first message has the post's id, as Discord's starter messages do.
        let message_id = if thread_name.is_some() {
            target
        } else {
            self.ids.next()
        };
        let mut message = build_message(self, target, webhook.id, &body, message_id, 0);
        message["author"] = Self::webhook_author(&webhook, &body);
        message["webhook_id"] = json!(webhook.id.to_string());
        if let Some(application) = webhook.application_id {
            message["application_id"] = json!(application.to_string());
        }
        message["attachments"] = Value::Array(self.store_files(target, &body, files, base));
        self.messages
            .entry(target)
            .or_default()
            .push(message.clone());
        let guild = Some(webhook.guild_id);
        Ok(changed
            .map(|()| message.clone())
            .emit("MESSAGE_CREATE", guild, Some(target), message))
    }

    /// The webhook's message `message` (`@original` names none for an incoming webhook) in
    /// the channel or thread the query names: its channel; 10008 for any other message.
    fn webhook_message_at(
        &self,
        webhook: &WebhookRecord,
        message: &str,
        query: &WebhookQuery,
    ) -> Result<(u64, u64), Refusal> {
        let channel = self.webhook_target(webhook, query.thread)?;
        let unknown = || Refusal::unknown(10008, "Message");
        let id: u64 = message.parse().map_err(|_| unknown())?;
        let sent_by_it = self
            .find_message(channel, id)
            .and_then(|m| m.get("webhook_id"))
            .and_then(Value::as_str)
            == Some(webhook.id.to_string().as_str());
        if sent_by_it {
            Ok((channel, id))
        } else {
            Err(unknown())
        }
    }

    /// `GET /webhooks/{id}/{token}/messages/{message}`.
    pub(crate) fn get_webhook_message(
        &self,
        id: u64,
        token: &str,
        message: &str,
        query: &WebhookQuery,
    ) -> Result<Value, Refusal> {
        let webhook = self.authorized_webhook(id, Some(token))?;
        let (channel, message) = self.webhook_message_at(webhook, message, query)?;
        self.find_message(channel, message)
            .map(|m| self.render_message(m))
            .ok_or_else(|| Refusal::unknown(10008, "Message"))
    }

    /// `PATCH /webhooks/{id}/{token}/messages/{message}`: what the body sets changes (the
    /// components only `with_components`); new files are added to the attachments it keeps.
    /// MESSAGE_UPDATE.
    pub(crate) fn edit_webhook_message(
        &mut self,
        id: u64,
        token: &str,
        message: &str,
        edit: (&Value, &WebhookQuery),
        files: Vec<StoredFile>,
        base: &str,
    ) -> Result<Changed<Value>, Refusal> {
        let (body, query) = edit;
        let webhook = self.authorized_webhook(id, Some(token))?.clone();
        let (channel, message) = self.webhook_message_at(&webhook, message, query)?;
        let mut added = self.store_files(channel, body, files, base);
        let stored = self
            .find_message_mut(channel, message)
            .ok_or_else(|| Refusal::unknown(10008, "Message"))?;
        for key in ["content", "embeds", "flags", "allowed_mentions"] {
            if let Some(value) = body.get(key) {
                stored[key] = value.clone();
            }
        }
        if let Some(components) = body.get("components").filter(|_| query.with_components) {
            stored["components"] = super::numbered_components(components);
        }
        if let Some(kept) = body.get("attachments").and_then(Value::as_array) {
            let kept_ids: Vec<&str> = kept
                .iter()
                .filter_map(|a| a.get("id").and_then(Value::as_str))
                .collect();
            let mut attachments: Vec<Value> = stored["attachments"]
                .as_array()
                .map(|list| {
                    list.iter()
                        .filter(|a| {
                            a.get("id")
                                .and_then(Value::as_str)
                                .is_some_and(|id| kept_ids.contains(&id))
                        })
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            attachments.append(&mut added);
            stored["attachments"] = Value::Array(attachments);
        } else if !added.is_empty()
            && let Some(list) = stored["attachments"].as_array_mut()
        {
            list.append(&mut added);
        }
        stored["edited_timestamp"] = json!(now_iso());
        let stored = stored.clone();
        let rendered = self.render_message(&stored);
        let guild = Some(webhook.guild_id);
        Ok(Changed::quiet(rendered.clone()).emit("MESSAGE_UPDATE", guild, Some(channel), rendered))
    }

    /// `DELETE /webhooks/{id}/{token}/messages/{message}`: MESSAGE_DELETE.
    pub(crate) fn delete_webhook_message(
        &mut self,
        id: u64,
        token: &str,
        message: &str,
        query: &WebhookQuery,
    ) -> Result<Changed<()>, Refusal> {
        let webhook = self.authorized_webhook(id, Some(token))?.clone();
        let (channel, message) = self.webhook_message_at(&webhook, message, query)?;
        self.remove_messages(channel, &[message]);
        let guild = webhook.guild_id;
        let data = json!({"id": message.to_string(), "channel_id": channel.to_string(),
                          "guild_id": guild.to_string()});
        Ok(Changed::quiet(()).emit("MESSAGE_DELETE", Some(guild), Some(channel), data))
    }
}

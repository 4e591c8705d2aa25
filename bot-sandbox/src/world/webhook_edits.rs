//! One webhook read, changed and deleted, as Discord's webhook routes do it: by id with the
//! bot's token (MANAGE_WEBHOOKS in the webhook's channel), or by id and the webhook's token
//! (the token is the authority: no permission is checked, and the answer has no `user`). An
//! unknown id is 404 / 10015; a wrong token for a known one 401 / 50027. Each change emits
//! WEBHOOKS_UPDATE `{guild_id, channel_id}` (GUILD_WEBHOOKS) for the channels it touches.
//! A guild's webhooks are listed with MANAGE_WEBHOOKS in the guild.

use super::World;
use super::change::{Changed, Refusal};
use super::webhooks::{MANAGE_WEBHOOKS, WEBHOOK_LIMIT, WebhookRecord};
use serde_json::{Value, json};

/// What a Modify Webhook body changes; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WebhookChange {
    pub(crate) name: Option<String>,
    /// The avatar hash (`Some(None)` removes it).
    pub(crate) avatar: Option<Option<String>>,
    /// The channel to move it to (with the bot's token only).
    pub(crate) channel: Option<u64>,
}

/// 401 / 50027: a token that is not the webhook's.
fn invalid_token() -> Refusal {
    Refusal {
        status: 401,
        code: 50027,
        message: "Invalid Webhook Token".to_owned(),
    }
}

fn webhooks_update(guild: u64, channel: u64) -> Value {
    json!({"guild_id": guild.to_string(), "channel_id": channel.to_string()})
}

impl World {
    /// The webhook `id` as its credentials allow: with `token`, the webhook whose token it is
    /// (10015 for an unknown id, 50027 for another token); without, the bot's
    /// MANAGE_WEBHOOKS in its channel.
    pub(crate) fn authorized_webhook(
        &self,
        id: u64,
        token: Option<&str>,
    ) -> Result<&WebhookRecord, Refusal> {
        let webhook = self
            .webhooks
            .get(&id)
            .ok_or_else(|| Refusal::unknown(10015, "Webhook"))?;
        match token {
            Some(token) if webhook.token.as_deref() == Some(token) => Ok(webhook),
            Some(_) => Err(invalid_token()),
            None => {
                self.require(webhook.channel_id, MANAGE_WEBHOOKS)?;
                Ok(webhook)
            }
        }
    }

    /// `GET /webhooks/{id}[/{token}]`: the webhook; read by token, without `user`.
    pub(crate) fn get_webhook(&self, id: u64, token: Option<&str>) -> Result<Value, Refusal> {
        let webhook = self.authorized_webhook(id, token)?;
        let mut value = self.webhook_json(webhook);
        if token.is_some()
            && let Some(map) = value.as_object_mut()
        {
            map.remove("user");
        }
        Ok(value)
    }

    /// `GET /guilds/{guild}/webhooks`: every webhook of the guild (MANAGE_WEBHOOKS).
    pub(crate) fn guild_webhooks(&self, guild: u64) -> Result<Vec<Value>, Refusal> {
        self.require_guild(guild, MANAGE_WEBHOOKS)?;
        Ok(self
            .webhooks
            .values()
            .filter(|w| w.guild_id == guild)
            .map(|w| self.webhook_json(w))
            .collect())
    }

    /// `PATCH /webhooks/{id}[/{token}]`: changes the name or avatar, and with the bot's token
    /// the channel (one of the same guild that takes webhooks, MANAGE_WEBHOOKS there too, at
    /// most 15 webhooks). WEBHOOKS_UPDATE for its channel, and for the new one when it moved.
    pub(crate) fn modify_webhook(
        &mut self,
        id: u64,
        token: Option<&str>,
        change: WebhookChange,
    ) -> Result<Changed<Value>, Refusal> {
        let webhook = self.authorized_webhook(id, token)?.clone();
        let moved_to = match change.channel.filter(|c| *c != webhook.channel_id) {
            Some(target) if token.is_none() => {
                let guild = self.webhook_channel(target)?;
                if guild != webhook.guild_id {
                    return Err(Refusal::bad_request(
                        50035,
                        "Invalid Form Body (channel_id: The channel must be in the webhook's guild)",
                    ));
                }
                let count = self
                    .webhooks
                    .values()
                    .filter(|w| w.channel_id == target)
                    .count();
                if count >= WEBHOOK_LIMIT {
                    return Err(Refusal::bad_request(
                        30007,
                        "Maximum number of webhooks reached (15)",
                    ));
                }
                Some(target)
            }
            _ => None,
        };
        let record = self
            .webhooks
            .get_mut(&id)
            .ok_or_else(|| Refusal::unknown(10015, "Webhook"))?;
        if let Some(name) = change.name {
            record.name = name;
        }
        if let Some(avatar) = change.avatar {
            record.avatar = avatar;
        }
        if let Some(target) = moved_to {
            record.channel_id = target;
        }
        let record = record.clone();
        let mut value = self.webhook_json(&record);
        if token.is_some()
            && let Some(map) = value.as_object_mut()
        {
            map.remove("user");
        }
        let guild = record.guild_id;
        let mut changed = Changed::quiet(value).emit(
            "WEBHOOKS_UPDATE",
            Some(guild),
            Some(webhook.channel_id),
            webhooks_update(guild, webhook.channel_id),
        );
        if let Some(target) = moved_to {
            changed = changed.emit(
                "WEBHOOKS_UPDATE",
                Some(guild),
                Some(target),
                webhooks_update(guild, target),
            );
        }
        Ok(changed)
    }

    /// `DELETE /webhooks/{id}[/{token}]`: WEBHOOKS_UPDATE. The messages it sent stay.
    pub(crate) fn delete_webhook(
        &mut self,
        id: u64,
        token: Option<&str>,
    ) -> Result<Changed<()>, Refusal> {
        let webhook = self.authorized_webhook(id, token)?.clone();
        self.webhooks.remove(&id);
        let (guild, channel) = (webhook.guild_id, webhook.channel_id);
        Ok(Changed::quiet(()).emit(
            "WEBHOOKS_UPDATE",
            Some(guild),
            Some(channel),
            webhooks_update(guild, channel),
        ))
    }
}

//! Webhooks of guild channels: incoming webhooks the bot makes (type 1, with a token) and the
//! channel-follower webhooks following an announcement channel makes (type 2). Each change
//! emits WEBHOOKS_UPDATE `{guild_id, channel_id}` (GUILD_WEBHOOKS). Kept by id, so the webhook
//! routes (get, modify, delete, execute) can find one by id or by id and token.

use super::World;
use super::change::{Changed, Refusal};
use super::channels::is_thread;
use serde_json::{Value, json};

/// MANAGE_WEBHOOKS.
pub(crate) const MANAGE_WEBHOOKS: u64 = 1 << 29;

/// The most webhooks of one channel.
pub(super) const WEBHOOK_LIMIT: usize = 15;

/// A webhook of a guild channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WebhookRecord {
    pub(crate) id: u64,
    /// 1 incoming, 2 channel follower.
    pub(crate) kind: u8,
    pub(crate) guild_id: u64,
    pub(crate) channel_id: u64,
    pub(crate) name: String,
    /// The avatar hash, if set.
    pub(crate) avatar: Option<String>,
    /// The secret token of an incoming webhook.
    pub(crate) token: Option<String>,
    /// Who made it.
    pub(crate) creator: u64,
    /// The application that made it (the bot's, for one the bot made).
    pub(crate) application_id: Option<u64>,
    /// The announcement channel a follower webhook follows: its guild and channel.
    pub(crate) source: Option<(u64, u64)>,
}

/// 400 / 50035 for a name Discord refuses: 1–80 characters, without "clyde" or "discord".
pub(crate) fn check_webhook_name(name: Option<&str>) -> Result<String, Refusal> {
    let refuse =
        |why: &str| Refusal::bad_request(50035, &format!("Invalid Form Body (name: {why})"));
    let name = name.ok_or_else(|| refuse("This field is required"))?;
    if !(1..=80).contains(&name.chars().count()) {
        return Err(refuse("Must be between 1 and 80 in length."));
    }
    let lower = name.to_lowercase();
    if lower.contains("clyde") || lower.contains("discord") {
        return Err(refuse("Username cannot contain \"clyde\" or \"discord\""));
    }
    Ok(name.to_owned())
}

/// A webhook's token: 68 URL-safe characters derived from its id.
fn token_of(id: u64) -> String {
    let mut state = id ^ 0x9E37_79B9_7F4A_7C15;
    (0..68)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            alphabet[(state % 64) as usize] as char
        })
        .collect()
}

impl World {
    /// A webhook as REST returns it (the spec's `GuildIncomingWebhookResponse` or
    /// `ChannelFollowerWebhookResponse`).
    pub(crate) fn webhook_json(&self, webhook: &WebhookRecord) -> Value {
        let mut value = json!({
            "id": webhook.id.to_string(),
            "type": webhook.kind,
            "guild_id": webhook.guild_id.to_string(),
            "channel_id": webhook.channel_id.to_string(),
            "name": webhook.name,
            "avatar": webhook.avatar,
            "application_id": webhook.application_id.map(|a| a.to_string()),
        });
        if let Some(user) = self.public_user_json_by_id(webhook.creator) {
            value["user"] = user;
        }
        if let Some(token) = &webhook.token {
            value["token"] = json!(token);
        }
        if let Some((guild, channel)) = webhook.source {
            value["source_guild"] = json!({
                "id": guild.to_string(),
                "name": self.guilds.get(&guild).map_or("", |g| g.name.as_str()),
                "icon": null,
            });
            value["source_channel"] = json!({
                "id": channel.to_string(),
                "name": self.guild_channel(channel).map_or("", |(_, c)| c.name.as_str()),
            });
        }
        value
    }

    /// A channel that takes webhooks (a guild channel, not a thread or category) where the bot
    /// has MANAGE_WEBHOOKS: its guild.
    pub(super) fn webhook_channel(&self, channel: u64) -> Result<u64, Refusal> {
        if self.dm_recipient(channel).is_some() {
            return Err(Refusal::bad_request(
                50003,
                "Cannot execute action on a DM channel",
            ));
        }
        self.require(channel, MANAGE_WEBHOOKS)?;
        match self.guild_channel(channel) {
            Some((_, record)) if is_thread(record.kind) || record.kind == 4 => Err(
                Refusal::bad_request(50024, "Cannot execute action on this channel type"),
            ),
            Some((guild, _)) => Ok(guild),
            None => Err(Refusal::unknown(10003, "Channel")),
        }
    }

    /// Adds a webhook to `channel` (at most 15 a channel, else 30007): WEBHOOKS_UPDATE.
    pub(crate) fn add_webhook(
        &mut self,
        mut webhook: WebhookRecord,
    ) -> Result<Changed<WebhookRecord>, Refusal> {
        let guild = self.webhook_channel(webhook.channel_id)?;
        let channel = webhook.channel_id;
        if self
            .webhooks
            .values()
            .filter(|w| w.channel_id == channel)
            .count()
            >= WEBHOOK_LIMIT
        {
            return Err(Refusal::bad_request(
                30007,
                "Maximum number of webhooks reached (15)",
            ));
        }
        webhook.guild_id = guild;
        self.webhooks.insert(webhook.id, webhook.clone());
        let data = json!({"guild_id": guild.to_string(), "channel_id": channel.to_string()});
        Ok(Changed::quiet(webhook).emit("WEBHOOKS_UPDATE", Some(guild), Some(channel), data))
    }

    /// The bot makes an incoming webhook named `name` in `channel` (MANAGE_WEBHOOKS).
    pub(crate) fn create_webhook(
        &mut self,
        channel: u64,
        name: String,
        avatar: Option<String>,
    ) -> Result<Changed<Value>, Refusal> {
        let id = self.ids.next();
        let webhook = WebhookRecord {
            id,
            kind: 1,
            guild_id: 0,
            channel_id: channel,
            name,
            avatar,
            token: Some(token_of(id)),
            creator: self.bot_id,
            application_id: Some(self.application_id),
            source: None,
        };
        let changed = self.add_webhook(webhook)?;
        let value = self.webhook_json(&changed.value);
        Ok(changed.map(|_| value))
    }

    /// The webhooks of `channel`, oldest first (MANAGE_WEBHOOKS).
    pub(crate) fn channel_webhooks(&self, channel: u64) -> Result<Vec<Value>, Refusal> {
        self.webhook_channel(channel)?;
        Ok(self
            .webhooks
            .values()
            .filter(|w| w.channel_id == channel)
            .map(|w| self.webhook_json(w))
            .collect())
    }

    /// Follows the announcement channel `source` (type 5) into `target` (MANAGE_WEBHOOKS
    /// there): a channel-follower webhook in `target`; `{channel_id, webhook_id}`.
    pub(crate) fn follow_channel(
        &mut self,
        source: u64,
        target: u64,
    ) -> Result<Changed<Value>, Refusal> {
        self.require(source, 0)?;
        let (source_guild, kind, source_name) = match self.guild_channel(source) {
            Some((guild, record)) => (guild, record.kind, record.name.clone()),
            None => {
                return Err(Refusal::bad_request(
                    50024,
                    "Cannot execute action on this channel type",
                ));
            }
        };
        if kind != 5 {
            return Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        let guild_name = self
            .guilds
            .get(&source_guild)
            .map_or(String::new(), |g| g.name.clone());
        let webhook = WebhookRecord {
            id: self.ids.next(),
            kind: 2,
            guild_id: 0,
            channel_id: target,
            name: format!("{guild_name} #{source_name}"),
            avatar: None,
            token: None,
            creator: self.bot_id,
            application_id: None,
            source: Some((source_guild, source)),
        };
        let changed = self.add_webhook(webhook)?;
        let value = json!({
            "channel_id": source.to_string(),
            "webhook_id": changed.value.id.to_string(),
        });
        Ok(changed.map(|_| value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert!(check_webhook_name(Some("Deploys")).is_ok());
        assert!(check_webhook_name(Some("my Clyde")).is_err());
        assert!(check_webhook_name(Some("")).is_err());
        assert!(check_webhook_name(None).is_err());
        assert_eq!(token_of(7).len(), 68);
    }
}

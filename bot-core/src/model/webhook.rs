//! Webhooks (developers/resources/webhook.mdx; spec `GuildIncomingWebhookResponse`,
//! `ChannelFollowerWebhookResponse`, `ApplicationIncomingWebhookResponse`).

use super::enums::int_enum;
use super::{ApplicationMarker, ChannelMarker, GuildMarker, Id, User, WebhookMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// What kind of webhook (spec `WebhookTypes`).
    pub enum WebhookType: u8 {
        /// Posts messages with its token.
        Incoming = 1,
        /// Posts a followed announcement channel's messages.
        ChannelFollower = 2,
        /// An interaction's webhook.
        Application = 3,
    }
}

/// A webhook. `Debug` never shows the token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Webhook {
    /// The webhook's id.
    pub id: Id<WebhookMarker>,
    /// Its kind.
    #[serde(rename = "type")]
    pub kind: WebhookType,
    /// The guild.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The channel it posts to.
    #[serde(default)]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// Who made it.
    #[serde(default)]
    pub user: Option<Box<User>>,
    /// Its default name.
    #[serde(default)]
    pub name: Option<Box<str>>,
    /// Its default avatar hash.
    #[serde(default)]
    pub avatar: Option<Box<str>>,
    /// Its secure token (incoming webhooks).
    #[serde(default)]
    pub token: Option<Box<str>>,
    /// The application that made it.
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// The followed channel's guild (channel followers).
    #[serde(default)]
    pub source_guild: Option<Box<WebhookGuild>>,
    /// The followed channel (channel followers).
    #[serde(default)]
    pub source_channel: Option<Box<WebhookChannel>>,
    /// Its url, with the token (OAuth2 `webhook.incoming`).
    #[serde(default)]
    pub url: Option<Box<str>>,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("guild_id", &self.guild_id)
            .field("channel_id", &self.channel_id)
            .field("name", &self.name)
            .field("token", &self.token.as_ref().map(|_| "<secret>"))
            .field("application_id", &self.application_id)
            .field("source_guild", &self.source_guild)
            .field("source_channel", &self.source_channel)
            .finish_non_exhaustive()
    }
}

/// The guild of a followed channel (spec `WebhookSourceGuildResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookGuild {
    /// The guild's id.
    pub id: Id<GuildMarker>,
    /// Its name.
    #[serde(default)]
    pub name: Box<str>,
    /// Its icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
}

/// A followed channel (spec `WebhookSourceChannelResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookChannel {
    /// The channel's id.
    pub id: Id<ChannelMarker>,
    /// Its name.
    #[serde(default)]
    pub name: Box<str>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documented_webhooks_decode() {
        let incoming: Webhook = serde_json::from_value(json!({
            "name": "test webhook", "type": 1, "channel_id": "199737254929760256",
            "token": "3d89bb7572e0fb30d8128367b3b1b44fecd1726de135cbe28a41f8b2f777c372ba2939e72279b94526ff5d1bd4358d65cf11",
            "avatar": null, "guild_id": "199737254929760256", "id": "223704706495545344",
            "application_id": null,
            "user": {"username": "test", "discriminator": "7479", "id": "190320984123768832",
                     "avatar": "b004ec1740a63ca06ae2e14c5cee11f3", "public_flags": 131328}
        }))
        .unwrap();
        assert_eq!(incoming.kind, WebhookType::Incoming);
        assert!(!format!("{incoming:?}").contains("3d89bb"));
        let follower: Webhook = serde_json::from_value(json!({
            "type": 2, "id": "752831914402115456", "name": "Guildy name",
            "avatar": "bb71f469c158984e265093a81b3397fb", "channel_id": "561885260615255432",
            "guild_id": "56188498421443265", "application_id": null,
            "source_guild": {"id": "56188498421476534", "name": "Guildy name",
                             "icon": "bb71f469c158984e265093a81b3397fb"},
            "source_channel": {"id": "5618852344134324", "name": "announcements"},
            "user": {"username": "test", "discriminator": "7479", "id": "190320984123768832",
                     "avatar": "b004ec1740a63ca06ae2e14c5cee11f3", "public_flags": 131328}
        }))
        .unwrap();
        assert_eq!(&*follower.source_channel.unwrap().name, "announcements");
    }
}

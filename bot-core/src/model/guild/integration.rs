//! Bans and integrations (developers/resources/guild.mdx; spec `GuildBanResponse`,
//! `DiscordIntegrationResponse`, `ExternalConnectionIntegrationResponse`,
//! `GuildSubscriptionIntegrationResponse` and their partial forms).

use crate::model::enums::{int_enum, str_enum};
use crate::model::{
    ApplicationMarker, GuildMarker, Id, IntegrationMarker, OAuth2Scope, RoleMarker, Timestamp, User,
};
use serde::{Deserialize, Serialize};

/// A ban: the user and why (`GET /guilds/{id}/bans`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ban {
    /// Why.
    #[serde(default)]
    pub reason: Option<Box<str>>,
    /// Who.
    pub user: User,
}

str_enum! {
    /// What kind of integration (spec `IntegrationTypes`).
    pub enum IntegrationType {
        /// A Twitch subscription.
        Twitch = "twitch",
        /// A YouTube membership.
        Youtube = "youtube",
        /// A Discord application (a bot).
        Discord = "discord",
        /// Guild subscriptions.
        GuildSubscription = "guild_subscription",
    }
}

int_enum! {
    /// What happens when a subscriber's subscription lapses (spec
    /// `IntegrationExpireBehaviorTypes`).
    pub enum IntegrationExpireBehavior: u8 {
        /// The role is removed.
        RemoveRole = 0,
        /// The member is kicked.
        Kick = 1,
    }
}

/// A guild integration: a bot, or a Twitch, YouTube or subscription link. Audit logs send a
/// partial one (id, name, type, account, application_id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Integration {
    /// The integration's id.
    pub id: Id<IntegrationMarker>,
    /// Its name.
    #[serde(default)]
    pub name: Option<Box<str>>,
    /// Its kind.
    #[serde(rename = "type")]
    pub kind: IntegrationType,
    /// Whether it is on.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Whether it is syncing (not for bots).
    #[serde(default)]
    pub syncing: Option<bool>,
    /// The role given to subscribers (not for bots).
    #[serde(default)]
    pub role_id: Option<Id<RoleMarker>>,
    /// Whether emoticons are synced (Twitch only).
    #[serde(default)]
    pub enable_emoticons: Option<bool>,
    /// What happens when a subscription lapses (not for bots).
    #[serde(default)]
    pub expire_behavior: Option<IntegrationExpireBehavior>,
    /// Days of grace before that (not for bots).
    #[serde(default)]
    pub expire_grace_period: Option<u32>,
    /// Who added it.
    #[serde(default)]
    pub user: Option<User>,
    /// The linked account.
    #[serde(default)]
    pub account: Option<IntegrationAccount>,
    /// When it last synced (not for bots).
    #[serde(default)]
    pub synced_at: Option<Timestamp>,
    /// How many subscribers (not for bots).
    #[serde(default)]
    pub subscriber_count: Option<u32>,
    /// Whether it was revoked (not for bots).
    #[serde(default)]
    pub revoked: Option<bool>,
    /// The bot's application (for bots).
    #[serde(default)]
    pub application: Option<Box<IntegrationApplication>>,
    /// The scopes the application was granted.
    #[serde(default)]
    pub scopes: Vec<OAuth2Scope>,
    /// The application's id (partial integrations of audit logs).
    #[serde(default)]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// The guild (`INTEGRATION_CREATE` and `INTEGRATION_UPDATE`).
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
}

/// The account an integration links (its id is the provider's, not a snowflake).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IntegrationAccount {
    /// The account's id.
    pub id: Box<str>,
    /// The account's name.
    #[serde(default)]
    pub name: Option<Box<str>>,
}

/// The application of a bot integration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IntegrationApplication {
    /// The application's id.
    pub id: Id<ApplicationMarker>,
    /// Its name.
    pub name: Box<str>,
    /// Its icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// Its description.
    #[serde(default)]
    pub description: Box<str>,
    /// Its bot.
    #[serde(default)]
    pub bot: Option<User>,
}

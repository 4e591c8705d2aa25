//! Application info (developers/resources/application.mdx; spec `ApplicationResponse`,
//! `PrivateApplicationResponse`).

use super::enums::int_enum;
use super::{
    ApplicationFlags, ApplicationMarker, GuildMarker, Id, OAuth2Scope, Permissions, SkuMarker,
    Team, User,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

int_enum! {
    /// Where an application can be installed (spec `ApplicationIntegrationType`).
    pub enum ApplicationIntegrationType: u8 {
        /// In a guild.
        GuildInstall = 0,
        /// For a user.
        UserInstall = 1,
    }
}

int_enum! {
    /// Whether the application's event webhooks are on (spec
    /// `ApplicationEventWebhooksStatus`).
    pub enum EventWebhooksStatus: u8 {
        /// Off.
        Disabled = 1,
        /// On.
        Enabled = 2,
        /// Turned off by Discord for failures.
        DisabledByDiscord = 3,
    }
}

/// An application (`GET /applications/@me`, `READY`'s `application` in part).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Application {
    /// The application's id.
    pub id: Id<ApplicationMarker>,
    /// Its name.
    #[serde(default)]
    pub name: Box<str>,
    /// Its icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// Its description.
    #[serde(default)]
    pub description: Box<str>,
    /// RPC origin urls.
    #[serde(default)]
    pub rpc_origins: Vec<Box<str>>,
    /// Whether anyone can add the bot.
    #[serde(default)]
    pub bot_public: bool,
    /// Whether adding the bot needs the OAuth2 code grant.
    #[serde(default)]
    pub bot_require_code_grant: bool,
    /// The bot user.
    #[serde(default)]
    pub bot: Option<Box<User>>,
    /// The terms of service.
    #[serde(default)]
    pub terms_of_service_url: Option<Box<str>>,
    /// The privacy policy.
    #[serde(default)]
    pub privacy_policy_url: Option<Box<str>>,
    /// The owner (for a team's application, the team's pseudo-user).
    #[serde(default)]
    pub owner: Option<Box<User>>,
    /// The key to verify interactions and the GameSDK with.
    #[serde(default)]
    pub verify_key: Box<str>,
    /// The team that owns it.
    #[serde(default)]
    pub team: Option<Box<Team>>,
    /// The guild it is linked to.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The game SKU, for games sold on Discord.
    #[serde(default)]
    pub primary_sku_id: Option<Id<SkuMarker>>,
    /// The store page's slug, for games sold on Discord.
    #[serde(default)]
    pub slug: Option<Box<str>>,
    /// The rich-presence invite image's hash.
    #[serde(default)]
    pub cover_image: Option<Box<str>>,
    /// The public flags.
    #[serde(default)]
    pub flags: Option<ApplicationFlags>,
    /// About how many guilds it is in.
    #[serde(default)]
    pub approximate_guild_count: Option<u32>,
    /// About how many users installed it.
    #[serde(default)]
    pub approximate_user_install_count: Option<u32>,
    /// About how many users authorized it.
    #[serde(default)]
    pub approximate_user_authorization_count: Option<u32>,
    /// The OAuth2 redirect urls.
    #[serde(default)]
    pub redirect_uris: Vec<Box<str>>,
    /// The url interactions are sent to, instead of the gateway.
    #[serde(default)]
    pub interactions_endpoint_url: Option<Box<str>>,
    /// The url that verifies linked roles.
    #[serde(default)]
    pub role_connections_verification_url: Option<Box<str>>,
    /// The url event webhooks are sent to.
    #[serde(default)]
    pub event_webhooks_url: Option<Box<str>>,
    /// Whether event webhooks are on.
    #[serde(default)]
    pub event_webhooks_status: Option<EventWebhooksStatus>,
    /// The webhook events subscribed to.
    #[serde(default)]
    pub event_webhooks_types: Vec<Box<str>>,
    /// Up to five tags describing it.
    #[serde(default)]
    pub tags: Vec<Box<str>>,
    /// The default in-app authorization link's settings.
    #[serde(default)]
    pub install_params: Option<InstallParams>,
    /// The default install settings per installation context.
    #[serde(default)]
    pub integration_types_config: HashMap<ApplicationIntegrationType, IntegrationTypeConfig>,
    /// The custom authorization url.
    #[serde(default)]
    pub custom_install_url: Option<Box<str>>,
}

/// The scopes and permissions an install grants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InstallParams {
    /// The scopes.
    #[serde(default)]
    pub scopes: Vec<OAuth2Scope>,
    /// The bot's permissions.
    #[serde(default)]
    pub permissions: Permissions,
}

impl InstallParams {
    /// Install parameters from scopes and permissions.
    pub fn new(scopes: impl IntoIterator<Item = OAuth2Scope>, permissions: Permissions) -> Self {
        InstallParams {
            scopes: scopes.into_iter().collect(),
            permissions,
        }
    }
}

/// The default install settings of one installation context.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IntegrationTypeConfig {
    /// The install parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth2_install_params: Option<InstallParams>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MembershipState, TeamMemberRole};

    #[test]
    fn documented_application_decodes() {
        // developers/resources/application.mdx, "Example Application Object" (team member's
        // `role` added, as Discord sends it now).
        let app: Application = serde_json::from_value(serde_json::json!({
            "bot_public": true,
            "bot_require_code_grant": false,
            "cover_image": "31deabb7e45b6c8ecfef77d2f99c81a5",
            "description": "Test",
            "flags": 8192,
            "flags_new": "8192",
            "guild_id": "290926798626357260",
            "icon": null,
            "id": "172150183260323840",
            "integration_types_config": {
                "0": {"oauth2_install_params": {
                    "scopes": ["applications.commands", "bot"], "permissions": "2048"
                }},
                "1": {"oauth2_install_params": {
                    "scopes": ["applications.commands"], "permissions": "0"
                }}
            },
            "name": "Baba O-Riley",
            "interactions_endpoint_url": null,
            "role_connections_verification_url": null,
            "event_webhooks_url": null,
            "event_webhooks_status": 1,
            "owner": {
                "avatar": null, "discriminator": "1738", "flags": 1024,
                "id": "172150183260323840", "username": "i own a bot"
            },
            "primary_sku_id": "172150183260323840",
            "slug": "test",
            "team": {
                "name": "A team",
                "icon": "dd9b7dcfdf5351b9c3de0fe167bacbe1",
                "id": "531992624043786253",
                "owner_user_id": "511972282709709995",
                "members": [{
                    "membership_state": 2,
                    "permissions": ["*"],
                    "role": "admin",
                    "team_id": "531992624043786253",
                    "user": {
                        "avatar": "d9e261cd35999608eb7e3de1fae3688b", "discriminator": "0001",
                        "id": "511972282709709995", "username": "Mr Owner"
                    }
                }]
            },
            "verify_key": "1e0a356058d627ca38a5c8c9648818061d49e49bd9da9e3ab17d98ad4d6bg2u8"
        }))
        .unwrap();
        let guild = &app.integration_types_config[&ApplicationIntegrationType::GuildInstall];
        let params = guild.oauth2_install_params.as_ref().unwrap();
        assert_eq!(
            params.scopes,
            [OAuth2Scope::ApplicationsCommands, OAuth2Scope::Bot]
        );
        assert_eq!(params.permissions, Permissions::SEND_MESSAGES);
        let team = app.team.as_deref().unwrap();
        assert_eq!(team.members[0].membership_state, MembershipState::Accepted);
        assert_eq!(team.members[0].role, Some(TeamMemberRole::Admin));
        assert_eq!(
            app.event_webhooks_status,
            Some(EventWebhooksStatus::Disabled)
        );
        // The map's keys encode back as strings.
        let back = serde_json::to_value(&app).unwrap();
        assert!(back["integration_types_config"]["1"].is_object());
        assert_eq!(serde_json::from_value::<Application>(back).unwrap(), app);
    }

    #[test]
    fn ready_application_decodes() {
        // READY's `application` is partial: id and flags.
        let app: Application =
            serde_json::from_value(serde_json::json!({"id": "1", "flags": 0})).unwrap();
        assert_eq!(app.flags, Some(ApplicationFlags::empty()));
        let scope: OAuth2Scope =
            serde_json::from_value(serde_json::json!("lobbies.write")).unwrap();
        assert_eq!(scope.as_str(), "lobbies.write");
    }
}

//! Changes to the application (Edit Current Application), with Discord's limits checked before
//! sending: a description of at most 400 characters, at most 5 distinct tags of at most 20
//! characters, urls of at most 2048 characters that parse as http(s) urls, and only the
//! limited gateway intent flags.

use super::problem::{self, RequestProblem};
use crate::model::{
    ApplicationFlags, ApplicationIntegrationType, EventWebhooksStatus, InstallParams,
    IntegrationTypeConfig, OAuth2Scope,
};
use serde::Serialize;
use std::collections::HashMap;

/// The most characters of an application's description.
pub const APPLICATION_DESCRIPTION_LENGTH: usize = 400;
/// The most tags of an application.
pub const MAX_APPLICATION_TAGS: usize = 5;
/// The most characters of one tag.
pub const APPLICATION_TAG_LENGTH: usize = 20;
/// The most characters of an application's urls.
const URL_LENGTH: usize = 2048;

/// The flags an app may set or clear itself: the limited gateway intents (the others are
/// Discord's to set).
pub fn editable_application_flags() -> ApplicationFlags {
    ApplicationFlags::GATEWAY_PRESENCE_LIMITED
        | ApplicationFlags::GATEWAY_GUILD_MEMBERS_LIMITED
        | ApplicationFlags::GATEWAY_MESSAGE_CONTENT_LIMITED
}

/// Changes to the bot's application (`PATCH /applications/@me`); fields left unset are kept.
///
/// ```
/// use bot_core::model::EditApplication;
/// let edit = EditApplication::new()
///     .description("Plays music")
///     .interactions_endpoint_url("https://bot.example/interactions")
///     .tags(["music", "fun"]);
/// assert!(edit.check().is_ok());
/// assert!(EditApplication::new().tags(["a"; 6]).check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditApplication {
    /// The description (at most 400 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The icon as a data URI (`Some(None)` removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<Option<String>>,
    /// The rich-presence invite cover image as a data URI (`Some(None)` removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover_image: Option<Option<String>>,
    /// The flags: only the limited gateway intents may be changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flags: Option<ApplicationFlags>,
    /// Where Discord sends interactions over HTTP instead of the gateway (`Some(None)`
    /// removes it: interactions come over the gateway again).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interactions_endpoint_url: Option<Option<String>>,
    /// The url that verifies linked roles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_connections_verification_url: Option<String>,
    /// The custom authorization url.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_install_url: Option<String>,
    /// The in-app authorization link's settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub install_params: Option<InstallParams>,
    /// The default install settings per installation context.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_types_config:
        Option<HashMap<ApplicationIntegrationType, IntegrationTypeConfig>>,
    /// Up to five tags (at most 20 characters each).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// The url event webhooks are sent to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_webhooks_url: Option<String>,
    /// Whether event webhooks are on ([`Enabled`](EventWebhooksStatus::Enabled) or
    /// [`Disabled`](EventWebhooksStatus::Disabled)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_webhooks_status: Option<EventWebhooksStatus>,
    /// The webhook events to subscribe to (`ENTITLEMENT_CREATE`, `APPLICATION_AUTHORIZED`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_webhooks_types: Option<Vec<String>>,
}

impl EditApplication {
    /// Changes nothing yet.
    pub fn new() -> Self {
        EditApplication::default()
    }

    /// The description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// The icon as a data URI, or `None` to remove it.
    pub fn icon(mut self, data_uri: Option<String>) -> Self {
        self.icon = Some(data_uri);
        self
    }

    /// The cover image as a data URI, or `None` to remove it.
    pub fn cover_image(mut self, data_uri: Option<String>) -> Self {
        self.cover_image = Some(data_uri);
        self
    }

    /// The flags (only the limited gateway intents may be changed).
    pub fn flags(mut self, flags: ApplicationFlags) -> Self {
        self.flags = Some(flags);
        self
    }

    /// The interactions endpoint url: Discord sends interactions there over HTTP.
    pub fn interactions_endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.interactions_endpoint_url = Some(Some(url.into()));
        self
    }

    /// Removes the interactions endpoint url: interactions come over the gateway again.
    pub fn remove_interactions_endpoint_url(mut self) -> Self {
        self.interactions_endpoint_url = Some(None);
        self
    }

    /// The linked roles' verification url.
    pub fn role_connections_verification_url(mut self, url: impl Into<String>) -> Self {
        self.role_connections_verification_url = Some(url.into());
        self
    }

    /// The custom authorization url.
    pub fn custom_install_url(mut self, url: impl Into<String>) -> Self {
        self.custom_install_url = Some(url.into());
        self
    }

    /// The in-app authorization link's scopes and permissions.
    pub fn install_params(mut self, params: InstallParams) -> Self {
        self.install_params = Some(params);
        self
    }

    /// The default install settings of one installation context.
    pub fn integration_type_config(
        mut self,
        kind: ApplicationIntegrationType,
        config: IntegrationTypeConfig,
    ) -> Self {
        self.integration_types_config
            .get_or_insert_with(HashMap::new)
            .insert(kind, config);
        self
    }

    /// The tags.
    pub fn tags<T: Into<String>>(mut self, tags: impl IntoIterator<Item = T>) -> Self {
        self.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// The event webhooks' url, status and event types.
    pub fn event_webhooks(
        mut self,
        url: impl Into<String>,
        status: EventWebhooksStatus,
        types: impl IntoIterator<Item = &'static str>,
    ) -> Self {
        self.event_webhooks_url = Some(url.into());
        self.event_webhooks_status = Some(status);
        self.event_webhooks_types = Some(types.into_iter().map(str::to_owned).collect());
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(description) = &self.description {
            problem::length(
                "description",
                description,
                0,
                APPLICATION_DESCRIPTION_LENGTH,
            )?;
        }
        if let Some(tags) = &self.tags {
            problem::count("tags", tags.len(), 0, MAX_APPLICATION_TAGS)?;
            for (i, tag) in tags.iter().enumerate() {
                problem::length("tags", tag, 1, APPLICATION_TAG_LENGTH)?;
                if tags[..i].contains(tag) {
                    return Err(RequestProblem::NotAllowed {
                        field: "tags",
                        why: "each tag may appear once",
                    });
                }
            }
        }
        if let Some(flags) = self.flags
            && !editable_application_flags().contains(flags)
        {
            return Err(RequestProblem::NotAllowed {
                field: "flags",
                why: "only the limited gateway intent flags can be changed",
            });
        }
        let endpoint = self.interactions_endpoint_url.clone().flatten();
        for (field, url) in [
            ("interactions_endpoint_url", &endpoint),
            (
                "role_connections_verification_url",
                &self.role_connections_verification_url,
            ),
            ("custom_install_url", &self.custom_install_url),
            ("event_webhooks_url", &self.event_webhooks_url),
        ] {
            if let Some(url) = url {
                check_url(field, url)?;
            }
        }
        if let Some(params) = &self.install_params {
            check_install_params(params)?;
        }
        for config in self
            .integration_types_config
            .iter()
            .flat_map(HashMap::values)
        {
            if let Some(params) = &config.oauth2_install_params {
                check_install_params(params)?;
            }
        }
        if self.event_webhooks_status == Some(EventWebhooksStatus::DisabledByDiscord) {
            return Err(RequestProblem::NotAllowed {
                field: "event_webhooks_status",
                why: "only Discord turns event webhooks off for failures",
            });
        }
        Ok(())
    }
}

/// Install parameters: at least one scope, only `bot` and `applications.commands`, each once;
/// permissions only with `bot`.
fn check_install_params(params: &InstallParams) -> Result<(), RequestProblem> {
    let not_allowed = |why| RequestProblem::NotAllowed {
        field: "install_params",
        why,
    };
    if params.scopes.is_empty() {
        return Err(not_allowed("install parameters need at least one scope"));
    }
    for (i, scope) in params.scopes.iter().enumerate() {
        if !matches!(scope, OAuth2Scope::Bot | OAuth2Scope::ApplicationsCommands) {
            return Err(not_allowed(
                "only the bot and applications.commands scopes can be installed",
            ));
        }
        if params.scopes[..i].contains(scope) {
            return Err(not_allowed("each scope may appear once"));
        }
    }
    if !params.permissions.is_empty() && !params.scopes.contains(&OAuth2Scope::Bot) {
        return Err(not_allowed(
            "permissions are granted with the bot scope only",
        ));
    }
    Ok(())
}

/// An http(s) url of at most 2048 characters; `""` clears the field.
fn check_url(field: &'static str, text: &str) -> Result<(), RequestProblem> {
    if text.is_empty() {
        return Ok(());
    }
    problem::length(field, text, 1, URL_LENGTH)?;
    match url::Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => Ok(()),
        _ => Err(RequestProblem::NotAllowed {
            field,
            why: "not an http(s) url",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Permissions;

    #[test]
    fn limits_are_checked_and_the_body_has_only_what_was_set() {
        let edit = EditApplication::new()
            .description("d")
            .flags(ApplicationFlags::GATEWAY_MESSAGE_CONTENT_LIMITED)
            .install_params(InstallParams::new(
                [OAuth2Scope::Bot],
                Permissions::SEND_MESSAGES,
            ))
            .icon(None);
        assert!(edit.check().is_ok());
        assert_eq!(
            serde_json::to_value(&edit).unwrap(),
            serde_json::json!({"description": "d", "flags": 1 << 19, "icon": null,
                               "install_params": {"scopes": ["bot"], "permissions": "2048"}})
        );
        let too_long = EditApplication::new().description("x".repeat(401));
        assert!(matches!(
            too_long.check(),
            Err(RequestProblem::Length {
                field: "description",
                ..
            })
        ));
        let long_tag = EditApplication::new().tags(["x".repeat(21)]);
        assert!(long_tag.check().is_err());
        let flag = EditApplication::new().flags(ApplicationFlags::GATEWAY_PRESENCE);
        assert!(matches!(
            flag.check(),
            Err(RequestProblem::NotAllowed { field: "flags", .. })
        ));
        let url = EditApplication::new().interactions_endpoint_url("not a url");
        assert!(url.check().is_err());
        assert!(
            EditApplication::new()
                .interactions_endpoint_url("")
                .check()
                .is_ok()
        );
        let no_scope =
            EditApplication::new().install_params(InstallParams::new([], Permissions::empty()));
        assert!(no_scope.check().is_err());
    }
}

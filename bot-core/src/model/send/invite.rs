//! New channel invites and webhooks, and changes to the bot user, with Discord's limits checked
//! before sending.

use super::problem::{self, RequestProblem};
use crate::model::{ApplicationMarker, Id, InviteTargetType, UserMarker};
use serde::Serialize;

/// An invite to a channel (Create Channel Invite).
///
/// ```
/// use bot_core::model::CreateInvite;
/// let invite = CreateInvite::new().max_age(3600).max_uses(5).unique(true);
/// invite.check().unwrap();
/// assert!(CreateInvite::new().max_uses(101).check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateInvite {
    /// Seconds before it expires (0: never; at most 604800, a week). Discord's default: a day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u32>,
    /// How many uses (0: unlimited; at most 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
    /// Whether members it lets in are kicked when they leave without a role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub temporary: Option<bool>,
    /// Whether a new invite is made even if a similar one exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique: Option<bool>,
    /// A voice channel's stream or embedded application.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_type: Option<InviteTargetType>,
    /// The user whose stream it opens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_user_id: Option<Id<UserMarker>>,
    /// The embedded application it opens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_application_id: Option<Id<ApplicationMarker>>,
}

impl CreateInvite {
    /// Discord's defaults.
    pub fn new() -> Self {
        CreateInvite::default()
    }

    /// Seconds before it expires (0: never).
    pub fn max_age(mut self, seconds: u32) -> Self {
        self.max_age = Some(seconds);
        self
    }

    /// How many uses (0: unlimited).
    pub fn max_uses(mut self, uses: u32) -> Self {
        self.max_uses = Some(uses);
        self
    }

    /// Kicks the members it lets in when they leave without a role.
    pub fn temporary(mut self, temporary: bool) -> Self {
        self.temporary = Some(temporary);
        self
    }

    /// Makes a new invite even if a similar one exists.
    pub fn unique(mut self, unique: bool) -> Self {
        self.unique = Some(unique);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(age) = self.max_age {
            problem::range("max_age", age.into(), 0, 604_800)?;
        }
        if let Some(uses) = self.max_uses {
            problem::range("max_uses", uses.into(), 0, 100)?;
        }
        Ok(())
    }
}

/// A webhook of a channel (Create Webhook).
///
/// ```
/// use bot_core::model::CreateWebhook;
/// CreateWebhook::new("Deploys").check().unwrap();
/// assert!(CreateWebhook::new("my clyde").check().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateWebhook {
    /// The name (1–80 characters, without "clyde" or "discord").
    pub name: String,
    /// The avatar, as a data URI (`data:image/png;base64,...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

impl CreateWebhook {
    /// A webhook named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateWebhook {
            name: name.into(),
            avatar: None,
        }
    }

    /// The avatar, as a data URI.
    pub fn avatar(mut self, data_uri: impl Into<String>) -> Self {
        self.avatar = Some(data_uri.into());
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        problem::length("name", &self.name, 1, 80)?;
        if !super::webhook::is_webhook_name_allowed(&self.name) {
            return Err(RequestProblem::NotAllowed {
                field: "name",
                why: "a webhook's name may not contain \"clyde\" or \"discord\"",
            });
        }
        Ok(())
    }
}

/// Changes to the bot user (Modify Current User); what is left unset stays as it is.
///
/// ```
/// use bot_core::model::EditCurrentUser;
/// EditCurrentUser::new().username("helper").check().unwrap();
/// assert!(EditCurrentUser::new().username("x").check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditCurrentUser {
    /// The username (2–32 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The avatar as a data URI (`Some(None)` removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<Option<String>>,
    /// The banner as a data URI (`Some(None)` removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banner: Option<Option<String>>,
}

impl EditCurrentUser {
    /// Changes nothing yet.
    pub fn new() -> Self {
        EditCurrentUser::default()
    }

    /// The username.
    pub fn username(mut self, name: impl Into<String>) -> Self {
        self.username = Some(name.into());
        self
    }

    /// The avatar as a data URI, or `None` to remove it.
    pub fn avatar(mut self, data_uri: Option<String>) -> Self {
        self.avatar = Some(data_uri);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(name) = &self.username {
            problem::length("username", name, 2, 32)?;
        }
        Ok(())
    }
}

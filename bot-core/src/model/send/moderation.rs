//! The bodies of the guild's moderation extras (developers/resources/guild.mdx): a prune of
//! inactive members, a user added with their OAuth2 access token, and a voice state changed in
//! a stage channel; each checked against Discord's limits before sending.

use super::problem::{self, RequestProblem};
use crate::model::{ChannelMarker, Id, RoleMarker, Timestamp};
use serde::{Serialize, Serializer};
use std::fmt;

/// The fewest and most days of inactivity a prune counts.
pub const PRUNE_DAYS: std::ops::RangeInclusive<u8> = 1..=30;
/// The most roles a prune may include.
pub const MAX_PRUNE_ROLES: usize = 100;

/// Checks a prune's days (1–30) and included roles (at most 100, each once).
pub(crate) fn check_prune(
    days: u8,
    include_roles: &[Id<RoleMarker>],
) -> Result<(), RequestProblem> {
    problem::range(
        "days",
        days.into(),
        (*PRUNE_DAYS.start()).into(),
        (*PRUNE_DAYS.end()).into(),
    )?;
    problem::count("include_roles", include_roles.len(), 0, MAX_PRUNE_ROLES)?;
    let mut seen = std::collections::HashSet::new();
    match include_roles.iter().find(|role| !seen.insert(**role)) {
        Some(twice) => Err(RequestProblem::Duplicate {
            field: "include_roles",
            id: twice.get(),
        }),
        None => Ok(()),
    }
}

/// A prune of the members inactive for `days` (Begin Guild Prune). By default it removes only
/// members with no role; `include_roles` lets members whose roles are all among them go too.
///
/// ```
/// use bot_core::model::{BeginPrune, Id};
/// let prune = BeginPrune::new(14).include_roles([Id::new(41771983423143936)]).count(false);
/// prune.check().unwrap();
/// assert!(BeginPrune::new(31).check().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct BeginPrune {
    /// Days of inactivity (1–30).
    pub days: u8,
    /// Whether the answer counts the members removed (Discord advises `false` for large
    /// guilds: the answer's `pruned` is then `null`).
    pub compute_prune_count: bool,
    /// Roles whose members may be pruned as well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub include_roles: Vec<Id<RoleMarker>>,
}

impl BeginPrune {
    /// A prune of the members inactive for `days`, counted.
    pub fn new(days: u8) -> Self {
        BeginPrune {
            days,
            compute_prune_count: true,
            include_roles: Vec::new(),
        }
    }

    /// Members whose roles are all among `roles` may be pruned too.
    pub fn include_roles(mut self, roles: impl IntoIterator<Item = Id<RoleMarker>>) -> Self {
        self.include_roles = roles.into_iter().collect();
        self
    }

    /// Whether the answer counts the members removed.
    pub fn count(mut self, count: bool) -> Self {
        self.compute_prune_count = count;
        self
    }

    /// Checks Discord's limits: 1–30 days, at most 100 roles, each once.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_prune(self.days, &self.include_roles)
    }
}

/// A user's OAuth2 access token: a secret, never shown by `Debug` or `Display`.
///
/// ```
/// use bot_core::model::AccessToken;
/// let token = AccessToken::new("6qrZcUqja7812RVdnEKjpzOL4CvHBFG");
/// assert_eq!(format!("{token:?}"), "AccessToken([redacted])");
/// assert_eq!(token.expose(), "6qrZcUqja7812RVdnEKjpzOL4CvHBFG");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl AccessToken {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        AccessToken(token.into())
    }

    /// The token itself, for the request body only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken([redacted])")
    }
}

impl fmt::Display for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl Serialize for AccessToken {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// A user added to a guild with their OAuth2 access token (scope `guilds.join`, granted to the
/// bot's application), and what the member starts with (Add Guild Member). The bot needs
/// CREATE_INSTANT_INVITE, and MANAGE_NICKNAMES, MANAGE_ROLES, MUTE_MEMBERS, DEAFEN_MEMBERS for
/// what it sets.
///
/// ```
/// use bot_core::model::{AccessToken, AddGuildMember};
/// let add = AddGuildMember::new(AccessToken::new("secret")).nick("Ada");
/// add.check().unwrap();
/// assert!(!format!("{add:?}").contains("secret"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct AddGuildMember {
    /// The user's access token.
    pub access_token: AccessToken,
    /// The nickname (up to 32 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    /// The roles (at most 250).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Id<RoleMarker>>>,
    /// Muted in voice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mute: Option<bool>,
    /// Deafened in voice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deaf: Option<bool>,
}

impl AddGuildMember {
    /// Adds the user whose token this is, with nothing else set.
    pub fn new(access_token: AccessToken) -> Self {
        AddGuildMember {
            access_token,
            nick: None,
            roles: None,
            mute: None,
            deaf: None,
        }
    }

    /// The nickname.
    pub fn nick(mut self, nick: &str) -> Self {
        self.nick = Some(nick.to_owned());
        self
    }

    /// The roles.
    pub fn roles(mut self, roles: impl IntoIterator<Item = Id<RoleMarker>>) -> Self {
        self.roles = Some(roles.into_iter().collect());
        self
    }

    /// Muted in voice or not.
    pub fn mute(mut self, mute: bool) -> Self {
        self.mute = Some(mute);
        self
    }

    /// Deafened in voice or not.
    pub fn deaf(mut self, deaf: bool) -> Self {
        self.deaf = Some(deaf);
        self
    }

    /// Checks Discord's limits: a nickname of 1–32 characters, at most 250 roles, each once.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(nick) = &self.nick {
            problem::length("nick", nick, 1, 32)?;
        }
        if let Some(roles) = &self.roles {
            problem::count("roles", roles.len(), 0, 250)?;
            let mut seen = std::collections::HashSet::new();
            if let Some(twice) = roles.iter().find(|role| !seen.insert(**role)) {
                return Err(RequestProblem::Duplicate {
                    field: "roles",
                    id: twice.get(),
                });
            }
        }
        Ok(())
    }
}

/// A change to the bot's own voice state in a stage channel it is in (Modify Current User Voice
/// State). Suppressing itself and withdrawing a request to speak always work; unsuppressing
/// itself needs MUTE_MEMBERS, asking to speak REQUEST_TO_SPEAK.
///
/// ```
/// use bot_core::model::{EditVoiceState, Id, Timestamp};
/// let ask = EditVoiceState::new(Id::new(1)).request_to_speak(Some(Timestamp::now()));
/// let speak = EditVoiceState::new(Id::new(1)).suppress(false);
/// # let _ = (ask, speak);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditVoiceState {
    /// The stage channel the bot is in.
    pub channel_id: Id<ChannelMarker>,
    /// Suppressed (an audience member) or not (a speaker).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppress: Option<bool>,
    /// When the bot asked to speak, now or later (`Some(None)` withdraws the request).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_to_speak_timestamp: Option<Option<Timestamp>>,
}

impl EditVoiceState {
    /// Changes nothing yet in stage `channel`.
    pub fn new(channel: Id<ChannelMarker>) -> Self {
        EditVoiceState {
            channel_id: channel,
            suppress: None,
            request_to_speak_timestamp: None,
        }
    }

    /// Suppressed or not.
    pub fn suppress(mut self, suppress: bool) -> Self {
        self.suppress = Some(suppress);
        self
    }

    /// Asks to speak at `at` (`None`: withdraws the request).
    pub fn request_to_speak(mut self, at: Option<Timestamp>) -> Self {
        self.request_to_speak_timestamp = Some(at);
        self
    }
}

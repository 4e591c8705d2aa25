//! New auto-moderation rules and changes to them (Create / Modify Auto Moderation Rule), with
//! Discord's limits checked before sending (developers/resources/auto-moderation.mdx, "Trigger
//! Metadata Field Limits"; spec `KeywordUpsertRequest` and its siblings).

use super::problem::{self, RequestProblem};
use crate::model::{
    AutoModerationAction, AutoModerationActionType, AutoModerationEventType,
    AutoModerationTriggerType, ChannelMarker, Id, RoleMarker, TriggerMetadata,
};
use serde::Serialize;

/// The most characters of a rule's name.
pub const AUTO_MODERATION_NAME_LENGTH: usize = 100;
/// The most actions one rule takes.
pub const MAX_AUTO_MODERATION_ACTIONS: usize = 5;
/// The most roles a rule exempts.
pub const MAX_EXEMPT_ROLES: usize = 20;
/// The most channels a rule exempts.
pub const MAX_EXEMPT_CHANNELS: usize = 50;
/// The longest timeout an action gives: four weeks, in seconds.
pub const MAX_AUTO_MODERATION_TIMEOUT: u32 = 2_419_200;

fn check_name(name: &str) -> Result<(), RequestProblem> {
    problem::length("name", name, 1, AUTO_MODERATION_NAME_LENGTH)
}

fn check_words(
    field: &'static str,
    words: &[Box<str>],
    most: usize,
    longest: usize,
) -> Result<(), RequestProblem> {
    problem::count(field, words.len(), 0, most)?;
    words
        .iter()
        .try_for_each(|word| problem::length(field, word, 1, longest))
}

/// Checks trigger metadata against the limits of its trigger type (a preset rule takes up to
/// 1 000 allowed words, the others 100).
fn check_metadata(
    metadata: &TriggerMetadata,
    trigger: Option<AutoModerationTriggerType>,
) -> Result<(), RequestProblem> {
    check_words("keyword_filter", &metadata.keyword_filter, 1000, 60)?;
    check_words("regex_patterns", &metadata.regex_patterns, 10, 260)?;
    let allowed = if trigger == Some(AutoModerationTriggerType::KeywordPreset) {
        1000
    } else {
        100
    };
    check_words("allow_list", &metadata.allow_list, allowed, 60)?;
    if let Some(limit) = metadata.mention_total_limit {
        problem::range("mention_total_limit", limit.into(), 0, 50)?;
    }
    Ok(())
}

/// Checks actions: one to five, a custom message of at most 150 characters, a timeout of at
/// most four weeks, and timeouts only on keyword, mention-spam and member-profile rules.
fn check_actions(
    actions: &[AutoModerationAction],
    trigger: Option<AutoModerationTriggerType>,
) -> Result<(), RequestProblem> {
    problem::count("actions", actions.len(), 1, MAX_AUTO_MODERATION_ACTIONS)?;
    for action in actions {
        let Some(metadata) = &action.metadata else {
            continue;
        };
        if let Some(message) = &metadata.custom_message {
            problem::length("custom_message", message, 0, 150)?;
        }
        if let Some(seconds) = metadata.duration_seconds {
            problem::range(
                "duration_seconds",
                seconds.into(),
                0,
                MAX_AUTO_MODERATION_TIMEOUT.into(),
            )?;
        }
    }
    let timeout = actions
        .iter()
        .any(|a| a.kind == AutoModerationActionType::Timeout);
    let timeout_allowed = matches!(
        trigger,
        None | Some(
            AutoModerationTriggerType::Keyword
                | AutoModerationTriggerType::MentionSpam
                | AutoModerationTriggerType::MemberProfile
        )
    );
    if timeout && !timeout_allowed {
        return Err(RequestProblem::NotAllowed {
            field: "actions",
            why: "a timeout action is only for keyword, mention-spam and member-profile rules",
        });
    }
    Ok(())
}

fn check_unique<M>(field: &'static str, ids: &[Id<M>], most: usize) -> Result<(), RequestProblem> {
    problem::count(field, ids.len(), 0, most)?;
    let mut seen = std::collections::HashSet::new();
    match ids.iter().find(|id| !seen.insert(id.get())) {
        Some(twice) => Err(RequestProblem::Duplicate {
            field,
            id: twice.get(),
        }),
        None => Ok(()),
    }
}

/// A new auto-moderation rule (Create Auto Moderation Rule). Needs MANAGE_GUILD; a timeout
/// action needs MODERATE_MEMBERS too.
///
/// ```
/// use bot_core::model::{AutoModerationAction, CreateAutoModerationRule, Id, TriggerMetadata};
/// let rule = CreateAutoModerationRule::keyword("No spoilers", TriggerMetadata::keywords(["*ending*"]))
///     .action(AutoModerationAction::block_message(Some("No spoilers here")))
///     .action(AutoModerationAction::send_alert(Id::new(41771983423143937)))
///     .enabled(true);
/// assert!(rule.check().is_ok());
/// assert!(CreateAutoModerationRule::mention_spam("Mentions", 5).check().is_err(), "no action");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateAutoModerationRule {
    /// The name (1 to 100 characters).
    pub name: String,
    /// When it is checked.
    pub event_type: AutoModerationEventType,
    /// What it checks.
    pub trigger_type: AutoModerationTriggerType,
    /// What it checks against (by trigger type).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_metadata: Option<TriggerMetadata>,
    /// What it does (1 to 5 actions).
    pub actions: Vec<AutoModerationAction>,
    /// Whether it is on (Discord's default: off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Roles it ignores (up to 20).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exempt_roles: Vec<Id<RoleMarker>>,
    /// Channels it ignores (up to 50).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exempt_channels: Vec<Id<ChannelMarker>>,
}

impl CreateAutoModerationRule {
    /// A rule of any trigger, checked at `event_type`, with no action yet.
    pub fn new(
        name: impl Into<String>,
        event_type: AutoModerationEventType,
        trigger_type: AutoModerationTriggerType,
    ) -> Self {
        CreateAutoModerationRule {
            name: name.into(),
            event_type,
            trigger_type,
            trigger_metadata: None,
            actions: Vec::new(),
            enabled: None,
            exempt_roles: Vec::new(),
            exempt_channels: Vec::new(),
        }
    }

    /// A keyword rule on messages sent.
    pub fn keyword(name: impl Into<String>, metadata: TriggerMetadata) -> Self {
        Self::new(
            name,
            AutoModerationEventType::MessageSend,
            AutoModerationTriggerType::Keyword,
        )
        .metadata(metadata)
    }

    /// A mention-spam rule on messages sent: more than `limit` unique mentions trigger it.
    pub fn mention_spam(name: impl Into<String>, limit: u8) -> Self {
        Self::new(
            name,
            AutoModerationEventType::MessageSend,
            AutoModerationTriggerType::MentionSpam,
        )
        .metadata(TriggerMetadata::mention_limit(limit, false))
    }

    /// What it checks against.
    pub fn metadata(mut self, metadata: TriggerMetadata) -> Self {
        self.trigger_metadata = Some(metadata);
        self
    }

    /// Adds an action.
    pub fn action(mut self, action: AutoModerationAction) -> Self {
        self.actions.push(action);
        self
    }

    /// Turns it on or off.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Exempts a role.
    pub fn exempt_role(mut self, role: Id<RoleMarker>) -> Self {
        self.exempt_roles.push(role);
        self
    }

    /// Exempts a channel.
    pub fn exempt_channel(mut self, channel: Id<ChannelMarker>) -> Self {
        self.exempt_channels.push(channel);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        check_name(&self.name)?;
        if let Some(metadata) = &self.trigger_metadata {
            check_metadata(metadata, Some(self.trigger_type))?;
        }
        check_actions(&self.actions, Some(self.trigger_type))?;
        check_unique("exempt_roles", &self.exempt_roles, MAX_EXEMPT_ROLES)?;
        check_unique(
            "exempt_channels",
            &self.exempt_channels,
            MAX_EXEMPT_CHANNELS,
        )
    }
}

/// Changes to a rule (Modify Auto Moderation Rule); what is left `None` stays. Its trigger type
/// cannot change.
///
/// ```
/// use bot_core::model::EditAutoModerationRule;
/// assert!(EditAutoModerationRule::new().enabled(false).check().is_ok());
/// assert!(EditAutoModerationRule::new().name("").check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditAutoModerationRule {
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When it is checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_type: Option<AutoModerationEventType>,
    /// What it checks against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_metadata: Option<TriggerMetadata>,
    /// What it does (replaces the actions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<AutoModerationAction>>,
    /// Whether it is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Roles it ignores (replaces the list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_roles: Option<Vec<Id<RoleMarker>>>,
    /// Channels it ignores (replaces the list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt_channels: Option<Vec<Id<ChannelMarker>>>,
}

impl EditAutoModerationRule {
    /// No change yet.
    pub fn new() -> Self {
        EditAutoModerationRule::default()
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// When it is checked.
    pub fn event_type(mut self, event_type: AutoModerationEventType) -> Self {
        self.event_type = Some(event_type);
        self
    }

    /// What it checks against.
    pub fn metadata(mut self, metadata: TriggerMetadata) -> Self {
        self.trigger_metadata = Some(metadata);
        self
    }

    /// Its actions, replaced.
    pub fn actions(mut self, actions: Vec<AutoModerationAction>) -> Self {
        self.actions = Some(actions);
        self
    }

    /// Turns it on or off.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Its exempt roles, replaced.
    pub fn exempt_roles(mut self, roles: Vec<Id<RoleMarker>>) -> Self {
        self.exempt_roles = Some(roles);
        self
    }

    /// Its exempt channels, replaced.
    pub fn exempt_channels(mut self, channels: Vec<Id<ChannelMarker>>) -> Self {
        self.exempt_channels = Some(channels);
        self
    }

    /// Checks Discord's limits (those that do not depend on the rule's trigger type).
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(name) = &self.name {
            check_name(name)?;
        }
        if let Some(metadata) = &self.trigger_metadata {
            check_metadata(metadata, None)?;
        }
        if let Some(actions) = &self.actions {
            check_actions(actions, None)?;
        }
        if let Some(roles) = &self.exempt_roles {
            check_unique("exempt_roles", roles, MAX_EXEMPT_ROLES)?;
        }
        if let Some(channels) = &self.exempt_channels {
            check_unique("exempt_channels", channels, MAX_EXEMPT_CHANNELS)?;
        }
        Ok(())
    }
}

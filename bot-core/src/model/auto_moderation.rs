//! Auto-moderation rules and actions (developers/resources/auto-moderation.mdx; spec
//! `KeywordRuleResponse` and its siblings).

use super::enums::int_enum;
use super::{AutoModerationRuleMarker, ChannelMarker, GuildMarker, Id, RoleMarker, UserMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// What a rule checks (spec `AutomodTriggerType`).
    pub enum AutoModerationTriggerType: u8 {
        /// Words from the rule's keyword list.
        Keyword = 1,
        /// Generic spam.
        Spam = 3,
        /// Words from Discord's preset lists.
        KeywordPreset = 4,
        /// Too many unique mentions.
        MentionSpam = 5,
        /// Words in a member's profile.
        MemberProfile = 6,
    }
}

int_enum! {
    /// When a rule is checked (spec `AutomodEventType`).
    pub enum AutoModerationEventType: u8 {
        /// A member sends or edits a message.
        MessageSend = 1,
        /// A member edits their profile.
        MemberUpdate = 2,
    }
}

int_enum! {
    /// One of Discord's preset word lists (spec `AutomodKeywordPresetType`).
    pub enum KeywordPresetType: u8 {
        /// Swearing.
        Profanity = 1,
        /// Sexual content.
        SexualContent = 2,
        /// Slurs.
        Slurs = 3,
    }
}

int_enum! {
    /// What a rule does (spec `AutomodActionType`).
    pub enum AutoModerationActionType: u8 {
        /// Block the message.
        BlockMessage = 1,
        /// Post an alert to a channel.
        SendAlertMessage = 2,
        /// Time the member out.
        Timeout = 3,
        /// Stop the member from interacting.
        BlockMemberInteraction = 4,
    }
}

/// An auto-moderation rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutoModerationRule {
    /// The rule's id.
    pub id: Id<AutoModerationRuleMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// Its name.
    pub name: Box<str>,
    /// Who made it.
    pub creator_id: Id<UserMarker>,
    /// When it is checked.
    pub event_type: AutoModerationEventType,
    /// What it checks.
    pub trigger_type: AutoModerationTriggerType,
    /// What it checks against.
    #[serde(default)]
    pub trigger_metadata: TriggerMetadata,
    /// What it does.
    #[serde(default)]
    pub actions: Vec<AutoModerationAction>,
    /// Whether it is on.
    #[serde(default)]
    pub enabled: bool,
    /// Roles it ignores (up to 20).
    #[serde(default)]
    pub exempt_roles: Vec<Id<RoleMarker>>,
    /// Channels it ignores (up to 50).
    #[serde(default)]
    pub exempt_channels: Vec<Id<ChannelMarker>>,
}

/// What a rule checks against; which fields apply depends on the trigger type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TriggerMetadata {
    /// Keywords, with `*` wildcards (keyword, member profile).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keyword_filter: Vec<Box<str>>,
    /// Rust regular expressions (keyword, member profile).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regex_patterns: Vec<Box<str>>,
    /// Discord's word lists (keyword preset).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presets: Vec<KeywordPresetType>,
    /// Words that never trigger (keyword, keyword preset, member profile).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow_list: Vec<Box<str>>,
    /// The most unique mentions per message (mention spam).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention_total_limit: Option<u8>,
    /// Whether mention raids are detected (mention spam).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention_raid_protection_enabled: Option<bool>,
}

impl TriggerMetadata {
    /// Metadata for a keyword or member-profile rule.
    pub fn keywords<S: Into<Box<str>>>(keywords: impl IntoIterator<Item = S>) -> Self {
        TriggerMetadata {
            keyword_filter: keywords.into_iter().map(Into::into).collect(),
            ..TriggerMetadata::default()
        }
    }

    /// Metadata for a keyword-preset rule.
    pub fn presets(presets: impl IntoIterator<Item = KeywordPresetType>) -> Self {
        TriggerMetadata {
            presets: presets.into_iter().collect(),
            ..TriggerMetadata::default()
        }
    }

    /// Metadata for a mention-spam rule.
    pub fn mention_limit(limit: u8, raid_protection: bool) -> Self {
        TriggerMetadata {
            mention_total_limit: Some(limit),
            mention_raid_protection_enabled: Some(raid_protection),
            ..TriggerMetadata::default()
        }
    }

    /// Adds regular expressions.
    pub fn regex_patterns<S: Into<Box<str>>>(
        mut self,
        patterns: impl IntoIterator<Item = S>,
    ) -> Self {
        self.regex_patterns
            .extend(patterns.into_iter().map(Into::into));
        self
    }

    /// Adds words that never trigger.
    pub fn allow<S: Into<Box<str>>>(mut self, words: impl IntoIterator<Item = S>) -> Self {
        self.allow_list.extend(words.into_iter().map(Into::into));
        self
    }
}

/// What a rule does when triggered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutoModerationAction {
    /// The action.
    #[serde(rename = "type")]
    pub kind: AutoModerationActionType,
    /// Its settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ActionMetadata>,
}

impl AutoModerationAction {
    /// Block the message, optionally telling the member why (up to 150 characters).
    pub fn block_message(custom_message: Option<&str>) -> Self {
        AutoModerationAction {
            kind: AutoModerationActionType::BlockMessage,
            metadata: custom_message.map(|message| ActionMetadata {
                custom_message: Some(message.into()),
                ..ActionMetadata::default()
            }),
        }
    }

    /// Post an alert to a channel.
    pub fn send_alert(channel: Id<ChannelMarker>) -> Self {
        AutoModerationAction {
            kind: AutoModerationActionType::SendAlertMessage,
            metadata: Some(ActionMetadata {
                channel_id: Some(channel),
                ..ActionMetadata::default()
            }),
        }
    }

    /// Time the member out for up to four weeks.
    pub fn timeout(seconds: u32) -> Self {
        AutoModerationAction {
            kind: AutoModerationActionType::Timeout,
            metadata: Some(ActionMetadata {
                duration_seconds: Some(seconds),
                ..ActionMetadata::default()
            }),
        }
    }

    /// Stop the member from interacting.
    pub fn block_member_interaction() -> Self {
        AutoModerationAction {
            kind: AutoModerationActionType::BlockMemberInteraction,
            metadata: None,
        }
    }
}

/// An action's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActionMetadata {
    /// Where alerts go (send alert).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// How long the timeout lasts (timeout).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
    /// What the member is told (block message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_message: Option<Box<str>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documented_rule_decodes() {
        let rule: AutoModerationRule = serde_json::from_value(json!({
            "id": "969707018069872670",
            "guild_id": "613425648685547541",
            "name": "Keyword Filter 1",
            "creator_id": "423457898095789043",
            "trigger_type": 1,
            "event_type": 1,
            "actions": [
                {"type": 1, "metadata": {
                    "custom_message": "Please keep financial discussions limited to the #finance channel"
                }},
                {"type": 2, "metadata": {"channel_id": "123456789123456789"}},
                {"type": 3, "metadata": {"duration_seconds": 60}},
                {"type": 9, "metadata": {}}
            ],
            "trigger_metadata": {
                "keyword_filter": ["cat*", "*dog", "*ana*", "i like c++"],
                "regex_patterns": ["(b|c)at", "^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$"]
            },
            "enabled": true,
            "exempt_roles": ["323456789123456789", "423456789123456789"],
            "exempt_channels": ["523456789123456789"]
        }))
        .unwrap();
        assert_eq!(rule.trigger_type, AutoModerationTriggerType::Keyword);
        assert_eq!(
            rule.actions[1],
            AutoModerationAction::send_alert(Id::new(123456789123456789))
        );
        assert_eq!(rule.actions[2], AutoModerationAction::timeout(60));
        assert_eq!(rule.actions[3].kind, AutoModerationActionType::Unknown(9));
        assert_eq!(rule.trigger_metadata.keyword_filter.len(), 4);
    }

    #[test]
    fn built_parts_encode() {
        let metadata = TriggerMetadata::keywords(["cat*"]).allow(["category"]);
        assert_eq!(
            serde_json::to_value(&metadata).unwrap(),
            json!({"keyword_filter": ["cat*"], "allow_list": ["category"]})
        );
        assert_eq!(
            serde_json::to_value(AutoModerationAction::block_message(None)).unwrap(),
            json!({"type": 1})
        );
        assert_eq!(
            serde_json::to_value(TriggerMetadata::mention_limit(5, true)).unwrap(),
            json!({"mention_total_limit": 5, "mention_raid_protection_enabled": true})
        );
    }
}

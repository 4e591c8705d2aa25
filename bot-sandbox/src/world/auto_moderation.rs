//! Auto-moderation rules (developers/resources/auto-moderation.mdx): a guild's rules, listed,
//! read, created, changed and deleted by a bot with MANAGE_GUILD, each change emitting
//! AUTO_MODERATION_RULE_CREATE / _UPDATE / _DELETE (AUTO_MODERATION_CONFIGURATION). A body is
//! checked as Discord checks it; how the rules act on messages is `auto_moderation_enforce.rs`.

use super::World;
use super::auto_moderation_body::{actions, ids, invalid, metadata};
use super::bans::MANAGE_GUILD;
use super::change::{Changed, Refusal};
use super::moderation::MODERATE_MEMBERS;
use serde_json::{Value, json};

/// Trigger types: keyword, spam, keyword preset, mention spam, member profile.
pub(crate) const KEYWORD: u64 = 1;
/// Mention spam.
pub(crate) const MENTION_SPAM: u64 = 5;
const KNOWN_TRIGGERS: [u64; 5] = [1, 3, 4, 5, 6];
/// Action types: block message, send alert, timeout, block member interaction.
pub(crate) const BLOCK_MESSAGE: u64 = 1;
/// Send an alert message.
pub(crate) const SEND_ALERT: u64 = 2;
/// Time the member out.
pub(crate) const TIMEOUT: u64 = 3;

/// What a rule checks against (only what its trigger type uses is shown).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    pub(crate) keyword_filter: Vec<String>,
    pub(crate) regex_patterns: Vec<String>,
    pub(crate) presets: Vec<u64>,
    pub(crate) allow_list: Vec<String>,
    pub(crate) mention_total_limit: u64,
    pub(crate) mention_raid_protection_enabled: bool,
}

/// One action of a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Action {
    pub(crate) kind: u64,
    pub(crate) channel_id: Option<u64>,
    pub(crate) duration_seconds: Option<u64>,
    pub(crate) custom_message: Option<String>,
}

impl Action {
    /// As Discord shows it: `metadata` always an object.
    pub(crate) fn json(&self) -> Value {
        let mut metadata = json!({});
        if let Some(channel) = self.channel_id {
            metadata["channel_id"] = json!(channel.to_string());
        }
        if let Some(seconds) = self.duration_seconds {
            metadata["duration_seconds"] = json!(seconds);
        }
        if let Some(message) = &self.custom_message {
            metadata["custom_message"] = json!(message);
        }
        json!({"type": self.kind, "metadata": metadata})
    }
}

/// A rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RuleRecord {
    pub(crate) id: u64,
    pub(crate) guild_id: u64,
    pub(crate) name: String,
    pub(crate) creator_id: u64,
    pub(crate) event_type: u64,
    pub(crate) trigger_type: u64,
    pub(crate) metadata: Metadata,
    pub(crate) actions: Vec<Action>,
    pub(crate) enabled: bool,
    pub(crate) exempt_roles: Vec<u64>,
    pub(crate) exempt_channels: Vec<u64>,
}

impl RuleRecord {
    /// As REST and the gateway show it (the spec's `KeywordRuleResponse` and its siblings).
    pub(crate) fn json(&self) -> Value {
        let m = &self.metadata;
        let metadata = match self.trigger_type {
            1 | 6 => json!({"keyword_filter": m.keyword_filter,
                            "regex_patterns": m.regex_patterns, "allow_list": m.allow_list}),
            4 => json!({"presets": m.presets, "allow_list": m.allow_list}),
            5 => json!({"mention_total_limit": m.mention_total_limit,
                        "mention_raid_protection_enabled": m.mention_raid_protection_enabled}),
            _ => json!({}),
        };
        let ids = |ids: &[u64]| ids.iter().map(u64::to_string).collect::<Vec<_>>();
        json!({
            "id": self.id.to_string(),
            "guild_id": self.guild_id.to_string(),
            "name": self.name,
            "creator_id": self.creator_id.to_string(),
            "event_type": self.event_type,
            "trigger_type": self.trigger_type,
            "trigger_metadata": metadata,
            "actions": self.actions.iter().map(Action::json).collect::<Vec<_>>(),
            "enabled": self.enabled,
            "exempt_roles": ids(&self.exempt_roles),
            "exempt_channels": ids(&self.exempt_channels),
        })
    }
}

/// 404 for a rule the guild does not have. Discord documents no JSON code of its own for it
/// (10066 is an application command's permissions): the code is 0.
pub(crate) fn unknown_rule() -> Refusal {
    Refusal {
        status: 404,
        code: 0,
        message: "Unknown Auto Moderation Rule".to_owned(),
    }
}

/// How many rules of each trigger type a guild may have.
fn most_of(trigger: u64) -> usize {
    if trigger == KEYWORD { 6 } else { 1 }
}

impl World {
    /// The bot needs MANAGE_GUILD in `guild` (10004 unknown, 50013 without).
    fn manage_rules(&self, guild: u64) -> Result<(), Refusal> {
        let record = self
            .guilds
            .get(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if record.permissions_of(self.bot_id) & MANAGE_GUILD == 0 {
            return Err(Refusal::missing_permissions());
        }
        Ok(())
    }

    fn rule_of(&self, guild: u64, rule: u64) -> Result<&RuleRecord, Refusal> {
        self.auto_moderation
            .get(&rule)
            .filter(|r| r.guild_id == guild)
            .ok_or_else(unknown_rule)
    }

    /// The guild's rules, oldest first.
    pub(crate) fn auto_moderation_rules(&self, guild: u64) -> Result<Value, Refusal> {
        self.manage_rules(guild)?;
        Ok(self
            .auto_moderation
            .values()
            .filter(|r| r.guild_id == guild)
            .map(RuleRecord::json)
            .collect())
    }

    /// One rule (404 when the guild has no such rule).
    pub(crate) fn auto_moderation_rule(&self, guild: u64, rule: u64) -> Result<Value, Refusal> {
        self.manage_rules(guild)?;
        self.rule_of(guild, rule).map(RuleRecord::json)
    }

    /// Checks what a rule's actions and exemptions point at: an alert channel of the guild, the
    /// guild's roles and channels, MODERATE_MEMBERS and a fitting trigger for a timeout.
    fn check_rule(&self, rule: &RuleRecord) -> Result<(), Refusal> {
        let guild = &self.guilds[&rule.guild_id];
        for action in &rule.actions {
            if let Some(channel) = action.channel_id
                && guild.channel(channel).is_none()
            {
                return Err(invalid(
                    "actions.metadata.channel_id",
                    "Unknown channel or channel not in this guild.",
                ));
            }
            if action.kind == TIMEOUT {
                if !matches!(rule.trigger_type, 1 | 5 | 6) {
                    return Err(invalid(
                        "actions.type",
                        "Timeout actions are only for keyword, mention spam and member profile rules.",
                    ));
                }
                if guild.permissions_of(self.bot_id) & MODERATE_MEMBERS == 0 {
                    return Err(Refusal::missing_permissions());
                }
            }
        }
        if let Some(role) = rule
            .exempt_roles
            .iter()
            .find(|r| !guild.roles.iter().any(|g| g.id == **r))
        {
            return Err(invalid("exempt_roles", &format!("Unknown role {role}.")));
        }
        if let Some(channel) = rule
            .exempt_channels
            .iter()
            .find(|c| guild.channel(**c).is_none())
        {
            return Err(invalid(
                "exempt_channels",
                &format!("Unknown channel {channel}."),
            ));
        }
        Ok(())
    }

    /// Creates a rule: AUTO_MODERATION_RULE_CREATE. At most six keyword rules and one of each
    /// other trigger type.
    pub(crate) fn create_auto_moderation_rule(
        &mut self,
        guild: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.manage_rules(guild)?;
        let name = body
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| (1..=100).contains(&n.chars().count()))
            .ok_or_else(|| invalid("name", "Must be between 1 and 100 in length."))?;
        let event_type = body
            .get("event_type")
            .and_then(Value::as_u64)
            .filter(|e| matches!(e, 1 | 2))
            .ok_or_else(|| invalid("event_type", "Value must be one of {1, 2}."))?;
        let trigger_type = body
            .get("trigger_type")
            .and_then(Value::as_u64)
            .filter(|t| KNOWN_TRIGGERS.contains(t))
            .ok_or_else(|| invalid("trigger_type", "Value must be one of {1, 3, 4, 5, 6}."))?;
        let existing = self
            .auto_moderation
            .values()
            .filter(|r| r.guild_id == guild && r.trigger_type == trigger_type)
            .count();
        if existing >= most_of(trigger_type) {
            return Err(invalid(
                "trigger_type",
                "Maximum number of rules of this trigger type reached",
            ));
        }
        let rule = RuleRecord {
            id: self.ids.next(),
            guild_id: guild,
            name: name.to_owned(),
            creator_id: self.bot_id,
            event_type,
            trigger_type,
            metadata: metadata(
                body.get("trigger_metadata").unwrap_or(&Value::Null),
                trigger_type,
            )?,
            actions: actions(body.get("actions").unwrap_or(&Value::Null))?,
            enabled: body
                .get("enabled")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            exempt_roles: ids(body, "exempt_roles", 20)?.unwrap_or_default(),
            exempt_channels: ids(body, "exempt_channels", 50)?.unwrap_or_default(),
        };
        self.check_rule(&rule)?;
        let data = rule.json();
        self.auto_moderation.insert(rule.id, rule);
        Ok(Changed::quiet(data.clone()).emit(
            "AUTO_MODERATION_RULE_CREATE",
            Some(guild),
            None,
            data,
        ))
    }

    /// Changes a rule (its trigger type stays): AUTO_MODERATION_RULE_UPDATE.
    pub(crate) fn edit_auto_moderation_rule(
        &mut self,
        guild: u64,
        rule: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.manage_rules(guild)?;
        let mut edited = self.rule_of(guild, rule)?.clone();
        if let Some(name) = body.get("name").filter(|v| !v.is_null()) {
            edited.name = name
                .as_str()
                .filter(|n| (1..=100).contains(&n.chars().count()))
                .ok_or_else(|| invalid("name", "Must be between 1 and 100 in length."))?
                .to_owned();
        }
        if let Some(event) = body.get("event_type").filter(|v| !v.is_null()) {
            edited.event_type = event
                .as_u64()
                .filter(|e| matches!(e, 1 | 2))
                .ok_or_else(|| invalid("event_type", "Value must be one of {1, 2}."))?;
        }
        if let Some(meta) = body.get("trigger_metadata").filter(|v| !v.is_null()) {
            edited.metadata = metadata(meta, edited.trigger_type)?;
        }
        if let Some(list) = body.get("actions").filter(|v| !v.is_null()) {
            edited.actions = actions(list)?;
        }
        if let Some(enabled) = body.get("enabled").and_then(Value::as_bool) {
            edited.enabled = enabled;
        }
        if let Some(roles) = ids(body, "exempt_roles", 20)? {
            edited.exempt_roles = roles;
        }
        if let Some(channels) = ids(body, "exempt_channels", 50)? {
            edited.exempt_channels = channels;
        }
        self.check_rule(&edited)?;
        let data = edited.json();
        self.auto_moderation.insert(rule, edited);
        Ok(Changed::quiet(data.clone()).emit(
            "AUTO_MODERATION_RULE_UPDATE",
            Some(guild),
            None,
            data,
        ))
    }

    /// Deletes a rule: AUTO_MODERATION_RULE_DELETE with the rule as it was.
    pub(crate) fn delete_auto_moderation_rule(
        &mut self,
        guild: u64,
        rule: u64,
    ) -> Result<Changed<()>, Refusal> {
        self.manage_rules(guild)?;
        self.rule_of(guild, rule)?;
        let removed = self
            .auto_moderation
            .remove(&rule)
            .ok_or_else(unknown_rule)?;
        Ok(Changed::quiet(()).emit(
            "AUTO_MODERATION_RULE_DELETE",
            Some(guild),
            None,
            removed.json(),
        ))
    }
}

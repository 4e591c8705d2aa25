//! Auto-moderation acting on a message a member sends (developers/resources/auto-moderation.mdx,
//! "Rule Actions"; gateway events "Auto Moderation Action Execution"). The guild's enabled rules
//! checked at MESSAGE_SEND with a keyword or mention-spam trigger are tried in order; a member
//! with MANAGE_GUILD (or ADMINISTRATOR, or the owner), one with an exempt role, and a channel
//! exempt (itself or its parent) are left alone. Each action of a triggered rule runs:
//! blocking keeps the message from being created (the sender gets 200000), an alert posts an
//! AUTO_MODERATION_ACTION message (type 24) to the rule's channel, a timeout sets the member's
//! `communication_disabled_until` (GUILD_MEMBER_UPDATE). Each emits
//! AUTO_MODERATION_ACTION_EXECUTION (AUTO_MODERATION_EXECUTION; only to a bot with
//! MANAGE_GUILD).

use super::auto_moderation::{
    Action, BLOCK_MESSAGE, KEYWORD, MENTION_SPAM, RuleRecord, SEND_ALERT, TIMEOUT,
};
use super::auto_moderation_match::{Hit, keyword_hit, unique_mentions};
use super::bans::MANAGE_GUILD;
use super::change::Changed;
use super::{MemberUpdate, World};
use serde_json::{Value, json};
use std::time::{Duration, SystemTime};

/// The message's type for an alert (AUTO_MODERATION_ACTION).
const AUTO_MODERATION_ACTION: u8 = 24;

/// A message a member is about to send, for the rules to judge.
pub(crate) struct Sent<'a> {
    pub(crate) guild: u64,
    pub(crate) channel: u64,
    pub(crate) user: u64,
    /// The id the message gets if it is created.
    pub(crate) message: u64,
    pub(crate) content: &'a str,
}

/// What the rules decided: whether the message is blocked.
#[derive(Debug)]
pub(crate) struct Verdict {
    pub(crate) blocked: bool,
}

impl World {
    /// Whether the rules leave `user` alone in `channel` of `guild`, whatever the rule: the
    /// owner and members with MANAGE_GUILD (or ADMINISTRATOR) are exempt.
    fn moderator(&self, guild: u64, user: u64) -> bool {
        self.guilds
            .get(&guild)
            .is_none_or(|g| g.permissions_of(user) & MANAGE_GUILD != 0)
    }

    /// Whether `rule` exempts `user` (by role) or `channel` (or its parent, or the parent's).
    fn exempt(&self, rule: &RuleRecord, sent: &Sent<'_>) -> bool {
        let Some(guild) = self.guilds.get(&sent.guild) else {
            return true;
        };
        let by_role = guild
            .member(sent.user)
            .is_some_and(|m| m.roles.iter().any(|r| rule.exempt_roles.contains(r)));
        let mut channel = Some(sent.channel);
        for _ in 0..3 {
            let Some(id) = channel else { break };
            if rule.exempt_channels.contains(&id) {
                return true;
            }
            channel = guild.channel(id).and_then(|c| c.parent_id);
        }
        by_role
    }

    /// What `rule` matched in the message, if it triggers.
    fn triggered(rule: &RuleRecord, content: &str) -> Option<Option<Hit>> {
        match rule.trigger_type {
            KEYWORD => keyword_hit(&rule.metadata, content).map(Some),
            MENTION_SPAM => (unique_mentions(content) as u64 > rule.metadata.mention_total_limit)
                .then_some(None),
            _ => None,
        }
    }

    /// Runs the guild's rules on a message about to be sent: the actions' changes and events.
    pub(crate) fn auto_moderate(&mut self, sent: &Sent<'_>) -> Changed<Verdict> {
        let mut changed = Changed::quiet(Verdict { blocked: false });
        if self.moderator(sent.guild, sent.user) {
            return changed;
        }
        let rules: Vec<(RuleRecord, Option<Hit>)> = self
            .auto_moderation
            .values()
            .filter(|r| r.guild_id == sent.guild && r.enabled && r.event_type == 1)
            .filter(|r| !self.exempt(r, sent))
            .filter_map(|r| Some((r.clone(), Self::triggered(r, sent.content)?)))
            .collect();
        let blocked = rules
            .iter()
            .any(|(rule, _)| rule.actions.iter().any(|a| a.kind == BLOCK_MESSAGE));
        changed.value.blocked = blocked;
        for (rule, hit) in rules {
            for action in &rule.actions {
                changed = self.act(changed, &rule, action, hit.as_ref(), sent, blocked);
            }
        }
        changed
    }

    /// Runs one action and emits its execution event.
    fn act(
        &mut self,
        mut changed: Changed<Verdict>,
        rule: &RuleRecord,
        action: &Action,
        hit: Option<&Hit>,
        sent: &Sent<'_>,
        blocked: bool,
    ) -> Changed<Verdict> {
        let mut alert = None;
        match action.kind {
            SEND_ALERT => {
                if let Some(channel) = action.channel_id {
                    let (id, message) = self.alert_message(rule, hit, sent, channel);
                    alert = Some(id);
                    changed =
                        changed.emit("MESSAGE_CREATE", Some(sent.guild), Some(channel), message);
                }
            }
            TIMEOUT => {
                let seconds = action.duration_seconds.unwrap_or(0);
                let until = humantime::format_rfc3339_micros(
                    SystemTime::now() + Duration::from_secs(seconds),
                )
                .to_string()
                .replace('Z', "+00:00");
                let update = MemberUpdate {
                    communication_disabled_until: Some(Some(until)),
                    ..MemberUpdate::default()
                };
                if let Ok(update) = self.update_member(sent.guild, sent.user, &update) {
                    changed = changed.then(update);
                }
            }
            _ => {}
        }
        let mut execution = json!({
            "guild_id": sent.guild.to_string(),
            "action": action.json(),
            "rule_id": rule.id.to_string(),
            "rule_trigger_type": rule.trigger_type,
            "user_id": sent.user.to_string(),
            "channel_id": sent.channel.to_string(),
            "content": sent.content,
            "matched_keyword": hit.map(|h| h.keyword.clone()),
            "matched_content": hit.map(|h| h.content.clone()),
        });
        if !blocked {
            execution["message_id"] = json!(sent.message.to_string());
        }
        if let Some(alert) = alert {
            execution["alert_system_message_id"] = json!(alert.to_string());
        }
        let sees = self
            .guilds
            .get(&sent.guild)
            .is_some_and(|g| g.permissions_of(self.bot_id) & MANAGE_GUILD != 0);
        if sees {
            changed = changed.emit(
                "AUTO_MODERATION_ACTION_EXECUTION",
                Some(sent.guild),
                None,
                execution,
            );
        }
        changed
    }

    /// Posts the alert of `rule` to `channel`: a message of type 24 by the member, with an
    /// `auto_moderation_message` embed holding the content and what matched.
    fn alert_message(
        &mut self,
        rule: &RuleRecord,
        hit: Option<&Hit>,
        sent: &Sent<'_>,
        channel: u64,
    ) -> (u64, Value) {
        let id = self.ids.next();
        let field =
            |name: &str, value: String| json!({"name": name, "value": value, "inline": false});
        let mut fields = vec![
            field("rule_name", rule.name.clone()),
            field("channel_id", sent.channel.to_string()),
            field("decision_id", self.ids.next().to_string()),
        ];
        if let Some(hit) = hit {
            fields.push(field("keyword", hit.keyword.clone()));
            fields.push(field("keyword_matched_content", hit.content.clone()));
        }
        let body = json!({"content": "", "embeds": [{
            "type": "auto_moderation_message",
            "description": sent.content,
            "fields": fields,
        }]});
        let message =
            crate::rest::build_message(self, channel, sent.user, &body, id, AUTO_MODERATION_ACTION);
        self.messages
            .entry(channel)
            .or_default()
            .push(message.clone());
        (id, message)
    }
}

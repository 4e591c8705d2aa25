//! The audit log (developers/resources/audit-log.mdx): each moderation change made over REST
//! writes an entry — who (the bot), what (the action type), on what (the target), and the
//! request's `X-Audit-Log-Reason` — and emits GUILD_AUDIT_LOG_ENTRY_CREATE to sessions whose bot
//! may view the audit log (VIEW_AUDIT_LOG) and that ask for GUILD_MODERATION (the gateway's
//! intent filter). Scripted changes are not moderation by anyone: they write none.

use super::World;
use super::change::Emitted;
use serde_json::{Value, json};

/// VIEW_AUDIT_LOG.
pub(crate) const VIEW_AUDIT_LOG: u64 = 1 << 7;

tokio::task_local! {
    /// The REST request being served: its `METHOD /path` and its audit-log reason. Set around
    /// every REST handler, so a change knows it is a moderator's (and why).
    pub(crate) static REST_REQUEST: (String, Option<String>);
}

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AuditEntry {
    pub(crate) id: u64,
    pub(crate) user_id: u64,
    pub(crate) action_type: u16,
    pub(crate) target_id: Option<u64>,
    pub(crate) reason: Option<String>,
    /// The entry's `options` (strings, as Discord sends them), for the actions that have some.
    pub(crate) options: Option<Value>,
}

impl AuditEntry {
    /// As Discord renders it: no `reason` when none was given.
    pub(crate) fn json(&self, guild: u64) -> Value {
        let mut entry = json!({
            "id": self.id.to_string(),
            "guild_id": guild.to_string(),
            "user_id": self.user_id.to_string(),
            "target_id": self.target_id.map(|id| id.to_string()),
            "action_type": self.action_type,
            "changes": [],
        });
        if let Some(reason) = &self.reason {
            entry["reason"] = json!(reason);
        }
        if let Some(options) = &self.options {
            entry["options"] = options.clone();
        }
        entry
    }
}

/// The action type and target of an event a REST change emitted, if it is an audited one.
fn action_of(event: &Emitted, route: &str, banned: &[String]) -> Option<(u16, Option<u64>)> {
    let id = |key: &str| {
        event
            .data
            .get(key)
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
    };
    let user = || {
        event
            .data
            .pointer("/user/id")
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
    };
    let guild_channel = event.data.get("guild_id").is_some_and(|g| !g.is_null());
    Some(match event.event {
        "CHANNEL_CREATE" if guild_channel => (10, id("id")),
        "CHANNEL_UPDATE" if guild_channel => (11, id("id")),
        "CHANNEL_DELETE" if guild_channel => (12, id("id")),
        // A prune writes one MEMBER_PRUNE entry of its own (`prune.rs`), not a kick each.
        "GUILD_MEMBER_REMOVE" if route.ends_with("/prune") => return None,
        "GUILD_MEMBER_REMOVE" => {
            let target: Option<u64> = user();
            if target.is_some_and(|t| banned.contains(&t.to_string())) {
                return None;
            }
            (20, target)
        }
        "GUILD_BAN_ADD" => (22, user()),
        "GUILD_BAN_REMOVE" => (23, user()),
        "GUILD_MEMBER_UPDATE" if route.contains("/roles/") => (25, user()),
        "GUILD_MEMBER_UPDATE" => (24, user()),
        "GUILD_ROLE_CREATE" | "GUILD_ROLE_UPDATE" => {
            let role = event
                .data
                .pointer("/role/id")
                .and_then(Value::as_str)
                .and_then(|s| s.parse().ok());
            (
                if event.event == "GUILD_ROLE_CREATE" {
                    30
                } else {
                    31
                },
                role,
            )
        }
        "GUILD_ROLE_DELETE" => (32, id("role_id")),
        "GUILD_UPDATE" => (1, id("id")),
        "INVITE_CREATE" => (40, None),
        "INVITE_DELETE" => (42, None),
        "STAGE_INSTANCE_CREATE" => (83, id("id")),
        "STAGE_INSTANCE_UPDATE" => (84, id("id")),
        "STAGE_INSTANCE_DELETE" => (85, id("id")),
        "AUTO_MODERATION_RULE_CREATE" => (140, id("id")),
        "AUTO_MODERATION_RULE_UPDATE" => (141, id("id")),
        "AUTO_MODERATION_RULE_DELETE" => (142, id("id")),
        _ => return None,
    })
}

impl World {
    /// Writes an entry for each audited event of a REST change (`route`, `reason`), and the
    /// GUILD_AUDIT_LOG_ENTRY_CREATE events to send for them.
    pub(crate) fn audit(
        &mut self,
        events: &[Emitted],
        route: &str,
        reason: Option<&str>,
    ) -> Vec<Emitted> {
        let banned: Vec<String> = events
            .iter()
            .filter(|e| e.event == "GUILD_BAN_ADD")
            .filter_map(|e| e.data.pointer("/user/id").and_then(Value::as_str))
            .map(str::to_owned)
            .collect();
        let mut created = Vec::new();
        for event in events {
            let Some(guild) = event.guild else { continue };
            let Some((action_type, target_id)) = action_of(event, route, &banned) else {
                continue;
            };
            let entry = AuditEntry {
                id: self.ids.next(),
                user_id: self.bot_id,
                action_type,
                target_id,
                reason: reason.map(str::to_owned),
                options: None,
            };
            created.extend(self.write_audit(guild, entry));
        }
        created
    }

    /// Writes `entry` to the guild's audit log: the GUILD_AUDIT_LOG_ENTRY_CREATE to send when
    /// the bot may view the audit log (VIEW_AUDIT_LOG).
    pub(crate) fn write_audit(&mut self, guild: u64, entry: AuditEntry) -> Option<Emitted> {
        let json = entry.json(guild);
        self.audit_log.entry(guild).or_default().push(entry);
        let visible = self
            .guilds
            .get(&guild)
            .is_some_and(|g| g.permissions_of(self.bot_id) & VIEW_AUDIT_LOG != 0);
        visible.then_some(Emitted {
            event: "GUILD_AUDIT_LOG_ENTRY_CREATE",
            data: json,
            guild: Some(guild),
            channel: None,
        })
    }

    /// The guild's entries, newest first, filtered as `GET /guilds/{id}/audit-logs` says.
    pub(crate) fn audit_entries(
        &self,
        guild: u64,
        user: Option<u64>,
        action: Option<u16>,
        (before, after): (u64, u64),
        limit: usize,
    ) -> Vec<Value> {
        let entries = self.audit_log.get(&guild).map_or(&[][..], Vec::as_slice);
        let matching = entries.iter().rev().filter(|e| {
            user.is_none_or(|u| e.user_id == u)
                && action.is_none_or(|a| e.action_type == a)
                && e.id < before
                && e.id > after
        });
        if after > 0 {
            // Paging forward: the oldest after `after`, shown newest first.
            let mut page: Vec<&AuditEntry> = matching.collect();
            page.reverse();
            page.truncate(limit);
            page.reverse();
            page.into_iter().map(|e| e.json(guild)).collect()
        } else {
            matching.take(limit).map(|e| e.json(guild)).collect()
        }
    }
}

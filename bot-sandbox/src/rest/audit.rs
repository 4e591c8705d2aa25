//! `GET /guilds/{guild}/audit-logs`: the audit log, newest first, by `user_id`, `action_type`,
//! `before`, `after` and `limit` (1–100, default 50). Needs VIEW_AUDIT_LOG.

use super::{AppState, Reply, form, ok, refused, snowflake};
use crate::world::audit::VIEW_AUDIT_LOG;
use axum::extract::{Path, Query};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};

pub(crate) async fn audit_log(
    state: AppState,
    Path(guild): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let limit = form::query_integer(&query, "limit", (1, 100, 50))?;
    let before = form::query_integer(&query, "before", (0, u64::MAX, u64::MAX))?;
    let after = form::query_integer(&query, "after", (0, u64::MAX, 0))?;
    let user = query
        .contains_key("user_id")
        .then(|| form::query_integer(&query, "user_id", (0, u64::MAX, 0)))
        .transpose()?;
    let action = query
        .contains_key("action_type")
        .then(|| form::query_integer(&query, "action_type", (1, 255, 1)))
        .transpose()?
        .map(|a| a as u16);
    let world = state.world();
    world
        .require_guild(guild, VIEW_AUDIT_LOG)
        .map_err(refused)?;
    let entries = world.audit_entries(guild, user, action, (before, after), limit as usize);
    let users: BTreeSet<u64> = entries
        .iter()
        .filter_map(|e| e["user_id"].as_str().and_then(|s| s.parse().ok()))
        .collect();
    let users: Vec<Value> = users
        .into_iter()
        .filter_map(|id| world.public_user_json_by_id(id))
        .collect();
    Ok(ok(json!({
        "audit_log_entries": entries,
        "users": users,
        "integrations": [],
        "threads": [],
        "webhooks": [],
        "application_commands": [],
        "auto_moderation_rules": [],
        "guild_scheduled_events": [],
    })))
}

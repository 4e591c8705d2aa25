//! The guild's extras (developers/resources/guild.mdx): its preview, how many members each role
//! has, and pruning inactive members (the count, and the prune itself; `world/prune.rs`).

use super::bans::reason_of;
use super::form::{self, field_error};
use super::{AppState, Reply, ok, payload, refused, snowflake};
use axum::extract::{Path, Query, Request};
use axum::response::Response;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// `GET /guilds/{guild}/preview`: for a guild the bot is in (Discord also previews discoverable
/// guilds, which the sandbox has none of); 10004 otherwise. Every member counts as present.
pub(crate) async fn preview(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let world = state.world();
    let record = world.acting_guild(guild).map_err(refused)?;
    let members = record.members.len();
    Ok(ok(json!({
        "id": record.id.to_string(),
        "name": record.name,
        "icon": null,
        "description": record.description,
        "home_header": null,
        "splash": null,
        "discovery_splash": null,
        "features": [],
        "approximate_member_count": members,
        "approximate_presence_count": members,
        "emojis": [],
        "stickers": [],
    })))
}

/// `GET /guilds/{guild}/roles/member-counts`: each role's id (not @everyone's) to how many
/// members have it.
pub(crate) async fn role_member_counts(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let world = state.world();
    let record = world.acting_guild(guild).map_err(refused)?;
    let counts: Map<String, Value> = record
        .roles
        .iter()
        .filter(|role| role.id != record.id)
        .map(|role| {
            let count = record
                .members
                .iter()
                .filter(|m| m.roles.contains(&role.id))
                .count();
            (role.id.to_string(), json!(count))
        })
        .collect();
    Ok(ok(Value::Object(counts)))
}

/// The roles of `include_roles`: a comma-delimited string of ids, or (in a JSON body) a list.
fn include_roles(value: Option<&Value>) -> Result<Vec<u64>, Response> {
    let bad = || {
        field_error(
            "include_roles",
            "NUMBER_TYPE_COERCE",
            "Value is not snowflake.",
        )
    };
    let ids: Vec<u64> = match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(text)) if text.is_empty() => Vec::new(),
        Some(Value::String(text)) => text
            .split(',')
            .map(|id| id.trim().parse().map_err(|_| bad()))
            .collect::<Result<_, _>>()?,
        Some(Value::Array(list)) => list
            .iter()
            .map(|id| form::snowflake_of(id).ok_or_else(bad))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(bad()),
    };
    if ids.len() > 100 {
        return Err(field_error(
            "include_roles",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 100 or fewer in length.",
        ));
    }
    Ok(ids)
}

/// `GET /guilds/{guild}/prune?days=&include_roles=`: `{pruned}`, how many a prune would remove
/// (`days` 1–30, default 7).
pub(crate) async fn prune_count(
    state: AppState,
    Path(guild): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let days = form::query_integer(&query, "days", (1, 30, 7))?;
    let roles = include_roles(query.get("include_roles").map(|s| json!(s)).as_ref())?;
    let world = state.world();
    let gone = world.prunable(guild, days, &roles).map_err(refused)?;
    Ok(ok(json!({"pruned": gone.len()})))
}

/// `POST /guilds/{guild}/prune` with `{days, compute_prune_count, include_roles}`: removes the
/// inactive members; `{pruned}` (`null` when `compute_prune_count` is false).
pub(crate) async fn prune(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let reason = reason_of(&request);
    let body = payload(request).await?;
    let days = form::bounded_integer(&body, "days", 1, 30)?.unwrap_or(7);
    let count = form::nullable_bool(&body, "compute_prune_count")?.unwrap_or(true);
    let roles = include_roles(body.get("include_roles"))?;
    state
        .change(|world| world.prune(guild, (days, &roles), count, reason))
        .map(|pruned| ok(json!({ "pruned": pruned })))
        .map_err(refused)
}

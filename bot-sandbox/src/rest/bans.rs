//! Bans (developers/resources/guild.mdx): list (by user id, `before`/`after`, `limit` 1–1000),
//! get, create (`delete_message_seconds` 0–604 800; BAN_MEMBERS, a member below the bot), remove,
//! and bulk ban (at most 200 users; BAN_MEMBERS and MANAGE_GUILD). Each change goes through the
//! world's change API, which emits GUILD_MEMBER_REMOVE, GUILD_BAN_ADD and GUILD_BAN_REMOVE.

use super::form::{self, field_error};
use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use crate::world::bans::{BAN_MEMBERS, MANAGE_GUILD};
use axum::extract::{Path, Query, Request};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The longest a ban may reach back to delete a user's messages: 7 days.
const MAX_DELETE_SECONDS: u64 = 604_800;
/// The most users a bulk ban takes.
const MAX_BULK: usize = 200;

/// The request's audit-log reason, decoded.
pub(crate) fn reason_of(request: &Request) -> Option<String> {
    request
        .headers()
        .get("x-audit-log-reason")
        .and_then(|v| v.to_str().ok())
        .map(|r| {
            percent_encoding::percent_decode_str(r)
                .decode_utf8_lossy()
                .into_owned()
        })
}

/// `GET /guilds/{guild}/bans?limit=&before=&after=`.
pub(crate) async fn list(
    state: AppState,
    Path(guild): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let limit = form::query_integer(&query, "limit", (1, 1000, 1000))?;
    let after = form::query_integer(&query, "after", (0, u64::MAX, 0))?;
    let before = form::query_integer(&query, "before", (0, u64::MAX, u64::MAX))?;
    let world = state.world();
    world.require_guild(guild, BAN_MEMBERS).map_err(refused)?;
    Ok(ok(Value::Array(world.bans_of(
        guild,
        after,
        before,
        limit as usize,
    ))))
}

/// `GET /guilds/{guild}/bans/{user}`.
pub(crate) async fn get(state: AppState, Path((guild, user)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let user = snowflake(&user, 10013, "User")?;
    let world = state.world();
    world.require_guild(guild, BAN_MEMBERS).map_err(refused)?;
    let ban = world.ban_of(guild, user).map_err(refused)?;
    Ok(ok(world.ban_json(ban)))
}

/// `PUT /guilds/{guild}/bans/{user}` with `{delete_message_seconds?}`.
pub(crate) async fn create(
    state: AppState,
    Path((guild, user)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let user = snowflake(&user, 10013, "User")?;
    let reason = reason_of(&request);
    let body = payload(request).await.unwrap_or(Value::Null);
    form::bounded_integer(&body, "delete_message_seconds", 0, MAX_DELETE_SECONDS)?;
    state
        .change(|world| {
            world.require_guild(guild, BAN_MEMBERS)?;
            if world.member_of(guild, user).is_ok() {
                world.require_above_member(guild, user)?;
            }
            world.ban(guild, user, reason)
        })
        .map(|()| no_content())
        .map_err(refused)
}

/// `DELETE /guilds/{guild}/bans/{user}`.
pub(crate) async fn remove(state: AppState, Path((guild, user)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let user = snowflake(&user, 10013, "User")?;
    state
        .change(|world| {
            world.require_guild(guild, BAN_MEMBERS)?;
            world.unban(guild, user)
        })
        .map(|()| no_content())
        .map_err(refused)
}

/// `POST /guilds/{guild}/bulk-ban` with `{user_ids, delete_message_seconds?}`: the users banned
/// and those that could not be (already banned, above the bot, the owner, unknown); 500 000
/// when none could.
pub(crate) async fn bulk(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let reason = reason_of(&request);
    let body = payload(request).await?;
    form::bounded_integer(&body, "delete_message_seconds", 0, MAX_DELETE_SECONDS)?;
    let ids: Vec<u64> = match body.get("user_ids").and_then(Value::as_array) {
        Some(ids) if (1..=MAX_BULK).contains(&ids.len()) => ids
            .iter()
            .map(|id| {
                id.as_str()
                    .and_then(|s| s.parse().ok())
                    .or_else(|| id.as_u64())
            })
            .collect::<Option<_>>()
            .ok_or_else(|| {
                field_error("user_ids", "NUMBER_TYPE_COERCE", "Value is not snowflake.")
            })?,
        _ => {
            return Err(field_error(
                "user_ids",
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 200 in length.",
            ));
        }
    };
    let (banned, failed) = state
        .change(|world| {
            world.require_guild(guild, BAN_MEMBERS | MANAGE_GUILD)?;
            let mut changed = crate::world::Changed::quiet((Vec::new(), Vec::new()));
            for user in ids {
                let allowed = world.member_of(guild, user).is_err()
                    || world.require_above_member(guild, user).is_ok();
                let fresh = world.ban_of(guild, user).is_err();
                match (allowed && fresh)
                    .then(|| world.ban(guild, user, reason.clone()))
                    .and_then(Result::ok)
                {
                    Some(done) => {
                        changed.events.extend(done.events);
                        changed.value.0.push(user.to_string());
                    }
                    None => changed.value.1.push(user.to_string()),
                }
            }
            Ok(changed)
        })
        .map_err(refused)?;
    if banned.is_empty() {
        return Err(super::error(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            500_000,
            "Failed to ban users",
        ));
    }
    Ok(ok(json!({"banned_users": banned, "failed_users": failed})))
}

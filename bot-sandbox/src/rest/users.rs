//! The bot user's routes: modify it, DMs, its guilds and connections.

use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use axum::extract::{Path, Query, Request};
use serde_json::{Value, json};
use std::collections::HashMap;

/// `PATCH /users/@me`: a new username (2–32 characters): USER_UPDATE.
pub(crate) async fn edit_me(state: AppState, request: Request) -> Reply {
    let body = payload(request).await?;
    if let Some(name) = body.get("username").and_then(Value::as_str)
        && !(2..=32).contains(&name.chars().count())
    {
        return Err(super::invalid_form(
            "BASE_TYPE_BAD_LENGTH",
            "username: Must be between 2 and 32 in length.",
        ));
    }
    state
        .change(|world| {
            let bot = world.bot_id;
            if let Some(name) = body.get("username").and_then(Value::as_str)
                && let Some(user) = world.users.get_mut(&bot)
            {
                user.username = name.to_owned();
            }
            let user = world
                .user_json_by_id(bot)
                .ok_or_else(|| crate::world::Refusal::unknown(10013, "User"))?;
            Ok(crate::world::Changed::quiet(user.clone()).emit("USER_UPDATE", None, None, user))
        })
        .map(ok)
        .map_err(refused)
}

/// `POST /users/@me/channels`: the DM channel with `recipient_id` (the same one every time).
pub(crate) async fn create_dm(state: AppState, request: Request) -> Reply {
    let body = payload(request).await?;
    let recipient = body
        .get("recipient_id")
        .and_then(|v| {
            v.as_str()
                .map(str::to_owned)
                .or_else(|| v.as_u64().map(|n| n.to_string()))
        })
        .ok_or_else(|| {
            super::invalid_form("BASE_TYPE_REQUIRED", "recipient_id: This field is required")
        })?;
    let recipient = snowflake(&recipient, 10013, "User")?;
    let mut world = state.world();
    if !world.users.contains_key(&recipient) {
        return Err(super::unknown(10013, "User"));
    }
    let channel = world.dm_channel(recipient).ok_or_else(|| {
        refused(crate::world::Refusal::bad_request(
            50007,
            "Cannot send messages to this user",
        ))
    })?;
    world
        .dm_channel_json(channel)
        .map(ok)
        .ok_or_else(|| super::unknown(10003, "Channel"))
}

/// `GET /users/@me/guilds?before=&after=&limit=&with_counts=`: the bot's guilds in id order,
/// at most `limit` (1–200, default 200, else 50035): the first ones after `after` (or from the
/// start), or, with `before` alone, the last ones before it. With `with_counts`, each guild's
/// approximate member and presence counts (every member counts as present).
pub(crate) async fn my_guilds(
    state: AppState,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let limit = match query.get("limit") {
        None => 200,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=200).contains(l))
            .ok_or_else(|| {
                super::invalid_form(
                    "NUMBER_TYPE_MAX",
                    "limit: int value should be between 1 and 200.",
                )
            })?,
    };
    let cursor = |key: &str| query.get(key).and_then(|a| a.parse::<u64>().ok());
    let (after, before) = (cursor("after"), cursor("before"));
    let with_counts = super::invite_codes::query_flag(&query, "with_counts");
    let world = state.world();
    let bot = world.bot_id;
    let mine: Vec<&crate::world::GuildRecord> = world
        .guilds
        .values()
        .filter(|g| g.member(bot).is_some())
        .filter(|g| after.is_none_or(|a| g.id > a) && before.is_none_or(|b| g.id < b))
        .collect();
    let page = if after.is_none() && before.is_some() {
        &mine[mine.len().saturating_sub(limit)..]
    } else {
        &mine[..limit.min(mine.len())]
    };
    let guilds: Vec<Value> = page
        .iter()
        .map(|g| {
            let mut guild = json!({
                "id": g.id.to_string(),
                "name": g.name,
                "icon": null,
                "banner": null,
                "owner": g.owner_id == bot,
                "permissions": g.permissions_of(bot).to_string(),
                "features": [],
            });
            if with_counts {
                guild["approximate_member_count"] = json!(g.members.len());
                guild["approximate_presence_count"] = json!(g.members.len());
            }
            guild
        })
        .collect();
    Ok(ok(Value::Array(guilds)))
}

/// `DELETE /users/@me/guilds/{guild}`: the bot leaves (it is no longer a member): GUILD_DELETE
/// to its sessions; 10004 for a guild it is not in.
pub(crate) async fn leave_guild(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state
        .change(|world| {
            let bot = world.bot_id;
            // A guild the bot is not in is unknown to it.
            let record = world
                .guilds
                .get_mut(&guild)
                .filter(|g| g.member(bot).is_some())
                .ok_or_else(|| crate::world::Refusal::unknown(10004, "Guild"))?;
            if record.owner_id == bot {
                return Err(crate::world::Refusal::bad_request(50055, "Invalid guild"));
            }
            record.members.retain(|m| m.user_id != bot);
            let data = json!({"id": guild.to_string(), "unavailable": false});
            Ok(crate::world::Changed::quiet(()).emit("GUILD_DELETE", Some(guild), None, data))
        })
        .map(|()| no_content())
        .map_err(refused)
}

/// `GET /users/@me/connections`: a bot has none.
pub(crate) async fn connections() -> Reply {
    Ok(ok(json!([])))
}

//! Reactions: add, remove the bot's or a user's, list users, clear all or one emoji.

use super::{AppState, Reply, RouteName, limit_or, no_content, ok, refused, snowflake};
use crate::RouteLimit;
use axum::extract::{Path, Query};
use serde_json::Value;
use std::collections::HashMap;

/// The route's emoji, decoded (`🔥`, or `name:id`).
fn emoji(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

fn ids(channel: &str, message: &str) -> Result<(u64, u64), axum::response::Response> {
    Ok((
        snowflake(channel, 10003, "Channel")?,
        snowflake(message, 10008, "Message")?,
    ))
}

/// `PUT .../reactions/{emoji}/@me`: 1 per 0.25 s per channel.
pub(crate) async fn add_own(
    state: AppState,
    Path((channel, message, key)): Path<(String, String, String)>,
) -> Reply {
    let (channel, message) = ids(&channel, &message)?;
    let fallback = RouteLimit {
        limit: 1,
        window: state.timings.reaction_window,
    };
    let headers = limit_or(&state, RouteName::Reactions, &channel.to_string(), fallback)?;
    let bot = state.world().bot_id;
    state
        .change(|world| world.add_reaction(channel, message, bot, &emoji(&key)))
        .map_err(refused)?;
    let mut reply = no_content();
    reply.headers_mut().extend(headers);
    Ok(reply)
}

/// `DELETE .../reactions/{emoji}/@me`.
pub(crate) async fn remove_own(
    state: AppState,
    Path((channel, message, key)): Path<(String, String, String)>,
) -> Reply {
    let (channel, message) = ids(&channel, &message)?;
    let bot = state.world().bot_id;
    state
        .change(|world| world.remove_reaction(channel, message, bot, &emoji(&key)))
        .map(|()| no_content())
        .map_err(refused)
}

/// `DELETE .../reactions/{emoji}/{user}`.
pub(crate) async fn remove_user(
    state: AppState,
    Path((channel, message, key, user)): Path<(String, String, String, String)>,
) -> Reply {
    let (channel, message) = ids(&channel, &message)?;
    let user = snowflake(&user, 10013, "User")?;
    state
        .change(|world| world.remove_reaction(channel, message, user, &emoji(&key)))
        .map(|()| no_content())
        .map_err(refused)
}

/// `GET .../reactions/{emoji}?after=&limit=` (1–100, 25 by default).
pub(crate) async fn users(
    state: AppState,
    Path((channel, message, key)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let (channel, message) = ids(&channel, &message)?;
    let limit = query
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(25)
        .clamp(1, 100);
    let after = query.get("after").and_then(|a| a.parse().ok()).unwrap_or(0);
    let users = state
        .world()
        .reaction_users(channel, message, &emoji(&key), after, limit)
        .map_err(refused)?;
    Ok(ok(Value::Array(users)))
}

/// `DELETE .../reactions`.
pub(crate) async fn clear_all(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
) -> Reply {
    let (channel, message) = ids(&channel, &message)?;
    state
        .change(|world| world.clear_reactions(channel, message, None))
        .map(|()| no_content())
        .map_err(refused)
}

/// `DELETE .../reactions/{emoji}`.
pub(crate) async fn clear_emoji(
    state: AppState,
    Path((channel, message, key)): Path<(String, String, String)>,
) -> Reply {
    let (channel, message) = ids(&channel, &message)?;
    state
        .change(|world| world.clear_reactions(channel, message, Some(&emoji(&key))))
        .map(|()| no_content())
        .map_err(refused)
}

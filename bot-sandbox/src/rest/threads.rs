//! Threads: start one (from a message, without one, in a forum), join, leave, add and remove
//! members, list members and archived threads.

use super::{AppState, Reply, json_reply, no_content, ok, payload_and_files, refused, snowflake};
use axum::extract::{Path, Query, Request};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};
use std::collections::HashMap;

fn check_name(body: &Value) -> Result<(), axum::response::Response> {
    let name = body.get("name").and_then(Value::as_str).unwrap_or("");
    if (1..=100).contains(&name.chars().count()) {
        Ok(())
    } else {
        Err(super::invalid_form(
            "BASE_TYPE_BAD_LENGTH",
            "name: Must be between 1 and 100 in length.",
        ))
    }
}

/// `POST /channels/{channel}/messages/{message}/threads`.
pub(crate) async fn from_message(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let message = snowflake(&message, 10008, "Message")?;
    let (body, _) = payload_and_files(request).await?;
    check_name(&body)?;
    state
        .change(|world| world.create_thread(channel, Some(message), &body))
        .map(|thread| json_reply(StatusCode::CREATED, HeaderMap::new(), thread))
        .map_err(refused)
}

/// `POST /channels/{channel}/threads`: without a message, or a forum post with its first
/// message (and its files).
pub(crate) async fn create(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let (body, files) = payload_and_files(request).await?;
    check_name(&body)?;
    let forum = state
        .world()
        .guild_channel(channel)
        .is_some_and(|(_, c)| matches!(c.kind, 15 | 16));
    let base = format!("http://{}", state.addr);
    state
        .change(|world| {
            let created = world.create_thread(channel, None, &body)?;
            if !forum {
                return Ok(created);
            }
            let thread = created.value["id"]
                .as_str()
                .and_then(|id| id.parse::<u64>().ok())
                .unwrap_or(0);
            let first = body.get("message").cloned().unwrap_or_else(|| json!({}));
            let message = world.create_message(thread, &first, files, &base)?;
            let mut changed = created;
            changed.value["message"] = message.value;
            changed.events.extend(message.events);
            Ok(changed)
        })
        .map(|thread| json_reply(StatusCode::CREATED, HeaderMap::new(), thread))
        .map_err(refused)
}

/// `PUT /channels/{thread}/thread-members/@me`.
pub(crate) async fn join(state: AppState, Path(thread): Path<String>) -> Reply {
    let thread = snowflake(&thread, 10003, "Channel")?;
    let bot = state.world().bot_id;
    membership(&state, thread, bot, true)
}

/// `DELETE /channels/{thread}/thread-members/@me`.
pub(crate) async fn leave(state: AppState, Path(thread): Path<String>) -> Reply {
    let thread = snowflake(&thread, 10003, "Channel")?;
    let bot = state.world().bot_id;
    membership(&state, thread, bot, false)
}

fn membership(state: &AppState, thread: u64, user: u64, join: bool) -> Reply {
    state
        .change(|world| world.thread_membership(thread, user, join))
        .map(|()| no_content())
        .map_err(refused)
}

/// `PUT /channels/{thread}/thread-members/{user}`.
pub(crate) async fn add_member(
    state: AppState,
    Path((thread, user)): Path<(String, String)>,
) -> Reply {
    let thread = snowflake(&thread, 10003, "Channel")?;
    let user = snowflake(&user, 10013, "User")?;
    membership(&state, thread, user, true)
}

/// `DELETE /channels/{thread}/thread-members/{user}`.
pub(crate) async fn remove_member(
    state: AppState,
    Path((thread, user)): Path<(String, String)>,
) -> Reply {
    let thread = snowflake(&thread, 10003, "Channel")?;
    let user = snowflake(&user, 10013, "User")?;
    membership(&state, thread, user, false)
}

fn with_member(query: &HashMap<String, String>) -> bool {
    matches!(
        query.get("with_member").map(String::as_str),
        Some("true" | "True" | "1")
    )
}

/// `GET /channels/{thread}/thread-members/{user}?with_member=`.
pub(crate) async fn get_member(
    state: AppState,
    Path((thread, user)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let thread = snowflake(&thread, 10003, "Channel")?;
    let user = snowflake(&user, 10013, "User")?;
    let world = state.world();
    let members = world.thread_members(thread).map_err(refused)?;
    if !members.contains(&user) {
        return Err(super::unknown(10013, "User"));
    }
    Ok(ok(world.thread_member_json(
        thread,
        user,
        with_member(&query),
    )))
}

/// `GET /channels/{thread}/thread-members?with_member=&after=&limit=` (1–100).
pub(crate) async fn list_members(
    state: AppState,
    Path(thread): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let thread = snowflake(&thread, 10003, "Channel")?;
    let after: u64 = query.get("after").and_then(|a| a.parse().ok()).unwrap_or(0);
    let limit = query
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(100)
        .clamp(1, 100);
    let world = state.world();
    let mut members = world.thread_members(thread).map_err(refused)?;
    members.sort_unstable();
    let list: Vec<Value> = members
        .into_iter()
        .filter(|u| *u > after)
        .take(limit)
        .map(|u| world.thread_member_json(thread, u, with_member(&query)))
        .collect();
    Ok(ok(Value::Array(list)))
}

/// `GET /channels/{channel}/threads/archived/public?before=&limit=`.
pub(crate) async fn archived_public(
    state: AppState,
    Path(channel): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    archived(state, channel, query, false)
}

/// `GET /channels/{channel}/threads/archived/private?before=&limit=`.
pub(crate) async fn archived_private(
    state: AppState,
    Path(channel): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    archived(state, channel, query, true)
}

fn archived(
    state: AppState,
    channel: String,
    query: HashMap<String, String>,
    private: bool,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let limit = query
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(50)
        .clamp(2, 100);
    let before = query.get("before").cloned();
    let world = state.world();
    let all = world.archived_threads(channel, private).map_err(refused)?;
    let eligible: Vec<_> = all
        .into_iter()
        .filter(|c| {
            before.as_ref().is_none_or(|b| {
                c.thread
                    .as_ref()
                    .is_some_and(|t| t.archive_timestamp.as_str() < b.as_str())
            })
        })
        .collect();
    let has_more = eligible.len() > limit;
    let guild = world.guild_id_of(channel).unwrap_or(0);
    let bot = world.bot_id;
    let mut members = Vec::new();
    let threads: Vec<Value> = eligible
        .iter()
        .take(limit)
        .map(|c| {
            if c.thread
                .as_ref()
                .is_some_and(|t| t.members.iter().any(|(u, _)| *u == bot))
            {
                members.push(world.thread_member_json(c.id, bot, false));
            }
            world.guild_channel_json(guild, c)
        })
        .collect();
    Ok(ok(
        json!({"threads": threads, "members": members, "has_more": has_more}),
    ))
}

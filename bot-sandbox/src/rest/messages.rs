//! Channel messages (MSG): list, get, create (with files), edit, delete, bulk delete, crosspost,
//! pins, and the files uploaded with them.

use super::{
    AppState, Reply, RouteName, json_reply, limit_or, no_content, ok, payload, payload_and_files,
    refused, snowflake, unknown,
};
use crate::RouteLimit;
use crate::gateway::intents;
use crate::world::{HistoryFrom, World};
use axum::extract::{Path, Query, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The current time as Discord writes timestamps (ISO 8601, UTC).
pub(crate) fn now_iso() -> String {
    humantime::format_rfc3339_micros(std::time::SystemTime::now())
        .to_string()
        .replace('Z', "+00:00")
}

/// A message object sent by `author` in `channel`, from a create or edit body.
///
/// Fields Discord omits when they do not apply are omitted, never `null` (hikari 2.7 refuses
/// `"webhook_id": null`): `guild_id` outside a guild, `nonce` unless the body sent one,
/// `webhook_id`, `application_id` and `interaction_metadata` unless an interaction's webhook
/// sent it (see `rest::interactions`).
pub(crate) fn build_message(
    world: &World,
    channel: u64,
    author: u64,
    body: &Value,
    id: u64,
    kind: u8,
) -> Value {
    let author = world
        .public_user_json_by_id(author)
        .unwrap_or_else(|| World::unknown_user_json(author, "unknown"));
    let list = |key: &str| {
        body.get(key)
            .cloned()
            .filter(Value::is_array)
            .unwrap_or_else(|| json!([]))
    };
    let mut message = json!({
        "id": id.to_string(),
        "channel_id": channel.to_string(),
        "author": author,
        "content": body.get("content").and_then(Value::as_str).unwrap_or(""),
        "timestamp": now_iso(),
        "edited_timestamp": null,
        "tts": body.get("tts").and_then(Value::as_bool).unwrap_or(false),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": list("embeds"),
        "components": crate::world::numbered_components(&list("components")),
        "pinned": false,
        "type": kind,
        "flags": body.get("flags").and_then(Value::as_u64).unwrap_or(0),
    });
    if let Some(guild) = world.guild_of_channel(channel) {
        message["guild_id"] = json!(guild.id.to_string());
    }
    // Discord echoes a nonce (a string or an integer) only when the request carried one.
    if let Some(nonce) = body
        .get("nonce")
        .filter(|n| n.is_string() || n.is_i64() || n.is_u64())
    {
        message["nonce"] = nonce.clone();
    }
    message
}

/// Checks a body as Discord does before creating a message: not empty (50006), content of at
/// most 2000 characters (50035).
fn check_create(body: &Value, files: usize) -> Result<(), Response> {
    let content = body.get("content").and_then(Value::as_str).unwrap_or("");
    let has = |key: &str| {
        body.get(key)
            .and_then(Value::as_array)
            .is_some_and(|e| !e.is_empty())
    };
    if content.is_empty()
        && !has("embeds")
        && !has("components")
        && !has("sticker_ids")
        && body.get("poll").is_none()
        && files == 0
    {
        return Err(super::error(
            StatusCode::BAD_REQUEST,
            50006,
            "Cannot send an empty message",
        ));
    }
    check_content(body)
}

pub(super) fn check_content(body: &Value) -> Result<(), Response> {
    let content = body.get("content").and_then(Value::as_str).unwrap_or("");
    if content.chars().count() > 2000 {
        return Err(super::invalid_form(
            "BASE_TYPE_MAX_LENGTH",
            "content: Must be 2000 or fewer in length.",
        ));
    }
    Ok(())
}

/// `POST /channels/{channel}/messages`: in a guild channel, thread, or a user's DM channel with
/// the bot (MESSAGE_CREATE without `guild_id`, on shard 0, as Discord sends DMs); 5 per 5 s per
/// channel.
pub(crate) async fn create(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = channel
        .parse::<u64>()
        .ok()
        .filter(|id| state.world().channel_exists(*id))
        .ok_or_else(|| unknown(10003, "Channel"))?;
    let fallback = RouteLimit {
        limit: 5,
        window: state.timings.message_create_window,
    };
    let limit_headers = limit_or(
        &state,
        RouteName::CreateMessage,
        &channel.to_string(),
        fallback,
    )?;
    let (body, files) = payload_and_files(request).await?;
    check_create(&body, files.len())?;
    if let Some(poll) = body.get("poll").filter(|p| !p.is_null()) {
        crate::world::poll_of(poll)
            .map_err(|r| super::invalid_form("BASE_TYPE_BAD_VALUE", &r.message))?;
    }
    let base = format!("http://{}", state.addr);
    let message = state
        .change(|world| world.create_message(channel, &body, files, &base))
        .map_err(refused)?;
    Ok(json_reply(StatusCode::OK, limit_headers, message))
}

/// What a `GET .../messages` query asks: where to start and how many (1–100, 50 by default).
fn history_query(query: &HashMap<String, String>) -> Result<(HistoryFrom, usize), Response> {
    let count = match query.get("limit") {
        None => 50,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                return Err(super::invalid_form(
                    "NUMBER_TYPE_MAX",
                    "limit: int value should be between 1 and 100.",
                ));
            }
        },
    };
    let id = |key: &str| query.get(key).and_then(|v| v.parse::<u64>().ok());
    let from = match (id("around"), id("before"), id("after")) {
        (Some(around), _, _) => HistoryFrom::Around(around),
        (None, Some(before), _) => HistoryFrom::Before(before),
        (None, None, Some(after)) => HistoryFrom::After(after),
        _ => HistoryFrom::Latest,
    };
    Ok((from, count))
}

/// `GET /channels/{channel}/messages?limit=&before=|after=|around=`: newest first (READ_MESSAGE_HISTORY);
/// blanked as the MESSAGE_CONTENT intent says when the application may not use it.
pub(crate) async fn list(
    state: AppState,
    Path(channel): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let (from, count) = history_query(&query)?;
    let world = state.world();
    let mut messages = world.history(channel, from, count).map_err(refused)?;
    // An application not allowed MESSAGE_CONTENT reads messages over HTTP as the gateway sends
    // them without it; the intents of an IDENTIFY play no part here (GW "HTTP Restrictions").
    if state.privileged_intents & crate::MESSAGE_CONTENT == 0 {
        let bot = world.bot_id.to_string();
        let in_dm = world.dm_recipient(channel).is_some();
        for message in &mut messages {
            intents::hide_content(message, &bot, in_dm);
        }
    }
    Ok(ok(Value::Array(messages)))
}

/// `GET /channels/{channel}/messages/{message}`.
pub(crate) async fn get_message(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let message = snowflake(&message, 10008, "Message")?;
    let world = state.world();
    world
        .require(channel, crate::world::channels_api::READ_MESSAGE_HISTORY)
        .map_err(refused)?;
    world
        .find_message(channel, message)
        .map(|m| ok(world.render_message(m)))
        .ok_or_else(|| unknown(10008, "Message"))
}

/// `PATCH /channels/{channel}/messages/{message}`: the bot's own messages.
pub(crate) async fn edit_message(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let message = snowflake(&message, 10008, "Message")?;
    let body = payload(request).await?;
    check_content(&body)?;
    state
        .change(|world| world.edit_message(channel, message, &body))
        .map(ok)
        .map_err(refused)
}

/// `DELETE /channels/{channel}/messages/{message}`.
pub(crate) async fn delete_message(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let message = snowflake(&message, 10008, "Message")?;
    state
        .change(|world| world.delete_message(channel, message))
        .map(|()| no_content())
        .map_err(refused)
}

/// `POST /channels/{channel}/messages/bulk-delete`: 2–100 unique ids.
pub(crate) async fn bulk_delete(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body = payload(request).await?;
    let ids: Vec<u64> = body
        .get("messages")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().and_then(|s| s.parse().ok()))
                .collect()
        })
        .unwrap_or_default();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    if !(2..=100).contains(&ids.len()) || unique.len() != ids.len() {
        return Err(super::invalid_form(
            "BASE_TYPE_BAD_LENGTH",
            "messages: Must be between 2 and 100 unique ids.",
        ));
    }
    state
        .change(|world| world.bulk_delete(channel, &ids))
        .map(|()| no_content())
        .map_err(refused)
}

/// `POST /channels/{channel}/messages/{message}/crosspost`.
pub(crate) async fn crosspost(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let message = snowflake(&message, 10008, "Message")?;
    state
        .change(|world| world.crosspost(channel, message))
        .map(ok)
        .map_err(refused)
}

/// `GET /channels/{channel}/messages/pins?before=&limit=` (1–50).
pub(crate) async fn pins(
    state: AppState,
    Path(channel): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let limit = query
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(50)
        .clamp(1, 50);
    let world = state.world();
    let (items, has_more) = world
        .pins_page(channel, query.get("before").map(String::as_str), limit)
        .map_err(refused)?;
    Ok(ok(json!({"items": items, "has_more": has_more})))
}

/// `PUT /channels/{channel}/messages/pins/{message}`.
pub(crate) async fn pin(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
) -> Reply {
    set_pinned(state, channel, message, true)
}

/// `DELETE /channels/{channel}/messages/pins/{message}`.
pub(crate) async fn unpin(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
) -> Reply {
    set_pinned(state, channel, message, false)
}

fn set_pinned(state: AppState, channel: String, message: String, pinned: bool) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let message = snowflake(&message, 10008, "Message")?;
    state
        .change(|world| world.set_pinned(channel, message, pinned))
        .map(|()| no_content())
        .map_err(refused)
}

/// `GET /attachments/{channel}/{id}/{filename}`: an uploaded file's bytes, unchanged.
pub(crate) async fn attachment(
    state: AppState,
    Path((_channel, id, _filename)): Path<(String, String, String)>,
) -> Reply {
    let id = snowflake(&id, 10000, "Attachment")?;
    let world = state.world();
    let file = world
        .files
        .get(&id)
        .ok_or_else(|| unknown(10000, "Attachment"))?;
    Ok((
        [(header::CONTENT_TYPE, "application/octet-stream")],
        file.bytes.clone(),
    )
        .into_response())
}

//! Channel messages (MSG): create, list, and the message objects other routes return.

use super::{AppState, Reply, RouteName, json_reply, limit, ok, payload, unknown};
use crate::gateway::intents;
use crate::world::World;
use axum::extract::{Path, Query, Request};
use axum::http::StatusCode;
use axum::response::Response;
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
        "components": list("components"),
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

/// `POST /channels/{channel}/messages`: in a guild channel or a user's DM channel with the bot
/// (MESSAGE_CREATE without `guild_id`, on shard 0, as Discord sends DMs).
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
    let limit_headers = limit(&state, RouteName::CreateMessage, &channel.to_string())?;
    let body = payload(request).await?;
    let content = body.get("content").and_then(Value::as_str).unwrap_or("");
    let has_embeds = body
        .get("embeds")
        .and_then(Value::as_array)
        .is_some_and(|e| !e.is_empty());
    if content.is_empty() && !has_embeds && body.get("components").is_none() {
        return Err(super::error(
            StatusCode::BAD_REQUEST,
            50006,
            "Cannot send an empty message",
        ));
    }
    if content.chars().count() > 2000 {
        return Err(super::invalid_form(
            "BASE_TYPE_MAX_LENGTH",
            "content: Must be 2000 or fewer in length.",
        ));
    }
    let message = {
        let mut world = state.world();
        let id = world.ids.next();
        let message = build_message(&world, channel, world.bot_id, &body, id, 0);
        world
            .messages
            .entry(channel)
            .or_default()
            .push(message.clone());
        message
    };
    let guild = state.world().guild_of_channel(channel).map(|g| g.id);
    state
        .gateway
        .dispatch_to_guild(&state, guild, "MESSAGE_CREATE", message.clone());
    Ok(json_reply(StatusCode::OK, limit_headers, message))
}

/// `GET /channels/{channel}/messages?limit=`: newest first; blanked as the MESSAGE_CONTENT
/// intent says when the application may not use it.
pub(crate) async fn list(
    state: AppState,
    Path(channel): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Ok(channel) = channel.parse::<u64>() else {
        return unknown(10003, "Channel");
    };
    let count = query
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(50usize)
        .clamp(1, 100);
    let world = state.world();
    if !world.channel_exists(channel) {
        return unknown(10003, "Channel");
    }
    let mut messages: Vec<Value> = world
        .messages
        .get(&channel)
        .map(|list| list.iter().rev().take(count).cloned().collect())
        .unwrap_or_default();
    // An application not allowed MESSAGE_CONTENT reads messages over HTTP as the gateway sends
    // them without it; the intents of an IDENTIFY play no part here (GW "HTTP Restrictions").
    if state.privileged_intents & crate::MESSAGE_CONTENT == 0 {
        let bot = world.bot_id.to_string();
        let in_dm = world.dm_recipient(channel).is_some();
        for message in &mut messages {
            intents::hide_content(message, &bot, in_dm);
        }
    }
    ok(Value::Array(messages))
}

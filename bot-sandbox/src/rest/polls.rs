//! Polls and voice channels: `GET /channels/{id}/polls/{message}/answers/{answer}`,
//! `POST /channels/{id}/polls/{message}/expire`, `PUT /channels/{id}/voice-status`,
//! `POST /channels/{id}/send-soundboard-sound`.

use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use axum::extract::{Path, Query, Request};
use serde_json::{Value, json};
use std::collections::HashMap;

/// `GET .../polls/{message}/answers/{answer}?after=&limit=` (1–100, 25 by default):
/// `{users}`.
pub(crate) async fn voters(
    state: AppState,
    Path((channel, message, answer)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let message = snowflake(&message, 10008, "Message")?;
    let answer: u32 = answer
        .parse()
        .map_err(|_| super::invalid_form("NUMBER_TYPE_COERCE", "answer_id: Value is not int."))?;
    let limit = match query.get("limit") {
        None => 25,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| {
                super::invalid_form("NUMBER_TYPE_MAX", "limit: Must be between 1 and 100.")
            })?,
    };
    let after = match query.get("after") {
        None => 0,
        Some(text) => text.parse().map_err(|_| {
            super::invalid_form("NUMBER_TYPE_COERCE", "after: Value is not snowflake.")
        })?,
    };
    let users = state
        .world()
        .poll_voters(channel, message, answer, after, limit)
        .map_err(refused)?;
    Ok(ok(json!({ "users": users })))
}

/// `POST .../polls/{message}/expire`: ends the bot's poll; the message.
pub(crate) async fn expire(
    state: AppState,
    Path((channel, message)): Path<(String, String)>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let message = snowflake(&message, 10008, "Message")?;
    state
        .change(|world| world.end_poll(channel, message))
        .map(ok)
        .map_err(refused)
}

/// `PUT /channels/{channel}/voice-status` `{status}` (at most 500 characters).
pub(crate) async fn voice_status(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body = payload(request).await?;
    let status = match body.get("status") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) if text.chars().count() <= 500 => Some(text.clone()),
        Some(_) => {
            return Err(super::invalid_form(
                "BASE_TYPE_MAX_LENGTH",
                "status: Must be 500 or fewer in length.",
            ));
        }
    };
    state
        .change(|world| world.set_voice_status(channel, status))
        .map(|()| no_content())
        .map_err(refused)
}

/// `POST /channels/{channel}/send-soundboard-sound` `{sound_id, source_guild_id?}`.
pub(crate) async fn soundboard(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body = payload(request).await?;
    let id = |key: &str| {
        body.get(key).and_then(|id| {
            id.as_u64()
                .or_else(|| id.as_str().and_then(|s| s.parse().ok()))
        })
    };
    let sound = id("sound_id").ok_or_else(|| {
        super::invalid_form("BASE_TYPE_REQUIRED", "sound_id: This field is required")
    })?;
    let source = id("source_guild_id");
    state
        .change(|world| world.send_soundboard_sound(channel, sound, source))
        .map(|()| no_content())
        .map_err(refused)
}

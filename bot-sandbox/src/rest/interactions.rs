//! The interaction callback and the interaction webhooks (RR L266-494); `rest::webhooks`
//! hands them the webhook paths whose id is the application's.

use super::messages::build_message;
use super::{
    AppState, Reply, RouteName, error, json_reply, limit, no_content, ok, payload, unknown,
};
use crate::world::{InteractionRecord, InteractionResponse, World};
use axum::extract::{Path, Query, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};
use std::collections::HashMap;

const EPHEMERAL: u64 = 1 << 6;
const LOADING: u64 = 1 << 7;

fn unknown_interaction() -> Response {
    unknown(10062, "interaction")
}

fn unknown_webhook() -> Response {
    unknown(10015, "Webhook")
}

/// Checks a message body: at most 2000 characters of content and 10 embeds, and not empty.
pub(super) fn check_message(body: &Value) -> Result<(), Response> {
    let content = body.get("content").and_then(Value::as_str).unwrap_or("");
    if content.chars().count() > 2000 {
        return Err(super::json_reply(
            StatusCode::BAD_REQUEST,
            HeaderMap::new(),
            json!({"code": 50035, "message": "Invalid Form Body", "errors": {"content": {"_errors": [
                {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}]}}}),
        ));
    }
    let count = |key: &str| body.get(key).and_then(Value::as_array).map_or(0, Vec::len);
    if count("embeds") > 10 {
        return Err(super::invalid_form(
            "BASE_TYPE_MAX_LENGTH",
            "embeds: Must be 10 or fewer in length.",
        ));
    }
    let has_any = !content.is_empty()
        || ["embeds", "components", "attachments", "sticker_ids"]
            .iter()
            .any(|k| count(k) > 0)
        || body.get("poll").is_some_and(|p| !p.is_null());
    if !has_any {
        return Err(error(
            StatusCode::BAD_REQUEST,
            50006,
            "Cannot send an empty message",
        ));
    }
    Ok(())
}

/// Which of an interaction's messages one is.
#[derive(Clone, Copy)]
enum Place<'a> {
    /// The original response.
    Original,
    /// A follow-up; the original response's id while there is one.
    Followup(Option<&'a str>),
}

/// A message the interaction's webhook sends. Discord renders the application as the
/// webhook (`webhook_id` and `application_id` are the application's id) and describes the
/// interaction in `interaction_metadata` (and the deprecated `interaction`). The original
/// response is a CHAT_INPUT_COMMAND (20) or CONTEXT_MENU_COMMAND (23) message; a message
/// command's original response also references the target message.
fn reply_message(
    world: &World,
    record: &InteractionRecord,
    body: &Value,
    id: u64,
    place: Place<'_>,
) -> Value {
    let kind = match (place, record.invoker.command_type) {
        (Place::Followup(_), _) => 0,
        (Place::Original, 1) => 20,
        (Place::Original, _) => 23,
    };
    let original = match place {
        Place::Original => None,
        Place::Followup(original) => original,
    };
    let channel = record.channel_id.unwrap_or(0);
    let mut message = build_message(world, channel, world.bot_id, body, id, kind);
    let application = json!(world.application_id.to_string());
    message["webhook_id"] = application.clone();
    message["application_id"] = application;
    message["interaction_metadata"] = world.interaction_metadata_json(record, original);
    message["interaction"] = world.message_interaction_json(record);
    if matches!(place, Place::Original)
        && let Some(target) = world.target_message(record)
    {
        let mut reference =
            json!({"type": 0, "message_id": target["id"], "channel_id": channel.to_string()});
        if let Some(guild) = record.guild_id {
            reference["guild_id"] = json!(guild.to_string());
        }
        message["message_reference"] = reference;
        message["referenced_message"] = target.clone();
    }
    message
}

/// `POST /interactions/{id}/{token}/callback[?with_response=true]`.
pub(crate) async fn callback(
    state: AppState,
    Path((id, token)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    request: Request,
) -> Response {
    let body = match payload(request).await {
        Ok(body) => body,
        Err(e) => return e,
    };
    let with_response = matches!(
        query.get("with_response").map(String::as_str),
        Some("true" | "True" | "1")
    );
    let kind = body.get("type").and_then(Value::as_u64).unwrap_or(0);
    let data = body.get("data").cloned().unwrap_or_else(|| json!({}));
    let deadline = state.timings.interaction_deadline;
    let mut world = state.world();
    let world = &mut *world;
    let Some(record) = id
        .parse()
        .ok()
        .and_then(|id: u64| world.interactions.get(&id))
    else {
        return unknown_interaction();
    };
    if record.token != token {
        return unknown_interaction();
    }
    if record.acknowledged() {
        return error(
            StatusCode::BAD_REQUEST,
            40060,
            "Interaction has already been acknowledged.",
        );
    }
    if record.created.elapsed() > deadline {
        record.state.send_modify(|s| s.expired = true);
        return unknown_interaction();
    }
    if !matches!(kind, 4..=9) {
        return super::json_reply(
            StatusCode::BAD_REQUEST,
            HeaderMap::new(),
            json!({"code": 50035, "message": "Invalid Form Body", "errors": {"type": {"_errors": [
                {"code": "BASE_TYPE_CHOICES", "message": "Value must be one of {4, 5, 6, 7, 8, 9}."}]}}}),
        );
    }
    if kind == 4
        && let Err(e) = check_message(&data)
    {
        return e;
    }
    let (interaction_id, channel_id) = (record.id, record.channel_id);
    let interaction_type = record.invoker.interaction_type;
    let flags = data.get("flags").and_then(Value::as_u64).unwrap_or(0);
    let message = match kind {
        4 => Some(reply_message(
            world,
            record,
            &data,
            world.ids.next(),
            Place::Original,
        )),
        5 => {
            let loading = json!({"content": "", "flags": LOADING | (flags & EPHEMERAL)});
            Some(reply_message(
                world,
                record,
                &loading,
                world.ids.next(),
                Place::Original,
            ))
        }
        _ => None,
    };
    let ephemeral = flags & EPHEMERAL != 0;
    if let (Some(message), Some(channel), false) = (&message, channel_id, ephemeral) {
        world
            .messages
            .entry(channel)
            .or_default()
            .push(message.clone());
    }
    if let Some(record) = world.interactions.get(&interaction_id) {
        record.state.send_modify(|s| {
            s.response = Some(InteractionResponse {
                kind: kind as u8,
                data: data.clone(),
            });
            s.original = message.clone();
        });
    }
    if !with_response {
        return no_content();
    }
    // The `response_message_*` fields and `resource` exist only when the response made a
    // message; `activity_instance_id` only when it launched an activity (RR "Interaction
    // Callback Object"): omitted, never `null`.
    let mut interaction = json!({"id": interaction_id.to_string(), "type": interaction_type});
    let mut body = json!({});
    if let Some(message) = message {
        interaction["response_message_id"] = message["id"].clone();
        interaction["response_message_loading"] = json!(kind == 5);
        interaction["response_message_ephemeral"] = json!(ephemeral);
        body["resource"] = json!({"type": kind, "message": message});
    }
    body["interaction"] = interaction;
    ok(body)
}

/// The interaction whose token this is, if the token is still valid for webhooks.
fn by_token<'w>(
    world: &'w World,
    app: &str,
    token: &str,
    lifetime: std::time::Duration,
) -> Option<&'w InteractionRecord> {
    if app.parse::<u64>().ok() != Some(world.application_id) {
        return None;
    }
    world
        .interactions
        .values()
        .find(|r| r.token == token && r.created.elapsed() <= lifetime && r.acknowledged())
}

/// `POST /webhooks/{app}/{token}`: a follow-up (always `wait=true`).
pub(crate) async fn followup(
    state: AppState,
    Path((app, token)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let limit_headers = limit(&state, RouteName::Webhooks, &token)?;
    let body = payload(request).await?;
    check_message(&body)?;
    let mut world = state.world();
    let world = &mut *world;
    let record =
        by_token(world, &app, &token, state.timings.token_lifetime).ok_or_else(unknown_webhook)?;
    let (channel, state_tx) = (record.channel_id.unwrap_or(0), record.state.clone());
    let snapshot = state_tx.borrow().clone();
    let original_id = snapshot
        .original
        .as_ref()
        .and_then(|m| m.get("id"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let deferred_loading = snapshot.followups.is_empty()
        && snapshot
            .original
            .as_ref()
            .and_then(|m| m.get("flags"))
            .and_then(Value::as_u64)
            .is_some_and(|f| f & LOADING != 0);
    if deferred_loading && let Some(original) = snapshot.original {
        // The first follow-up after a defer edits the loading message, keeping its ephemerality.
        let keep = original.get("flags").and_then(Value::as_u64).unwrap_or(0) & EPHEMERAL;
        let mut edit = body.clone();
        edit["flags"] = json!(keep);
        let id = original_id.and_then(|s| s.parse().ok()).unwrap_or(0);
        let message = reply_message(world, record, &edit, id, Place::Original);
        replace_in_channel(world, channel, &message);
        state_tx.send_modify(|s| s.original = Some(message.clone()));
        return Ok(json_reply(StatusCode::OK, limit_headers, message));
    }
    let message = reply_message(
        world,
        record,
        &body,
        world.ids.next(),
        Place::Followup(original_id.as_deref()),
    );
    let ephemeral = message.get("flags").and_then(Value::as_u64).unwrap_or(0) & EPHEMERAL != 0;
    if !ephemeral {
        world
            .messages
            .entry(channel)
            .or_default()
            .push(message.clone());
    }
    state_tx.send_modify(|s| s.followups.push(message.clone()));
    Ok(json_reply(StatusCode::OK, limit_headers, message))
}

fn replace_in_channel(world: &mut World, channel: u64, message: &Value) {
    if let Some(list) = world.messages.get_mut(&channel)
        && let Some(slot) = list.iter_mut().find(|m| m.get("id") == message.get("id"))
    {
        *slot = message.clone();
    }
}

/// The message `@original` or a follow-up id names.
fn find_message(record: &InteractionRecord, message: &str) -> Option<Value> {
    let state = record.state.borrow();
    if message == "@original" {
        return state.original.clone();
    }
    state
        .followups
        .iter()
        .find(|m| m.get("id").and_then(Value::as_str) == Some(message))
        .cloned()
}

/// `GET /webhooks/{app}/{token}/messages/{message}`.
pub(crate) async fn get_message(
    state: AppState,
    Path((app, token, message)): Path<(String, String, String)>,
) -> Response {
    let world = state.world();
    let Some(record) = by_token(&world, &app, &token, state.timings.token_lifetime) else {
        return unknown_webhook();
    };
    match find_message(record, &message) {
        Some(found) => ok(found),
        None => unknown(10008, "Message"),
    }
}

/// `PATCH /webhooks/{app}/{token}/messages/{message}`.
pub(crate) async fn edit_message(
    state: AppState,
    Path((app, token, message)): Path<(String, String, String)>,
    request: Request,
) -> Reply {
    let limit_headers = limit(&state, RouteName::Webhooks, &token)?;
    let body = payload(request).await?;
    let mut world = state.world();
    let world = &mut *world;
    let record =
        by_token(world, &app, &token, state.timings.token_lifetime).ok_or_else(unknown_webhook)?;
    let mut found = find_message(record, &message).ok_or_else(|| unknown(10008, "Message"))?;
    let state_tx = record.state.clone();
    let channel = record.channel_id.unwrap_or(0);
    for key in [
        "content",
        "embeds",
        "components",
        "attachments",
        "allowed_mentions",
    ] {
        if let Some(value) = body.get(key) {
            found[key] = value.clone();
        }
    }
    let flags = found.get("flags").and_then(Value::as_u64).unwrap_or(0) & !LOADING;
    found["flags"] = json!(flags);
    found["edited_timestamp"] = json!(super::messages::now_iso());
    replace_in_channel(world, channel, &found);
    let id = found.get("id").cloned();
    state_tx.send_modify(|s| {
        if message == "@original" {
            s.original = Some(found.clone());
        } else if let Some(slot) = s.followups.iter_mut().find(|m| m.get("id") == id.as_ref()) {
            *slot = found.clone();
        }
    });
    Ok(json_reply(StatusCode::OK, limit_headers, found))
}

/// `DELETE /webhooks/{app}/{token}/messages/{message}`.
pub(crate) async fn delete_message(
    state: AppState,
    Path((app, token, message)): Path<(String, String, String)>,
) -> Response {
    let mut world = state.world();
    let world = &mut *world;
    let Some(record) = by_token(world, &app, &token, state.timings.token_lifetime) else {
        return unknown_webhook();
    };
    let Some(found) = find_message(record, &message) else {
        return unknown(10008, "Message");
    };
    let state_tx = record.state.clone();
    let channel = record.channel_id.unwrap_or(0);
    if let Some(list) = world.messages.get_mut(&channel) {
        list.retain(|m| m.get("id") != found.get("id"));
    }
    state_tx.send_modify(|s| {
        if message == "@original" {
            s.original = None;
        } else {
            s.followups.retain(|m| m.get("id") != found.get("id"));
        }
    });
    no_content()
}

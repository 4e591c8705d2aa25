//! Webhooks (WH): a channel's (list, create, follow an announcement channel), a guild's, one
//! by id with the bot's token or by id and token, and the messages sent through one.
//!
//! Discord serves an interaction's webhook (`/webhooks/{application}/{token}`) on the same
//! paths as an incoming webhook's: a request whose id is the application's goes to the
//! interaction follow-ups (`rest::interactions`), any other to the webhook of that id.

use super::{
    AppState, Reply, RouteName, interactions, invalid_form, json_reply, limit, no_content, ok,
    payload, payload_and_files, refused, snowflake,
};
use crate::world::{Refusal, WebhookChange, WebhookQuery, check_webhook_name, image_hash};
use axum::extract::{Path, Query, Request};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;
use std::collections::HashMap;

type Params = HashMap<String, String>;

/// A 50035 refusal as Discord's field error body.
fn form(refusal: &Refusal) -> Response {
    invalid_form("BASE_TYPE_BAD_VALUE", &refusal.message)
}

fn truthy(query: &Params, key: &str) -> bool {
    matches!(
        query.get(key).map(String::as_str),
        Some("true" | "True" | "1")
    )
}

/// A snowflake of a body: a string or an integer.
fn body_snowflake(value: &Value) -> Option<u64> {
    value
        .as_u64()
        .or_else(|| value.as_str().and_then(|s| s.parse().ok()))
}

/// `thread_id` and `with_components` of the query (50035 for a `thread_id` that is no
/// snowflake).
fn webhook_query(query: &Params) -> Result<WebhookQuery, Response> {
    let thread = match query.get("thread_id") {
        None => None,
        Some(text) => Some(text.parse().map_err(|_| {
            invalid_form("NUMBER_TYPE_COERCE", "thread_id: Value is not snowflake.")
        })?),
    };
    Ok(WebhookQuery {
        thread,
        with_components: truthy(query, "with_components"),
    })
}

/// Whether `id` is the application's: the path is an interaction's webhook.
fn is_interaction(state: &AppState, id: &str) -> bool {
    id.parse::<u64>().ok() == Some(state.world().application_id)
}

/// `GET /channels/{channel}/webhooks` (MANAGE_WEBHOOKS).
pub(crate) async fn channel_webhooks(state: AppState, Path(channel): Path<String>) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let webhooks = state.world().channel_webhooks(channel).map_err(refused)?;
    Ok(ok(Value::Array(webhooks)))
}

/// `POST /channels/{channel}/webhooks` (MANAGE_WEBHOOKS): WEBHOOKS_UPDATE.
pub(crate) async fn create(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body = payload(request).await?;
    let name =
        check_webhook_name(body.get("name").and_then(Value::as_str)).map_err(|r| form(&r))?;
    // The sandbox keeps no images: an avatar data URI becomes a hash.
    let avatar = body.get("avatar").and_then(Value::as_str).map(image_hash);
    state
        .change(|world| world.create_webhook(channel, name, avatar))
        .map(ok)
        .map_err(refused)
}

/// `POST /channels/{channel}/followers` `{webhook_channel_id}`: follows an announcement
/// channel; `{channel_id, webhook_id}`.
pub(crate) async fn follow(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body = payload(request).await?;
    let target = body
        .get("webhook_channel_id")
        .and_then(body_snowflake)
        .ok_or_else(|| {
            invalid_form(
                "BASE_TYPE_REQUIRED",
                "webhook_channel_id: This field is required",
            )
        })?;
    state
        .change(|world| world.follow_channel(channel, target))
        .map(ok)
        .map_err(refused)
}

/// `GET /guilds/{guild}/webhooks` (MANAGE_WEBHOOKS).
pub(crate) async fn guild_webhooks(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let webhooks = state.world().guild_webhooks(guild).map_err(refused)?;
    Ok(ok(Value::Array(webhooks)))
}

/// `GET /webhooks/{webhook}` (MANAGE_WEBHOOKS).
pub(crate) async fn get(state: AppState, Path(webhook): Path<String>) -> Reply {
    let webhook = snowflake(&webhook, 10015, "Webhook")?;
    state
        .world()
        .get_webhook(webhook, None)
        .map(ok)
        .map_err(refused)
}

/// `GET /webhooks/{webhook}/{token}`: without `user`.
pub(crate) async fn get_with_token(
    state: AppState,
    Path((webhook, token)): Path<(String, String)>,
) -> Reply {
    let webhook = snowflake(&webhook, 10015, "Webhook")?;
    state
        .world()
        .get_webhook(webhook, Some(&token))
        .map(ok)
        .map_err(refused)
}

/// The change a Modify Webhook body asks; `channel_id` only `with_channel` (the bot's token).
fn change_of(body: &Value, with_channel: bool) -> Result<WebhookChange, Response> {
    let name = match body.get("name") {
        None | Some(Value::Null) => None,
        Some(name) => Some(check_webhook_name(name.as_str()).map_err(|r| form(&r))?),
    };
    let avatar = match body.get("avatar") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(data) => Some(data.as_str().map(image_hash)),
    };
    let channel = match body.get("channel_id") {
        Some(id) if with_channel && !id.is_null() => Some(body_snowflake(id).ok_or_else(|| {
            invalid_form("NUMBER_TYPE_COERCE", "channel_id: Value is not snowflake.")
        })?),
        _ => None,
    };
    Ok(WebhookChange {
        name,
        avatar,
        channel,
    })
}

/// `PATCH /webhooks/{webhook}` (MANAGE_WEBHOOKS): name, avatar, channel; WEBHOOKS_UPDATE.
pub(crate) async fn modify(
    state: AppState,
    Path(webhook): Path<String>,
    request: Request,
) -> Reply {
    let webhook = snowflake(&webhook, 10015, "Webhook")?;
    let change = change_of(&payload(request).await?, true)?;
    state
        .change(|world| world.modify_webhook(webhook, None, change))
        .map(ok)
        .map_err(refused)
}

/// `PATCH /webhooks/{webhook}/{token}`: name and avatar; WEBHOOKS_UPDATE.
pub(crate) async fn modify_with_token(
    state: AppState,
    Path((webhook, token)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let webhook = snowflake(&webhook, 10015, "Webhook")?;
    let change = change_of(&payload(request).await?, false)?;
    state
        .change(|world| world.modify_webhook(webhook, Some(&token), change))
        .map(ok)
        .map_err(refused)
}

/// `DELETE /webhooks/{webhook}` (MANAGE_WEBHOOKS): WEBHOOKS_UPDATE.
pub(crate) async fn delete(state: AppState, Path(webhook): Path<String>) -> Reply {
    let webhook = snowflake(&webhook, 10015, "Webhook")?;
    state
        .change(|world| world.delete_webhook(webhook, None))
        .map_err(refused)?;
    Ok(no_content())
}

/// `DELETE /webhooks/{webhook}/{token}`: WEBHOOKS_UPDATE.
pub(crate) async fn delete_with_token(
    state: AppState,
    Path((webhook, token)): Path<(String, String)>,
) -> Reply {
    let webhook = snowflake(&webhook, 10015, "Webhook")?;
    state
        .change(|world| world.delete_webhook(webhook, Some(&token)))
        .map_err(refused)?;
    Ok(no_content())
}

/// `POST /webhooks/{webhook}/{token}?wait=&thread_id=&with_components=`: a message through
/// the webhook (200 with it `wait`, else 204), or an interaction's follow-up.
pub(crate) async fn execute(
    state: AppState,
    Path((webhook, token)): Path<(String, String)>,
    Query(query): Query<Params>,
    request: Request,
) -> Reply {
    if is_interaction(&state, &webhook) {
        return interactions::followup(state, Path((webhook, token)), request).await;
    }
    let id = snowflake(&webhook, 10015, "Webhook")?;
    let limit_headers = limit(&state, RouteName::Webhooks, &token)?;
    let options = webhook_query(&query)?;
    let (body, files) = payload_and_files(request).await?;
    interactions::check_message(&body)?;
    let base = format!("http://{}", state.addr);
    let message = state
        .change(|world| world.execute_webhook(id, &token, &body, &options, files, &base))
        .map_err(refused)?;
    if truthy(&query, "wait") {
        Ok(json_reply(StatusCode::OK, limit_headers, message))
    } else {
        let mut response = no_content();
        response.headers_mut().extend(limit_headers);
        Ok(response)
    }
}

/// `GET /webhooks/{webhook}/{token}/messages/{message}?thread_id=`.
pub(crate) async fn get_message(
    state: AppState,
    Path((webhook, token, message)): Path<(String, String, String)>,
    Query(query): Query<Params>,
) -> Reply {
    if is_interaction(&state, &webhook) {
        return Ok(interactions::get_message(state, Path((webhook, token, message))).await);
    }
    let id = snowflake(&webhook, 10015, "Webhook")?;
    let options = webhook_query(&query)?;
    state
        .world()
        .get_webhook_message(id, &token, &message, &options)
        .map(ok)
        .map_err(refused)
}

/// `PATCH /webhooks/{webhook}/{token}/messages/{message}?thread_id=&with_components=`:
/// MESSAGE_UPDATE.
pub(crate) async fn edit_message(
    state: AppState,
    Path((webhook, token, message)): Path<(String, String, String)>,
    Query(query): Query<Params>,
    request: Request,
) -> Reply {
    if is_interaction(&state, &webhook) {
        return interactions::edit_message(state, Path((webhook, token, message)), request).await;
    }
    let id = snowflake(&webhook, 10015, "Webhook")?;
    let limit_headers = limit(&state, RouteName::Webhooks, &token)?;
    let options = webhook_query(&query)?;
    let (body, files) = payload_and_files(request).await?;
    super::messages::check_content(&body)?;
    let base = format!("http://{}", state.addr);
    let edited = state
        .change(|world| {
            world.edit_webhook_message(id, &token, &message, (&body, &options), files, &base)
        })
        .map_err(refused)?;
    Ok(json_reply(StatusCode::OK, limit_headers, edited))
}

/// `DELETE /webhooks/{webhook}/{token}/messages/{message}?thread_id=`: MESSAGE_DELETE.
pub(crate) async fn delete_message(
    state: AppState,
    Path((webhook, token, message)): Path<(String, String, String)>,
    Query(query): Query<Params>,
) -> Reply {
    if is_interaction(&state, &webhook) {
        return Ok(interactions::delete_message(state, Path((webhook, token, message))).await);
    }
    let id = snowflake(&webhook, 10015, "Webhook")?;
    let options = webhook_query(&query)?;
    state
        .change(|world| world.delete_webhook_message(id, &token, &message, &options))
        .map_err(refused)?;
    Ok(no_content())
}

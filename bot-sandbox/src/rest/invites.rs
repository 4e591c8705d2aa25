//! Channel invites and webhooks: `GET/POST /channels/{id}/invites`,
//! `GET/POST /channels/{id}/webhooks`, `POST /channels/{id}/followers`.

use super::{AppState, Reply, ok, payload, refused, snowflake};
use crate::world::{InviteRequest, check_webhook_name};
use axum::extract::{Path, Request};
use serde_json::Value;

/// `GET /channels/{channel}/invites` (MANAGE_CHANNELS).
pub(crate) async fn list(state: AppState, Path(channel): Path<String>) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let invites = state.world().channel_invites(channel).map_err(refused)?;
    Ok(ok(Value::Array(invites)))
}

/// `POST /channels/{channel}/invites` (CREATE_INSTANT_INVITE): INVITE_CREATE.
pub(crate) async fn create(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body = payload(request).await?;
    let invite = InviteRequest::of(&body).map_err(|r| form(&r))?;
    state
        .change(|world| world.create_invite(channel, invite))
        .map(ok)
        .map_err(refused)
}

/// A 50035 refusal as Discord's field error body.
fn form(refusal: &crate::world::Refusal) -> axum::response::Response {
    super::invalid_form("BASE_TYPE_BAD_VALUE", &refusal.message)
}

/// `GET /channels/{channel}/webhooks` (MANAGE_WEBHOOKS).
pub(crate) async fn webhooks(state: AppState, Path(channel): Path<String>) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let webhooks = state.world().channel_webhooks(channel).map_err(refused)?;
    Ok(ok(Value::Array(webhooks)))
}

/// `POST /channels/{channel}/webhooks` (MANAGE_WEBHOOKS): WEBHOOKS_UPDATE.
pub(crate) async fn create_webhook(
    state: AppState,
    Path(channel): Path<String>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body = payload(request).await?;
    let name =
        check_webhook_name(body.get("name").and_then(Value::as_str)).map_err(|r| form(&r))?;
    // The sandbox keeps no images: an avatar data URI becomes a hash.
    let avatar = body
        .get("avatar")
        .and_then(Value::as_str)
        .map(|data| format!("{:032x}", fnv(data.as_bytes())));
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
        .and_then(|id| {
            id.as_u64()
                .or_else(|| id.as_str().and_then(|s| s.parse().ok()))
        })
        .ok_or_else(|| {
            super::invalid_form(
                "BASE_TYPE_REQUIRED",
                "webhook_channel_id: This field is required",
            )
        })?;
    state
        .change(|world| world.follow_channel(channel, target))
        .map(ok)
        .map_err(refused)
}

/// FNV-1a, widened: a stable stand-in for an image hash.
fn fnv(bytes: &[u8]) -> u128 {
    bytes
        .iter()
        .fold(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d, |h, b| {
            (h ^ u128::from(*b)).wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b)
        })
}

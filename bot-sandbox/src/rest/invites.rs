//! Channel invites: `GET/POST /channels/{id}/invites` (a channel's webhooks are in
//! `rest::webhooks`).

use super::{AppState, Reply, ok, payload, refused, snowflake};
use crate::world::InviteRequest;
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

//! Group-DM recipients: `PUT/DELETE /channels/{id}/recipients/{user}`.

use super::{AppState, Reply, json_reply, no_content, payload, refused, snowflake};
use axum::extract::{Path, Request};
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;

/// `PUT /channels/{channel}/recipients/{user}` `{access_token, nick?}`: 201 with the group
/// when the user was added, 204 when they already were in it.
pub(crate) async fn add(
    state: AppState,
    Path((channel, user)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let user = snowflake(&user, 10013, "User")?;
    let body = payload(request).await?;
    let token = body
        .get("access_token")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            super::invalid_form("BASE_TYPE_REQUIRED", "access_token: This field is required")
        })?
        .to_owned();
    let nick = body.get("nick").and_then(Value::as_str).map(str::to_owned);
    let added = state
        .change(|world| world.add_group_recipient(channel, user, &token, nick))
        .map_err(refused)?;
    Ok(match added {
        Some(group) => json_reply(StatusCode::CREATED, HeaderMap::new(), group),
        None => no_content(),
    })
}

/// `DELETE /channels/{channel}/recipients/{user}`.
pub(crate) async fn remove(
    state: AppState,
    Path((channel, user)): Path<(String, String)>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let user = snowflake(&user, 10013, "User")?;
    state
        .change(|world| world.remove_group_recipient(channel, user))
        .map(|()| no_content())
        .map_err(refused)
}

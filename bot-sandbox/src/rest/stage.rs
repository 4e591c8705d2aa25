//! Stage instances: `POST /stage-instances`, `GET/PATCH/DELETE /stage-instances/{channel}`.

use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use crate::world::StageRequest;
use axum::extract::{Path, Request};
use serde_json::Value;

/// A 50035 refusal as Discord's field-error body.
fn form(refusal: &crate::world::Refusal) -> axum::response::Response {
    if refusal.code == 50035 {
        super::invalid_form("BASE_TYPE_BAD_VALUE", &refusal.message)
    } else {
        refused(refusal.clone())
    }
}

/// `POST /stage-instances` `{channel_id, topic, privacy_level?, send_start_notification?,
/// guild_scheduled_event_id?}`: STAGE_INSTANCE_CREATE.
pub(crate) async fn create(state: AppState, request: Request) -> Reply {
    let body = payload(request).await?;
    let channel = body
        .get("channel_id")
        .and_then(|id| id.as_str().and_then(|s| s.parse().ok()).or(id.as_u64()))
        .ok_or_else(|| {
            super::invalid_form("BASE_TYPE_REQUIRED", "channel_id: This field is required")
        })?;
    let stage = StageRequest::of(&body).map_err(|r| form(&r))?;
    state
        .change(|world| world.create_stage(channel, stage))
        .map(ok)
        .map_err(|r| form(&r))
}

/// `GET /stage-instances/{channel}`.
pub(crate) async fn get(state: AppState, Path(channel): Path<String>) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    state
        .world()
        .stage_instance(channel)
        .map(ok)
        .map_err(refused)
}

/// `PATCH /stage-instances/{channel}` `{topic?, privacy_level?}`: STAGE_INSTANCE_UPDATE.
pub(crate) async fn edit(state: AppState, Path(channel): Path<String>, request: Request) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body: Value = payload(request).await?;
    let stage = StageRequest::of(&body).map_err(|r| form(&r))?;
    state
        .change(|world| world.edit_stage(channel, stage))
        .map(ok)
        .map_err(|r| form(&r))
}

/// `DELETE /stage-instances/{channel}`: STAGE_INSTANCE_DELETE.
pub(crate) async fn delete(state: AppState, Path(channel): Path<String>) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    state
        .change(|world| world.delete_stage(channel))
        .map(|()| no_content())
        .map_err(refused)
}

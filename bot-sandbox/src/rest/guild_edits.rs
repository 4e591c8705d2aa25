//! `PATCH /guilds/{guild}` (name 2–100 characters, description; MANAGE_GUILD), `PATCH
//! /guilds/{guild}/channels` (`[{id, position}]`; MANAGE_CHANNELS) and `GET
//! /guilds/{guild}/threads/active`.

use super::form::{self, field_error};
use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use crate::world::bans::MANAGE_GUILD;
use axum::extract::{Path, Request};
use serde_json::Value;

/// `PATCH /guilds/{guild}`.
pub(crate) async fn edit(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    let name = match body.get("name") {
        None => None,
        Some(Value::String(name)) if (2..=100).contains(&name.chars().count()) => {
            Some(name.clone())
        }
        Some(_) => {
            return Err(field_error(
                "name",
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 2 and 100 in length.",
            ));
        }
    };
    let description = match body.get("description") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(text)) if text.chars().count() <= 120 => Some(Some(text.clone())),
        Some(_) => {
            return Err(field_error(
                "description",
                "BASE_TYPE_MAX_LENGTH",
                "Must be 120 or fewer in length.",
            ));
        }
    };
    state
        .change(|world| {
            world.require_guild(guild, MANAGE_GUILD)?;
            world.edit_guild(guild, name, description)
        })
        .map(ok)
        .map_err(refused)
}

/// `PATCH /guilds/{guild}/channels`.
pub(crate) async fn positions(
    state: AppState,
    Path(guild): Path<String>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    let moves = form::positions(&body)?;
    state
        .change(|world| {
            world.require_guild(guild, crate::world::channels_api::MANAGE_CHANNELS)?;
            world.move_channels(guild, &moves)
        })
        .map(|()| no_content())
        .map_err(refused)
}

/// `GET /guilds/{guild}/threads/active`.
pub(crate) async fn active_threads(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let world = state.world();
    world.acting_guild(guild).map_err(refused)?;
    Ok(ok(world.active_threads(guild)))
}

//! A guild's channels (developers/resources/guild.mdx "Get Guild Channels", "Create Guild
//! Channel"): list them, and create one (MANAGE_CHANNELS): 201 with the channel, and
//! CHANNEL_CREATE through the change API.

use super::form::{self, field_error};
use super::{AppState, Reply, json_reply, ok, payload, refused, snowflake};
use crate::world::channels_api::overwrite_of;
use crate::world::{CREATABLE_CHANNEL_TYPES, NewChannel};
use axum::extract::{Path, Request};
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;

/// `GET /guilds/{guild}/channels`: every channel but threads.
pub(crate) async fn list(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let world = state.world();
    let record = world.acting_guild(guild).map_err(refused)?;
    let channels = record
        .channels
        .iter()
        .filter(|c| c.thread.is_none())
        .map(|c| world.guild_channel_json(guild, c))
        .collect();
    Ok(ok(Value::Array(channels)))
}

/// The fields of a create body: `name` (1–100) is required; `type` one a guild channel may
/// have; `topic` up to 1,024; `rate_limit_per_user` up to 21,600; `parent_id` a category.
fn new_channel(body: &Value) -> Result<NewChannel, axum::response::Response> {
    let name = match body.get("name") {
        Some(Value::String(name)) if (1..=100).contains(&name.chars().count()) => name.clone(),
        Some(Value::String(_)) => {
            return Err(field_error(
                "name",
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            ));
        }
        _ => {
            return Err(field_error(
                "name",
                "BASE_TYPE_REQUIRED",
                "This field is required",
            ));
        }
    };
    let kind = match form::bounded_integer(body, "type", 0, 255) {
        Ok(None) => Some(0),
        Ok(Some(k)) => CREATABLE_CHANNEL_TYPES
            .iter()
            .copied()
            .find(|c| u64::from(*c) == k),
        Err(_) => None,
    }
    .ok_or_else(|| {
        field_error(
            "type",
            "BASE_TYPE_CHOICES",
            &format!("Value must be one of {CREATABLE_CHANNEL_TYPES:?}."),
        )
    })?;
    let overwrites = match body.get("permission_overwrites") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(overwrite_of)
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| {
                field_error(
                    "permission_overwrites",
                    "NUMBER_TYPE_COERCE",
                    "allow and deny are permission bits",
                )
            })?,
        Some(_) => {
            return Err(field_error(
                "permission_overwrites",
                "BASE_TYPE_LIST",
                "Could not interpret the value as a list.",
            ));
        }
    };
    Ok(NewChannel {
        name,
        kind,
        topic: form::nullable_string(body, "topic", 1024)?.flatten(),
        nsfw: form::nullable_bool(body, "nsfw")?.unwrap_or(false),
        parent_id: form::nullable_snowflake(body, "parent_id")?.flatten(),
        position: form::bounded_integer(body, "position", 0, u64::from(u32::MAX))?
            .map(|p| p as u32),
        rate_limit_per_user: form::bounded_integer(body, "rate_limit_per_user", 0, 21_600)?
            .unwrap_or(0) as u32,
        overwrites,
    })
}

/// `POST /guilds/{guild}/channels`: 201 with the channel. A `parent_id` that is not one of the
/// guild's categories is 50035.
pub(crate) async fn create(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let new = new_channel(&payload(request).await?)?;
    if let Some(parent) = new.parent_id {
        let world = state.world();
        let category = world
            .guilds
            .get(&guild)
            .and_then(|g| g.channel(parent))
            .is_some_and(|c| c.kind == 4);
        if !category {
            return Err(field_error(
                "parent_id",
                "CHANNEL_PARENT_INVALID",
                "Category does not exist",
            ));
        }
    }
    state
        .change(|world| {
            world.check_channel_create(guild, &new.overwrites)?;
            world.create_guild_channel(guild, new)
        })
        .map(|channel| json_reply(StatusCode::CREATED, HeaderMap::new(), channel))
        .map_err(refused)
}

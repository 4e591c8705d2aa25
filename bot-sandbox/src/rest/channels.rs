//! Channels: get, modify, delete, permission overwrites, typing.

use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use crate::world::channels_api::{SEND_MESSAGES, overwrite_of};
use axum::extract::{Path, Request};
use serde_json::{Value, json};

/// `GET /channels/{channel}`: a guild channel, thread, or a user's DM channel with the bot.
pub(crate) async fn get_channel(state: AppState, Path(channel): Path<String>) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let world = state.world();
    world.require(channel, 0).map_err(refused)?;
    world
        .any_channel_json(channel)
        .map(ok)
        .ok_or_else(|| super::unknown(10003, "Channel"))
}

/// `PATCH /channels/{channel}`.
pub(crate) async fn edit(state: AppState, Path(channel): Path<String>, request: Request) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let body = payload(request).await?;
    if let Some(name) = body.get("name").and_then(Value::as_str)
        && !(1..=100).contains(&name.chars().count())
    {
        return Err(super::invalid_form(
            "BASE_TYPE_BAD_LENGTH",
            "name: Must be between 1 and 100 in length.",
        ));
    }
    state
        .change(|world| world.edit_channel(channel, &body))
        .map(ok)
        .map_err(refused)
}

/// `DELETE /channels/{channel}`.
pub(crate) async fn delete(state: AppState, Path(channel): Path<String>) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    state
        .change(|world| world.delete_channel(channel))
        .map(ok)
        .map_err(refused)
}

/// `PUT /channels/{channel}/permissions/{id}`.
pub(crate) async fn put_overwrite(
    state: AppState,
    Path((channel, id)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let id = snowflake(&id, 10009, "Overwrite")?;
    let mut body = payload(request).await?;
    body["id"] = json!(id.to_string());
    let overwrite = overwrite_of(&body).ok_or_else(|| {
        super::invalid_form("NUMBER_TYPE_COERCE", "allow and deny are permission bits")
    })?;
    state
        .change(|world| {
            world.set_overwrite(
                channel,
                id,
                Some((overwrite.kind, overwrite.allow, overwrite.deny)),
            )
        })
        .map(|()| no_content())
        .map_err(refused)
}

/// `DELETE /channels/{channel}/permissions/{id}`.
pub(crate) async fn delete_overwrite(
    state: AppState,
    Path((channel, id)): Path<(String, String)>,
) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    let id = snowflake(&id, 10009, "Overwrite")?;
    state
        .change(|world| world.set_overwrite(channel, id, None))
        .map(|()| no_content())
        .map_err(refused)
}

/// `POST /channels/{channel}/typing`: TYPING_START to the guild (GUILD_MESSAGE_TYPING).
pub(crate) async fn typing(state: AppState, Path(channel): Path<String>) -> Reply {
    let channel = snowflake(&channel, 10003, "Channel")?;
    state
        .change(|world| {
            world.require(channel, SEND_MESSAGES)?;
            let guild = world.guild_id_of(channel);
            let mut data = json!({
                "channel_id": channel.to_string(),
                "user_id": world.bot_id.to_string(),
                "timestamp": std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs()),
            });
            if let Some(guild) = guild {
                data["guild_id"] = json!(guild.to_string());
            }
            Ok(crate::world::Changed::quiet(()).emit("TYPING_START", guild, Some(channel), data))
        })
        .map(|()| no_content())
        .map_err(refused)
}

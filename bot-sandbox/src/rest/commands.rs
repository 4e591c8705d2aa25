//! Application commands, global and per guild (AC L1179-1420).

use super::{
    AppState, Reply, RouteName, error, invalid_form, json_reply, limit, no_content, payload,
    unknown,
};
use crate::world::{CommandError, command_json_of};
use axum::extract::{Path, Query, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;
use std::collections::HashMap;

fn truthy(query: &Params, key: &str) -> bool {
    matches!(
        query.get(key).map(String::as_str),
        Some("true" | "True" | "1")
    )
}

/// Checks the application id in the path, the guild and the route's limit.
fn admit(state: &AppState, params: &Params) -> Result<(Option<u64>, HeaderMap), Response> {
    let (app, guild) = (
        param(params, "app"),
        params.get("guild").map(String::as_str),
    );
    let world = state.world();
    if app.parse::<u64>().ok() != Some(world.application_id) {
        return Err(error(StatusCode::FORBIDDEN, 50001, "Missing Access"));
    }
    let guild = match guild {
        None => None,
        Some(text) => match text
            .parse::<u64>()
            .ok()
            .filter(|id| world.guilds.contains_key(id))
        {
            Some(id) => Some(id),
            None => return Err(unknown(10004, "Guild")),
        },
    };
    drop(world);
    let major = format!("{app}:{}", guild.unwrap_or(0));
    let headers = limit(state, RouteName::ApplicationCommands, &major)?;
    Ok((guild, headers))
}

fn refuse(error_kind: CommandError) -> Response {
    match error_kind {
        CommandError::InvalidBody(form) => json_reply(
            StatusCode::BAD_REQUEST,
            HeaderMap::new(),
            serde_json::to_value(&form).unwrap_or(Value::Null),
        ),
        CommandError::Malformed(why) => invalid_form("MODEL_TYPE_CONVERT", &why),
        CommandError::DuplicateName(why) => invalid_form(
            "APPLICATION_COMMANDS_DUPLICATE_NAME",
            &format!("Application command names must be unique: {why}"),
        ),
        CommandError::TooMany => error(
            StatusCode::BAD_REQUEST,
            30032,
            "Maximum number of application commands reached",
        ),
        CommandError::DailyLimit => error(
            StatusCode::BAD_REQUEST,
            30034,
            "Max number of daily application command creates has been reached (200)",
        ),
        CommandError::Unknown => unknown(10063, "application command"),
    }
}

/// The path parameters of both the global and the guild routes: `app`, maybe `guild`, maybe `id`.
type Params = HashMap<String, String>;

fn param<'p>(params: &'p Params, key: &str) -> &'p str {
    params.get(key).map_or("", String::as_str)
}

fn command_id(params: &Params) -> Result<u64, Response> {
    param(params, "id")
        .parse()
        .map_err(|_| refuse(CommandError::Unknown))
}

/// `GET .../commands[?with_localizations=true]`.
pub(crate) async fn list(
    state: AppState,
    Path(params): Path<Params>,
    Query(query): Query<Params>,
) -> Reply {
    let (guild, limit_headers) = admit(&state, &params)?;
    let localized = truthy(&query, "with_localizations");
    let world = state.world();
    let body: Vec<Value> = world
        .commands
        .list(guild)
        .iter()
        .map(|c| crate::world::command_json_localized(c, world.application_id, guild, localized))
        .collect();
    Ok(json_reply(
        StatusCode::OK,
        limit_headers,
        Value::Array(body),
    ))
}

/// `PUT .../commands`: bulk overwrite.
pub(crate) async fn bulk(state: AppState, Path(params): Path<Params>, request: Request) -> Reply {
    let (guild, limit_headers) = admit(&state, &params)?;
    let body = payload(request).await?;
    let mut world = state.world();
    let world = &mut *world;
    let stored = world
        .commands
        .bulk_overwrite(guild, &body, &world.ids)
        .map_err(refuse)?;
    let body: Vec<Value> = stored
        .iter()
        .map(|c| command_json_of(c, world.application_id, guild))
        .collect();
    Ok(json_reply(
        StatusCode::OK,
        limit_headers,
        Value::Array(body),
    ))
}

/// `POST .../commands`: create or update by name and type.
pub(crate) async fn create(state: AppState, Path(params): Path<Params>, request: Request) -> Reply {
    let (guild, limit_headers) = admit(&state, &params)?;
    let body = payload(request).await?;
    let mut world = state.world();
    let world = &mut *world;
    let (stored, created) = world
        .commands
        .upsert(guild, &body, &world.ids)
        .map_err(refuse)?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(json_reply(
        status,
        limit_headers,
        command_json_of(&stored, world.application_id, guild),
    ))
}

/// `GET .../commands/{id}`.
pub(crate) async fn fetch(state: AppState, Path(params): Path<Params>) -> Reply {
    let (guild, limit_headers) = admit(&state, &params)?;
    let id = command_id(&params)?;
    let world = state.world();
    let command = world
        .commands
        .find(guild, id)
        .ok_or_else(|| refuse(CommandError::Unknown))?;
    Ok(json_reply(
        StatusCode::OK,
        limit_headers,
        command_json_of(command, world.application_id, guild),
    ))
}

/// `PATCH .../commands/{id}`: the fields sent replace the command's.
pub(crate) async fn edit(state: AppState, Path(params): Path<Params>, request: Request) -> Reply {
    let (guild, limit_headers) = admit(&state, &params)?;
    let id = command_id(&params)?;
    let body = payload(request).await?;
    let mut world = state.world();
    let world = &mut *world;
    let app_id = world.application_id;
    let stored = world
        .commands
        .patch(guild, id, &body, &world.ids, app_id)
        .map_err(refuse)?;
    Ok(json_reply(
        StatusCode::OK,
        limit_headers,
        command_json_of(&stored, app_id, guild),
    ))
}

/// `DELETE .../commands/{id}`.
pub(crate) async fn remove(state: AppState, Path(params): Path<Params>) -> Reply {
    let (guild, _) = admit(&state, &params)?;
    let id = command_id(&params)?;
    state.world().commands.delete(guild, id).map_err(refuse)?;
    Ok(no_content())
}

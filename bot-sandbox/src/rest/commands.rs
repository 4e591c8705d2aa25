//! Application commands, global and per guild (AC L1179-1420).

use super::{
    AppState, RouteName, authorize, error, invalid_form, json_reply, limit, no_content, payload,
    unknown,
};
use crate::world::{CommandError, command_json_of};
use axum::extract::{Path, Query, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;
use std::collections::HashMap;

type Params = HashMap<String, String>;

fn truthy(query: &Params, key: &str) -> bool {
    matches!(
        query.get(key).map(String::as_str),
        Some("true" | "True" | "1")
    )
}

/// Checks the token, the application id in the path, the guild and the route's limit.
fn admit(
    state: &AppState,
    headers: &HeaderMap,
    app: &str,
    guild: Option<&str>,
) -> Result<(Option<u64>, HeaderMap), Response> {
    authorize(state, headers)?;
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

fn list_scope(
    state: &AppState,
    guild: Option<u64>,
    localized: bool,
    headers: HeaderMap,
) -> Response {
    let world = state.world();
    let body: Vec<Value> = world
        .commands
        .list(guild)
        .iter()
        .map(|c| command_json_of_with(c, world.application_id, guild, localized))
        .collect();
    json_reply(StatusCode::OK, headers, Value::Array(body))
}

fn command_json_of_with(
    c: &crate::world::StoredCommand,
    app: u64,
    guild: Option<u64>,
    localized: bool,
) -> Value {
    crate::world::command_json_localized(c, app, guild, localized)
}

async fn bulk_scope(
    state: AppState,
    headers: HeaderMap,
    app: String,
    guild: Option<String>,
    request: Request,
) -> Response {
    let (guild, limit_headers) = match admit(&state, &headers, &app, guild.as_deref()) {
        Ok(admitted) => admitted,
        Err(e) => return e,
    };
    let body = match payload(request).await {
        Ok(body) => body,
        Err(e) => return e,
    };
    let mut world = state.world();
    let world = &mut *world;
    match world.commands.bulk_overwrite(guild, &body, &world.ids) {
        Ok(stored) => {
            let body: Vec<Value> = stored
                .iter()
                .map(|c| command_json_of(c, world.application_id, guild))
                .collect();
            json_reply(StatusCode::OK, limit_headers, Value::Array(body))
        }
        Err(e) => refuse(e),
    }
}

async fn create_scope(
    state: AppState,
    headers: HeaderMap,
    app: String,
    guild: Option<String>,
    request: Request,
) -> Response {
    let (guild, limit_headers) = match admit(&state, &headers, &app, guild.as_deref()) {
        Ok(admitted) => admitted,
        Err(e) => return e,
    };
    let body = match payload(request).await {
        Ok(body) => body,
        Err(e) => return e,
    };
    let mut world = state.world();
    let world = &mut *world;
    match world.commands.upsert(guild, &body, &world.ids) {
        Ok((stored, created)) => {
            let status = if created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            json_reply(
                status,
                limit_headers,
                command_json_of(&stored, world.application_id, guild),
            )
        }
        Err(e) => refuse(e),
    }
}

async fn fetch_scope(
    state: AppState,
    headers: HeaderMap,
    app: String,
    guild: Option<String>,
    id: String,
) -> Response {
    let (guild, limit_headers) = match admit(&state, &headers, &app, guild.as_deref()) {
        Ok(admitted) => admitted,
        Err(e) => return e,
    };
    let world = state.world();
    match id
        .parse()
        .ok()
        .and_then(|id| world.commands.find(guild, id))
    {
        Some(command) => json_reply(
            StatusCode::OK,
            limit_headers,
            command_json_of(command, world.application_id, guild),
        ),
        None => refuse(CommandError::Unknown),
    }
}

async fn edit_scope(
    state: AppState,
    headers: HeaderMap,
    app: String,
    guild: Option<String>,
    id: String,
    request: Request,
) -> Response {
    let (guild, limit_headers) = match admit(&state, &headers, &app, guild.as_deref()) {
        Ok(admitted) => admitted,
        Err(e) => return e,
    };
    let body = match payload(request).await {
        Ok(body) => body,
        Err(e) => return e,
    };
    let Ok(id) = id.parse() else {
        return refuse(CommandError::Unknown);
    };
    let mut world = state.world();
    let world = &mut *world;
    let app_id = world.application_id;
    match world.commands.patch(guild, id, &body, &world.ids, app_id) {
        Ok(stored) => json_reply(
            StatusCode::OK,
            limit_headers,
            command_json_of(&stored, app_id, guild),
        ),
        Err(e) => refuse(e),
    }
}

async fn remove_scope(
    state: AppState,
    headers: HeaderMap,
    app: String,
    guild: Option<String>,
    id: String,
) -> Response {
    let guild = match admit(&state, &headers, &app, guild.as_deref()) {
        Ok((guild, _)) => guild,
        Err(e) => return e,
    };
    let Ok(id) = id.parse() else {
        return refuse(CommandError::Unknown);
    };
    match state.world().commands.delete(guild, id) {
        Ok(()) => no_content(),
        Err(e) => refuse(e),
    }
}

/// `GET /applications/{app}/commands`.
pub(crate) async fn list(
    state: AppState,
    headers: HeaderMap,
    Path(app): Path<String>,
    Query(query): Query<Params>,
) -> Response {
    match admit(&state, &headers, &app, None) {
        Ok((guild, limit_headers)) => list_scope(
            &state,
            guild,
            truthy(&query, "with_localizations"),
            limit_headers,
        ),
        Err(e) => e,
    }
}

/// `GET /applications/{app}/guilds/{guild}/commands`.
pub(crate) async fn list_guild(
    state: AppState,
    headers: HeaderMap,
    Path((app, guild)): Path<(String, String)>,
    Query(query): Query<Params>,
) -> Response {
    match admit(&state, &headers, &app, Some(&guild)) {
        Ok((guild, limit_headers)) => list_scope(
            &state,
            guild,
            truthy(&query, "with_localizations"),
            limit_headers,
        ),
        Err(e) => e,
    }
}

/// `PUT /applications/{app}/commands`.
pub(crate) async fn bulk(
    state: AppState,
    headers: HeaderMap,
    Path(app): Path<String>,
    request: Request,
) -> Response {
    bulk_scope(state, headers, app, None, request).await
}

/// `PUT /applications/{app}/guilds/{guild}/commands`.
pub(crate) async fn bulk_guild(
    state: AppState,
    headers: HeaderMap,
    Path((app, guild)): Path<(String, String)>,
    request: Request,
) -> Response {
    bulk_scope(state, headers, app, Some(guild), request).await
}

/// `POST /applications/{app}/commands`.
pub(crate) async fn create(
    state: AppState,
    headers: HeaderMap,
    Path(app): Path<String>,
    request: Request,
) -> Response {
    create_scope(state, headers, app, None, request).await
}

/// `POST /applications/{app}/guilds/{guild}/commands`.
pub(crate) async fn create_guild(
    state: AppState,
    headers: HeaderMap,
    Path((app, guild)): Path<(String, String)>,
    request: Request,
) -> Response {
    create_scope(state, headers, app, Some(guild), request).await
}

/// `GET /applications/{app}/commands/{id}`.
pub(crate) async fn fetch(
    state: AppState,
    headers: HeaderMap,
    Path((app, id)): Path<(String, String)>,
) -> Response {
    fetch_scope(state, headers, app, None, id).await
}

/// `GET /applications/{app}/guilds/{guild}/commands/{id}`.
pub(crate) async fn fetch_guild(
    state: AppState,
    headers: HeaderMap,
    Path((app, guild, id)): Path<(String, String, String)>,
) -> Response {
    fetch_scope(state, headers, app, Some(guild), id).await
}

/// `PATCH /applications/{app}/commands/{id}`.
pub(crate) async fn edit(
    state: AppState,
    headers: HeaderMap,
    Path((app, id)): Path<(String, String)>,
    request: Request,
) -> Response {
    edit_scope(state, headers, app, None, id, request).await
}

/// `PATCH /applications/{app}/guilds/{guild}/commands/{id}`.
pub(crate) async fn edit_guild(
    state: AppState,
    headers: HeaderMap,
    Path((app, guild, id)): Path<(String, String, String)>,
    request: Request,
) -> Response {
    edit_scope(state, headers, app, Some(guild), id, request).await
}

/// `DELETE /applications/{app}/commands/{id}`.
pub(crate) async fn remove(
    state: AppState,
    headers: HeaderMap,
    Path((app, id)): Path<(String, String)>,
) -> Response {
    remove_scope(state, headers, app, None, id).await
}

/// `DELETE /applications/{app}/guilds/{guild}/commands/{id}`.
pub(crate) async fn remove_guild(
    state: AppState,
    headers: HeaderMap,
    Path((app, guild, id)): Path<(String, String, String)>,
) -> Response {
    remove_scope(state, headers, app, Some(guild), id).await
}

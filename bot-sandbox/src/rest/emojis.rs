//! Custom emojis: `/guilds/{guild}/emojis[/{emoji}]` and `/applications/{app}/emojis/{emoji}`
//! (the application's list is in `app.rs`).

use super::{AppState, Reply, json_reply, no_content, ok, payload, refused, snowflake};
use crate::world::Refusal;
use axum::extract::{Path, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

/// A refusal as Discord sends it: a 50035 with its field error, else the plain error body.
pub(crate) fn form(refusal: Refusal) -> Response {
    if refusal.code == 50035 {
        super::invalid_form("BASE_TYPE_BAD_VALUE", &refusal.message)
    } else {
        refused(refusal)
    }
}

/// 201 with the object made.
pub(crate) fn created(value: serde_json::Value) -> Response {
    json_reply(StatusCode::CREATED, HeaderMap::new(), value)
}

/// `GET /guilds/{guild}/emojis`.
pub(crate) async fn list(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let world = state.world();
    world.acting_guild(guild).map_err(refused)?;
    Ok(ok(serde_json::json!(world.guild_emojis_json(guild))))
}

/// `GET /guilds/{guild}/emojis/{emoji}`.
pub(crate) async fn get(state: AppState, Path((guild, emoji)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let emoji = snowflake(&emoji, 10014, "Emoji")?;
    state
        .world()
        .guild_emoji(guild, emoji)
        .map(ok)
        .map_err(refused)
}

/// `POST /guilds/{guild}/emojis` `{name, image, roles?}`: 201, GUILD_EMOJIS_UPDATE.
pub(crate) async fn create(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    state
        .change(|world| world.create_guild_emoji(guild, &body))
        .map(created)
        .map_err(form)
}

/// `PATCH /guilds/{guild}/emojis/{emoji}` `{name?, roles?}`: GUILD_EMOJIS_UPDATE.
pub(crate) async fn edit(
    state: AppState,
    Path((guild, emoji)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let emoji = snowflake(&emoji, 10014, "Emoji")?;
    let body = payload(request).await?;
    state
        .change(|world| world.edit_guild_emoji(guild, emoji, &body))
        .map(ok)
        .map_err(form)
}

/// `DELETE /guilds/{guild}/emojis/{emoji}`: 204, GUILD_EMOJIS_UPDATE.
pub(crate) async fn delete(state: AppState, Path((guild, emoji)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let emoji = snowflake(&emoji, 10014, "Emoji")?;
    state
        .change(|world| world.delete_guild_emoji(guild, emoji))
        .map(|()| no_content())
        .map_err(refused)
}

/// The application of the path must be the bot's (10002 otherwise).
fn own_application(state: &AppState, app: &str) -> Result<(), Response> {
    if app.parse::<u64>().ok() == Some(state.world().application_id) {
        Ok(())
    } else {
        Err(super::unknown(10002, "Application"))
    }
}

/// `POST /applications/{app}/emojis` `{name, image}`: 201.
pub(crate) async fn create_app(
    state: AppState,
    Path(app): Path<String>,
    request: Request,
) -> Reply {
    own_application(&state, &app)?;
    let body = payload(request).await?;
    state
        .world()
        .create_application_emoji(&body)
        .map(created)
        .map_err(form)
}

/// `GET /applications/{app}/emojis/{emoji}`.
pub(crate) async fn get_app(state: AppState, Path((app, emoji)): Path<(String, String)>) -> Reply {
    own_application(&state, &app)?;
    let emoji = snowflake(&emoji, 10014, "Emoji")?;
    state
        .world()
        .application_emoji(emoji)
        .map(ok)
        .map_err(refused)
}

/// `PATCH /applications/{app}/emojis/{emoji}` `{name}`.
pub(crate) async fn edit_app(
    state: AppState,
    Path((app, emoji)): Path<(String, String)>,
    request: Request,
) -> Reply {
    own_application(&state, &app)?;
    let emoji = snowflake(&emoji, 10014, "Emoji")?;
    let body = payload(request).await?;
    state
        .world()
        .edit_application_emoji(emoji, &body)
        .map(ok)
        .map_err(form)
}

/// `DELETE /applications/{app}/emojis/{emoji}`: 204.
pub(crate) async fn delete_app(
    state: AppState,
    Path((app, emoji)): Path<(String, String)>,
) -> Reply {
    own_application(&state, &app)?;
    let emoji = snowflake(&emoji, 10014, "Emoji")?;
    state
        .world()
        .delete_application_emoji(emoji)
        .map(|()| no_content())
        .map_err(refused)
}

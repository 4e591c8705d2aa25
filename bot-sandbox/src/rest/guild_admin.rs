//! A guild's administration: `GET/PATCH /guilds/{guild}/widget`, `GET
//! /guilds/{guild}/widget.json`, `GET /guilds/{guild}/vanity-url`, `GET /guilds/{guild}/regions`,
//! `GET /voice/regions`, `GET /guilds/{guild}/invites`, `PUT /guilds/{guild}/incident-actions`.

use super::{AppState, Reply, ok, payload, refused, snowflake};
use axum::extract::{Path, Request};

/// A 50035 refusal as Discord's field-error body.
fn form(refusal: crate::world::Refusal) -> axum::response::Response {
    if refusal.code == 50035 {
        super::invalid_form("BASE_TYPE_BAD_VALUE", &refusal.message)
    } else {
        refused(refusal)
    }
}

/// `GET /guilds/{guild}/widget`.
pub(crate) async fn widget_settings(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state
        .world()
        .widget_settings(guild)
        .map(ok)
        .map_err(refused)
}

/// `PATCH /guilds/{guild}/widget` `{enabled?, channel_id?}`.
pub(crate) async fn edit_widget(
    state: AppState,
    Path(guild): Path<String>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    state
        .world()
        .edit_widget(guild, &body)
        .map(ok)
        .map_err(form)
}

/// `GET /guilds/{guild}/widget.json`.
pub(crate) async fn widget(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state.world().widget_json(guild).map(ok).map_err(refused)
}

/// `GET /guilds/{guild}/vanity-url`.
pub(crate) async fn vanity_url(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state.world().vanity_url(guild).map(ok).map_err(refused)
}

/// `GET /guilds/{guild}/regions`.
pub(crate) async fn guild_regions(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state.world().guild_regions(guild).map(ok).map_err(refused)
}

/// `GET /voice/regions`.
pub(crate) async fn regions() -> Reply {
    Ok(ok(crate::world::voice_regions(false)))
}

/// `GET /guilds/{guild}/invites`.
pub(crate) async fn invites(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state.world().guild_invites(guild).map(ok).map_err(refused)
}

/// `PUT /guilds/{guild}/incident-actions` `{invites_disabled_until, dms_disabled_until}`.
pub(crate) async fn incident_actions(
    state: AppState,
    Path(guild): Path<String>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    state
        .world()
        .incident_actions(guild, &body)
        .map(ok)
        .map_err(form)
}

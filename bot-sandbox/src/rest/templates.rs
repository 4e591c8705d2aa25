//! Guild templates: `GET /guilds/templates/{code}`, `GET/POST /guilds/{guild}/templates`,
//! `PUT/PATCH/DELETE /guilds/{guild}/templates/{code}`.

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

/// `GET /guilds/templates/{code}`.
pub(crate) async fn by_code(state: AppState, Path(code): Path<String>) -> Reply {
    state.world().template(&code).map(ok).map_err(refused)
}

/// `GET /guilds/{guild}/templates`.
pub(crate) async fn list(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state
        .world()
        .guild_templates(guild)
        .map(ok)
        .map_err(refused)
}

/// `POST /guilds/{guild}/templates` `{name, description?}`.
pub(crate) async fn create(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    state
        .world()
        .create_template(guild, &body)
        .map(ok)
        .map_err(form)
}

/// `PUT /guilds/{guild}/templates/{code}`: synced with the guild.
pub(crate) async fn sync(state: AppState, Path((guild, code)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state
        .world()
        .sync_template(guild, &code)
        .map(ok)
        .map_err(refused)
}

/// `PATCH /guilds/{guild}/templates/{code}` `{name?, description?}`.
pub(crate) async fn edit(
    state: AppState,
    Path((guild, code)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    state
        .world()
        .edit_template(guild, &code, &body)
        .map(ok)
        .map_err(form)
}

/// `DELETE /guilds/{guild}/templates/{code}`: the deleted template.
pub(crate) async fn delete(state: AppState, Path((guild, code)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state
        .world()
        .delete_template(guild, &code)
        .map(ok)
        .map_err(refused)
}

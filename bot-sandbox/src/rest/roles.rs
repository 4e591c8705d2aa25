//! Guild roles (developers/resources/guild.mdx "Get Guild Role", "Create Guild Role", "Modify
//! Guild Role", "Delete Guild Role"): MANAGE_ROLES, a role below the bot's highest, and no
//! permission the bot lacks; GUILD_ROLE_CREATE / UPDATE / DELETE through the change API.

use super::form::{self, field_error};
use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use crate::world::RoleUpdate;
use axum::extract::{Path, Request};
use serde_json::Value;

/// The fields of a create or modify body. `colors.primary_color` stands for `color` when
/// given; `icon` and `unicode_emoji` need the ROLE_ICONS feature, which no sandbox guild has,
/// and are ignored.
fn role_update(body: &Value) -> Result<RoleUpdate, axum::response::Response> {
    if !body.is_object() {
        return Err(super::invalid_form(
            "DICT_TYPE_CONVERT",
            "Only dictionaries may be used in a DictType",
        ));
    }
    let name = match form::nullable_string(body, "name", 100)? {
        Some(Some(name)) if name.is_empty() => {
            return Err(field_error(
                "name",
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            ));
        }
        Some(name) => name,
        None => None,
    };
    let primary = match body.get("colors") {
        None | Some(Value::Null) => None,
        Some(colors @ Value::Object(_)) => {
            form::bounded_integer(colors, "primary_color", 0, 0xFF_FFFF)?
        }
        Some(_) => {
            return Err(field_error(
                "colors",
                "DICT_TYPE_CONVERT",
                "Only dictionaries may be used in a DictType",
            ));
        }
    };
    let color = form::bounded_integer(body, "color", 0, 0xFF_FFFF)?;
    Ok(RoleUpdate {
        name,
        permissions: form::permissions(body, "permissions")?,
        color: primary.or(color).map(|c| c as u32),
        hoist: form::nullable_bool(body, "hoist")?,
        mentionable: form::nullable_bool(body, "mentionable")?,
    })
}

/// The guild and role of a role path.
fn ids(guild: &str, role: &str) -> Result<(u64, u64), axum::response::Response> {
    Ok((
        snowflake(guild, 10004, "Guild")?,
        snowflake(role, 10011, "Role")?,
    ))
}

/// `GET /guilds/{guild}/roles/{role}`.
pub(crate) async fn get_role(
    state: AppState,
    Path((guild, role)): Path<(String, String)>,
) -> Reply {
    let (guild, role) = ids(&guild, &role)?;
    let world = state.world();
    world.acting_guild(guild).map_err(refused)?;
    let role = world.role_of(guild, role).map_err(refused)?;
    Ok(ok(crate::world::role_json(role)))
}

/// `POST /guilds/{guild}/roles`: the new role (200).
pub(crate) async fn create(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let update = role_update(&payload(request).await?)?;
    state
        .change(|world| {
            world.check_role_change(guild, None, update.permissions)?;
            world.create_role(guild, &update)
        })
        .map(ok)
        .map_err(refused)
}

/// `PATCH /guilds/{guild}/roles/{role}`: the role as it now is.
pub(crate) async fn edit(
    state: AppState,
    Path((guild, role)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let (guild, role) = ids(&guild, &role)?;
    let update = role_update(&payload(request).await?)?;
    state
        .change(|world| {
            world.check_role_change(guild, Some(role), update.permissions)?;
            world.update_role(guild, role, &update)
        })
        .map(ok)
        .map_err(refused)
}

/// `DELETE /guilds/{guild}/roles/{role}`: 204.
pub(crate) async fn delete(state: AppState, Path((guild, role)): Path<(String, String)>) -> Reply {
    let (guild, role) = ids(&guild, &role)?;
    state
        .change(|world| {
            world.check_role_change(guild, Some(role), None)?;
            world.delete_role(guild, role)
        })
        .map(|()| no_content())
        .map_err(refused)
}

/// `PATCH /guilds/{guild}/roles` with `[{id, position}]`: MANAGE_ROLES, roles and positions
/// below the bot's highest; answers every role.
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
            world.require_guild(guild, crate::world::channels_api::MANAGE_ROLES)?;
            world.move_roles(guild, &moves)
        })
        .map(|roles| ok(Value::Array(roles)))
        .map_err(refused)
}

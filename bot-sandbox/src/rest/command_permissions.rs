//! Reading application command permissions (developers/interactions/application-commands.mdx
//! "Get Guild Application Command Permissions", "Get Application Command Permissions"): a bot
//! token reads them; they are set by a guild's admins (the test handle), since the PUT takes a
//! user's Bearer token.

use super::{AppState, Reply, error, ok, refused, snowflake};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

/// The guild of a path whose application id is the bot's (50001 otherwise; 10004 for a guild
/// the bot is not in).
fn admit(state: &AppState, app: &str, guild: &str) -> Result<u64, Response> {
    let guild = snowflake(guild, 10004, "Guild")?;
    let world = state.world();
    if app.parse::<u64>().ok() != Some(world.application_id) {
        return Err(error(StatusCode::FORBIDDEN, 50001, "Missing Access"));
    }
    world.acting_guild(guild).map_err(refused)?;
    Ok(guild)
}

/// `GET /applications/{app}/guilds/{guild}/commands/permissions`.
pub(crate) async fn list(state: AppState, Path((app, guild)): Path<(String, String)>) -> Reply {
    let guild = admit(&state, &app, &guild)?;
    Ok(ok(Value::Array(
        state.world().guild_command_permissions(guild),
    )))
}

/// `GET /applications/{app}/guilds/{guild}/commands/{id}/permissions`: 10066 when none are set.
pub(crate) async fn get(
    state: AppState,
    Path((app, guild, command)): Path<(String, String, String)>,
) -> Reply {
    let guild = admit(&state, &app, &guild)?;
    let command = snowflake(&command, 10063, "application command")?;
    state
        .world()
        .command_permissions_of(guild, command)
        .map(ok)
        .map_err(refused)
}

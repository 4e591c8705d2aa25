//! Users, the application, gateway discovery, guilds and channels.

use super::{AppState, ok, unknown};
use axum::extract::Path;
use axum::response::Response;
use serde_json::json;

/// `GET /users/@me`: the bot user.
pub(crate) async fn me(state: AppState) -> Response {
    let world = state.world();
    match world.user_json_by_id(world.bot_id) {
        Some(user) => ok(user),
        None => unknown(10013, "User"),
    }
}

/// `GET /users/{id}`: the user as anyone sees it (no private fields, even for the bot).
pub(crate) async fn user(state: AppState, Path(id): Path<String>) -> Response {
    let world = state.world();
    match id
        .parse()
        .ok()
        .and_then(|id| world.public_user_json_by_id(id))
    {
        Some(user) => ok(user),
        None => unknown(10013, "User"),
    }
}

/// `GET /applications/@me` and `GET /oauth2/applications/@me`.
pub(crate) async fn application(state: AppState) -> Response {
    ok(state.world().application_json())
}

/// `GET /gateway` (no authentication).
pub(crate) async fn gateway(state: AppState) -> Response {
    ok(json!({"url": state.gateway_url()}))
}

/// `GET /gateway/bot`: the shard count and `max_concurrency` the sandbox was built with, and the
/// session starts left in the current window.
pub(crate) async fn gateway_bot(state: AppState) -> Response {
    let gateway = &state.gateway;
    let (remaining, reset_after) = gateway.session_starts_left(state.timings.session_start_reset);
    ok(json!({
        "url": state.gateway_url(),
        "shards": gateway.sharding.shards,
        "session_start_limit": {
            "total": gateway.session_start_total(),
            "remaining": remaining,
            "reset_after": reset_after.as_millis() as u64,
            "max_concurrency": gateway.sharding.max_concurrency,
        },
    }))
}

/// `GET /applications/{application}/emojis`: the application's emojis, each with the bot user
/// as its creator (as Discord shows it).
pub(crate) async fn application_emojis(state: AppState, Path(app): Path<String>) -> Response {
    let world = state.world();
    if app.parse::<u64>().ok() != Some(world.application_id) {
        return super::unknown(10002, "Application");
    }
    let items = world.application_emojis_json();
    ok(json!({"items": items}))
}

/// `GET /guilds/{guild}?with_counts=`: with counts, its approximate member and presence
/// counts (every member counts as present: the sandbox's presences are its gateway's).
pub(crate) async fn guild(
    state: AppState,
    Path(id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Response {
    let world = state.world();
    let Some((id, mut value)) = id
        .parse()
        .ok()
        .and_then(|id: u64| Some((id, world.guild_rest_json(id)?)))
    else {
        return unknown(10004, "Guild");
    };
    if query.get("with_counts").map(String::as_str) == Some("true")
        && let Some(map) = value.as_object_mut()
    {
        let members = world.guilds.get(&id).map_or(0, |g| g.members.len());
        map.insert("approximate_member_count".to_owned(), members.into());
        map.insert("approximate_presence_count".to_owned(), members.into());
    }
    ok(value)
}

/// `GET /guilds/{guild}/roles`: the guild's roles.
pub(crate) async fn guild_roles(state: AppState, Path(id): Path<String>) -> Response {
    let world = state.world();
    match id.parse().ok().and_then(|id: u64| world.guilds.get(&id)) {
        Some(guild) => ok(serde_json::Value::Array(
            guild.roles.iter().map(crate::world::role_json).collect(),
        )),
        None => unknown(10004, "Guild"),
    }
}

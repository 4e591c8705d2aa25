//! Voice states over REST (developers/resources/voice.mdx): the bot's own or a member's, read
//! (10065 Unknown Voice State outside voice), and changed in a stage channel (204, then
//! VOICE_STATE_UPDATE; the rules are in `world/stage.rs`).

use super::form::{self, field_error};
use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use crate::world::StageEdit;
use axum::extract::{Path, Request};
use axum::response::Response;
use serde_json::Value;

/// The guild and the user of a path (`@me`: the bot).
fn ids(state: &AppState, guild: &str, user: &str) -> Result<(u64, u64), Response> {
    let guild = snowflake(guild, 10004, "Guild")?;
    let user = match user {
        "@me" => state.world().bot_id,
        id => snowflake(id, 10013, "User")?,
    };
    Ok((guild, user))
}

/// `GET /guilds/{guild}/voice-states/@me` and `/{user}`.
pub(crate) async fn get(state: AppState, Path((guild, user)): Path<(String, String)>) -> Reply {
    let (guild, user) = ids(&state, &guild, &user)?;
    let world = state.world();
    world.voice_state_of(guild, user).map(ok).map_err(refused)
}

/// A PATCH body: `channel_id`, `suppress`, and (for the bot's own state)
/// `request_to_speak_timestamp`, an ISO 8601 time or `null`.
fn stage_edit(body: &Value, itself: bool) -> Result<StageEdit, Response> {
    if !body.is_object() {
        return Err(super::invalid_form(
            "DICT_TYPE_CONVERT",
            "Only dictionaries may be used in a DictType",
        ));
    }
    let request_to_speak = if itself {
        form::nullable_string(body, "request_to_speak_timestamp", 64)?
    } else {
        None
    };
    if let Some(Some(at)) = &request_to_speak
        && form::epoch_seconds(at).is_none()
    {
        return Err(field_error(
            "request_to_speak_timestamp",
            "DATE_TIME_TYPE_PARSE",
            "Could not parse the value as an ISO 8601 date-time.",
        ));
    }
    Ok(StageEdit {
        channel: form::nullable_snowflake(body, "channel_id")?.flatten(),
        suppress: form::nullable_bool(body, "suppress")?,
        request_to_speak,
    })
}

/// `PATCH /guilds/{guild}/voice-states/@me` and `/{user}`: 204.
pub(crate) async fn edit(
    state: AppState,
    Path((guild, user)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let itself = user == "@me";
    let (guild, user) = ids(&state, &guild, &user)?;
    let edit = stage_edit(&payload(request).await?, itself)?;
    state
        .change(|world| world.edit_stage_voice(guild, user, &edit))
        .map(|()| no_content())
        .map_err(refused)
}

//! `PUT /guilds/{guild}/members/{user}` (developers/resources/guild.mdx "Add Guild Member"): the
//! bot adds a user with their OAuth2 access token (`guilds.join`): 201 with the member, or 204
//! for a member already there. The rules are in `world/oauth.rs`.

use super::form::{self, field_error};
use super::{AppState, Reply, json_reply, no_content, payload, refused, snowflake};
use crate::world::NewMember;
use axum::extract::{Path, Request};
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;

/// Adds the member.
pub(crate) async fn add(
    state: AppState,
    Path((guild, user)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let user = snowflake(&user, 10013, "User")?;
    let body = payload(request).await?;
    let Some(token) = body.get("access_token").and_then(Value::as_str) else {
        return Err(field_error(
            "access_token",
            "BASE_TYPE_REQUIRED",
            "This field is required",
        ));
    };
    let roles = match body.get("roles") {
        None | Some(Value::Null) => None,
        Some(Value::Array(list)) => Some(
            list.iter()
                .map(form::snowflake_of)
                .collect::<Option<Vec<u64>>>()
                .ok_or_else(|| {
                    field_error("roles", "NUMBER_TYPE_COERCE", "Value is not snowflake.")
                })?,
        ),
        Some(_) => {
            return Err(field_error(
                "roles",
                "BASE_TYPE_LIST",
                "Could not interpret the value as a list.",
            ));
        }
    };
    let new = NewMember {
        nick: form::nullable_string(&body, "nick", 32)?.flatten(),
        roles,
        mute: form::nullable_bool(&body, "mute")?,
        deaf: form::nullable_bool(&body, "deaf")?,
    };
    let token = token.to_owned();
    match state
        .change(|world| world.add_member_with_token(guild, user, &token, &new))
        .map_err(refused)?
    {
        Some(member) => Ok(json_reply(StatusCode::CREATED, HeaderMap::new(), member)),
        None => Ok(no_content()),
    }
}

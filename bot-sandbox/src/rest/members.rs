//! Guild members (developers/resources/guild.mdx): get and list them, modify one (nickname,
//! roles, server mute and deafen, voice move, timeout), add and remove a role, kick. Each change
//! checks the bot's permissions and the role hierarchy (`world/moderation.rs`), then goes through
//! the world's change API, which emits GUILD_MEMBER_UPDATE / GUILD_MEMBER_REMOVE (and
//! VOICE_STATE_UPDATE).

use super::form::{self, field_error};
use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use crate::world::{CHANGE_NICKNAME, Changed, KICK_MEMBERS, MemberUpdate, Refusal};
use axum::extract::{Path, Query, Request};
use serde_json::Value;
use std::collections::HashMap;

/// A timeout ends at most 28 days from now.
const MAX_TIMEOUT_SECONDS: i64 = 28 * 86_400;

/// The guild and user of a member path: 10004 / 10013 for ids that are not snowflakes.
fn ids(guild: &str, user: &str) -> Result<(u64, u64), axum::response::Response> {
    Ok((
        snowflake(guild, 10004, "Guild")?,
        snowflake(user, 10013, "User")?,
    ))
}

/// `GET /guilds/{guild}/members/{user}`.
pub(crate) async fn get_member(
    state: AppState,
    Path((guild, user)): Path<(String, String)>,
) -> Reply {
    let (guild, user) = ids(&guild, &user)?;
    let world = state.world();
    world.acting_guild(guild).map_err(refused)?;
    let member = world.member_of(guild, user).map_err(refused)?;
    Ok(ok(world.full_member_json(member)))
}

/// `GET /guilds/{guild}/members?limit=&after=`: by user id, `limit` 1–1000 (default 1). It needs
/// the GUILD_MEMBERS privileged intent (403 / 50001 without it).
pub(crate) async fn list_members(
    state: AppState,
    Path(guild): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let limit = form::query_integer(&query, "limit", (1, 1000, 1))?;
    let after = form::query_integer(&query, "after", (0, u64::MAX, 0))?;
    if state.privileged_intents & crate::GUILD_MEMBERS == 0 {
        return Err(refused(Refusal::missing_access()));
    }
    let world = state.world();
    world.acting_guild(guild).map_err(refused)?;
    Ok(ok(Value::Array(world.list_members(
        guild,
        after,
        limit as usize,
    ))))
}

/// `GET /guilds/{guild}/members/search?query=&limit=`: members whose username or nickname
/// starts with `query`, `limit` 1–1000 (default 1).
pub(crate) async fn search_members(
    state: AppState,
    Path(guild): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let limit = form::query_integer(&query, "limit", (1, 1000, 1))?;
    let Some(text) = query.get("query") else {
        return Err(field_error(
            "query",
            "BASE_TYPE_REQUIRED",
            "This field is required",
        ));
    };
    let world = state.world();
    world.acting_guild(guild).map_err(refused)?;
    Ok(ok(Value::Array(world.search_members(
        guild,
        text,
        limit as usize,
    ))))
}

/// The changes of a `PATCH /guilds/{guild}/members/{user}` body, and its voice move
/// (`channel_id`; `null` disconnects). `flags` is taken and ignored.
fn member_patch(
    body: &Value,
) -> Result<(MemberUpdate, Option<Option<u64>>), axum::response::Response> {
    if !body.is_object() {
        return Err(super::invalid_form(
            "DICT_TYPE_CONVERT",
            "Only dictionaries may be used in a DictType",
        ));
    }
    let roles = match body.get("roles") {
        None => None,
        Some(Value::Null) => Some(Vec::new()),
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
    let until = form::nullable_string(body, "communication_disabled_until", 64)?;
    if let Some(Some(text)) = &until {
        let at = form::epoch_seconds(text).ok_or_else(|| {
            field_error(
                "communication_disabled_until",
                "DATE_TIME_TYPE_PARSE",
                "Could not parse the value as an ISO 8601 date-time.",
            )
        })?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        if at - now > MAX_TIMEOUT_SECONDS {
            return Err(field_error(
                "communication_disabled_until",
                "COMMUNICATION_DISABLED_UNTIL_TOO_LONG",
                "Timeouts can be at most 28 days in the future.",
            ));
        }
    }
    let update = MemberUpdate {
        nick: form::nullable_string(body, "nick", 32)?,
        roles,
        avatar: None,
        mute: form::nullable_bool(body, "mute")?,
        deaf: form::nullable_bool(body, "deaf")?,
        // A past time is no timeout (GE "Guild Member Update": "null or a time in the past").
        communication_disabled_until: until,
    };
    Ok((update, form::nullable_snowflake(body, "channel_id")?))
}

/// `PATCH /guilds/{guild}/members/{user}`: the member, after GUILD_MEMBER_UPDATE (and
/// VOICE_STATE_UPDATE for a mute, deafen or move).
pub(crate) async fn edit_member(
    state: AppState,
    Path((guild, user)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let (guild, user) = ids(&guild, &user)?;
    let body = payload(request).await?;
    let (update, channel) = member_patch(&body)?;
    state
        .change(|world| {
            world.check_member_patch(guild, user, &update, channel)?;
            let changed = world.update_member(guild, user, &update)?;
            let moved = match channel {
                None => Changed::quiet(()),
                Some(Some(to)) => world.voice_join(guild, user, to)?,
                Some(None) => world.voice_leave(guild, user)?,
            };
            // The member as it now is, after a move.
            let member = world.full_member_json(world.member_of(guild, user)?);
            Ok(changed.then(moved).map(|_| member))
        })
        .map(ok)
        .map_err(refused)
}

/// A hash for uploaded image data (`data:image/...;base64,...`), as Discord names images: 32
/// hex digits (two FNV-1a passes); 50035 for anything else.
fn image_hash(field: &str, data: &str) -> Result<String, axum::response::Response> {
    if !data.starts_with("data:image/") || !data.contains(";base64,") {
        return Err(field_error(field, "IMAGE_INVALID", "Invalid image data"));
    }
    let fnv = |seed: u64| {
        data.bytes().fold(seed, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    Ok(format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x8422_2325_cbf2_9ce4)
    ))
}

/// `PATCH /guilds/{guild}/members/@me`: the bot's own nickname (CHANGE_NICKNAME) and guild
/// avatar (image data, kept as its hash; `null` clears it). `banner` and `bio` are checked and
/// not kept (the member object has no bio, and the sandbox no member banners).
pub(crate) async fn edit_me(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    if !body.is_object() {
        return Err(super::invalid_form(
            "DICT_TYPE_CONVERT",
            "Only dictionaries may be used in a DictType",
        ));
    }
    form::nullable_string(&body, "bio", 190)?;
    if let Some(Some(banner)) = form::nullable_string(&body, "banner", usize::MAX)? {
        image_hash("banner", &banner)?;
    }
    let avatar = match form::nullable_string(&body, "avatar", usize::MAX)? {
        Some(Some(data)) => Some(Some(image_hash("avatar", &data)?)),
        other => other,
    };
    let update = MemberUpdate {
        nick: form::nullable_string(&body, "nick", 32)?,
        avatar,
        ..MemberUpdate::default()
    };
    state
        .change(|world| {
            let bot = world.bot_id;
            if update.nick.is_some() {
                world.require_guild(guild, CHANGE_NICKNAME)?;
            }
            world.acting_guild(guild)?;
            world.update_member(guild, bot, &update)
        })
        .map(ok)
        .map_err(refused)
}

/// `DELETE /guilds/{guild}/members/{user}`: a kick (KICK_MEMBERS, above the member):
/// GUILD_MEMBER_REMOVE.
pub(crate) async fn kick(state: AppState, Path((guild, user)): Path<(String, String)>) -> Reply {
    let (guild, user) = ids(&guild, &user)?;
    state
        .change(|world| {
            world.require_guild(guild, KICK_MEMBERS)?;
            world.require_above_member(guild, user)?;
            world.remove_member(guild, user)
        })
        .map(|()| no_content())
        .map_err(refused)
}

/// Adds (`add`) or removes a role of a member: MANAGE_ROLES and a role below the bot's;
/// GUILD_MEMBER_UPDATE when the member's roles change.
fn member_role(state: &AppState, path: (String, String, String), add: bool) -> Reply {
    let (guild, user) = ids(&path.0, &path.1)?;
    let role = snowflake(&path.2, 10011, "Role")?;
    state
        .change(|world| {
            world.require_guild(guild, crate::world::channels_api::MANAGE_ROLES)?;
            world.check_roles(guild, &[role])?;
            let mut roles = world.member_of(guild, user)?.roles.clone();
            world.require_above_role(guild, role)?;
            if roles.contains(&role) == add {
                return Ok(Changed::quiet(()));
            }
            roles.retain(|r| *r != role);
            if add {
                roles.push(role);
            }
            let update = MemberUpdate::default().roles(&roles);
            Ok(world.update_member(guild, user, &update)?.map(|_| ()))
        })
        .map(|()| no_content())
        .map_err(refused)
}

/// `PUT /guilds/{guild}/members/{user}/roles/{role}`.
pub(crate) async fn add_role(state: AppState, Path(path): Path<(String, String, String)>) -> Reply {
    member_role(&state, path, true)
}

/// `DELETE /guilds/{guild}/members/{user}/roles/{role}`.
pub(crate) async fn remove_role(
    state: AppState,
    Path(path): Path<(String, String, String)>,
) -> Reply {
    member_role(&state, path, false)
}

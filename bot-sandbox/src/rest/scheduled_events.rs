//! Guild scheduled events: `/guilds/{guild}/scheduled-events[/{event}]`, their users and
//! counts, and the exceptions of a recurring event.

use super::emojis::form;
use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use axum::extract::{Path, RawQuery, Request};

/// The query's pairs.
fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

/// Whether the query sets `name` to true (`true` or `1`).
fn flag(query: &[(String, String)], name: &str) -> bool {
    query
        .iter()
        .any(|(k, v)| k == name && matches!(v.as_str(), "true" | "1" | "True"))
}

/// `GET /guilds/{guild}/scheduled-events?with_user_count=`.
pub(crate) async fn list(
    state: AppState,
    Path(guild): Path<String>,
    RawQuery(query): RawQuery,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let with_count = flag(&pairs(query.as_deref()), "with_user_count");
    state
        .world()
        .list_scheduled_events(guild, with_count)
        .map(ok)
        .map_err(refused)
}

/// `GET /guilds/{guild}/scheduled-events/{event}?with_user_count=`.
pub(crate) async fn get(
    state: AppState,
    Path((guild, event)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    let with_count = flag(&pairs(query.as_deref()), "with_user_count");
    state
        .world()
        .scheduled_event(guild, event, with_count)
        .map(ok)
        .map_err(refused)
}

/// `POST /guilds/{guild}/scheduled-events`: GUILD_SCHEDULED_EVENT_CREATE.
pub(crate) async fn create(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    state
        .change(|world| world.create_scheduled_event(guild, &body))
        .map(ok)
        .map_err(form)
}

/// `PATCH /guilds/{guild}/scheduled-events/{event}`: GUILD_SCHEDULED_EVENT_UPDATE.
pub(crate) async fn edit(
    state: AppState,
    Path((guild, event)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    let body = payload(request).await?;
    state
        .change(|world| world.edit_scheduled_event(guild, event, &body))
        .map(ok)
        .map_err(form)
}

/// `DELETE /guilds/{guild}/scheduled-events/{event}`: 204, GUILD_SCHEDULED_EVENT_DELETE.
pub(crate) async fn delete(state: AppState, Path((guild, event)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    state
        .change(|world| world.delete_scheduled_event(guild, event))
        .map(|()| no_content())
        .map_err(refused)
}

/// The paging of a users list: `limit` (1–100, default 100), `before`, `after`.
fn paging(
    query: &[(String, String)],
) -> Result<(usize, Option<u64>, Option<u64>), axum::response::Response> {
    let get = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let limit = match get("limit") {
        None => 100,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| {
                super::invalid_form("NUMBER_TYPE_MAX", "limit: Must be between 1 and 100.")
            })?,
    };
    let id = |name: &str| get(name).and_then(|v| v.parse::<u64>().ok());
    Ok((limit, id("before"), id("after")))
}

/// `GET /guilds/{guild}/scheduled-events/{event}/users?limit&before&after&with_member`.
pub(crate) async fn users(
    state: AppState,
    Path((guild, event)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    let query = pairs(query.as_deref());
    let page = paging(&query)?;
    state
        .world()
        .scheduled_event_users(guild, event, None, page, flag(&query, "with_member"))
        .map(ok)
        .map_err(refused)
}

/// `GET /guilds/{guild}/scheduled-events/{event}/{exception}/users`.
pub(crate) async fn exception_users(
    state: AppState,
    Path((guild, event, exception)): Path<(String, String, String)>,
    RawQuery(query): RawQuery,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    let exception = snowflake(&exception, 10070, "Guild Scheduled Event Exception")?;
    let query = pairs(query.as_deref());
    let page = paging(&query)?;
    state
        .world()
        .scheduled_event_users(
            guild,
            event,
            Some(exception),
            page,
            flag(&query, "with_member"),
        )
        .map(ok)
        .map_err(refused)
}

/// `GET /guilds/{guild}/scheduled-events/{event}/users/counts?guild_scheduled_event_exception_ids=`
/// (at most 10).
pub(crate) async fn counts(
    state: AppState,
    Path((guild, event)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    let ids: Vec<u64> = pairs(query.as_deref())
        .into_iter()
        .filter(|(k, _)| k == "guild_scheduled_event_exception_ids")
        .flat_map(|(_, v)| {
            v.split(',')
                .filter_map(|id| id.parse().ok())
                .collect::<Vec<u64>>()
        })
        .collect();
    if ids.len() > 10 {
        return Err(super::invalid_form(
            "BASE_TYPE_MAX_LENGTH",
            "guild_scheduled_event_exception_ids: Must be 10 or fewer in length.",
        ));
    }
    state
        .world()
        .scheduled_event_user_counts(guild, event, &ids)
        .map(ok)
        .map_err(refused)
}

/// `POST /guilds/{guild}/scheduled-events/{event}/exceptions`.
pub(crate) async fn create_exception(
    state: AppState,
    Path((guild, event)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    let body = payload(request).await?;
    state
        .change(|world| world.create_event_exception(guild, event, &body))
        .map(ok)
        .map_err(form)
}

/// `PATCH /guilds/{guild}/scheduled-events/{event}/exceptions/{exception}`.
pub(crate) async fn edit_exception(
    state: AppState,
    Path((guild, event, exception)): Path<(String, String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    let exception = snowflake(&exception, 10070, "Guild Scheduled Event Exception")?;
    let body = payload(request).await?;
    state
        .change(|world| world.edit_event_exception(guild, event, exception, &body))
        .map(ok)
        .map_err(form)
}

/// `DELETE /guilds/{guild}/scheduled-events/{event}/exceptions/{exception}`: 204.
pub(crate) async fn delete_exception(
    state: AppState,
    Path((guild, event, exception)): Path<(String, String, String)>,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let event = snowflake(&event, 10070, "Guild Scheduled Event")?;
    let exception = snowflake(&exception, 10070, "Guild Scheduled Event Exception")?;
    state
        .change(|world| world.delete_event_exception(guild, event, exception))
        .map(|()| no_content())
        .map_err(refused)
}

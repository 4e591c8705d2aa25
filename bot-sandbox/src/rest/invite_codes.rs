//! Invites by code: `GET/DELETE /invites/{code}`, `GET/PUT /invites/{code}/target-users`,
//! `GET /invites/{code}/target-users/job-status`.

use super::{AppState, Reply, error, no_content, ok, refused};
use axum::extract::{FromRequest, Path, Query, Request};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use std::collections::HashMap;

/// A boolean query parameter as Discord reads it: `true` or `1` (py-cord sends `1`).
pub(super) fn query_flag(query: &HashMap<String, String>, key: &str) -> bool {
    query
        .get(key)
        .is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// `GET /invites/{code}?with_counts=&guild_scheduled_event_id=` (the sandbox's guilds have no
/// scheduled events, so the event is never attached).
pub(crate) async fn get(
    state: AppState,
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let with_counts = query_flag(&query, "with_counts");
    state
        .world()
        .resolve_invite(&code, with_counts)
        .map(ok)
        .map_err(refused)
}

/// `DELETE /invites/{code}`: INVITE_DELETE; the invite as it was.
pub(crate) async fn delete(state: AppState, Path(code): Path<String>) -> Reply {
    state
        .change(|world| world.revoke_invite(&code))
        .map(ok)
        .map_err(refused)
}

/// `GET /invites/{code}/target-users`: a `text/csv` file.
pub(crate) async fn target_users(state: AppState, Path(code): Path<String>) -> Reply {
    let csv = state.world().invite_target_users(&code).map_err(refused)?;
    Ok(([(header::CONTENT_TYPE, "text/csv")], csv).into_response())
}

/// `PUT /invites/{code}/target-users` with a multipart `target_users_file`: 204.
pub(crate) async fn set_target_users(
    state: AppState,
    Path(code): Path<String>,
    request: Request,
) -> Reply {
    let bad = || {
        super::invalid_form(
            "BASE_TYPE_REQUIRED",
            "target_users_file: This field is required",
        )
    };
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .map_err(|_| bad())?;
    let mut file = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("target_users_file") => {
                let bytes = field.bytes().await.map_err(|_| {
                    error(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        40005,
                        "Request entity too large",
                    )
                })?;
                file = Some(String::from_utf8_lossy(&bytes).into_owned());
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return Err(bad()),
        }
    }
    let csv = file.ok_or_else(bad)?;
    state
        .change(|world| world.set_invite_target_users(&code, &csv))
        .map(|()| no_content())
        .map_err(|r| {
            if r.code == 50035 {
                super::invalid_form("BASE_TYPE_BAD_VALUE", &r.message)
            } else {
                refused(r)
            }
        })
}

/// `GET /invites/{code}/target-users/job-status`.
pub(crate) async fn target_job(state: AppState, Path(code): Path<String>) -> Reply {
    state
        .world()
        .invite_target_job(&code)
        .map(ok)
        .map_err(refused)
}

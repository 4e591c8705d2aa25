//! The REST API: Discord's routes a bot uses, with Discord's status codes, error bodies and
//! rate-limit headers.

mod app;
mod application;
mod audit;
mod auto_moderation;
mod bans;
mod catalog;
mod channels;
mod command_permissions;
mod commands;
mod emojis;
mod form;
mod group_dms;
mod guild_admin;
mod guild_channels;
mod guild_edits;
mod guild_extras;
mod interactions;
mod invite_codes;
mod invites;
mod member_add;
mod members;
mod messages;
mod monetization;
mod polls;
mod ratelimit;
mod reactions;
mod roles;
mod scheduled_events;
mod stage;
mod stickers;
mod templates;
mod threads;
mod users;
mod voice_states;
mod webhooks;

pub(crate) use messages::{build_message, now_iso};
pub(crate) use ratelimit::LimitState;
pub use ratelimit::RouteName;

use crate::Shared;
use axum::Router;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, patch, post, put};
use serde_json::{Value, json};
use std::sync::Arc;

/// The shared state as handlers receive it.
pub(crate) type AppState = State<Arc<Shared>>;

/// A JSON response with `Content-Type: application/json` exactly.
pub(crate) fn json_reply(status: StatusCode, headers: HeaderMap, body: Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().extend(headers);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    response
}

/// 200 with a JSON body.
pub(crate) fn ok(body: Value) -> Response {
    json_reply(StatusCode::OK, HeaderMap::new(), body)
}

/// 204 with no body.
pub(crate) fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// Discord's error body `{"message", "code"}` (OP L109-390).
pub(crate) fn error(status: StatusCode, code: u32, message: &str) -> Response {
    json_reply(
        status,
        HeaderMap::new(),
        json!({"message": message, "code": code}),
    )
}

/// 404 for an unknown object: codes 10xxx.
pub(crate) fn unknown(code: u32, what: &str) -> Response {
    error(StatusCode::NOT_FOUND, code, &format!("Unknown {what}"))
}

/// 50035 with a request-level error code.
pub(crate) fn invalid_form(code: &str, message: &str) -> Response {
    json_reply(
        StatusCode::BAD_REQUEST,
        HeaderMap::new(),
        json!({"code": 50035, "message": "Invalid Form Body",
               "errors": {"_errors": [{"code": code, "message": message}]}}),
    )
}

fn rate_limited(limited: ratelimit::Limited) -> Response {
    json_reply(
        StatusCode::TOO_MANY_REQUESTS,
        limited.headers,
        json!({"message": "You are being rate limited.", "retry_after": limited.retry_after,
               "global": false}),
    )
}

/// Takes a request from a limited route's bucket: its headers, or the 429 to answer.
pub(crate) fn limit(shared: &Shared, route: RouteName, major: &str) -> Result<HeaderMap, Response> {
    shared.limits.take(route, major).map_err(rate_limited)
}

/// Takes a request from a route's bucket, under the Discord default `fallback` when the test
/// configured none.
pub(crate) fn limit_or(
    shared: &Shared,
    route: RouteName,
    major: &str,
    fallback: crate::RouteLimit,
) -> Result<HeaderMap, Response> {
    shared
        .limits
        .take_or(route, major, Some(fallback))
        .map_err(rate_limited)
}

/// The error reply of a refused change.
pub(crate) fn refused(refusal: crate::world::Refusal) -> Response {
    let status = StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::BAD_REQUEST);
    error(status, refusal.code, &refusal.message)
}

/// A snowflake of the path, or the 404 of an unknown `what` (`code`).
pub(crate) fn snowflake(text: &str, code: u32, what: &str) -> Result<u64, Response> {
    text.parse().map_err(|_| unknown(code, what))
}

/// Checks `Authorization: Bot <token>`: 401 otherwise (REF L109-128).
fn authorize(shared: &Shared, headers: &HeaderMap) -> Result<(), Response> {
    let expected = format!("Bot {}", shared.world().token);
    match headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        Some(given) if given == expected => Ok(()),
        _ => Err(error(StatusCode::UNAUTHORIZED, 0, "401: Unauthorized")),
    }
}

/// The request's JSON body: JSON, urlencoded `payload_json`, or multipart `payload_json`.
pub(crate) async fn payload(request: Request) -> Result<Value, Response> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let bad_json = || {
        error(
            StatusCode::BAD_REQUEST,
            50109,
            "The request body contains invalid JSON.",
        )
    };
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let axum::Form(form) =
            axum::Form::<std::collections::HashMap<String, String>>::from_request(request, &())
                .await
                .map_err(|_| bad_json())?;
        let text = form.get("payload_json").ok_or_else(bad_json)?;
        return serde_json::from_str(text).map_err(|_| bad_json());
    }
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = axum::extract::Multipart::from_request(request, &())
            .await
            .map_err(|_| bad_json())?;
        let mut body = None;
        while let Ok(Some(field)) = multipart.next_field().await {
            if field.name() == Some("payload_json") {
                let text = field.text().await.map_err(|_| bad_json())?;
                body = Some(serde_json::from_str(&text).map_err(|_| bad_json())?);
            }
        }
        return body.ok_or_else(bad_json);
    }
    let bytes = axum::body::to_bytes(request.into_body(), 25 * 1024 * 1024)
        .await
        .map_err(|_| bad_json())?;
    if bytes.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(&bytes).map_err(|_| bad_json())
}

/// The request's JSON body and its uploaded files (`files[n]` parts of a multipart body, in
/// order).
pub(crate) async fn payload_and_files(
    request: Request,
) -> Result<(Value, Vec<crate::world::StoredFile>), Response> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !content_type.starts_with("multipart/form-data") {
        return Ok((payload(request).await?, Vec::new()));
    }
    let bad = || {
        error(
            StatusCode::BAD_REQUEST,
            50109,
            "The request body contains invalid JSON.",
        )
    };
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .map_err(|_| bad())?;
    let (mut body, mut files) = (None, Vec::new());
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(bad()),
        };
        let name = field.name().unwrap_or("").to_owned();
        if name == "payload_json" {
            let text = field.text().await.map_err(|_| bad())?;
            body = Some(serde_json::from_str(&text).map_err(|_| bad())?);
        } else if let Some(index) = name
            .strip_prefix("files[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|n| n.parse::<usize>().ok())
        {
            let filename = field.file_name().unwrap_or("file").to_owned();
            let bytes = field.bytes().await.map_err(|_| {
                error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    40005,
                    "Request entity too large",
                )
            })?;
            files.push((
                index,
                crate::world::StoredFile {
                    filename,
                    bytes: bytes.to_vec(),
                },
            ));
        }
    }
    files.sort_by_key(|(index, _)| *index);
    Ok((
        body.unwrap_or_else(|| json!({})),
        files.into_iter().map(|(_, file)| file).collect(),
    ))
}

/// A path with interaction and webhook tokens replaced, for logs.
pub(crate) fn redact_path(path: &str) -> String {
    let mut parts: Vec<String> = path.split('/').map(str::to_owned).collect();
    for i in 0..parts.len() {
        let secret_after = matches!(parts[i].as_str(), "interactions" | "webhooks");
        if secret_after && i + 2 < parts.len() {
            parts[i + 2] = "[redacted]".to_owned();
        }
    }
    parts.join("/")
}

async fn observe(State(shared): AppState, request: Request, next: Next) -> Response {
    shared.limits.count_request();
    let method = request.method().clone();
    let path = redact_path(request.uri().path());
    let route = path.split("/api/v10").last().unwrap_or(&path).to_owned();
    let reason = request
        .headers()
        .get("x-audit-log-reason")
        .and_then(|v| v.to_str().ok())
        .map(|reason| {
            percent_encoding::percent_decode_str(reason)
                .decode_utf8_lossy()
                .into_owned()
        });
    if let Some(reason) = &reason {
        shared
            .world()
            .audit_reasons
            .push((format!("{method} {route}"), reason.clone()));
    }
    let request_of = (format!("{method} {route}"), reason);
    let response = crate::world::audit::REST_REQUEST
        .scope(request_of, next.run(request))
        .await;
    if shared.log_traffic {
        tracing::info!(target: "bot_sandbox::rest", "{method} {path} -> {}", response.status().as_u16());
    }
    response
}

/// Middleware of the routes that need the bot token.
async fn require_token(State(shared): AppState, request: Request, next: Next) -> Response {
    match authorize(&shared, request.headers()) {
        Ok(()) => next.run(request).await,
        Err(refused) => refused,
    }
}

/// The result of a handler: the reply, or the error reply that ended it early.
pub(crate) type Reply = Result<Response, Response>;

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, 0, "404: Not Found")
}

fn api(shared: &Arc<Shared>) -> Router<Arc<Shared>> {
    let authenticated = Router::new()
        .route("/users/{id}", get(app::user))
        .route("/applications/@me", get(app::application))
        .route("/applications/{app}/emojis", get(app::application_emojis))
        .route("/oauth2/applications/@me", get(app::application))
        .route("/gateway/bot", get(app::gateway_bot))
        .route("/guilds/{guild}", get(app::guild).patch(guild_edits::edit))
        .route(
            "/guilds/{guild}/threads/active",
            get(guild_edits::active_threads),
        )
        .route(
            "/guilds/{guild}/roles",
            get(app::guild_roles)
                .post(roles::create)
                .patch(roles::positions),
        )
        .route(
            "/guilds/{guild}/roles/{role}",
            get(roles::get_role)
                .patch(roles::edit)
                .delete(roles::delete),
        )
        .route(
            "/guilds/{guild}/channels",
            get(guild_channels::list)
                .post(guild_channels::create)
                .patch(guild_edits::positions),
        )
        .route("/guilds/{guild}/members", get(members::list_members))
        .route(
            "/guilds/{guild}/members/search",
            get(members::search_members),
        )
        .route("/guilds/{guild}/members/@me", patch(members::edit_me))
        .route(
            "/guilds/{guild}/members/{user}",
            get(members::get_member)
                .patch(members::edit_member)
                .delete(members::kick),
        )
        .route(
            "/guilds/{guild}/members/{user}/roles/{role}",
            put(members::add_role).delete(members::remove_role),
        )
        .route("/guilds/{guild}/audit-logs", get(audit::audit_log))
        .route("/guilds/{guild}/bans", get(bans::list))
        .route(
            "/guilds/{guild}/bans/{user}",
            get(bans::get).put(bans::create).delete(bans::remove),
        )
        .route("/guilds/{guild}/bulk-ban", post(bans::bulk))
        // Issue 27's extras: preview, role member counts, prune, voice states, add member,
        // command permissions.
        .route("/guilds/{guild}/preview", get(guild_extras::preview))
        .route(
            "/guilds/{guild}/roles/member-counts",
            get(guild_extras::role_member_counts),
        )
        .route(
            "/guilds/{guild}/prune",
            get(guild_extras::prune_count).post(guild_extras::prune),
        )
        .route(
            "/guilds/{guild}/voice-states/{user}",
            get(voice_states::get).patch(voice_states::edit),
        )
        .route("/guilds/{guild}/members/{user}", put(member_add::add))
        .route(
            "/applications/{app}/guilds/{guild}/commands/permissions",
            get(command_permissions::list),
        )
        .route(
            "/applications/{app}/guilds/{guild}/commands/{id}/permissions",
            get(command_permissions::get),
        )
        .route("/users/@me", get(app::me).patch(users::edit_me))
        .route("/users/@me/channels", post(users::create_dm))
        .route("/users/@me/guilds", get(users::my_guilds))
        .route("/users/@me/guilds/{guild}", delete(users::leave_guild))
        .route("/users/@me/connections", get(users::connections))
        .route(
            "/channels/{channel}",
            get(channels::get_channel)
                .patch(channels::edit)
                .delete(channels::delete),
        )
        .route(
            "/channels/{channel}/permissions/{id}",
            put(channels::put_overwrite).delete(channels::delete_overwrite),
        )
        .route("/channels/{channel}/typing", post(channels::typing))
        .route(
            "/channels/{channel}/invites",
            get(invites::list).post(invites::create),
        )
        .route(
            "/channels/{channel}/recipients/{user}",
            put(group_dms::add).delete(group_dms::remove),
        )
        .route(
            "/channels/{channel}/polls/{message}/answers/{answer}",
            get(polls::voters),
        )
        .route(
            "/channels/{channel}/polls/{message}/expire",
            post(polls::expire),
        )
        .route("/channels/{channel}/voice-status", put(polls::voice_status))
        .route(
            "/channels/{channel}/send-soundboard-sound",
            post(polls::soundboard),
        )
        .route(
            "/channels/{channel}/messages/bulk-delete",
            post(messages::bulk_delete),
        )
        .route("/channels/{channel}/messages/pins", get(messages::pins))
        .route(
            "/channels/{channel}/messages/pins/{message}",
            put(messages::pin).delete(messages::unpin),
        )
        .route(
            "/channels/{channel}/messages/{message}",
            get(messages::get_message)
                .patch(messages::edit_message)
                .delete(messages::delete_message),
        )
        .route(
            "/channels/{channel}/messages/{message}/crosspost",
            post(messages::crosspost),
        )
        .route(
            "/channels/{channel}/messages/{message}/reactions",
            delete(reactions::clear_all),
        )
        .route(
            "/channels/{channel}/messages/{message}/reactions/{emoji}",
            get(reactions::users).delete(reactions::clear_emoji),
        )
        .route(
            "/channels/{channel}/messages/{message}/reactions/{emoji}/@me",
            put(reactions::add_own).delete(reactions::remove_own),
        )
        .route(
            "/channels/{channel}/messages/{message}/reactions/{emoji}/{user}",
            delete(reactions::remove_user),
        )
        .route(
            "/channels/{channel}/messages/{message}/threads",
            post(threads::from_message),
        )
        .route("/channels/{channel}/threads", post(threads::create))
        .route(
            "/channels/{channel}/thread-members",
            get(threads::list_members),
        )
        .route(
            "/channels/{channel}/thread-members/@me",
            put(threads::join).delete(threads::leave),
        )
        .route(
            "/channels/{channel}/thread-members/{user}",
            get(threads::get_member)
                .put(threads::add_member)
                .delete(threads::remove_member),
        )
        .route(
            "/channels/{channel}/threads/archived/public",
            get(threads::archived_public),
        )
        .route(
            "/channels/{channel}/threads/archived/private",
            get(threads::archived_private),
        )
        .route(
            "/applications/{app}/commands",
            get(commands::list)
                .put(commands::bulk)
                .post(commands::create),
        )
        .route(
            "/applications/{app}/commands/{id}",
            get(commands::fetch)
                .patch(commands::edit)
                .delete(commands::remove),
        )
        .route(
            "/applications/{app}/guilds/{guild}/commands",
            get(commands::list)
                .put(commands::bulk)
                .post(commands::create),
        )
        .route(
            "/applications/{app}/guilds/{guild}/commands/{id}",
            get(commands::fetch)
                .patch(commands::edit)
                .delete(commands::remove),
        )
        .route(
            "/channels/{channel}/messages",
            get(messages::list).post(messages::create),
        )
        // Webhooks with the bot's token.
        .route(
            "/channels/{channel}/webhooks",
            get(webhooks::channel_webhooks).post(webhooks::create),
        )
        .route("/channels/{channel}/followers", post(webhooks::follow))
        .route("/guilds/{guild}/webhooks", get(webhooks::guild_webhooks))
        .route(
            "/webhooks/{webhook}",
            get(webhooks::get)
                .patch(webhooks::modify)
                .delete(webhooks::delete),
        )
        // Invites by code, stage instances, Discord's catalog (issue #26).
        .route(
            "/invites/{code}",
            get(invite_codes::get).delete(invite_codes::delete),
        )
        .route(
            "/invites/{code}/target-users",
            get(invite_codes::target_users).put(invite_codes::set_target_users),
        )
        .route(
            "/invites/{code}/target-users/job-status",
            get(invite_codes::target_job),
        )
        .route("/stage-instances", post(stage::create))
        .route(
            "/stage-instances/{channel}",
            get(stage::get).patch(stage::edit).delete(stage::delete),
        )
        .route("/stickers/{sticker}", get(catalog::sticker))
        .route("/sticker-packs", get(catalog::packs))
        .route("/sticker-packs/{pack}", get(catalog::pack))
        .route("/soundboard-default-sounds", get(catalog::default_sounds))
        // The application (issue 28): editing it, its activity instances and uploads, its
        // role-connection metadata, SKUs, entitlements and subscriptions.
        .route("/applications/@me", patch(application::edit_me))
        .route(
            "/applications/{app}",
            get(application::get).patch(application::edit),
        )
        .route(
            "/applications/{app}/activity-instances/{instance}",
            get(application::activity_instance),
        )
        .route(
            "/applications/{app}/attachment",
            post(application::attachment),
        )
        .route(
            "/applications/{app}/role-connections/metadata",
            get(application::role_metadata).put(application::set_role_metadata),
        )
        .route("/applications/{app}/skus", get(monetization::skus))
        .route(
            "/applications/{app}/entitlements",
            get(monetization::entitlements).post(monetization::create_test),
        )
        .route(
            "/applications/{app}/entitlements/{id}",
            get(monetization::entitlement).delete(monetization::delete_test),
        )
        .route(
            "/applications/{app}/entitlements/{id}/consume",
            post(monetization::consume),
        )
        .route(
            "/skus/{sku}/subscriptions",
            get(monetization::subscriptions),
        )
        .route(
            "/skus/{sku}/subscriptions/{id}",
            get(monetization::subscription),
        )
        // Guild administration (issue #28): auto-moderation, integrations, templates,
        // onboarding, the welcome screen, the widget, regions, incident actions, invites.
        .route(
            "/guilds/{guild}/auto-moderation/rules",
            get(auto_moderation::list).post(auto_moderation::create),
        )
        .route(
            "/guilds/{guild}/auto-moderation/rules/{rule}",
            get(auto_moderation::get)
                .patch(auto_moderation::edit)
                .delete(auto_moderation::delete),
        )
        .route(
            "/guilds/{guild}/widget",
            get(guild_admin::widget_settings).patch(guild_admin::edit_widget),
        )
        .route("/guilds/{guild}/widget.json", get(guild_admin::widget))
        .route("/guilds/{guild}/vanity-url", get(guild_admin::vanity_url))
        .route("/guilds/{guild}/regions", get(guild_admin::guild_regions))
        .route("/voice/regions", get(guild_admin::regions))
        .route("/guilds/{guild}/invites", get(guild_admin::invites))
        .route(
            "/guilds/{guild}/incident-actions",
            put(guild_admin::incident_actions),
        )
        .route("/guilds/templates/{code}", get(templates::by_code))
        .route(
            "/guilds/{guild}/templates",
            get(templates::list).post(templates::create),
        )
        .route(
            "/guilds/{guild}/templates/{code}",
            put(templates::sync)
                .patch(templates::edit)
                .delete(templates::delete),
        )
        // Issue 28: emojis (a guild's and the application's), stickers, soundboard sounds and
        // scheduled events.
        .route(
            "/guilds/{guild}/stickers",
            get(stickers::list).post(stickers::create),
        )
        .route(
            "/guilds/{guild}/stickers/{sticker}",
            get(stickers::get)
                .patch(stickers::edit)
                .delete(stickers::delete),
        )
        .route(
            "/guilds/{guild}/soundboard-sounds",
            get(stickers::sounds).post(stickers::create_sound),
        )
        .route(
            "/guilds/{guild}/soundboard-sounds/{sound}",
            get(stickers::sound)
                .patch(stickers::edit_sound)
                .delete(stickers::delete_sound),
        )
        .route(
            "/guilds/{guild}/emojis",
            get(emojis::list).post(emojis::create),
        )
        .route(
            "/guilds/{guild}/emojis/{emoji}",
            get(emojis::get).patch(emojis::edit).delete(emojis::delete),
        )
        .route("/applications/{app}/emojis", post(emojis::create_app))
        .route(
            "/applications/{app}/emojis/{emoji}",
            get(emojis::get_app)
                .patch(emojis::edit_app)
                .delete(emojis::delete_app),
        )
        .route(
            "/guilds/{guild}/scheduled-events",
            get(scheduled_events::list).post(scheduled_events::create),
        )
        .route(
            "/guilds/{guild}/scheduled-events/{event}",
            get(scheduled_events::get)
                .patch(scheduled_events::edit)
                .delete(scheduled_events::delete),
        )
        .route(
            "/guilds/{guild}/scheduled-events/{event}/users",
            get(scheduled_events::users),
        )
        .route(
            "/guilds/{guild}/scheduled-events/{event}/users/counts",
            get(scheduled_events::counts),
        )
        .route(
            "/guilds/{guild}/scheduled-events/{event}/{exception}/users",
            get(scheduled_events::exception_users),
        )
        .route(
            "/guilds/{guild}/scheduled-events/{event}/exceptions",
            post(scheduled_events::create_exception),
        )
        .route(
            "/guilds/{guild}/scheduled-events/{event}/exceptions/{exception}",
            patch(scheduled_events::edit_exception).delete(scheduled_events::delete_exception),
        )
        .route_layer(middleware::from_fn_with_state(
            shared.clone(),
            require_token,
        ));
    // The gateway URL, the interaction routes and webhooks' token routes need no bot token
    // (RR L434-438).
    let open = Router::new()
        .route("/gateway", get(app::gateway))
        .route(
            "/interactions/{id}/{token}/callback",
            post(interactions::callback),
        )
        // An incoming webhook's token routes, and an interaction's (its id the application's).
        .route(
            "/webhooks/{webhook}/{token}",
            get(webhooks::get_with_token)
                .post(webhooks::execute)
                .patch(webhooks::modify_with_token)
                .delete(webhooks::delete_with_token),
        )
        .route(
            "/webhooks/{webhook}/{token}/messages/{message}",
            get(webhooks::get_message)
                .patch(webhooks::edit_message)
                .delete(webhooks::delete_message),
        );
    authenticated.merge(open).fallback(not_found)
}

/// The whole HTTP surface: `/api/v10`, `/api/v9` and `/api` for REST; the gateway at `/` (Discord's
/// shape) and at `/gateway`.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .nest("/api/v10", api(&shared))
        .nest("/api/v9", api(&shared))
        .nest("/api", api(&shared))
        .route(
            "/attachments/{channel}/{id}/{filename}",
            get(messages::attachment),
        )
        .route("/", get(crate::gateway::upgrade))
        .route("/gateway", get(crate::gateway::upgrade))
        .route("/gateway/", get(crate::gateway::upgrade))
        .route("/gateway//", get(crate::gateway::upgrade))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(shared.clone(), observe))
        .with_state(shared)
}

#[cfg(test)]
mod tests {
    use super::redact_path;

    #[test]
    fn tokens_in_paths_are_redacted() {
        assert_eq!(
            redact_path("/api/v10/interactions/123/abcTOKEN/callback"),
            "/api/v10/interactions/123/[redacted]/callback"
        );
        assert_eq!(
            redact_path("/api/v10/webhooks/9/abcTOKEN/messages/@original"),
            "/api/v10/webhooks/9/[redacted]/messages/@original"
        );
        assert_eq!(redact_path("/api/v10/users/@me"), "/api/v10/users/@me");
    }
}

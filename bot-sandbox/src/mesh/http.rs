//! The HTTP API beside the gateway: `/api/version`, `/api/v1/discovery/tags`, `/api/v1/proxy`,
//! the `Authorization` check and singyeong's 404.

use super::{MeshState, proxy};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, RawQuery, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Json, Router, routing};
use serde_json::{Map, Value, json};
use std::net::SocketAddr;
use std::sync::Arc;

pub(crate) fn router(state: Arc<MeshState>) -> Router {
    let v1 = Router::new()
        .route("/discovery/tags", routing::get(discovery))
        .route("/proxy", routing::post(proxy_route))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            authenticate,
        ));
    Router::new()
        .route("/gateway/websocket", routing::get(super::gateway::upgrade))
        .route("/api/version", routing::get(version))
        .nest("/api/v1", v1)
        .route(
            "/",
            routing::get(|| async { Redirect::to("/gateway/websocket") }),
        )
        .fallback(not_found)
        .with_state(state)
}

/// Phoenix's answer to a crash while handling a request.
pub(crate) fn internal_error() -> Response {
    let body = json!({"errors": {"detail": "Internal Server Error"}});
    (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
}

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"code": 404, "error": "not found"})),
    )
        .into_response()
}

async fn version() -> Json<Value> {
    Json(json!({"singyeong": "0.0.1", "api": "v1"}))
}

async fn authenticate(
    State(state): State<Arc<MeshState>>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(password) = &state.config.password {
        let given = request.headers().get(header::AUTHORIZATION);
        if given.map(|value| value.as_bytes()) != Some(password.as_bytes()) {
            let body = json!({"status": "error", "error": "not authorized"});
            return (StatusCode::UNAUTHORIZED, Json(body)).into_response();
        }
    }
    next.run(request).await
}

/// Form-decodes the query string (`+` is a space), then percent-decodes `q` once more, as
/// `fetch_query_params |> URI.decode`.
async fn discovery(State(state): State<Arc<MeshState>>, RawQuery(raw): RawQuery) -> Response {
    let raw = raw.unwrap_or_default();
    let q = form_urlencoded::parse(raw.as_bytes())
        .filter(|(key, _)| key == "q")
        .map(|(_, value)| value.into_owned())
        .last();
    let Some(q) = q else {
        let body = json!({"status": "error", "error": "no query parameter"});
        return (StatusCode::BAD_REQUEST, Json(body)).into_response();
    };
    let decoded = percent_encoding::percent_decode_str(&q).decode_utf8_lossy();
    let tags: Option<Vec<String>> = serde_json::from_str::<Value>(&decoded)
        .ok()
        .and_then(|value| serde_json::from_value(value).ok());
    let Some(tags) = tags else {
        // `Jason.decode!` raises on anything else.
        return internal_error();
    };
    let result = state.store().apps_with_tags(&tags);
    Json(json!({"status": "ok", "result": result})).into_response()
}

/// The request's params as Plug.Parsers builds them: JSON or urlencoded (the last of repeated
/// keys wins); other bodies give no params.
fn params(headers: &HeaderMap, body: &[u8]) -> Result<Map<String, Value>, Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("application/json") {
        return match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(other) => Ok(Map::from_iter([("_json".to_owned(), other)])),
            Err(_) => Err(internal_error()),
        };
    }
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let pairs = form_urlencoded::parse(body);
        return Ok(pairs
            .map(|(key, value)| (key.into_owned(), Value::String(value.into_owned())))
            .collect());
    }
    Ok(Map::new())
}

async fn proxy_route(
    State(state): State<Arc<MeshState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let params = match params(&headers, &body) {
        Ok(params) => params,
        Err(response) => return response,
    };
    for field in ["method", "route", "query"] {
        if params.get(field).is_none_or(Value::is_null) {
            let body = json!({field: [format!("no {field} provided")]});
            return (StatusCode::BAD_REQUEST, Json(body)).into_response();
        }
    }
    let body = match params.get("body") {
        None | Some(Value::Null | Value::Bool(false)) => Value::String(String::new()),
        Some(body) => body.clone(),
    };
    let request = proxy::ProxiedRequest {
        method: params["method"].clone(),
        route: params["route"].clone(),
        query: params["query"].clone(),
        body,
        headers: params.get("headers").cloned().unwrap_or(json!({})),
    };
    proxy::proxy(&state, &peer.ip().to_string(), request).await
}

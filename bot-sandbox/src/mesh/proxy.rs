//! `POST /api/v1/proxy`: V2019's method and body checks, routing, and the proxied request.

use super::http::internal_error;
use super::{MeshState, query, term};
use axum::Json;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rand::seq::IndexedRandom;
use serde_json::{Value, json};

const METHODS: [&str; 9] = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
];
const UNSUPPORTED: [&str; 3] = ["CONNECT", "OPTIONS", "TRACE"];
/// `MOVE` is listed here but is not a valid method, as in the server.
const BODY_METHODS: [&str; 5] = ["POST", "PATCH", "PUT", "DELETE", "MOVE"];

/// The fields of a proxy request (the controller already defaulted `body` and `headers`).
#[derive(Debug)]
pub(crate) struct ProxiedRequest {
    pub(crate) method: Value,
    pub(crate) route: Value,
    pub(crate) query: Value,
    pub(crate) body: Value,
    pub(crate) headers: Value,
}

fn error(message: String) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"errors": [message]}))).into_response()
}

fn list(items: &[&str]) -> String {
    term::inspect(&json!(items))
}

pub(crate) async fn proxy(state: &MeshState, caller_ip: &str, request: ProxiedRequest) -> Response {
    // Interpolating a non-string method or route raises in the server.
    let (Some(method), Some(route)) = (request.method.as_str(), request.route.as_str()) else {
        return internal_error();
    };
    if !METHODS.contains(&method) {
        let valid = list(&METHODS);
        return error(format!(
            "{method} is not a valid method! (valid methods: {valid})"
        ));
    }
    if UNSUPPORTED.contains(&method) {
        let unsupported = list(&UNSUPPORTED);
        return error(format!(
            "{method} is not a supported method! (not supported: {unsupported})"
        ));
    }
    let empty_body = request.body.is_null() || request.body == json!("");
    if BODY_METHODS.contains(&method) && request.body.is_null() {
        return error(
            "requires body but none given (you probably wanted to send empty-string)".into(),
        );
    }
    if !BODY_METHODS.contains(&method) && !empty_body {
        return error("no body required but one given (you probably wanted to send nil)".into());
    }
    let target = {
        let store = state.store();
        let matches = match query::run(&store, &request.query, false) {
            Ok(matches) => matches,
            Err(_) => return internal_error(),
        };
        let Some(app) = matches.app.filter(|_| !matches.clients.is_empty()) else {
            return error("no matches".into());
        };
        let Some(client) = matches.clients.choose(&mut rand::rng()) else {
            return error("no matches".into());
        };
        store
            .client(&app, client)
            .and_then(|record| record.ip.clone())
    };
    let Some(ip) = target else {
        return error("no target ip".into());
    };
    let base = if ip.starts_with("http://") || ip.starts_with("https://") {
        ip
    } else {
        format!("http://{ip}")
    };
    // Plain concatenation: a route `/x` becomes `http://ip//x`, as in the server.
    let url = format!("{base}/{route}");
    send(state, &url, method, caller_ip, &request).await
}

async fn send(
    state: &MeshState,
    url: &str,
    method: &str,
    caller_ip: &str,
    request: &ProxiedRequest,
) -> Response {
    let Ok(method) = reqwest::Method::from_bytes(method.as_bytes()) else {
        return internal_error();
    };
    let body = match &request.body {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let mut outgoing = state
        .http
        .request(method, url)
        .header("X-Forwarded-For", caller_ip)
        .body(body);
    if let Some(headers) = request.headers.as_object() {
        for (name, value) in headers {
            let value = value
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_string());
            outgoing = outgoing.header(name.as_str(), value);
        }
    }
    let response = match outgoing.send().await {
        Ok(response) => response,
        Err(failure) => return error(upstream_message(&failure)),
    };
    let status =
        StatusCode::from_u16(response.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
    let copied: Vec<(String, Vec<u8>)> = response
        .headers()
        .iter()
        .filter(|(name, _)| !HOP_BY_HOP.contains(&name.as_str()))
        .map(|(name, value)| {
            (
                name.as_str().to_ascii_lowercase(),
                value.as_bytes().to_vec(),
            )
        })
        .collect();
    let text = match response.text().await {
        Ok(text) => text,
        Err(failure) => return error(upstream_message(&failure)),
    };
    let mut reply = (status, text).into_response();
    let headers = reply.headers_mut();
    for (name, value) in copied {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::from_bytes(&value))
        {
            headers.insert(name, value);
        }
    }
    reply
}

/// Headers of the upstream connection, not of the answer.
const HOP_BY_HOP: [&str; 4] = [
    "connection",
    "content-length",
    "transfer-encoding",
    "keep-alive",
];

/// HTTPoison's short reasons.
fn upstream_message(failure: &reqwest::Error) -> String {
    if failure.is_timeout() {
        "timeout".into()
    } else if failure.is_connect() {
        "econnrefused".into()
    } else {
        failure.to_string()
    }
}

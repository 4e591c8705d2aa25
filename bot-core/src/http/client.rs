//! The REST client: one FIFO queue per route, waits ahead of time from the `X-RateLimit-*`
//! headers, retries after 429s, retries idempotent requests after 5xx (RL L24-118).

use super::{HttpError, Token};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// Discord's User-Agent form: `DiscordBot ($url, $version)` (REF L231-244).
const USER_AGENT: &str = concat!(
    "DiscordBot (https://crates.io/crates/bot-core, ",
    env!("CARGO_PKG_VERSION"),
    ")"
);
/// How often an idempotent request is retried after a server error or a lost connection.
const RETRIES: u32 = 3;
/// How many 429s in a row one request waits out before giving up.
const MAX_429: u32 = 10;

/// A request body.
#[derive(Clone, Debug)]
pub enum Body {
    /// No body.
    Empty,
    /// A JSON body.
    Json(Value),
    /// `multipart/form-data`: `payload_json` and `files[n]` (name, bytes).
    Multipart {
        /// The JSON part.
        payload: Value,
        /// The files, as `files[0]`, `files[1]`, ...
        files: Vec<(String, Vec<u8>)>,
    },
}

/// What the headers said about one rate-limit bucket.
#[derive(Clone, Copy, Debug, Default)]
struct Limit {
    remaining: Option<u64>,
    reset_at: Option<Instant>,
}

/// The REST client. Cheap to clone; clones share queues and limits.
#[derive(Clone)]
pub struct Http {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    base: String,
    token: Token,
    /// One FIFO queue per route: requests of a route go out in the order they were made.
    queues: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// The bucket each route belongs to, learned from `X-RateLimit-Bucket`.
    route_buckets: Mutex<HashMap<String, String>>,
    /// The limits by bucket and top-level resource (routes sharing a bucket share these).
    limits: Mutex<HashMap<String, Limit>>,
    global_until: Mutex<Option<Instant>>,
}

impl std::fmt::Debug for Http {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Http")
            .field("base", &self.inner.base)
            .field("token", &self.inner.token)
            .finish_non_exhaustive()
    }
}

/// The queue key of a request: method and path with ids replaced, except the top-level
/// resource (`channels/{id}`, `guilds/{id}`, `webhooks/{id}/{token}`), as Discord keys limits.
pub(crate) fn route_key(method: &Method, path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut key = method.to_string();
    for (i, segment) in segments.iter().enumerate() {
        let major = i > 0 && matches!(segments[i - 1], "channels" | "guilds" | "webhooks");
        let id = segment.bytes().all(|b| b.is_ascii_digit());
        key.push('/');
        key.push_str(if id && !major { "{id}" } else { segment });
    }
    key
}

/// The top-level resource of a path (`channels/1`, `guilds/2`, `webhooks/3/token`), which Discord
/// keys limits by together with the bucket (RL L24-45).
pub(crate) fn major_of(path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "channels" | "guilds" => {
                return segments
                    .get(i..i + 2)
                    .map(|s| s.join("/"))
                    .unwrap_or_default();
            }
            "webhooks" | "interactions" => {
                return segments
                    .get(i..i + 3)
                    .map(|s| s.join("/"))
                    .unwrap_or_default();
            }
            _ => {}
        }
    }
    String::new()
}

/// The route for messages and logs: ids and tokens replaced.
pub(crate) fn route_label(method: &Method, path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    let mut label = method.to_string();
    let mut after_secret = false;
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        let id = segment.bytes().all(|b| b.is_ascii_digit());
        label.push('/');
        if after_secret && !id {
            label.push_str("{token}");
        } else if id {
            label.push_str("{id}");
        } else {
            label.push_str(segment);
        }
        after_secret = matches!(segment, "webhooks" | "interactions") || (after_secret && id);
    }
    label
}

fn header_f64(headers: &reqwest::header::HeaderMap, name: &str) -> Option<f64> {
    headers.get(name)?.to_str().ok()?.parse().ok()
}

fn backoff(attempt: u32) -> Duration {
    let base = 250u64 << attempt.min(5);
    Duration::from_millis(base + rand::random_range(0..base / 2 + 1))
}

impl Http {
    /// A client for the API at `base` (e.g. `https://discord.com/api/v10`).
    pub fn new(base: impl Into<String>, token: Token) -> Self {
        Http {
            inner: Arc::new(Inner {
                client: reqwest::Client::new(),
                base: base.into().trim_end_matches('/').to_owned(),
                token,
                queues: Mutex::new(HashMap::new()),
                route_buckets: Mutex::new(HashMap::new()),
                limits: Mutex::new(HashMap::new()),
                global_until: Mutex::new(None),
            }),
        }
    }

    /// The API base URL.
    pub fn base(&self) -> &str {
        &self.inner.base
    }

    pub(crate) fn token(&self) -> &Token {
        &self.inner.token
    }

    fn queue(&self, route: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut queues = self.inner.queues.lock().unwrap_or_else(|p| p.into_inner());
        queues.entry(route.to_owned()).or_default().clone()
    }

    /// The key of the limits a route is under: its learned bucket and top-level resource, or
    /// the route itself until a response names the bucket.
    fn limit_key(&self, route: &str, major: &str) -> String {
        let buckets = self
            .inner
            .route_buckets
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        match buckets.get(route) {
            Some(bucket) => format!("{bucket}:{major}"),
            None => route.to_owned(),
        }
    }

    fn limit(&self, key: &str) -> Limit {
        let limits = self.inner.limits.lock().unwrap_or_else(|p| p.into_inner());
        limits.get(key).copied().unwrap_or_default()
    }

    /// Records what a response's headers say about its bucket.
    fn learn(&self, route: &str, major: &str, headers: &reqwest::header::HeaderMap) {
        if let Some(bucket) = headers
            .get("x-ratelimit-bucket")
            .and_then(|v| v.to_str().ok())
        {
            let mut buckets = self
                .inner
                .route_buckets
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            buckets.insert(route.to_owned(), bucket.to_owned());
        }
        let key = self.limit_key(route, major);
        let mut limits = self.inner.limits.lock().unwrap_or_else(|p| p.into_inner());
        let limit = limits.entry(key).or_default();
        if let Some(remaining) = header_f64(headers, "x-ratelimit-remaining") {
            limit.remaining = Some(remaining as u64);
        }
        if let Some(after) = header_f64(headers, "x-ratelimit-reset-after") {
            limit.reset_at = Some(Instant::now() + Duration::from_secs_f64(after.max(0.0)));
        }
    }

    fn build(
        &self,
        method: &Method,
        path: &str,
        body: &Body,
    ) -> Result<reqwest::RequestBuilder, HttpError> {
        let url = format!("{}{path}", self.inner.base);
        let request = self
            .inner
            .client
            .request(method.clone(), url)
            .header(reqwest::header::USER_AGENT, USER_AGENT)
            .header(
                reqwest::header::AUTHORIZATION,
                format!("Bot {}", self.inner.token.expose()),
            );
        Ok(match body {
            Body::Empty => request,
            Body::Json(value) => request.json(value),
            Body::Multipart { payload, files } => {
                let mut form =
                    reqwest::multipart::Form::new().text("payload_json", payload.to_string());
                for (i, (name, bytes)) in files.iter().enumerate() {
                    let part =
                        reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.clone());
                    form = form.part(format!("files[{i}]"), part);
                }
                request.multipart(form)
            }
        })
    }

    async fn wait_global(&self) {
        let until = *self
            .inner
            .global_until
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some(until) = until {
            tokio::time::sleep_until(until).await;
        }
    }

    /// Sends a request in its route's queue: `Some(json)` for a body, `None` for 204.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        body: Body,
    ) -> Result<Option<Value>, HttpError> {
        let label = route_label(&method, path);
        let route = route_key(&method, path);
        let major = major_of(path);
        let queue = self.queue(&route);
        let _turn = queue.lock().await;
        let idempotent = method != Method::POST;
        let (mut failures, mut limited) = (0, 0);
        loop {
            let known = self.limit(&self.limit_key(&route, &major));
            if known.remaining == Some(0)
                && let Some(reset) = known.reset_at
                && reset > Instant::now()
            {
                tracing::debug!(route = %label, "waiting for the rate limit to reset");
                tokio::time::sleep_until(reset).await;
            }
            self.wait_global().await;
            let sent = self.build(&method, path, &body)?.send().await;
            let response = match sent {
                Ok(response) => response,
                Err(error) if idempotent && failures < RETRIES => {
                    failures += 1;
                    tracing::warn!(route = %label, "request failed ({error}); retrying");
                    tokio::time::sleep(backoff(failures)).await;
                    continue;
                }
                Err(error) if idempotent => {
                    return Err(HttpError::Transport(error.without_url().to_string()));
                }
                Err(error) => {
                    return Err(HttpError::OutcomeUnknown {
                        route: label,
                        reason: error.without_url().to_string(),
                    });
                }
            };
            let status = response.status();
            let headers = response.headers().clone();
            self.learn(&route, &major, &headers);
            if status == StatusCode::TOO_MANY_REQUESTS && limited < MAX_429 {
                limited += 1;
                let body: Value = response.json().await.unwrap_or(Value::Null);
                let retry = body["retry_after"]
                    .as_f64()
                    .or_else(|| header_f64(&headers, "retry-after"))
                    .unwrap_or(1.0);
                let until = Instant::now() + Duration::from_secs_f64(retry.max(0.0));
                if body["global"].as_bool() == Some(true) {
                    *self
                        .inner
                        .global_until
                        .lock()
                        .unwrap_or_else(|p| p.into_inner()) = Some(until);
                }
                tracing::warn!(route = %label, retry_after = retry, "rate limited; retrying");
                tokio::time::sleep_until(until).await;
                continue;
            }
            if status.is_server_error() {
                if idempotent && failures < RETRIES {
                    failures += 1;
                    tokio::time::sleep(backoff(failures)).await;
                    continue;
                }
                if !idempotent {
                    return Err(HttpError::OutcomeUnknown {
                        route: label,
                        reason: format!("status {status}"),
                    });
                }
            }
            if status == StatusCode::NO_CONTENT {
                return Ok(None);
            }
            let text = response
                .text()
                .await
                .map_err(|e| HttpError::Transport(e.without_url().to_string()))?;
            let value: Value = if text.is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text)
                    .map_err(|e| HttpError::Decode(format!("{label}: {e}")))?
            };
            if status.is_success() {
                return Ok(Some(value));
            }
            return Err(HttpError::Api {
                status: status.as_u16(),
                code: value["code"].as_u64().unwrap_or(0),
                message: value["message"].as_str().unwrap_or("").to_owned(),
                errors: value.get("errors").cloned(),
            });
        }
    }

    /// A request whose answer must be JSON.
    pub async fn json(&self, method: Method, path: &str, body: Body) -> Result<Value, HttpError> {
        self.request(method, path, body)
            .await?
            .ok_or_else(|| HttpError::Decode("expected a JSON body, got 204".to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_keys_keep_the_top_level_resource() {
        assert_eq!(
            route_key(&Method::POST, "/channels/123/messages"),
            "POST/channels/123/messages"
        );
        assert_eq!(
            route_key(&Method::PATCH, "/channels/123/messages/456"),
            "PATCH/channels/123/messages/{id}"
        );
        assert_eq!(
            route_key(
                &Method::GET,
                "/applications/9/guilds/8/commands?with_localizations=true"
            ),
            "GET/applications/{id}/guilds/8/commands"
        );
    }

    #[test]
    fn the_top_level_resource_is_the_major_parameter() {
        assert_eq!(major_of("/channels/123/messages/456"), "channels/123");
        assert_eq!(
            major_of("/webhooks/9/tok/messages/@original"),
            "webhooks/9/tok"
        );
        assert_eq!(major_of("/users/@me"), "");
    }

    #[test]
    fn route_labels_hide_tokens_and_ids() {
        assert_eq!(
            route_label(&Method::POST, "/interactions/123/secret-token/callback"),
            "POST/interactions/{id}/{token}/callback"
        );
        assert_eq!(
            route_label(&Method::PATCH, "/webhooks/9/secret/messages/@original"),
            "PATCH/webhooks/{id}/{token}/messages/@original"
        );
    }

    #[test]
    fn debug_never_shows_the_token() {
        let http = Http::new(
            "http://127.0.0.1:1/api/v10",
            Token::new("Bot very.secret.token"),
        );
        let shown = format!("{http:?}");
        assert!(!shown.contains("very.secret.token"), "{shown}");
    }
}

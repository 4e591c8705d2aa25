//! The REST client: one FIFO queue per route, waits ahead of time from the `X-RateLimit-*`
//! headers, retries after 429s, retries idempotent requests after 5xx (RL L24-118).

use super::invalid::{INVALID_REQUEST_LIMIT, InvalidCounter, InvalidRequests, counts};
use super::keys::{Keyer, RequestKeys};
use super::queues::Queues;
use super::ratelimit::{DEFAULT_WAIT, LimitStore, header_f64, server_wait};
use super::{HttpError, Method, Token, audit};
use reqwest::StatusCode;
use serde_json::Value;
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

/// A request body for [`Http::request`], the raw escape hatch: any route, any JSON. The typed
/// routes ([`Http::create_message`], ...) build it from the models.
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
    /// `multipart/form-data` with one file under a field of the route's own name (an invite's
    /// `target_users_file`), and no `payload_json`.
    File {
        /// The form field.
        field: &'static str,
        /// The file's name.
        filename: String,
        /// Its MIME type (`text/csv`).
        content_type: &'static str,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// `multipart/form-data` with text fields and one file (a guild sticker's `name`, `tags`,
    /// `description` and `file`), and no `payload_json`.
    Form {
        /// The text fields, in order.
        fields: Vec<(&'static str, String)>,
        /// The file's form field.
        field: &'static str,
        /// The file's name.
        filename: String,
        /// Its MIME type.
        content_type: &'static str,
        /// Its bytes.
        bytes: Vec<u8>,
    },
}

/// How much per-route state a client holds: a diagnostic that shows it stays bounded (by the
/// routes in use and the rate-limit windows still open), never growing with the number of
/// interactions served.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TrackedState {
    /// Route queues that exist (only while a request holds or awaits one).
    pub queues: usize,
    /// Rate-limit windows remembered (dropped once closed).
    pub limits: usize,
    /// Buckets learned, one per route template.
    pub buckets: usize,
}

/// The REST client. Cheap to clone; clones share queues and limits.
#[derive(Clone)]
pub struct Http {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    tls: crate::tls::Tls,
    base: String,
    token: Token,
    keyer: Keyer,
    queues: Queues,
    limits: Mutex<LimitStore>,
    global_until: Mutex<Option<Instant>>,
    invalid: Mutex<InvalidCounter>,
}

impl std::fmt::Debug for Http {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Http")
            .field("base", &self.inner.base)
            .field("token", &self.inner.token)
            .finish_non_exhaustive()
    }
}

/// Builds an [`Http`] client with its timeouts.
///
/// ```
/// use bot_core::http::{Http, Token};
/// use std::time::Duration;
/// let http = Http::builder("http://127.0.0.1:8080/api/v10", Token::new("a.b.c"))
///     .connect_timeout(Duration::from_secs(5))
///     .request_timeout(Duration::from_secs(15))
///     .build()
///     .unwrap();
/// assert_eq!(http.base(), "http://127.0.0.1:8080/api/v10");
/// ```
#[derive(Clone, Debug)]
pub struct HttpBuilder {
    base: String,
    token: Token,
    connect_timeout: Duration,
    request_timeout: Duration,
    tls: Option<crate::tls::Tls>,
    invalid_request_limit: u32,
}

impl HttpBuilder {
    /// The TLS configuration of `https://` (default: the back end's roots only). The bot hands
    /// the gateway the same one.
    pub fn tls(mut self, tls: crate::tls::Tls) -> Self {
        self.tls = Some(tls);
        self
    }

    /// How long connecting may take (default: [`DEFAULT_CONNECT_TIMEOUT`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long a whole request may take, from sending to the end of the answer (default:
    /// [`DEFAULT_REQUEST_TIMEOUT`]). A request that takes longer fails instead of holding its
    /// route's queue.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// How many invalid answers (401, 403, 429) the client lets through in 10 minutes before it
    /// refuses to send (default and most: Discord's [`INVALID_REQUEST_LIMIT`], 10 000; a warning
    /// is logged at 80 %). A lower budget leaves room for other processes sharing the IP.
    pub fn invalid_request_limit(mut self, limit: u32) -> Self {
        self.invalid_request_limit = limit.clamp(1, INVALID_REQUEST_LIMIT);
        self
    }

    /// The client; fails only if the TLS back end cannot start.
    pub fn build(self) -> Result<Http, HttpError> {
        if self.connect_timeout.is_zero() || self.request_timeout.is_zero() {
            return Err(HttpError::Transport(
                "HTTP timeouts must be longer than zero".to_owned(),
            ));
        }
        let tls = match self.tls {
            Some(tls) => tls,
            None => crate::tls::Tls::new(&[]).map_err(|e| HttpError::Transport(e.to_string()))?,
        };
        let client = tls
            .reqwest(reqwest::Client::builder())
            .connect_timeout(self.connect_timeout)
            .timeout(self.request_timeout)
            .build()
            .map_err(|e| HttpError::Transport(e.without_url().to_string()))?;
        Ok(Http {
            inner: Arc::new(Inner {
                client,
                tls,
                base: self.base.trim_end_matches('/').to_owned(),
                token: self.token,
                keyer: Keyer::default(),
                queues: Queues::default(),
                limits: Mutex::new(LimitStore::default()),
                global_until: Mutex::new(None),
                invalid: Mutex::new(InvalidCounter::new(self.invalid_request_limit)),
            }),
        })
    }
}

/// The default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default whole-request timeout.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

fn backoff(attempt: u32) -> Duration {
    let base = 250u64 << attempt.min(5);
    Duration::from_millis(base + rand::random_range(0..base / 2 + 1))
}

/// At most this much of a non-JSON error body is kept in the error.
const BODY_SNIPPET: usize = 200;

impl Http {
    /// A client for the API at `base` (e.g. `https://discord.com/api/v10`) with the default
    /// timeouts.
    ///
    /// # Panics
    ///
    /// If the TLS back end cannot start (as `reqwest::Client::new`); use [`Http::builder`] to get
    /// an error instead.
    pub fn new(base: impl Into<String>, token: Token) -> Self {
        match Self::builder(base, token).build() {
            Ok(http) => http,
            Err(error) => panic!("the HTTP client could not start: {error}"),
        }
    }

    /// A builder, to set timeouts.
    pub fn builder(base: impl Into<String>, token: Token) -> HttpBuilder {
        HttpBuilder {
            base: base.into(),
            token,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            tls: None,
            invalid_request_limit: INVALID_REQUEST_LIMIT,
        }
    }

    /// The API base URL.
    pub fn base(&self) -> &str {
        &self.inner.base
    }

    /// The TLS configuration of its requests (the gateway uses it too).
    pub fn tls(&self) -> &crate::tls::Tls {
        &self.inner.tls
    }

    pub(crate) fn token(&self) -> &Token {
        &self.inner.token
    }

    /// How much per-route state the client holds now (see [`TrackedState`]).
    pub fn tracked_state(&self) -> TrackedState {
        let (limits, buckets) = self.limits().len();
        TrackedState {
            queues: self.inner.queues.len(),
            limits,
            buckets,
        }
    }

    /// The invalid answers (401, 403, 429) of the last 10 minutes, and the limit at which the
    /// client refuses to send ([`HttpError::InvalidRequestLimit`]).
    pub fn invalid_requests(&self) -> InvalidRequests {
        self.invalid().snapshot(Instant::now())
    }

    fn invalid(&self) -> std::sync::MutexGuard<'_, InvalidCounter> {
        self.inner.invalid.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn limits(&self) -> std::sync::MutexGuard<'_, LimitStore> {
        self.inner.limits.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn build(
        &self,
        method: &Method,
        path: &str,
        body: &Body,
        keys: &RequestKeys,
        reason: Option<&str>,
    ) -> reqwest::RequestBuilder {
        let url = format!("{}{path}", self.inner.base);
        let mut request = self
            .inner
            .client
            .request(method.clone(), url)
            .header(reqwest::header::USER_AGENT, USER_AGENT);
        // Routes with a token in their path need no bot token (and get none).
        if !keys.token_route {
            request = request.header(
                reqwest::header::AUTHORIZATION,
                format!("Bot {}", self.inner.token.expose()),
            );
        }
        if let Some(reason) = reason {
            request = request.header(audit::AUDIT_LOG_REASON, reason);
        }
        match body {
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
            Body::File {
                field,
                filename,
                content_type,
                bytes,
            } => {
                let part = reqwest::multipart::Part::bytes(bytes.clone())
                    .file_name(filename.clone())
                    .mime_str(content_type)
                    .unwrap_or_else(|_| reqwest::multipart::Part::bytes(bytes.clone()));
                request.multipart(reqwest::multipart::Form::new().part(*field, part))
            }
            Body::Form {
                fields,
                field,
                filename,
                content_type,
                bytes,
            } => {
                let mut form = reqwest::multipart::Form::new();
                for (name, value) in fields {
                    form = form.text(*name, value.clone());
                }
                let part = reqwest::multipart::Part::bytes(bytes.clone())
                    .file_name(filename.clone())
                    .mime_str(content_type)
                    .unwrap_or_else(|_| reqwest::multipart::Part::bytes(bytes.clone()));
                request.multipart(form.part(*field, part))
            }
        }
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
    ///
    /// The raw escape hatch, for a route without a typed call: the body and the answer are
    /// JSON, rate limits and retries as for every route.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        body: Body,
    ) -> Result<Option<Value>, HttpError> {
        self.request_with_reason(method, path, body, None).await
    }

    /// [`request`](Self::request) with an `X-Audit-Log-Reason` (at most 512 characters,
    /// percent-encoded here), for the routes whose changes the guild's audit log records.
    pub async fn request_with_reason(
        &self,
        method: Method,
        path: &str,
        body: Body,
        reason: Option<&str>,
    ) -> Result<Option<Value>, HttpError> {
        let (status, label, text) = self.exchange(method, path, body, reason).await?;
        if status == StatusCode::NO_CONTENT {
            return Ok(None);
        }
        answer(status, &label, &text)
    }

    /// A request whose successful answer is text rather than JSON (an invite's target-users
    /// CSV); an error answer is Discord's JSON error as for every route.
    pub(crate) async fn request_text(
        &self,
        method: Method,
        path: &str,
    ) -> Result<String, HttpError> {
        let (status, label, text) = self.exchange(method, path, Body::Empty, None).await?;
        if status.is_success() {
            return Ok(text);
        }
        answer(status, &label, &text).map(|_| String::new())
    }

    /// Sends a request in its route's queue, waiting out rate limits and retrying as the
    /// route allows: the final status, the route's label and the answer's text (empty for 204).
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        body: Body,
        reason: Option<&str>,
    ) -> Result<(StatusCode, String, String), HttpError> {
        let reason = reason.map(audit::encode).transpose()?;
        let keys = self.inner.keyer.keys(&method, path);
        let _turn = self
            .inner
            .queues
            .turn(format!("{} {}", keys.template, keys.major))
            .await;
        let label = keys.label.clone();
        let idempotent = method != Method::POST;
        let (mut failures, mut limited) = (0, 0);
        loop {
            let known = self.limits().limit(&keys.template, &keys.major);
            if let Some(reset) = known.wait(Instant::now()) {
                tracing::debug!(route = %label, "waiting for the rate limit to reset");
                tokio::time::sleep_until(reset).await;
            }
            // Interaction callbacks and webhooks are not under the bot's global limit.
            if !keys.token_route {
                self.wait_global().await;
            }
            self.invalid().check(Instant::now())?;
            let sent = self
                .build(&method, path, &body, &keys, reason.as_deref())
                .send()
                .await;
            let response = match sent {
                Ok(response) => response,
                Err(error) => {
                    // Never the URL: it may hold an interaction token.
                    let error = error.without_url();
                    let timed_out = error.is_timeout();
                    if idempotent && failures < RETRIES {
                        failures += 1;
                        tracing::warn!(route = %label, "request failed ({error}); retrying");
                        tokio::time::sleep(backoff(failures)).await;
                        continue;
                    }
                    return Err(match (idempotent, timed_out) {
                        (true, true) => HttpError::Timeout { route: label },
                        (true, false) => HttpError::Transport(format!("{label}: {error}")),
                        (false, _) => HttpError::OutcomeUnknown {
                            route: label,
                            reason: error.to_string(),
                        },
                    });
                }
            };
            let status = response.status();
            let headers = response.headers().clone();
            self.limits()
                .learn(&keys.template, &keys.major, &headers, Instant::now());
            let scope = headers
                .get("x-ratelimit-scope")
                .and_then(|v| v.to_str().ok());
            if counts(status.as_u16(), scope) {
                self.invalid().record(Instant::now());
            }
            if status == StatusCode::TOO_MANY_REQUESTS && limited < MAX_429 {
                limited += 1;
                let body: Value = response.json().await.unwrap_or(Value::Null);
                let retry = body["retry_after"]
                    .as_f64()
                    .and_then(|s| server_wait("retry_after", s))
                    .or_else(|| {
                        header_f64(&headers, "retry-after")
                            .and_then(|s| server_wait("Retry-After", s))
                    })
                    .unwrap_or(DEFAULT_WAIT);
                let until = Instant::now() + retry;
                if body["global"].as_bool() == Some(true) && !keys.token_route {
                    *self
                        .inner
                        .global_until
                        .lock()
                        .unwrap_or_else(|p| p.into_inner()) = Some(until);
                }
                tracing::warn!(route = %label, retry_after = ?retry, "rate limited; retrying");
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
                return Ok((status, label, String::new()));
            }
            let text = response.text().await.map_err(|e| {
                let e = e.without_url();
                if e.is_timeout() {
                    HttpError::Timeout {
                        route: label.clone(),
                    }
                } else {
                    HttpError::Transport(format!("{label}: {e}"))
                }
            })?;
            return Ok((status, label, text));
        }
    }

    /// A request whose answer must be JSON: [`request`](Self::request), the raw escape hatch,
    /// without the 204 case.
    pub async fn json(&self, method: Method, path: &str, body: Body) -> Result<Value, HttpError> {
        self.request(method, path, body)
            .await?
            .ok_or_else(|| HttpError::Decode("expected a JSON body, got 204".to_owned()))
    }
}

/// The typed result of a final answer: its JSON for a success, Discord's error otherwise. An
/// error body that is not JSON (an HTML page from a proxy) keeps its status.
fn answer(status: StatusCode, label: &str, text: &str) -> Result<Option<Value>, HttpError> {
    let parsed = if text.trim().is_empty() {
        Ok(Value::Null)
    } else {
        serde_json::from_str::<Value>(text)
    };
    match parsed {
        Ok(value) if status.is_success() => Ok(Some(value)),
        Err(error) if status.is_success() => Err(HttpError::Decode(format!("{label}: {error}"))),
        Ok(value) if value["code"].as_u64() == Some(super::error::REQUEST_TOO_LARGE) => {
            Err(HttpError::TooLarge {
                message: value["message"].as_str().unwrap_or("").to_owned(),
            })
        }
        Ok(value) if value.is_object() => Err(HttpError::Api {
            status: status.as_u16(),
            code: value["code"].as_u64().unwrap_or(0),
            message: value["message"].as_str().unwrap_or("").to_owned(),
            errors: value.get("errors").cloned(),
        }),
        _ => {
            let snippet: String = text.trim().chars().take(BODY_SNIPPET).collect();
            Err(HttpError::Api {
                status: status.as_u16(),
                code: 0,
                message: if snippet.is_empty() {
                    status.canonical_reason().unwrap_or("").to_owned()
                } else {
                    snippet
                },
                errors: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let http = Http::new(
            "http://127.0.0.1:1/api/v10",
            Token::new("Bot very.secret.token"),
        );
        let shown = format!("{http:?}");
        assert!(!shown.contains("very.secret.token"), "{shown}");
    }

    #[test]
    fn an_error_body_that_is_not_json_keeps_its_status() {
        let html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        let error = answer(StatusCode::BAD_GATEWAY, "GET/users/@me", html).unwrap_err();
        assert_eq!(error.status(), Some(502));
        assert!(error.to_string().contains("502 Bad Gateway"), "{error}");
        let empty = answer(StatusCode::SERVICE_UNAVAILABLE, "GET/x", "").unwrap_err();
        assert_eq!(empty.status(), Some(503));
        let discord = answer(
            StatusCode::NOT_FOUND,
            "GET/x",
            r#"{"message": "Unknown Channel", "code": 10003}"#,
        )
        .unwrap_err();
        assert_eq!((discord.status(), discord.code()), (Some(404), Some(10003)));
    }

    #[test]
    fn discords_documented_error_bodies_become_typed_errors() {
        for name in [
            "error_50035_array",
            "error_50035_object",
            "error_50035_request",
        ] {
            let body =
                crate::model::test_fixture("rest_examples.json", &format!("/{name}/payload"));
            let error = answer(StatusCode::BAD_REQUEST, "POST/x", &body.to_string()).unwrap_err();
            assert_eq!(
                (error.status(), error.code()),
                (Some(400), Some(50035)),
                "{name}"
            );
            assert!(
                matches!(
                    error,
                    HttpError::Api {
                        errors: Some(_),
                        ..
                    }
                ),
                "{name}"
            );
        }
        for name in [
            "ratelimit_429_user",
            "ratelimit_429_shared",
            "ratelimit_429_global",
        ] {
            let body = crate::model::test_fixture("rest_examples.json", &format!("/{name}/body"));
            let wait = body["retry_after"]
                .as_f64()
                .and_then(|s| server_wait("retry_after", s));
            assert!(wait.is_some_and(|w| w > Duration::ZERO), "{name}: {body}");
        }
    }

    #[test]
    fn a_success_that_is_not_json_is_a_decode_error() {
        assert!(matches!(
            answer(StatusCode::OK, "GET/x", "<html>"),
            Err(HttpError::Decode(_))
        ));
        assert_eq!(answer(StatusCode::OK, "GET/x", ""), Ok(Some(Value::Null)));
    }

    #[test]
    fn zero_timeouts_are_refused() {
        let built = Http::builder("http://127.0.0.1:1", Token::new("t"))
            .request_timeout(Duration::ZERO)
            .build();
        assert!(built.is_err());
    }
}

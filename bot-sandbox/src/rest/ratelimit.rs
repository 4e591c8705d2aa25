//! Per-route rate limits with Discord's headers and 429s (RL L24-118).

use crate::config::{RateLimits, RouteLimit};
use axum::http::{HeaderMap, HeaderValue};
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The routes that can be rate limited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RouteName {
    /// `POST /channels/{id}/messages`, per channel.
    CreateMessage,
    /// The application-command routes, per application (and guild).
    ApplicationCommands,
    /// Interaction webhooks (follow-ups and edits), per token.
    Webhooks,
    /// `GET /users/...`.
    Users,
    /// Adding reactions, per channel.
    Reactions,
}

impl RouteName {
    fn bucket(self) -> &'static str {
        match self {
            RouteName::CreateMessage => "80c17d2f203122d936070c88c8d10f33",
            RouteName::ApplicationCommands => "1b4c0e23bd8f1d9a6f1a8c9e6a5b3c21",
            RouteName::Webhooks => "d7e1c4f0a9b2e3c5f6a7b8c9d0e1f2a3",
            RouteName::Users => "4a7f3e2b1c0d9e8f7a6b5c4d3e2f1a0b",
            RouteName::Reactions => "9c2e5a7b3d1f8e6c4a2b0d9f7e5c3a1b",
        }
    }
}

#[derive(Debug)]
struct Window {
    started: Instant,
    used: u32,
}

/// The counters of every limited route.
#[derive(Debug)]
pub(crate) struct LimitState {
    config: RateLimits,
    windows: Mutex<HashMap<(RouteName, String), Window>>,
    requests: AtomicU64,
    limited: AtomicU64,
}

/// A request refused with 429.
#[derive(Debug)]
pub(crate) struct Limited {
    pub(crate) headers: HeaderMap,
    pub(crate) retry_after: f64,
}

fn header(value: impl ToString) -> HeaderValue {
    HeaderValue::from_str(&value.to_string()).unwrap_or_else(|_| HeaderValue::from_static("0"))
}

fn epoch_seconds(after: Duration) -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| (d + after).as_secs_f64())
        .unwrap_or(0.0)
}

impl LimitState {
    pub(crate) fn new(config: RateLimits) -> Self {
        LimitState {
            config,
            windows: Mutex::new(HashMap::new()),
            requests: AtomicU64::new(0),
            limited: AtomicU64::new(0),
        }
    }

    /// Counts a request served.
    pub(crate) fn count_request(&self) {
        self.requests.fetch_add(1, Ordering::Relaxed);
    }

    /// Requests served and 429s among them.
    pub(crate) fn counts(&self) -> (u64, u64) {
        (
            self.requests.load(Ordering::Relaxed),
            self.limited.load(Ordering::Relaxed),
        )
    }

    /// Takes one request from `route`'s bucket for the top-level resource `major`: the headers to
    /// send, or a 429.
    pub(crate) fn take(&self, route: RouteName, major: &str) -> Result<HeaderMap, Limited> {
        self.take_or(route, major, None)
    }

    /// As [`take`](Self::take), under `fallback` when the route has no configured limit (a
    /// zero window: no limit).
    pub(crate) fn take_or(
        &self,
        route: RouteName,
        major: &str,
        fallback: Option<RouteLimit>,
    ) -> Result<HeaderMap, Limited> {
        let configured = self.config.routes.get(&route).copied();
        let Some(RouteLimit { limit, window }) =
            configured.or(fallback.filter(|f| !f.window.is_zero()))
        else {
            return Ok(HeaderMap::new());
        };
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let entry = windows.entry((route, major.to_owned())).or_insert(Window {
            started: now,
            used: 0,
        });
        if now.duration_since(entry.started) >= window {
            *entry = Window {
                started: now,
                used: 0,
            };
        }
        let reset_after = window.saturating_sub(now.duration_since(entry.started));
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-limit", header(limit));
        headers.insert(
            "x-ratelimit-reset",
            header(format!("{:.3}", epoch_seconds(reset_after))),
        );
        headers.insert(
            "x-ratelimit-reset-after",
            header(format!("{:.3}", reset_after.as_secs_f64())),
        );
        headers.insert(
            "x-ratelimit-bucket",
            HeaderValue::from_static(route.bucket()),
        );
        if entry.used >= limit {
            self.limited.fetch_add(1, Ordering::Relaxed);
            headers.insert("x-ratelimit-remaining", header(0));
            headers.insert("x-ratelimit-scope", HeaderValue::from_static("user"));
            headers.insert(
                "retry-after",
                header(reset_after.as_secs_f64().ceil() as u64),
            );
            headers.insert("via", HeaderValue::from_static("1.1 google"));
            return Err(Limited {
                headers,
                retry_after: (reset_after.as_secs_f64() * 1000.0).ceil() / 1000.0,
            });
        }
        entry.used += 1;
        headers.insert("x-ratelimit-remaining", header(limit - entry.used));
        if self.config.scope_header_on_success {
            headers.insert("x-ratelimit-scope", HeaderValue::from_static("user"));
        }
        Ok(headers)
    }
}

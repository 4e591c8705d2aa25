//! Settings a test may change: timings and rate limits.

use std::collections::HashMap;
use std::time::Duration;

/// Timings of the sandbox. Discord's values by default; tests shorten them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timings {
    /// How long a bot has for the initial response to an interaction (Discord: 3 s).
    pub interaction_deadline: Duration,
    /// The gateway heartbeat interval sent in HELLO (Discord: about 41.25 s).
    pub heartbeat_interval: Duration,
    /// The window in which one IDENTIFY per rate-limit key is allowed (Discord: 5 s).
    pub identify_window: Duration,
    /// The window of the session start limit: `remaining` comes back to `total` this long after
    /// the first session start of a window (`reset_after` counts down to it; Discord: 24 h).
    pub session_start_reset: Duration,
    /// How long an interaction token stays valid for follow-ups (Discord: 15 min).
    pub token_lifetime: Duration,
    /// The window in which the bot may create 5 messages per channel (Discord: 5 s); zero
    /// lifts the limit. An explicit [`SandboxBuilder::rate_limit`](crate::SandboxBuilder::rate_limit)
    /// of [`RouteName::CreateMessage`](crate::RouteName::CreateMessage) replaces it.
    pub message_create_window: Duration,
    /// The window in which the bot may add one reaction per channel (Discord: 0.25 s); zero
    /// lifts the limit.
    pub reaction_window: Duration,
    /// The window in which the bot may request a guild's whole member list (Request Guild
    /// Members with `query: ""` and `limit: 0`) once per guild (Discord: 30 s); another inside
    /// it gets a RATE_LIMITED dispatch. Zero lifts the limit.
    pub full_member_list_window: Duration,
    /// How many payloads a client may send on one connection per
    /// [`gateway_send_window`](Self::gateway_send_window), heartbeats included (Discord: 120);
    /// past it the connection is closed with 4008 "Rate limited".
    pub gateway_send_limit: u32,
    /// The window of [`gateway_send_limit`](Self::gateway_send_limit) (Discord: 60 s), held for
    /// any window of that length.
    pub gateway_send_window: Duration,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            interaction_deadline: Duration::from_secs(3),
            heartbeat_interval: Duration::from_millis(41_250),
            identify_window: Duration::from_secs(5),
            session_start_reset: Duration::from_secs(24 * 60 * 60),
            token_lifetime: Duration::from_secs(15 * 60),
            message_create_window: Duration::from_secs(5),
            reaction_window: Duration::from_millis(250),
            full_member_list_window: Duration::from_secs(30),
            gateway_send_limit: 120,
            gateway_send_window: Duration::from_secs(60),
        }
    }
}

/// A per-route rate limit: `limit` requests per `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteLimit {
    /// Requests allowed per window.
    pub limit: u32,
    /// The window.
    pub window: Duration,
}

/// Rate limits by route name (see [`crate::RouteName`]); routes without one are unlimited.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RateLimits {
    pub(crate) routes: HashMap<crate::RouteName, RouteLimit>,
    /// Whether successful responses on limited routes carry `X-RateLimit-Scope` too (unverified
    /// on real Discord: a switch).
    pub scope_header_on_success: bool,
}

impl RateLimits {
    /// Limits `route` to `limit` requests per `window`.
    pub fn set(&mut self, route: crate::RouteName, limit: u32, window: Duration) {
        self.routes.insert(route, RouteLimit { limit, window });
    }
}

/// The shape of the gateway URL the sandbox hands out (`GET /gateway`, `GET /gateway/bot`, and
/// READY's `resume_gateway_url`). The gateway answers on every one of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum GatewayUrlShape {
    /// `ws://127.0.0.1:PORT`: no path, as Discord's `resume_gateway_url` and many proxies give it
    /// (the default).
    #[default]
    Bare,
    /// `ws://127.0.0.1:PORT/`: a root path, as `GET /gateway/bot` gives it.
    TrailingSlash,
    /// `ws://127.0.0.1:PORT/gateway`: a path.
    Path,
    /// `ws://127.0.0.1:PORT/?<query>`: a root path with a query of its own (a proxy's), which a
    /// client must keep while adding `v`, `encoding` and `compress`.
    Query(String),
    /// A URL of the test's own, advertised as is: a proxy in front of the sandbox's gateway.
    Custom(String),
}

impl GatewayUrlShape {
    /// The URL of this shape for a server at `addr`.
    pub fn url(&self, addr: std::net::SocketAddr) -> String {
        match self {
            GatewayUrlShape::Bare => format!("ws://{addr}"),
            GatewayUrlShape::TrailingSlash => format!("ws://{addr}/"),
            GatewayUrlShape::Path => format!("ws://{addr}/gateway"),
            GatewayUrlShape::Query(query) => format!("ws://{addr}/?{query}"),
            GatewayUrlShape::Custom(url) => url.clone(),
        }
    }
}

//! A local Discord: a real WebSocket gateway and a real HTTP REST API on 127.0.0.1 that behave
//! like Discord as far as a bot can tell, for testing bots offline.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sandbox = bot_sandbox::Sandbox::builder().start().await?;
//! println!("REST: {}  gateway: {}", sandbox.rest_url(), sandbox.gateway_url());
//! let world = sandbox.default_guild().expect("seeded by default");
//! let mut invocation = sandbox
//!     .user(world.member)
//!     .slash(world.channel, "ping", serde_json::json!([]))
//!     .await
//!     .expect("the bot registered /ping");
//! let response = invocation.response().await.expect("the bot answered in time");
//! println!("the bot said {:?}", response.content());
//! # Ok(()) }
//! ```
//!
//! Command bodies are checked with `bot-spec`, so the sandbox rejects what Discord rejects, with
//! Discord's error shapes. See the crate's README for pointing any library (py-cord included) at it.
#![deny(missing_docs)]
#![recursion_limit = "256"]
#![allow(
    clippy::result_large_err,
    reason = "REST helpers return axum's `Response` as the error: it is the reply itself, built once per request"
)]

mod builder;
mod config;
mod gateway;
mod ids;
pub mod mesh;
mod rest;
mod scripted;
mod setup;
mod tls;
mod world;

pub use builder::{
    DefaultGuild, GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT, Sandbox, SandboxBuilder,
};
pub use config::{GatewayUrlShape, RateLimits, RouteLimit, Timings};
pub use gateway::{Burst, ClientCommand, GatewayControl, HeartbeatRecord, IdentifyRecord};
pub use rest::RouteName;
pub use scripted::{InvokeError, ScriptedUser};
pub use world::SkuKind;
pub use world::{
    DeadlineExceeded, InteractionResponse, Invocation, MemberUpdate, ProfileUpdate, RoleUpdate,
    TeamRole,
};

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};

/// State shared by the REST server, the gateway and the handle.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) world: Mutex<world::World>,
    pub(crate) timings: Timings,
    pub(crate) limits: rest::LimitState,
    pub(crate) gateway: gateway::GatewayState,
    pub(crate) addr: SocketAddr,
    pub(crate) gateway_url_shape: GatewayUrlShape,
    pub(crate) privileged_intents: u64,
    pub(crate) log_traffic: bool,
    /// Whether the gateway compresses for a client that asks for `zlib-stream`.
    pub(crate) compression: bool,
    /// The TLS mode's root and configuration.
    pub(crate) tls: Option<tls::TestPki>,
}

impl Shared {
    /// The world, even if a panicking holder poisoned the lock (the data stays consistent: every
    /// change is made in one step under the lock).
    pub(crate) fn world(&self) -> MutexGuard<'_, world::World> {
        self.world
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn gateway_url(&self) -> String {
        let url = self.gateway_url_shape.url(self.addr);
        match url.strip_prefix("ws://") {
            Some(rest) if self.tls.is_some() => format!("wss://{rest}"),
            _ => url,
        }
    }

    fn http_scheme(&self) -> &'static str {
        if self.tls.is_some() { "https" } else { "http" }
    }
}

/// A running sandbox. Dropping it stops the server.
#[derive(Debug)]
pub struct SandboxHandle {
    shared: Arc<Shared>,
    seeded: Option<DefaultGuild>,
    server: tokio::task::JoinHandle<()>,
    mesh: Option<mesh::MeshHandle>,
}

impl Drop for SandboxHandle {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl SandboxHandle {
    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.shared.addr
    }

    /// The REST base URL of API v10: `http://127.0.0.1:PORT/api/v10` (`https://` in the TLS
    /// mode).
    pub fn rest_url(&self) -> String {
        format!(
            "{}://{}/api/v10",
            self.shared.http_scheme(),
            self.shared.addr
        )
    }

    /// The REST base URL without a version, for libraries that add `/v{N}` themselves.
    pub fn api_base(&self) -> String {
        format!("{}://{}/api", self.shared.http_scheme(), self.shared.addr)
    }

    /// In the TLS mode ([`SandboxBuilder::tls`]), the root certificate (DER) a client must
    /// trust: made at start, different for every sandbox.
    pub fn tls_root_der(&self) -> Option<Vec<u8>> {
        self.shared.tls.as_ref().map(|pki| pki.root_der.clone())
    }

    /// In the TLS mode, how many TLS handshakes completed (a client that refuses the
    /// certificate completes none).
    pub fn tls_handshakes(&self) -> Option<u64> {
        self.shared.tls.as_ref().map(tls::TestPki::handshakes)
    }

    /// The same root certificate, PEM.
    pub fn tls_root_pem(&self) -> Option<String> {
        self.shared.tls.as_ref().map(|pki| pki.root_pem.clone())
    }

    /// The gateway URL in the configured shape (by default `ws://127.0.0.1:PORT`, no path;
    /// `wss://` in the TLS mode).
    pub fn gateway_url(&self) -> String {
        self.shared.gateway_url()
    }

    /// The bot token (a secret: never log it).
    pub fn token(&self) -> String {
        self.shared.world().token.clone()
    }

    /// The application's id.
    pub fn application_id(&self) -> u64 {
        self.shared.world().application_id
    }

    /// The bot user's id.
    pub fn bot_user_id(&self) -> u64 {
        self.shared.world().bot_id
    }

    /// The default guild, unless the world started empty.
    pub fn default_guild(&self) -> Option<DefaultGuild> {
        self.seeded
    }

    /// A scripted user who invokes commands and sends messages.
    pub fn user(&self, id: u64) -> ScriptedUser {
        ScriptedUser::new(self.shared.clone(), id)
    }

    /// The commands of a scope (`None`: global) as `GET .../commands?with_localizations=true`
    /// returns them.
    pub fn commands(&self, guild: Option<u64>) -> Vec<serde_json::Value> {
        let world = self.shared.world();
        world
            .commands
            .list(guild)
            .iter()
            .map(|c| world::command_json_of(c, world.application_id, guild))
            .collect()
    }

    /// The token of a live interaction, for tests that play the bot over raw HTTP (a bot reads
    /// it from INTERACTION_CREATE). A secret: never log it.
    pub fn interaction_token(&self, interaction: u64) -> Option<String> {
        self.shared
            .world()
            .interactions
            .get(&interaction)
            .map(|record| record.token.clone())
    }

    /// How many command writes (PUT, POST, PATCH, DELETE) succeeded.
    pub fn command_writes(&self) -> usize {
        self.shared.world().commands.writes
    }

    /// The messages of a channel, oldest first.
    pub fn messages(&self, channel: u64) -> Vec<serde_json::Value> {
        self.shared
            .world()
            .messages
            .get(&channel)
            .cloned()
            .unwrap_or_default()
    }

    /// Requests served, and how many of them were 429s.
    pub fn request_counts(&self) -> (u64, u64) {
        self.shared.limits.counts()
    }

    /// The mesh server, if the builder asked for one.
    pub fn mesh(&self) -> Option<&mesh::MeshHandle> {
        self.mesh.as_ref()
    }

    /// The mesh server, mutably (for [`mesh::MeshHandle::restart`]).
    pub fn mesh_mut(&mut self) -> Option<&mut mesh::MeshHandle> {
        self.mesh.as_mut()
    }

    /// Test controls of the gateway: RECONNECT, INVALID_SESSION, dropped connections.
    pub fn gateway(&self) -> GatewayControl {
        GatewayControl::new(self.shared.clone())
    }
}

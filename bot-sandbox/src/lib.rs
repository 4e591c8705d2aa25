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

mod config;
mod gateway;
mod ids;
pub mod mesh;
mod rest;
mod scripted;
mod world;

pub use config::{GatewayUrlShape, RateLimits, RouteLimit, Timings};
pub use gateway::{Burst, GatewayControl, HeartbeatRecord};
pub use rest::RouteName;
pub use scripted::{InvokeError, ScriptedUser};
pub use world::{DeadlineExceeded, InteractionResponse, Invocation};

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// Builds and starts a [`SandboxHandle`].
#[derive(Clone, Debug)]
pub struct SandboxBuilder {
    port: u16,
    timings: Timings,
    rate_limits: RateLimits,
    bot_name: String,
    same_ids: bool,
    privileged_intents: u64,
    seed: bool,
    log_traffic: bool,
    session_starts: u64,
    gateway_url_shape: GatewayUrlShape,
    mesh: Option<mesh::MeshConfig>,
}

/// The entry point: `Sandbox::builder()`.
#[derive(Debug)]
pub struct Sandbox;

impl Sandbox {
    /// A builder with Discord's timings, a default guild and a free port.
    pub fn builder() -> SandboxBuilder {
        let mut rate_limits = RateLimits::default();
        rate_limits.set(RouteName::CreateMessage, 5, Duration::from_secs(5));
        SandboxBuilder {
            port: 0,
            timings: Timings::default(),
            rate_limits,
            bot_name: "SandboxBot".to_owned(),
            same_ids: true,
            privileged_intents: GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT,
            seed: true,
            log_traffic: false,
            session_starts: gateway::SESSION_START_TOTAL,
            gateway_url_shape: GatewayUrlShape::default(),
            mesh: None,
        }
    }
}

/// Privileged intent bits (GW L1-2): GUILD_MEMBERS.
pub const GUILD_MEMBERS: u64 = 1 << 1;
/// Privileged intent bits: GUILD_PRESENCES.
pub const GUILD_PRESENCES: u64 = 1 << 8;
/// Privileged intent bits: MESSAGE_CONTENT.
pub const MESSAGE_CONTENT: u64 = 1 << 15;

impl SandboxBuilder {
    /// Listens on this port (0, the default, picks a free one).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Replaces the timings (interaction deadline, heartbeat interval, identify window).
    pub fn timings(mut self, timings: Timings) -> Self {
        self.timings = timings;
        self
    }

    /// Limits `route` to `limit` requests per `window` (per channel, webhook or application).
    pub fn rate_limit(mut self, route: RouteName, limit: u32, window: Duration) -> Self {
        self.rate_limits.set(route, limit, window);
        self
    }

    /// Sends `X-RateLimit-Scope` on successful responses of limited routes too.
    pub fn scope_header_on_success(mut self, on: bool) -> Self {
        self.rate_limits.scope_header_on_success = on;
        self
    }

    /// The bot user's name.
    pub fn bot_name(mut self, name: &str) -> Self {
        self.bot_name = name.to_owned();
        self
    }

    /// Gives the application an id other than the bot user's (as older applications have).
    pub fn distinct_application_id(mut self) -> Self {
        self.same_ids = false;
        self
    }

    /// The privileged intents the application may request (all three by default); IDENTIFY with
    /// another is closed with 4014.
    pub fn allowed_privileged_intents(mut self, intents: u64) -> Self {
        self.privileged_intents = intents;
        self
    }

    /// How many session starts `GET /gateway/bot` allows today (Discord: 1000).
    pub fn session_start_limit(mut self, total: u64) -> Self {
        self.session_starts = total;
        self
    }

    /// The shape of the gateway URL handed out (default: [`GatewayUrlShape::Bare`],
    /// `ws://127.0.0.1:PORT`, as Discord's `resume_gateway_url`). The gateway is served at `/`
    /// and at `/gateway` whatever the shape.
    pub fn gateway_url_shape(mut self, shape: GatewayUrlShape) -> Self {
        self.gateway_url_shape = shape;
        self
    }

    /// Starts with no guild instead of the default one.
    pub fn empty_world(mut self) -> Self {
        self.seed = false;
        self
    }

    /// Logs every request and gateway frame with `tracing` (tokens redacted).
    pub fn log_traffic(mut self, on: bool) -> Self {
        self.log_traffic = on;
        self
    }

    /// Also starts a singyeong-compatible mesh server on its own port (see [`mesh`]).
    pub fn mesh(mut self, config: mesh::MeshConfig) -> Self {
        self.mesh = Some(config);
        self
    }

    /// Binds 127.0.0.1 and serves REST and the gateway until the handle is dropped.
    pub async fn start(self) -> std::io::Result<SandboxHandle> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await?;
        let addr = listener.local_addr()?;
        let mut world = world::World::new(&self.bot_name, self.same_ids);
        let seeded = self.seed.then(|| seed(&mut world));
        let shared = Arc::new(Shared {
            world: Mutex::new(world),
            timings: self.timings,
            limits: rest::LimitState::new(self.rate_limits),
            gateway: gateway::GatewayState::new(self.session_starts),
            addr,
            gateway_url_shape: self.gateway_url_shape,
            privileged_intents: self.privileged_intents,
            log_traffic: self.log_traffic,
        });
        let mesh = match self.mesh {
            Some(config) => Some(mesh::MeshServer::start(config).await?),
            None => None,
        };
        let app = rest::router(shared.clone());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(SandboxHandle {
            shared,
            seeded,
            server,
            mesh,
        })
    }
}

/// The default guild: an owner, a member and a text channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefaultGuild {
    /// The guild.
    pub guild: u64,
    /// Its `#general` text channel.
    pub channel: u64,
    /// The owner (user `alice`).
    pub owner: u64,
    /// A member without roles (user `bob`).
    pub member: u64,
    /// A role `moderators` (bob does not have it).
    pub role: u64,
}

fn seed(world: &mut world::World) -> DefaultGuild {
    let owner = world.add_user("alice");
    let member = world.add_user("bob");
    let guild = world.add_guild("Sandbox Guild", owner);
    let channel = world.add_channel(guild, "general", 0).unwrap_or_default();
    let role = world
        .add_role(guild, "moderators", 1 << 13)
        .unwrap_or_default();
    world.add_member(guild, member, &[]);
    DefaultGuild {
        guild,
        channel,
        owner,
        member,
        role,
    }
}

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
        self.gateway_url_shape.url(self.addr)
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

    /// The REST base URL of API v10: `http://127.0.0.1:PORT/api/v10`.
    pub fn rest_url(&self) -> String {
        format!("http://{}/api/v10", self.shared.addr)
    }

    /// The REST base URL without a version, for libraries that add `/v{N}` themselves.
    pub fn api_base(&self) -> String {
        format!("http://{}/api", self.shared.addr)
    }

    /// The gateway URL in the configured shape (by default `ws://127.0.0.1:PORT`, no path).
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

    /// Adds a user; returns their id.
    pub fn add_user(&self, username: &str) -> u64 {
        self.shared.world().add_user(username)
    }

    /// Adds a guild owned by `owner`, with the bot as a member; returns its id.
    pub fn add_guild(&self, name: &str, owner: u64) -> u64 {
        self.shared.world().add_guild(name, owner)
    }

    /// Adds a text channel to a guild; returns its id (`None` for an unknown guild).
    pub fn add_text_channel(&self, guild: u64, name: &str) -> Option<u64> {
        self.shared.world().add_channel(guild, name, 0)
    }

    /// Adds a role; returns its id (`None` for an unknown guild).
    pub fn add_role(&self, guild: u64, name: &str, permissions: u64) -> Option<u64> {
        self.shared.world().add_role(guild, name, permissions)
    }

    /// Makes a user a member of a guild with these roles; `false` for unknown ids.
    pub fn add_member(&self, guild: u64, user: u64, roles: &[u64]) -> bool {
        self.shared.world().add_member(guild, user, roles)
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

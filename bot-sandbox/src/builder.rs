//! Building and starting a sandbox, and the default guild it is seeded with.

use crate::{GatewayUrlShape, RateLimits, RouteName, SandboxHandle, Shared, Timings};
use crate::{gateway, mesh, rest, world};
use std::sync::{Arc, Mutex};
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
    compression: bool,
    tls: bool,
    sharding: gateway::sharding::Sharding,
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
            compression: true,
            tls: false,
            sharding: gateway::sharding::Sharding::default(),
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
    /// another is closed with 4014. Without MESSAGE_CONTENT here, `GET /channels/{id}/messages`
    /// also returns messages as the gateway sends them to a session without that intent (content
    /// blanked but for the bot's own messages, DMs and messages that mention the bot): over HTTP,
    /// what the application may use counts, not what an IDENTIFY asked for.
    pub fn allowed_privileged_intents(mut self, intents: u64) -> Self {
        self.privileged_intents = intents;
        self
    }

    /// How many session starts `GET /gateway/bot` allows per window (Discord: 1000 a day; the
    /// window is [`Timings::session_start_reset`]). An IDENTIFY past them resets the bot token as
    /// Discord does: every session is closed with 4004, REST answers 401 to the old token, and
    /// [`SandboxHandle::token`] gives the new one.
    pub fn session_start_limit(mut self, total: u64) -> Self {
        self.sharding.session_starts = total;
        self
    }

    /// The shard count `GET /gateway/bot` recommends (default 1). With more than one, the
    /// default guild is on shard 0 and one more guild is seeded on each other shard (ids chosen
    /// so that `(guild_id >> 22) % shards` is that shard), each with `alice`, `bob` and a
    /// `#general` channel.
    pub fn shards(mut self, shards: u64) -> Self {
        self.sharding.shards = shards.max(1);
        self
    }

    /// `max_concurrency` of `GET /gateway/bot` (default 1): the IDENTIFYs allowed per
    /// [`Timings::identify_window`], one per rate-limit key `shard_id % max_concurrency`; a second
    /// one of a key inside its window gets INVALID_SESSION `false`.
    pub fn max_concurrency(mut self, max_concurrency: u64) -> Self {
        self.sharding.max_concurrency = max_concurrency.max(1);
        self
    }

    /// The most guilds one shard may hold (Discord: 2500); an IDENTIFY of a shard that would
    /// hold more is closed with 4011 (sharding required).
    pub fn max_guilds_per_shard(mut self, guilds: u64) -> Self {
        self.sharding.max_guilds_per_shard = guilds;
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

    /// Whether the gateway compresses (`zlib-stream`) for a client that asks for it (default:
    /// yes, as Discord). Off, it sends text frames whatever the client asked, as a proxy that
    /// strips transport compression: a client must read both.
    pub fn compression(mut self, on: bool) -> Self {
        self.compression = on;
        self
    }

    /// Serves REST and the gateway over TLS (`https://`, `wss://`) with a certificate for
    /// `127.0.0.1` and `localhost` signed by a root made at start: a client trusts it with
    /// [`SandboxHandle::tls_root_der`] or [`SandboxHandle::tls_root_pem`], and refuses it
    /// otherwise.
    pub fn tls(mut self, on: bool) -> Self {
        self.tls = on;
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
        let seeded = self.seed.then(|| seed(&mut world, self.sharding.shards));
        let bot_id = world.bot_id;
        let tls = if self.tls {
            Some(crate::tls::TestPki::new()?)
        } else {
            None
        };
        let listener = match &tls {
            Some(pki) => Listening::Tls(pki.listen(listener)?),
            None => Listening::Plain(listener),
        };
        let shared = Arc::new(Shared {
            world: Mutex::new(world),
            timings: self.timings,
            limits: rest::LimitState::new(self.rate_limits),
            gateway: gateway::GatewayState::new(self.sharding, bot_id),
            addr,
            gateway_url_shape: self.gateway_url_shape,
            privileged_intents: self.privileged_intents,
            log_traffic: self.log_traffic,
            compression: self.compression,
            tls,
        });
        let mesh = match self.mesh {
            Some(config) => Some(mesh::MeshServer::start(config).await?),
            None => None,
        };
        let app = rest::router(shared.clone());
        let server = tokio::spawn(async move {
            let _ = match listener {
                Listening::Plain(listener) => axum::serve(listener, app).await,
                Listening::Tls(listener) => axum::serve(listener, app).await,
            };
        });
        Ok(SandboxHandle {
            shared,
            seeded,
            server,
            mesh,
        })
    }
}

/// Where the server accepts connections.
enum Listening {
    Plain(tokio::net::TcpListener),
    Tls(crate::tls::TlsListener),
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

fn seed(world: &mut world::World, shards: u64) -> DefaultGuild {
    let owner = world.add_user("alice");
    let member = world.add_user("bob");
    let guild = world.add_guild_on_shard("Sandbox Guild", owner, 0, shards);
    for shard in 1..shards {
        let other = world.add_guild_on_shard(&format!("Shard {shard} Guild"), owner, shard, shards);
        world.add_channel(other, "general", 0);
        world.add_member(other, member, &[]);
    }
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

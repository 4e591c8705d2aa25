//! The bot: log in, sync commands once, run the gateway shards, dispatch interactions.

mod app_emojis;
mod application;
mod builder;
mod facade;
mod fetch;
mod fetch_guild_admin;
mod fetch_webhooks;
mod shards;

pub use crate::model::Intents;
pub use builder::{BotBuilder, DISCORD_API};

use crate::Error;
use crate::cog::{Bundle, CogInstance, Removal};
use crate::command::CommandRegistry;
use crate::context::{Context, GatewayLink, Identity, Owners, Services};
use crate::dispatch::{Dispatcher, HandlerSet};
use crate::gateway::{GatewayError, Shard, ShardConfig};
use crate::http::Http;
use crate::invoke::{Commands, CommandsConfig};
use crate::model::UpdatePresence;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

/// A bot. Cheap to clone: clones share one connection.
///
/// ```no_run
/// # async fn demo() -> Result<(), bot_core::Error> {
/// use bot_core::{Bot, Intents};
/// Bot::builder()
///     .token(std::env::var("DISCORD_TOKEN")?)
///     .intents(Intents::default())
///     .build()?
///     .run()
///     .await
/// # }
/// ```
#[derive(Clone)]
pub struct Bot {
    context: Context,
    launch: Arc<Launch>,
}

/// What only starting the bot uses.
struct Launch {
    intents: Intents,
    heartbeat_timeout: Option<Duration>,
    /// Which shards to run and how they identify.
    shards: shards::ShardSettings,
    /// The identify queue every shard of the bot shares.
    queue: Arc<dyn crate::gateway::IdentifyQueue>,
    /// Whether `start`, `run` or `connect` was called.
    started: AtomicBool,
}

impl std::fmt::Debug for Bot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bot")
            .field("http", self.context.http())
            .field("commands", &self.registry().commands().len())
            .field("user", &self.context.user().map(|u| u.id))
            .field("application_id", &self.context.application_id())
            .field("closed", &self.is_closed())
            .finish_non_exhaustive()
    }
}

impl Bot {
    /// A builder with Discord's API and default intents.
    pub fn builder() -> BotBuilder {
        BotBuilder::default()
    }

    fn from_builder(builder: BotBuilder) -> Result<Bot, Error> {
        let registry = match builder.registry {
            Some(registry) => registry,
            None => CommandRegistry::collect()?,
        };
        // Fail at build time on commands that cannot be placed together, or that ask for state
        // the bot lacks.
        registry.payloads(&builder.sync)?;
        let mut missing: Vec<crate::command::MissingData> = Vec::new();
        for command in registry.commands() {
            for needed in command.state_requirements() {
                let one = crate::command::MissingData {
                    type_name: needed.type_name(),
                    needed_by: format!("command {}", command.label()),
                };
                if !builder.data.contains(needed.type_id()) && !missing.contains(&one) {
                    missing.push(one);
                }
            }
        }
        for listener in crate::event::ListenerDef::all() {
            for needed in listener.state {
                let one = crate::command::MissingData {
                    type_name: needed.type_name(),
                    needed_by: format!("listener `{}`", listener.path),
                };
                if !builder.data.contains(needed.type_id()) && !missing.contains(&one) {
                    missing.push(one);
                }
            }
        }
        if !missing.is_empty() {
            return Err(Error::MissingData(missing));
        }
        // One `#[event]` function per event; one global hook of each kind.
        let handlers = HandlerSet::collect()?;
        let globals = crate::invoke::global::Globals::collect(builder.globals)?;
        let token = builder
            .token
            .ok_or_else(|| Error::Config("a token is required".to_owned()))?;
        let mut http = Http::builder(
            builder.api_base.unwrap_or_else(|| DISCORD_API.to_owned()),
            token,
        );
        if let Some(timeout) = builder.http_connect_timeout {
            http = http.connect_timeout(timeout);
        }
        if let Some(timeout) = builder.http_request_timeout {
            http = http.request_timeout(timeout);
        }
        let tls = crate::tls::Tls::new(&builder.root_certificates)
            .map_err(|e| Error::Config(format!("TLS: {e}")))?;
        http = http.tls(tls);
        let http = http.build().map_err(|e| Error::Config(e.to_string()))?;
        let presence = (builder.status.is_some() || builder.activity.is_some()).then(|| {
            let presence = UpdatePresence::new(builder.status.unwrap_or_default());
            match builder.activity {
                Some(activity) => presence.activity(activity),
                None => presence,
            }
        });
        let mut dispatch_config = builder.dispatch;
        dispatch_config.intents = builder.intents;
        dispatch_config.chunk_guilds_at_startup = builder
            .chunk_guilds_at_startup
            .unwrap_or(builder.intents.contains(Intents::GUILD_MEMBERS));
        let commands = Commands::new(CommandsConfig {
            registry,
            sync: builder.sync,
            sync_options: builder.sync_options,
            auto_sync: builder.auto_sync_commands.unwrap_or(true),
            globals,
            invocations: crate::invoke::inflight::InFlight::new(
                builder
                    .close_grace
                    .unwrap_or(crate::invoke::inflight::DEFAULT_CLOSE_GRACE),
            ),
            allowed_mentions: builder.allowed_mentions,
        });
        let identity = Identity::new(Owners {
            id: builder.owner_id,
            ids: builder.owner_ids,
        });
        let data = builder.data;
        let cache = Arc::new(crate::cache::Cache::new(builder.cache));
        let member_requests = Arc::new(crate::members::MemberRequests::default());
        let context = Context::new_cyclic(|weak| Services {
            http,
            cache: cache.clone(),
            data,
            identity,
            events: Dispatcher::new(
                weak,
                dispatch_config,
                handlers,
                cache,
                member_requests.clone(),
            ),
            commands,
            cogs: Mutex::new(Vec::new()),
            extensions: Mutex::new(Vec::new()),
            shutdown: watch::channel(false).0,
            closed: AtomicBool::new(false),
            gateway: GatewayLink::new(
                builder.intents,
                member_requests,
                presence,
                builder.voice.clone().map(|hook| hook.0),
            ),
        });
        let bot = Bot {
            context,
            launch: Arc::new(Launch {
                intents: builder.intents,
                heartbeat_timeout: builder.heartbeat_timeout,
                queue: builder.shards.queue(),
                shards: builder.shards,
                started: AtomicBool::new(false),
            }),
        };
        // The builder's cogs, checked with the commands like any change.
        if !builder.cogs.is_empty() {
            let bundle = Bundle {
                cogs: builder.cogs.into_iter().map(CogInstance::prepare).collect(),
                ..Bundle::default()
            };
            crate::cog::install(&bot.context, bundle, None, Removal::default())?;
        }
        Ok(bot)
    }

    /// The bot's [`Context`]: what its handlers are given.
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// Checks the token and learns who the bot is: `GET /users/@me`, `GET /applications/@me`.
    pub async fn login(&self) -> Result<(), Error> {
        let http = self.context.http();
        let user = http.current_user().await?;
        let info = http.application_info().await?;
        self.context.services().identity.logged_in(user, info);
        Ok(())
    }

    /// Connects the gateway shards and dispatches until [`close`](Self::close) or a fatal close
    /// code; then waits for the invocations under way, up to [`BotBuilder::close_grace`].
    /// Runs the shards of [`BotBuilder::shard_ids`] (all by default) of
    /// [`BotBuilder::shard_count`] (by default `GET /gateway/bot`'s), each IDENTIFY waiting for
    /// its turn in the identify queue. With fewer session starts left than shards, the rest
    /// wait for the reset, or it refuses to start ([`Error::SessionStartLimit`]) when the reset
    /// is further away than [`BotBuilder::session_start_max_wait`]. Returns `Ok(())`
    /// at once when the bot is closed (before or while it connects), and an error when a shard
    /// stops on a fatal close code or its task panics; [`Error::AlreadyStarted`] when the bot was
    /// already started.
    pub async fn connect(&self) -> Result<(), Error> {
        self.claim_start()?;
        self.connect_shards().await
    }

    /// Marks the bot started; [`Error::AlreadyStarted`] if it was.
    fn claim_start(&self) -> Result<(), Error> {
        if self.launch.started.swap(true, Ordering::SeqCst) {
            return Err(Error::AlreadyStarted);
        }
        Ok(())
    }

    async fn connect_shards(&self) -> Result<(), Error> {
        let Some(gateway) = self.unless_closed(self.context.http().gateway_bot()).await else {
            return Ok(());
        };
        let gateway = gateway?;
        let settings = &self.launch.shards;
        let plan = shards::ShardPlan::new(settings, &gateway);
        plan.check_budget(settings, &gateway)?;
        let services = self.context.services();
        let queue = self.launch.queue.clone();
        queue.session_start_limit(gateway.session_start_limit);
        queue.refresh_with(shards::limit_source(&services.http));
        services.events.start(plan.ids.len() as u64);
        let sink: Arc<dyn crate::gateway::EventSink> = services.events.clone();
        let mut tasks = tokio::task::JoinSet::new();
        let mut shard_of_task = HashMap::new();
        let link = &services.gateway;
        let presence = link
            .presence
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let send_limit = settings.send_limit.unwrap_or_default();
        let mut ports = link
            .shards
            .open(plan.count, &plan.ids, presence.clone(), send_limit)
            .into_iter();
        if let Some(voice) = &link.voice {
            voice.initialise(plan.count, self.context.user().map(|user| user.id));
            for shard in link.shards.handles() {
                voice.register_shard(shard);
            }
        }
        for &id in &plan.ids {
            let mut config = ShardConfig::new(
                id,
                plan.count,
                gateway.url.clone(),
                services.http.token().clone(),
                self.launch.intents.bits(),
            );
            config.presence = presence.clone();
            config.send_limit = send_limit;
            config.heartbeat_timeout = self.launch.heartbeat_timeout;
            config.tls = Some(services.http.tls().clone());
            config.queue = queue.clone();
            config.before_identify = settings.before_identify.clone();
            if let Some(timeout) = settings.ready_timeout {
                config.ready_timeout = timeout;
            }
            if let Some(policy) = settings.resume {
                config.resume = policy;
            }
            let Some(port) = ports.next() else { break };
            let shard = Shard::new(config, sink.clone(), port.status).with_commands(port.commands);
            let shutdown = services.shutdown.subscribe();
            let span = tracing::info_span!("shard", id);
            let task = tasks.spawn(tracing::Instrument::instrument(shard.run(shutdown), span));
            shard_of_task.insert(task.id(), id);
        }
        drop(sink);
        let mut outcome = Ok(());
        while let Some(ended) = tasks.join_next_with_id().await {
            let task = match &ended {
                Ok((task, _)) => *task,
                Err(join) => join.id(),
            };
            if let (Some(voice), Some(shard)) = (&link.voice, shard_of_task.get(&task)) {
                voice.deregister_shard(*shard);
            }
            let error = match ended {
                Ok((_, Ok(()))) => continue,
                Ok((_, Err(error))) => error,
                Err(join) => {
                    let shard = shard_of_task.get(&join.id()).copied().unwrap_or(u64::MAX);
                    let message = panic_message(join);
                    tracing::error!(shard, "the shard's task ended: {message}");
                    GatewayError::ShardPanicked { shard, message }
                }
            };
            if outcome.is_ok() {
                outcome = Err(Error::Gateway(error));
            }
            self.close();
        }
        services.events.close();
        services.closed.store(true, Ordering::SeqCst);
        // The invocations under way finish (up to the grace period) before it returns.
        services.commands.invocations.drain().await;
        outcome
    }

    /// Runs `step` unless the bot is closed first (before or while it runs): then `None`.
    async fn unless_closed<T>(&self, step: impl Future<Output = T>) -> Option<T> {
        let mut shutdown = self.context.services().shutdown.subscribe();
        tokio::select! {
            biased;
            _ = shutdown.wait_for(|closed| *closed) => None,
            done = step => Some(done),
        }
    }

    /// Logs in, syncs the commands once per process (unless disabled), and connects.
    /// [`close`](Self::close), before or during any of these, makes it return `Ok(())` promptly.
    /// A bot starts once: a second call, while it runs or after, is [`Error::AlreadyStarted`].
    pub async fn start(&self) -> Result<(), Error> {
        self.claim_start()?;
        let prepare = async {
            if self.application_id().is_none() {
                self.login().await?;
            }
            let commands = &self.context.services().commands;
            if commands.auto_sync {
                let mut synced = commands.synced.lock().await;
                if synced.is_none() {
                    *synced = Some(self.context.sync_commands().await?);
                }
            }
            self.fetch_cached_lists().await;
            Ok::<(), Error>(())
        };
        match self.unless_closed(prepare).await {
            None => Ok(()),
            Some(prepared) => {
                prepared?;
                self.connect_shards().await
            }
        }
    }

    /// Fetches what the cache keeps from REST rather than the gateway, as its configuration
    /// says: the application's emojis, Discord's default sounds. A failure is logged: the bot
    /// starts without them.
    async fn fetch_cached_lists(&self) {
        let cache = self.context.cache();
        let http = self.context.http();
        if cache.config().caches_app_emojis()
            && let Some(application) = self.application_id()
        {
            match http.application_emojis(application).await {
                Ok(emojis) => cache.set_app_emojis(emojis),
                Err(error) => tracing::warn!(%error, "the application's emojis were not fetched"),
            }
        }
        if cache.config().caches_default_sounds() {
            match http.default_soundboard_sounds().await {
                Ok(sounds) => cache.set_default_sounds(sounds),
                Err(error) => tracing::warn!(%error, "the default sounds were not fetched"),
            }
        }
    }

    /// Starts, and closes gracefully on Ctrl-C or (on unix) SIGTERM, whether they come while
    /// logging in, syncing or connected.
    pub async fn run(&self) -> Result<(), Error> {
        let signal = shutdown_signal();
        let start = self.start();
        tokio::pin!(start);
        tokio::select! {
            result = &mut start => return result,
            name = signal => tracing::info!("{name}: closing"),
        }
        self.close();
        start.await
    }

    /// Closes every shard with code 1000 and takes no new interaction. A
    /// [`start`](Self::start) or [`run`](Self::run) under way, even one still logging in,
    /// connecting or waiting to reconnect, returns `Ok(())` promptly — once the invocations
    /// under way have finished, or [`BotBuilder::close_grace`] has passed; the bot cannot be
    /// started again.
    pub fn close(&self) {
        self.context.close();
    }
}

/// The message of a task that panicked (or why it ended otherwise).
fn panic_message(join: tokio::task::JoinError) -> String {
    if !join.is_panic() {
        return join.to_string();
    }
    crate::panic::message(join.into_panic().as_ref()).to_owned()
}

/// Resolves with the signal's name on Ctrl-C or, on unix, SIGTERM. It listens from the moment
/// it is called, not from its first poll, so a signal during start-up is not missed.
fn shutdown_signal() -> impl Future<Output = &'static str> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        async fn received(
            listener: std::io::Result<tokio::signal::unix::Signal>,
            name: &'static str,
        ) -> &'static str {
            match listener {
                Ok(mut listener) => {
                    if listener.recv().await.is_some() {
                        return name;
                    }
                }
                Err(error) => tracing::warn!("cannot listen for {name}: {error}"),
            }
            std::future::pending().await
        }
        let interrupt = received(signal(SignalKind::interrupt()), "Ctrl-C");
        let terminate = received(signal(SignalKind::terminate()), "SIGTERM");
        async move {
            tokio::select! {
                name = interrupt => name,
                name = terminate => name,
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            match tokio::signal::ctrl_c().await {
                Ok(()) => "Ctrl-C",
                Err(error) => {
                    tracing::warn!("cannot listen for Ctrl-C: {error}");
                    std::future::pending().await
                }
            }
        }
    }
}

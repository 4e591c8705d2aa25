//! The bot: log in, sync commands once, run the gateway shards, dispatch interactions.

mod builder;
mod bundle;
mod cogs;
mod commands;
mod events;
mod extensions;
mod invocation;
mod owners;

pub use crate::model::Intents;
pub use builder::{BotBuilder, DISCORD_API};
pub(crate) use bundle::{Bundle, PreparedCog};
pub(crate) use events::new_listener;
pub(crate) use invocation::CommandErrorCall;

use crate::Error;
use crate::command::{CommandRegistry, CommandScope, SyncConfig};
use crate::dispatch::{Dispatcher, HandlerSet};
use crate::gateway::{GatewayError, Shard, ShardConfig};
use crate::http::Http;
use crate::model::{
    AllowedMentions, Application, ApplicationMarker, Id, UpdatePresence, User, UserMarker,
};
use crate::sync::{SyncOptions, SyncReport};
use std::collections::{BTreeSet, HashMap};
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};
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
    inner: Arc<Inner>,
}

/// A weak reference to a bot: what the dispatcher keeps, to hand user code a [`Bot`].
#[derive(Clone)]
pub(crate) struct BotRef(Weak<Inner>);

impl Bot {
    /// A weak reference to this bot.
    #[cfg(test)]
    pub(crate) fn downgrade(&self) -> BotRef {
        BotRef(Arc::downgrade(&self.inner))
    }
}

impl BotRef {
    /// The bot, while any handle to it lives.
    pub(crate) fn upgrade(&self) -> Option<Bot> {
        self.0.upgrade().map(|inner| Bot { inner })
    }
}

pub(crate) struct Inner {
    http: Http,
    /// Replaced whole on each change; readers take a snapshot.
    registry: std::sync::RwLock<Arc<CommandRegistry>>,
    sync: SyncConfig,
    sync_options: SyncOptions,
    auto_sync: bool,
    intents: Intents,
    owners: Mutex<owners::Owners>,
    presence: Option<UpdatePresence>,
    allowed_mentions: Option<AllowedMentions>,
    heartbeat_timeout: Option<Duration>,
    user: OnceLock<User>,
    application_id: OnceLock<Id<ApplicationMarker>>,
    application_info: OnceLock<Application>,
    synced: tokio::sync::Mutex<Option<SyncReport>>,
    dispatch: Arc<Dispatcher>,
    data: crate::command::DataMap,
    globals: crate::invoke::global::Globals,
    cogs: Mutex<Vec<crate::cog::LoadedCog>>,
    extensions: Mutex<Vec<crate::extension::LoadedExtension>>,
    shutdown: watch::Sender<bool>,
    closed: AtomicBool,
    /// Whether `start`, `run` or `connect` was called.
    started: AtomicBool,
    latency: Arc<Mutex<Option<Duration>>>,
    /// The invocations under way, which closing waits for.
    invocations: crate::invoke::inflight::InFlight,
}

impl std::fmt::Debug for Bot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bot")
            .field("http", &self.inner.http)
            .field("commands", &self.registry().commands().len())
            .field("user", &self.inner.user.get().map(|u| u.id))
            .field("application_id", &self.inner.application_id.get())
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
        let dispatch_config = builder.dispatch;
        let cogs = builder.cogs;
        let bot = Bot {
            inner: Arc::new_cyclic(|weak| Inner {
                http,
                registry: std::sync::RwLock::new(Arc::new(registry)),
                sync: builder.sync,
                sync_options: builder.sync_options,
                auto_sync: builder.auto_sync_commands.unwrap_or(true),
                intents: builder.intents,
                owners: Mutex::new(owners::Owners {
                    id: builder.owner_id,
                    ids: builder.owner_ids,
                }),
                presence,
                allowed_mentions: builder.allowed_mentions,
                heartbeat_timeout: builder.heartbeat_timeout,
                user: OnceLock::new(),
                application_id: OnceLock::new(),
                application_info: OnceLock::new(),
                synced: tokio::sync::Mutex::new(None),
                dispatch: Dispatcher::new(BotRef(weak.clone()), dispatch_config, handlers),
                data: builder.data,
                globals,
                cogs: Mutex::new(Vec::new()),
                extensions: Mutex::new(Vec::new()),
                shutdown: watch::channel(false).0,
                closed: AtomicBool::new(false),
                started: AtomicBool::new(false),
                latency: Arc::new(Mutex::new(None)),
                invocations: crate::invoke::inflight::InFlight::new(
                    builder
                        .close_grace
                        .unwrap_or(crate::invoke::inflight::DEFAULT_CLOSE_GRACE),
                ),
            }),
        };
        // The builder's cogs, checked with the commands like any change.
        if !cogs.is_empty() {
            let bundle = Bundle {
                cogs: cogs.into_iter().map(bundle::CogInstance::prepare).collect(),
                ..Bundle::default()
            };
            bot.install(bundle, None, bundle::Removal::default())?;
        }
        Ok(bot)
    }

    /// The REST client.
    pub fn http(&self) -> &Http {
        &self.inner.http
    }

    /// The bot's state of type `T`, given with [`BotBuilder::data`].
    pub fn data<T: Send + Sync + 'static>(&self) -> Option<crate::command::State<T>> {
        self.inner.data.get::<T>()
    }

    /// The commands, as they are now (a snapshot: later changes do not show in it).
    pub fn registry(&self) -> Arc<CommandRegistry> {
        self.inner
            .registry
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Checks the token and learns who the bot is: `GET /users/@me`, `GET /applications/@me`.
    pub async fn login(&self) -> Result<(), Error> {
        let user = self.inner.http.current_user().await?;
        let info = self.inner.http.application_info().await?;
        {
            // Unless the builder named them: the team's admins and developers, else the owner.
            let mut owners = self.inner.owners.lock().unwrap_or_else(|p| p.into_inner());
            if !owners.is_set() {
                *owners = owners::Owners::of_application(&info);
            }
        }
        let application_id = info.id;
        let _ = self.inner.user.set(user);
        let _ = self.inner.application_id.set(application_id);
        let _ = self.inner.application_info.set(info);
        Ok(())
    }

    fn require_application(&self) -> Result<Id<ApplicationMarker>, Error> {
        self.application_id()
            .ok_or_else(|| Error::Config("log in first: the application id is unknown".to_owned()))
    }

    /// Compares the commands with Discord's and writes what differs, as `options` says.
    ///
    /// The scopes synced: the global scope (unless `debug_guilds` are set: then it is neither
    /// read nor written), every guild the registry places a command in, and
    /// [`SyncOptions::check_guilds`]. See [`crate::sync`] for the guards against accidental
    /// deletes.
    pub async fn register_commands(&self, options: SyncOptions) -> Result<SyncReport, Error> {
        let application = self.require_application()?;
        let registry = self.registry();
        let desired = registry.payloads(&self.inner.sync)?;
        let mut scopes: BTreeSet<CommandScope> = desired.keys().copied().collect();
        if self.inner.sync.debug_guilds.is_empty() {
            scopes.insert(CommandScope::Global);
        }
        scopes.extend(
            options
                .check_guilds
                .iter()
                .copied()
                .map(CommandScope::Guild),
        );
        let scopes: Vec<CommandScope> = scopes.into_iter().collect();
        let empty = registry.commands().is_empty();
        Ok(crate::sync::sync(
            &self.inner.http,
            application,
            &desired,
            &scopes,
            &options,
            empty,
        )
        .await?)
    }

    /// Syncs the commands with the options set by [`BotBuilder::sync_options`] (by default bulk
    /// writes, only where they differ).
    pub async fn sync_commands(&self) -> Result<SyncReport, Error> {
        self.register_commands(self.inner.sync_options.clone())
            .await
    }

    /// What a sync would do, without writing.
    pub async fn get_desynced_commands(&self) -> Result<SyncReport, Error> {
        self.register_commands(SyncOptions {
            dry_run: true,
            ..self.inner.sync_options.clone()
        })
        .await
    }

    /// The last sync's report, if `start` synced.
    pub async fn last_sync(&self) -> Option<SyncReport> {
        self.inner.synced.lock().await.clone()
    }

    /// Connects the gateway shards and dispatches until [`close`](Self::close) or a fatal close
    /// code; then waits for the invocations under way, up to [`BotBuilder::close_grace`].
    /// Refuses to start when the session start limit is below the shard count. Returns `Ok(())`
    /// at once when the bot is closed (before or while it connects), and an error when a shard
    /// stops on a fatal close code or its task panics; [`Error::AlreadyStarted`] when the bot was
    /// already started.
    pub async fn connect(&self) -> Result<(), Error> {
        self.claim_start()?;
        self.connect_shards().await
    }

    /// Marks the bot started; [`Error::AlreadyStarted`] if it was.
    fn claim_start(&self) -> Result<(), Error> {
        if self.inner.started.swap(true, Ordering::SeqCst) {
            return Err(Error::AlreadyStarted);
        }
        Ok(())
    }

    async fn connect_shards(&self) -> Result<(), Error> {
        let Some(gateway) = self.unless_closed(self.inner.http.gateway_bot()).await else {
            return Ok(());
        };
        let gateway = gateway?;
        let url = gateway.url;
        let shards = u64::from(gateway.shards.max(1));
        let remaining = u64::from(gateway.session_start_limit.remaining);
        if remaining < shards {
            return Err(Error::SessionStartLimit {
                remaining,
                needed: shards,
            });
        }
        self.inner.dispatch.start(shards);
        let sink: Arc<dyn crate::gateway::EventSink> = self.inner.dispatch.clone();
        let mut tasks = tokio::task::JoinSet::new();
        let mut shard_of_task = HashMap::new();
        for id in 0..shards {
            let mut config = ShardConfig::new(
                id,
                shards,
                url.clone(),
                self.inner.http.token().clone(),
                self.inner.intents.bits(),
            );
            config.presence = self.inner.presence.clone();
            config.heartbeat_timeout = self.inner.heartbeat_timeout;
            config.tls = Some(self.inner.http.tls().clone());
            let shard = Shard::new(config, sink.clone(), self.inner.latency.clone());
            let shutdown = self.inner.shutdown.subscribe();
            let span = tracing::info_span!("shard", id);
            let task = tasks.spawn(tracing::Instrument::instrument(shard.run(shutdown), span));
            shard_of_task.insert(task.id(), id);
        }
        drop(sink);
        let mut outcome = Ok(());
        while let Some(ended) = tasks.join_next_with_id().await {
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
        self.inner.dispatch.close();
        self.inner.closed.store(true, Ordering::SeqCst);
        // The invocations under way finish (up to the grace period) before it returns.
        self.inner.invocations.drain().await;
        outcome
    }

    /// Runs `step` unless the bot is closed first (before or while it runs): then `None`.
    async fn unless_closed<T>(&self, step: impl Future<Output = T>) -> Option<T> {
        let mut shutdown = self.inner.shutdown.subscribe();
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
            if self.inner.auto_sync {
                let mut synced = self.inner.synced.lock().await;
                if synced.is_none() {
                    *synced = Some(self.sync_commands().await?);
                }
            }
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
        self.inner.shutdown.send_replace(true);
        self.inner.closed.store(true, Ordering::SeqCst);
        self.inner.dispatch.close();
    }

    /// How interactions' replies mention, when the bot sets it.
    pub(crate) fn allowed_mentions_config(&self) -> Option<AllowedMentions> {
        self.inner.allowed_mentions.clone()
    }

    /// Where commands are registered.
    pub(crate) fn sync_config(&self) -> &SyncConfig {
        &self.inner.sync
    }

    /// Whether [`close`](Self::close) was called or the connection ended.
    pub fn is_closed(&self) -> bool {
        self.inner.closed.load(Ordering::SeqCst)
    }

    /// The bot user, after login.
    pub fn user(&self) -> Option<&User> {
        self.inner.user.get()
    }

    /// The application's id (from `GET /applications/@me`, never the user's id), after login.
    pub fn application_id(&self) -> Option<Id<ApplicationMarker>> {
        self.inner.application_id.get().copied()
    }

    /// The application (`GET /applications/@me`), after login.
    pub fn application_info(&self) -> Option<&Application> {
        self.inner.application_info.get()
    }

    /// Whether `user` owns the bot: the owners given to the builder, else (after login) the
    /// owner and the admins and developers of the team that owns the application (not its
    /// read-only members), else the application's owner.
    pub fn is_owner(&self, user: Id<UserMarker>) -> bool {
        self.owners().contains(user)
    }

    /// The one owner (Pycord's `owner_id`): given with [`BotBuilder::owner_id`], else (after
    /// login) the owner of an application no team owns.
    pub fn owner_id(&self) -> Option<Id<UserMarker>> {
        self.owners().id
    }

    /// The owners (Pycord's `owner_ids`): given with [`BotBuilder::owner_ids`], else (after
    /// login) the owner, admins and developers of the team that owns the application.
    pub fn owner_ids(&self) -> Vec<Id<UserMarker>> {
        self.owners().ids
    }

    fn owners(&self) -> owners::Owners {
        self.inner
            .owners
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The last heartbeat's round trip, once one was acknowledged.
    pub fn latency(&self) -> Option<Duration> {
        *self.inner.latency.lock().unwrap_or_else(|p| p.into_inner())
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

//! `Bot::builder()`: every setting of a bot.

use super::{Bot, Intents};
use crate::Error;
use crate::command::{CommandRegistry, SyncConfig};
use crate::http::Token;
use crate::model::{Activity, AllowedMentions, Id, Status, UserMarker};
use crate::sync::SyncOptions;
use bot_spec::{IntegrationType, InteractionContextType};

/// Discord's REST API, version 10.
pub const DISCORD_API: &str = "https://discord.com/api/v10";

/// Builds a [`Bot`].
///
/// ```
/// use bot_core::{Bot, Intents};
/// let bot = Bot::builder()
///     .token("MTIz.abc.def")
///     .api_base("http://127.0.0.1:8080/api/v10")
///     .intents(Intents::default())
///     .debug_guilds([123456789012345678])
///     .build()
///     .unwrap();
/// assert!(!format!("{bot:?}").contains("MTIz.abc.def"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct BotBuilder {
    pub(crate) token: Option<Token>,
    pub(crate) api_base: Option<String>,
    pub(crate) intents: Intents,
    pub(crate) chunk_guilds_at_startup: Option<bool>,
    pub(crate) owner_id: Option<Id<UserMarker>>,
    pub(crate) owner_ids: Vec<Id<UserMarker>>,
    pub(crate) root_certificates: Vec<crate::tls::Certificate>,
    pub(crate) sync: SyncConfig,
    pub(crate) sync_options: SyncOptions,
    pub(crate) auto_sync_commands: Option<bool>,
    pub(crate) status: Option<Status>,
    pub(crate) activity: Option<Activity>,
    pub(crate) allowed_mentions: Option<AllowedMentions>,
    pub(crate) heartbeat_timeout: Option<std::time::Duration>,
    pub(crate) http_connect_timeout: Option<std::time::Duration>,
    pub(crate) http_request_timeout: Option<std::time::Duration>,
    pub(crate) registry: Option<CommandRegistry>,
    pub(crate) dispatch: crate::dispatch::DispatchConfig,
    pub(crate) data: crate::command::DataMap,
    pub(crate) globals: crate::invoke::global::GlobalConfig,
    pub(crate) cogs: Vec<crate::cog::CogInstance>,
    pub(crate) close_grace: Option<std::time::Duration>,
    pub(crate) cache: crate::cache::CacheConfig,
    pub(crate) shards: super::shards::ShardSettings,
    pub(crate) voice: Option<crate::gateway::VoiceHook>,
}

impl BotBuilder {
    /// The bot token (required). A leading `Bot ` is accepted.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(Token::new(token));
        self
    }

    /// Adds a cog, installed when the bot is built: its commands are checked with the others
    /// (and for the state they ask for) by [`build`](Self::build), and synced when the bot
    /// starts. While the bot runs, [`Bot::add_cog`] and [`Bot::remove_cog`] change them.
    pub fn add_cog<C: crate::cog::Cog>(mut self, cog: C) -> Self {
        self.cogs.push(crate::cog::CogInstance::new(cog));
        self
    }

    /// Adds a global check, run for every command after the `check_once` checks (see
    /// [`crate::invoke`] for the order). `#[check]` on an `async fn` does the same.
    pub fn check(mut self, check: impl crate::checks::Check) -> Self {
        self.globals
            .checks
            .push((false, std::sync::Arc::new(check)));
        self
    }

    /// Adds a global check run once per interaction, before every other check. `#[check_once]`
    /// on an `async fn` does the same.
    pub fn check_once(mut self, check: impl crate::checks::Check) -> Self {
        self.globals.checks.push((true, std::sync::Arc::new(check)));
        self
    }

    /// The global before-invoke hook (at most one: this or a `#[before_invoke]` function).
    pub fn before_invoke(mut self, hook: impl crate::invoke::InvokeHook) -> Self {
        self.globals.before = Some(std::sync::Arc::new(hook));
        self
    }

    /// The global after-invoke hook (at most one: this or an `#[after_invoke]` function); it
    /// runs even when the command failed.
    pub fn after_invoke(mut self, hook: impl crate::invoke::InvokeHook) -> Self {
        self.globals.after = Some(std::sync::Arc::new(hook));
        self
    }

    /// How the default `on_application_command_error` answers the user: the reply for an
    /// error, or `None` to answer nothing (default:
    /// [`default_error_reply`](crate::invoke::default_error_reply)).
    ///
    /// ```
    /// use bot_core::Bot;
    /// use bot_core::command::{CommandError, Reply};
    /// use bot_core::invoke::default_error_reply;
    /// let builder = Bot::builder().error_reply(|error| match error {
    ///     CommandError::OnCooldown(c) => {
    ///         Some(Reply::new(format!("Slow down! {:.0}s left", c.retry_after.as_secs_f64())).ephemeral())
    ///     }
    ///     other => default_error_reply(other),
    /// });
    /// # let _ = builder;
    /// ```
    pub fn error_reply(
        mut self,
        reply: impl Fn(&crate::command::CommandError) -> Option<crate::command::Reply>
        + Send
        + Sync
        + 'static,
    ) -> Self {
        self.globals.error_reply = Some(std::sync::Arc::new(reply));
        self
    }

    /// When commands that set no `auto_defer` of their own are deferred for their handler
    /// (default: [`AutoDefer::default`](crate::command::AutoDefer::default), a public
    /// deferral 2 s after receipt if nothing answered by then;
    /// [`AutoDefer::off`](crate::command::AutoDefer::off) to never defer for them). An invocation that has to wait for a concurrency slot is
    /// deferred before it waits, unless its auto-defer is off.
    ///
    /// ```
    /// use bot_core::Bot;
    /// use bot_core::command::AutoDefer;
    /// use std::time::Duration;
    /// let quiet = AutoDefer::after(Duration::from_millis(1500)).ephemeral();
    /// let builder = Bot::builder().auto_defer(quiet);
    /// # let _ = builder;
    /// ```
    pub fn auto_defer(mut self, setting: crate::command::AutoDefer) -> Self {
        self.globals.auto_defer = Some(setting);
        self
    }

    /// How long closing the bot ([`Bot::close`], or Ctrl-C / SIGTERM under [`Bot::run`]) waits
    /// for the invocations under way to finish before `start` / `run` return (default 10 s,
    /// within the usual 30 s a deploy allows between SIGTERM and SIGKILL). New interactions
    /// are not taken meanwhile. `Duration::ZERO` does not wait.
    pub fn close_grace(mut self, grace: std::time::Duration) -> Self {
        self.close_grace = Some(grace);
        self
    }

    /// What the [cache](crate::cache) keeps (default: everything, 1 000 messages, 128 DM
    /// channels, every member; [`CacheConfig::none`](crate::cache::CacheConfig::none) turns it
    /// off).
    ///
    /// ```
    /// use bot_core::Bot;
    /// use bot_core::cache::{CacheConfig, MemberCacheFlags};
    /// let bot = Bot::builder()
    ///     .token("MTIz.abc.def")
    ///     .cache(CacheConfig::default().member_cache_flags(MemberCacheFlags::INTERACTION))
    ///     .build();
    /// assert!(bot.is_ok());
    /// ```
    pub fn cache(mut self, config: crate::cache::CacheConfig) -> Self {
        self.cache = config;
        self
    }

    /// Gives the bot a value of type `T` (one per type; a second of the same type replaces the
    /// first), for handlers' `State<T>` parameters and [`Bot::data`]. Wrap what handlers change
    /// in a `Mutex` or an atomic.
    pub fn data<T: Send + Sync + 'static>(mut self, value: T) -> Self {
        self.data.insert(value);
        self
    }

    /// How far behind each listener, waiter, stream or `events()` stream may fall before it
    /// lags (default [`Budget::DEFAULT`](crate::event::Budget::DEFAULT): 16,384 events or 32 MiB
    /// of wire text). A consumer past it loses its oldest events, counted in
    /// [`Bot::dispatch_stats`] and reported to `on_error`; its shard never stops reading. A
    /// listener may set its own with
    /// [`ListenerOptions::budget`](crate::event::ListenerOptions::budget).
    ///
    /// ```
    /// use bot_core::{Bot, event::Budget};
    /// let builder = Bot::builder().event_budget(Budget::new(10_000, 64 << 20));
    /// # let _ = builder;
    /// ```
    pub fn event_budget(mut self, budget: crate::event::Budget) -> Self {
        self.dispatch.budget = budget;
        self
    }

    /// How long a consumer's lag episode may last before it is reported to `on_error` (default
    /// 1 s): a consumer stuck for good is reported at this pace; one that takes events again is
    /// reported when it takes the next.
    pub fn lag_report_interval(mut self, every: std::time::Duration) -> Self {
        self.dispatch.lag_report = every.max(std::time::Duration::from_millis(1));
        self
    }

    /// How long a shard waits for the next GUILD_CREATE after READY before it counts as ready
    /// without the guilds still missing (Pycord's `guild_ready_timeout`, default 2 s).
    pub fn guild_ready_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.dispatch.guild_ready_timeout = timeout;
        self
    }

    /// The REST base URL: Discord's (the default), `bot-sandbox`'s, or a REST proxy's.
    pub fn api_base(mut self, base: impl Into<String>) -> Self {
        self.api_base = Some(base.into());
        self
    }

    /// Whether to request the members of every guild that needs it when it arrives, and to
    /// be ready only once they are in (Pycord's `chunk_guilds_at_startup`; by default, when the
    /// intents include `GUILD_MEMBERS`, as Pycord).
    pub fn chunk_guilds_at_startup(mut self, chunk: bool) -> Self {
        self.chunk_guilds_at_startup = Some(chunk);
        self
    }

    /// The gateway intents.
    pub fn intents(mut self, intents: Intents) -> Self {
        self.intents = intents;
        self
    }

    /// The owner's user id (for [`Bot::is_owner`]); otherwise the application's owner, or the
    /// admins and developers of the team that owns it. Not with [`owner_ids`](Self::owner_ids):
    /// [`build`](Self::build) refuses both, as Pycord does.
    pub fn owner_id(mut self, id: u64) -> Self {
        self.owner_id = Some(Id::new(id));
        self
    }

    /// Several owners' user ids (an empty list sets none). Not with
    /// [`owner_id`](Self::owner_id).
    pub fn owner_ids(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.owner_ids = ids.into_iter().map(Id::new).collect();
        self
    }

    /// Registers every command in these guilds instead of its own scope (quick to update while
    /// developing), and answers their invocations there. The global scope is then neither read
    /// nor written.
    pub fn debug_guilds(mut self, guilds: impl IntoIterator<Item = u64>) -> Self {
        self.sync.debug_guilds = guilds.into_iter().map(Id::new).collect();
        self
    }

    /// How [`Bot::sync_commands`] and the sync of `start` write (default:
    /// [`SyncOptions::default`]: bulk writes where a scope differs, deleting commands the program
    /// no longer defines, never wiping everything from a program that defines none).
    pub fn sync_options(mut self, options: SyncOptions) -> Self {
        self.sync_options = options;
        self
    }

    /// Whether `start` syncs the commands with Discord (default: yes).
    pub fn auto_sync_commands(mut self, on: bool) -> Self {
        self.auto_sync_commands = Some(on);
        self
    }

    /// `contexts` for global commands that set none.
    pub fn default_command_contexts(
        mut self,
        contexts: impl IntoIterator<Item = InteractionContextType>,
    ) -> Self {
        self.sync.default_contexts = Some(contexts.into_iter().collect());
        self
    }

    /// `integration_types` for global commands that set none.
    pub fn default_command_integration_types(
        mut self,
        types: impl IntoIterator<Item = IntegrationType>,
    ) -> Self {
        self.sync.default_integration_types = Some(types.into_iter().collect());
        self
    }

    /// The status shown from IDENTIFY on (default: online).
    ///
    /// ```
    /// use bot_core::Bot;
    /// use bot_core::model::{Activity, AllowedMentions, Status};
    /// let bot = Bot::builder()
    ///     .token("MTIz.abc.def")
    ///     .status(Status::Dnd)
    ///     .activity(Activity::playing("chess"))
    ///     .allowed_mentions(AllowedMentions::none())
    ///     .build()
    ///     .unwrap();
    /// # drop(bot);
    /// ```
    pub fn status(mut self, status: Status) -> Self {
        self.status = Some(status);
        self
    }

    /// The activity shown from IDENTIFY on (e.g. [`Activity::playing`]).
    pub fn activity(mut self, activity: Activity) -> Self {
        self.activity = Some(activity);
        self
    }

    /// The default allowed mentions of every reply that sets none.
    pub fn allowed_mentions(mut self, allowed: AllowedMentions) -> Self {
        self.allowed_mentions = Some(allowed);
        self
    }

    /// How long to wait for a heartbeat's ACK before reconnecting (default: one heartbeat
    /// interval, as Discord advises). [`build`](Self::build) refuses zero and a duration too long
    /// to add to the clock.
    pub fn heartbeat_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.heartbeat_timeout = Some(timeout);
        self
    }

    /// How long connecting to the REST API may take (default:
    /// [`DEFAULT_CONNECT_TIMEOUT`](crate::http::DEFAULT_CONNECT_TIMEOUT)).
    pub fn http_connect_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.http_connect_timeout = Some(timeout);
        self
    }

    /// How long a whole REST request may take (default:
    /// [`DEFAULT_REQUEST_TIMEOUT`](crate::http::DEFAULT_REQUEST_TIMEOUT)); a stalled request fails
    /// with [`HttpError::Timeout`](crate::http::HttpError::Timeout) (or `OutcomeUnknown` for one
    /// that is not retried) instead of holding its route.
    pub fn http_request_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.http_request_timeout = Some(timeout);
        self
    }

    /// Uses this registry instead of collecting every command of the program.
    pub fn registry(mut self, registry: CommandRegistry) -> Self {
        self.registry = Some(registry);
        self
    }

    /// Trusts this root certificate too, for REST and the gateway alike (a company's CA, a test
    /// server's self-signed root); the back end's own roots stay trusted. See [`crate::tls`].
    pub fn add_root_certificate(mut self, certificate: crate::tls::Certificate) -> Self {
        self.root_certificates.push(certificate);
        self
    }

    /// How many shards the bot has in all (Pycord's `shard_count`; default: the count
    /// `GET /gateway/bot` recommends). With [`shard_ids`](Self::shard_ids) this process runs
    /// only some of them.
    pub fn shard_count(mut self, count: u64) -> Self {
        self.shards.count = Some(count);
        self
    }

    /// The shards this process runs, a range or a list (Pycord's `shard_ids`; default: all of
    /// them), so one bot can run in several processes: each gets the events of its shards'
    /// guilds. Needs [`shard_count`](Self::shard_count); [`build`](Self::build) refuses an id
    /// not below it.
    ///
    /// ```
    /// use bot_core::Bot;
    /// let second_half = Bot::builder()
    ///     .token("MTIz.abc.def")
    ///     .shard_count(16)
    ///     .shard_ids(8..16)
    ///     .build();
    /// assert!(second_half.is_ok());
    /// assert!(Bot::builder().token("MTIz.abc.def").shard_ids([0, 1]).build().is_err());
    /// ```
    pub fn shard_ids(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.shards.ids = Some(ids.into_iter().collect());
        self
    }

    /// When each shard may IDENTIFY (default: a [`LocalQueue`](crate::gateway::LocalQueue)
    /// keeping Discord's `max_concurrency` buckets and session start budget for this process).
    /// Give one queue to every bot of a process that share a token, or an implementation of
    /// [`IdentifyQueue`](crate::gateway::IdentifyQueue) shared across processes. The bot tells it
    /// what `GET /gateway/bot` says.
    pub fn identify_queue(mut self, queue: impl crate::gateway::IdentifyQueue) -> Self {
        self.shards.queue = Some(std::sync::Arc::new(queue));
        self
    }

    /// Runs before each IDENTIFY (before the identify queue), with the shard's id and whether it
    /// is that shard's first IDENTIFY (Pycord's `before_identify_hook(shard_id, initial)`; unlike
    /// Pycord's, the default does nothing: the identify queue does the pacing).
    ///
    /// ```
    /// use bot_core::Bot;
    /// let builder = Bot::builder().before_identify_hook(|shard, initial| async move {
    ///     println!("shard {shard} identifies (first time: {initial})");
    /// });
    /// # let _ = builder;
    /// ```
    pub fn before_identify_hook<F, Fut>(mut self, hook: F) -> Self
    where
        F: Fn(u64, bool) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        self.shards.before_identify = Some(crate::gateway::BeforeIdentify::new(hook));
        self
    }

    /// How long the default identify queue waits for spent session starts to reset before the
    /// bot stops with [`GatewayError::IdentifyQueue`](crate::gateway::GatewayError::IdentifyQueue)
    /// (default: no limit, it waits for `reset_after`). With a spent budget and a reset further
    /// away, [`Bot::start`] refuses at once with [`Error::SessionStartLimit`].
    pub fn session_start_max_wait(mut self, max_wait: std::time::Duration) -> Self {
        self.shards.max_wait = Some(max_wait);
        self
    }

    /// How long a shard waits for READY after IDENTIFY, or RESUMED after RESUME, before leaving
    /// the connection for a new one (default
    /// [`ShardConfig::DEFAULT_READY_TIMEOUT`](crate::gateway::ShardConfig::DEFAULT_READY_TIMEOUT),
    /// 15 s).
    pub fn ready_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.shards.ready_timeout = Some(timeout);
        self
    }

    /// How long a shard keeps a session across failed resumes (default
    /// [`ResumePolicy::default`](crate::gateway::ResumePolicy::default): 3 minutes, or 3
    /// resumes the gateway refused).
    pub fn resume_policy(mut self, policy: crate::gateway::ResumePolicy) -> Self {
        self.shards.resume = Some(policy);
        self
    }

    /// Discord's send limit on each gateway connection, which the shards keep (default
    /// [`SendLimit::DISCORD`](crate::gateway::SendLimit::DISCORD): 120 payloads per 60 s,
    /// heartbeats included; past it Discord closes with 4008). Only a gateway with another
    /// limit (a test double) needs this; [`build`](Self::build) refuses fewer than 2 payloads
    /// or a zero window.
    pub fn gateway_send_limit(mut self, limit: crate::gateway::SendLimit) -> Self {
        self.shards.send_limit = Some(limit);
        self
    }

    /// The voice crate's hook (as serenity's `VoiceGatewayManager`): told of the shards, given
    /// every VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE, sending op 4 through the shards.
    pub fn voice_manager(mut self, manager: impl crate::gateway::VoiceGatewayManager) -> Self {
        self.voice = Some(crate::gateway::VoiceHook(std::sync::Arc::new(manager)));
        self
    }

    /// Checks the settings and collects the commands.
    pub fn build(self) -> Result<Bot, Error> {
        self.shards.check()?;
        if self.owner_id.is_some() && !self.owner_ids.is_empty() {
            return Err(Error::Config(
                "both owner_id and owner_ids are set: set one".to_owned(),
            ));
        }
        if self.token.as_ref().is_none_or(|t| t.expose().is_empty()) {
            return Err(Error::Config(
                "a token is required: Bot::builder().token(...)".to_owned(),
            ));
        }
        if let Some(timeout) = self.heartbeat_timeout {
            if timeout.is_zero() {
                return Err(Error::Config(
                    "heartbeat_timeout must be more than zero".to_owned(),
                ));
            }
            if std::time::Instant::now().checked_add(timeout).is_none() {
                return Err(Error::Config(format!(
                    "heartbeat_timeout {timeout:?} is too long: it overflows the clock"
                )));
            }
        }
        Bot::from_builder(self)
    }
}

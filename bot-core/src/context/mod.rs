//! [`Context`]: what handlers, listeners and `#[event]` functions hold — a cheap handle over the
//! bot's services (REST, state, identity, events, commands, cogs, extensions), as poise's
//! `FrameworkContext` is a small view into its framework, never the framework itself.
//!
//! [`Bot`](crate::Bot) builds the services, runs and closes them, and hands a `Context` to every
//! piece of user code it calls; its Pycord-named methods are one-line delegations to this one.

mod app_emojis;
mod application;
mod cache;
mod cache_objects;
mod cogs;
mod commands;
mod events;
mod extensions;
mod fetch;
mod guild_admin;
mod identity;
mod members;
mod rest;
mod roles;
mod shards;
mod webhooks;

pub use cache::PartialMessageable;
pub(crate) use identity::{Identity, Owners};

use crate::cog::LoadedCog;
use crate::command::{CommandRegistry, DataMap, State};
use crate::dispatch::Dispatcher;
use crate::extension::LoadedExtension;
use crate::http::Http;
use crate::invoke::Commands;
use crate::model::{Application, ApplicationMarker, Id, User, UserMarker};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use tokio::sync::watch;

/// The bot as its handlers see it: REST ([`http`](Self::http)), state ([`data`](Self::data)),
/// who it is ([`application_id`](Self::application_id), [`user`](Self::user)), the shard that
/// delivered what is being handled ([`shard`](Self::shard)), the events
/// ([`wait_for`](Self::wait_for), [`stream`](Self::stream),
/// [`add_listener`](Self::add_listener), …) and the commands, cogs and extensions
/// ([`add_application_command`](Self::add_application_command), [`add_cog`](Self::add_cog),
/// [`load_extension`](Self::load_extension), …). A listener's first parameter, an `#[event]`
/// function's, and what [`ApplicationContext::bot`](crate::command::ApplicationContext::bot)
/// and [`Received::bot`](crate::event::Received::bot) return.
///
/// Cloning is cheap (one reference count); clones share everything.
///
/// ```
/// use bot_core::event::MessageCreate;
/// use bot_core::{Context, listen};
///
/// #[listen("on_message")]
/// async fn echo(ctx: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
///     if let Some(text) = message.content.strip_prefix("!echo ") {
///         message.channel_id.send(ctx, text).await?;
///     }
///     Ok(())
/// }
/// ```
#[derive(Clone)]
pub struct Context {
    services: Arc<Services>,
    shard: Option<u64>,
}

/// A context that does not keep the services alive: what the dispatcher holds.
#[derive(Clone)]
pub(crate) struct WeakContext(Weak<Services>);

impl WeakContext {
    /// The context for what `shard` delivered, while the bot lives.
    pub(crate) fn upgrade(&self, shard: Option<u64>) -> Option<Context> {
        self.0.upgrade().map(|services| Context { services, shard })
    }
}

/// The services, built and owned by the bot.
pub(crate) struct Services {
    pub(crate) http: Http,
    pub(crate) cache: Arc<crate::cache::Cache>,
    pub(crate) data: DataMap,
    pub(crate) identity: Identity,
    pub(crate) events: Arc<Dispatcher>,
    pub(crate) commands: Commands,
    pub(crate) cogs: Mutex<Vec<LoadedCog>>,
    pub(crate) extensions: Mutex<Vec<LoadedExtension>>,
    /// Set once, by `close`: shards, start-up and waiters watch it.
    pub(crate) shutdown: watch::Sender<bool>,
    pub(crate) closed: AtomicBool,
    /// What the bot sends through its shards, and the member requests under way.
    pub(crate) gateway: GatewayLink,
}

/// The bot's way to its shards: its intents, each shard's command queue and state, the member
/// requests whose chunks are being gathered, the presence every shard identifies with, and the
/// voice crate's hook.
pub(crate) struct GatewayLink {
    pub(crate) intents: crate::model::Intents,
    pub(crate) shards: crate::gateway::ShardCommands,
    pub(crate) members: Arc<crate::members::MemberRequests>,
    /// The builder's presence, then the last one set for every shard.
    pub(crate) presence: Mutex<Option<crate::model::UpdatePresence>>,
    pub(crate) voice: Option<Arc<dyn crate::gateway::VoiceGatewayManager>>,
}

impl GatewayLink {
    /// A link with no shard yet.
    pub(crate) fn new(
        intents: crate::model::Intents,
        members: Arc<crate::members::MemberRequests>,
        presence: Option<crate::model::UpdatePresence>,
        voice: Option<Arc<dyn crate::gateway::VoiceGatewayManager>>,
    ) -> Self {
        GatewayLink {
            intents,
            shards: crate::gateway::ShardCommands::default(),
            members,
            presence: Mutex::new(presence),
            voice,
        }
    }
}

impl std::fmt::Debug for GatewayLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayLink")
            .field("intents", &self.intents)
            .field("shards", &self.shards)
            .field("voice", &self.voice.is_some())
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("http", &self.services.http)
            .field("application_id", &self.application_id())
            .field("shard", &self.shard)
            .finish_non_exhaustive()
    }
}

impl Context {
    /// Services that may hold a weak context of themselves (the dispatcher does).
    pub(crate) fn new_cyclic(build: impl FnOnce(WeakContext) -> Services) -> Context {
        Context {
            services: Arc::new_cyclic(|weak| build(WeakContext(weak.clone()))),
            shard: None,
        }
    }

    /// A weak handle on the same services.
    #[cfg(test)]
    pub(crate) fn downgrade(&self) -> WeakContext {
        WeakContext(Arc::downgrade(&self.services))
    }

    /// Services with no command, no state, no cog, default settings (for unit tests).
    #[cfg(test)]
    pub(crate) fn for_tests() -> Context {
        let http = Http::new(
            "https://discord.com/api/v10",
            crate::model::Token::new("MTIz.abc.def"),
        );
        let cache = Arc::new(crate::cache::Cache::new(Default::default()));
        let members = Arc::new(crate::members::MemberRequests::default());
        Context::new_cyclic(|weak| Services {
            http,
            cache: cache.clone(),
            data: DataMap::default(),
            identity: Identity::default(),
            events: Dispatcher::new(
                weak,
                crate::dispatch::DispatchConfig::default(),
                crate::dispatch::HandlerSet::default(),
                cache,
                members.clone(),
            ),
            commands: Commands::for_tests(),
            cogs: Mutex::default(),
            extensions: Mutex::default(),
            shutdown: watch::channel(false).0,
            closed: AtomicBool::new(false),
            gateway: GatewayLink::new(crate::model::Intents::default(), members, None, None),
        })
    }

    pub(crate) fn services(&self) -> &Services {
        &self.services
    }

    /// The REST client.
    pub fn http(&self) -> &Http {
        &self.services.http
    }

    /// The bot's state of type `T`, given with
    /// [`BotBuilder::data`](crate::BotBuilder::data).
    pub fn data<T: Send + Sync + 'static>(&self) -> Option<State<T>> {
        self.services.data.get::<T>()
    }

    /// This context for what `shard` delivered.
    pub(crate) fn on_shard(&self, shard: u64) -> Context {
        Context {
            services: self.services.clone(),
            shard: Some(shard),
        }
    }

    /// The shard that delivered the event or interaction being handled (`None` for a context
    /// not tied to one: the bot's own, or a command invoked by hand).
    pub fn shard(&self) -> Option<u64> {
        self.shard
    }

    /// The commands, as they are now (a snapshot: later changes do not show in it).
    pub fn registry(&self) -> Arc<CommandRegistry> {
        self.services.commands.registry()
    }

    /// The bot user, after login.
    pub fn user(&self) -> Option<&User> {
        self.services.identity.user.get()
    }

    /// The application's id (from `GET /applications/@me`, never the user's id), after login.
    pub fn application_id(&self) -> Option<Id<ApplicationMarker>> {
        self.services.identity.application_id.get().copied()
    }

    /// The application as it was at login (`GET /applications/@me`);
    /// [`application_info`](Self::application_info) asks Discord again.
    pub fn application(&self) -> Option<&Application> {
        self.services.identity.application.get()
    }

    /// Whether `user` owns the bot: the owners given to the builder, else (after login) the
    /// owner and the admins and developers of the team that owns the application (not its
    /// read-only members), else the application's owner.
    pub fn is_owner(&self, user: Id<UserMarker>) -> bool {
        self.services.identity.owners().contains(user)
    }

    /// The one owner (Pycord's `owner_id`): given with
    /// [`BotBuilder::owner_id`](crate::BotBuilder::owner_id), else (after login) the owner of an
    /// application no team owns.
    pub fn owner_id(&self) -> Option<Id<UserMarker>> {
        self.services.identity.owners().id
    }

    /// The owners (Pycord's `owner_ids`): given with
    /// [`BotBuilder::owner_ids`](crate::BotBuilder::owner_ids), else (after login) the owner,
    /// admins and developers of the team that owns the application.
    pub fn owner_ids(&self) -> Vec<Id<UserMarker>> {
        self.services.identity.owners().ids
    }

    /// Whether the bot was closed or its connection ended.
    pub fn is_closed(&self) -> bool {
        self.services.closed.load(Ordering::SeqCst)
    }

    /// Closes the bot, as [`Bot::close`](crate::Bot::close): every shard with code 1000, no new
    /// interaction taken; a running `start` returns once the invocations under way finished.
    pub fn close(&self) {
        self.services.shutdown.send_replace(true);
        self.services.closed.store(true, Ordering::SeqCst);
        self.services.events.close();
    }
}

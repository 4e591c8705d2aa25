//! The way of every gateway event, owned by the bot's shared state.
//!
//! A shard decodes each dispatch once, straight from the frame into its typed [`Event`], and
//! hands it to the [`Dispatcher`], which — on the shard's task, in the shard's `seq` order —
//! notes READY and GUILD_CREATE for [`Bot::is_ready`](crate::Bot::is_ready), starts the command
//! router on its own task for an INTERACTION_CREATE, then offers the event (shared, not copied)
//! to its consumers in this order: listeners, waiters (`wait_for`, `stream`), `events()`
//! streams. (The cache, when it comes, is updated before the listeners.)
//!
//! Each consumer has a bounded queue. When one is full, the dispatcher gives the shard the rest
//! of the delivery to await; the shard stops reading the socket until it is done (heartbeats go
//! on): that is back-pressure, counted in [`DispatchStats`] and logged once. Nothing is dropped.
//! A consumer that takes nothing for a while (a held but unpolled `events()` stream) is warned
//! about while dispatch waits for it.
//!
//! The bot's event handlers (`on_ready`, `on_connect`, `on_disconnect`, `on_error`; see
//! `handlers.rs`) are the dispatcher's too: readiness calls `on_ready`, the shards report their
//! connections through it, and listeners' failures go to `on_error`.
//!
//! The dispatcher never holds the bot: it keeps a weak reference to hand user code a `Bot`.

mod backlog;
mod handlers;
mod ready;
pub(crate) mod router;
mod runner;
mod slot;
mod stats;

pub use stats::DispatchStats;

use crate::bot::BotRef;
use crate::event::{Connected, Disconnected, Event, EventKind, ListenerDef, ListenerId};
use crate::gateway::{Backlog, EventSink};
use handlers::EventHandlers;
pub(crate) use handlers::HandlerSet;
use ready::ReadyTracker;
pub(crate) use runner::Callback;
use runner::Runner;
pub(crate) use runner::panic_message;
pub(crate) use slot::Phase;
use slot::{Filter, Offer, Slot, Table};
use stats::Stats;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock, Weak};
use std::time::Duration;
use tokio::sync::{mpsc, watch};

/// The dispatcher's settings, from the builder.
#[derive(Clone, Debug)]
pub(crate) struct DispatchConfig {
    /// Each consumer's queue, unless it sets its own.
    pub(crate) queue: usize,
    /// How long a consumer may take nothing before it is warned about.
    pub(crate) stall_warning: Duration,
    /// How long to wait for the next GUILD_CREATE before a shard counts as ready.
    pub(crate) guild_ready_timeout: Duration,
}

impl Default for DispatchConfig {
    fn default() -> Self {
        DispatchConfig {
            queue: 256,
            stall_warning: Duration::from_secs(10),
            guild_ready_timeout: Duration::from_secs(2),
        }
    }
}

/// A listener to add: what it takes, how it is called.
pub(crate) struct NewListener {
    pub(crate) name: Option<String>,
    pub(crate) kinds: Option<Vec<EventKind>>,
    pub(crate) once: bool,
    pub(crate) concurrent: bool,
    pub(crate) queue: Option<usize>,
    pub(crate) callback: Callback,
}

/// Removes its consumer when dropped (a dropped waiter or stream).
pub(crate) struct SlotGuard {
    dispatcher: Weak<Dispatcher>,
    id: u64,
}

impl Drop for SlotGuard {
    fn drop(&mut self) {
        if let Some(dispatcher) = self.dispatcher.upgrade() {
            dispatcher.remove_slots(&[self.id]);
        }
    }
}

/// See the module's documentation.
pub(crate) struct Dispatcher {
    bot: BotRef,
    config: DispatchConfig,
    table: RwLock<Arc<Table>>,
    next_id: AtomicU64,
    stats: Arc<Stats>,
    ready: Arc<ReadyTracker>,
    handlers: Arc<EventHandlers>,
    runtime: OnceLock<tokio::runtime::Handle>,
    /// Listeners added before the runtime was known.
    unstarted: Mutex<Vec<(Runner, mpsc::Receiver<Arc<Event>>)>>,
    closed: AtomicBool,
}

impl Dispatcher {
    /// A dispatcher with every `#[listen]` function of the program, and its `#[event]`
    /// functions as handlers.
    pub(crate) fn new(
        bot: BotRef,
        config: DispatchConfig,
        handlers: HandlerSet,
    ) -> Arc<Dispatcher> {
        let handlers = EventHandlers::new(bot.clone(), handlers);
        let on_ready = handlers.clone();
        let dispatcher = Arc::new(Dispatcher {
            bot,
            ready: ReadyTracker::new(
                config.guild_ready_timeout,
                Box::new(move || on_ready.ready()),
            ),
            handlers,
            config,
            table: RwLock::new(Arc::new(Table::empty())),
            next_id: AtomicU64::new(1),
            stats: Arc::default(),
            runtime: OnceLock::new(),
            unstarted: Mutex::new(Vec::new()),
            closed: AtomicBool::new(false),
        });
        for def in ListenerDef::all() {
            dispatcher.add_listener(NewListener::from_def(def));
        }
        dispatcher
    }

    /// Starts the listeners' tasks on the current runtime; `shards` must be ready for the bot
    /// to be.
    pub(crate) fn start(&self, shards: u64) {
        self.ready.expect(shards);
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let runtime = self.runtime.get_or_init(|| runtime);
        let unstarted =
            std::mem::take(&mut *self.unstarted.lock().unwrap_or_else(|p| p.into_inner()));
        for (runner, queue) in unstarted {
            runtime.spawn(runner.run(queue));
        }
    }

    /// Stops delivering: every consumer's queue ends after what it holds (listeners finish it,
    /// waiters and streams end).
    pub(crate) fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        *self.table.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(Table::empty());
        self.unstarted
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    fn insert(&self, slot: Arc<Slot>) {
        if self.closed.load(Ordering::SeqCst) {
            return;
        }
        let mut table = self.table.write().unwrap_or_else(|p| p.into_inner());
        *table = Arc::new(table.with(slot));
    }

    /// Removes consumers; whether any was there.
    pub(crate) fn remove_slots(&self, ids: &[u64]) -> bool {
        let mut table = self.table.write().unwrap_or_else(|p| p.into_inner());
        match table.without(ids) {
            Some(smaller) => {
                *table = Arc::new(smaller);
                true
            }
            None => false,
        }
    }

    /// Adds a listener; its task starts now, or with [`start`](Self::start).
    pub(crate) fn add_listener(&self, listener: NewListener) -> ListenerId {
        let id = self.next_id();
        let name: Arc<str> = listener
            .name
            .unwrap_or_else(|| format!("listener #{id}"))
            .into();
        let (tx, rx) = mpsc::channel(listener.queue.unwrap_or(self.config.queue).max(1));
        let limit = listener.once.then_some(1);
        self.insert(Arc::new(Slot::new(
            id,
            name.clone(),
            listener.kinds,
            Phase::Listener,
            None,
            limit,
            tx,
        )));
        let runner = Runner {
            name,
            callback: listener.callback,
            concurrent: listener.concurrent,
            bot: self.bot.clone(),
            stats: self.stats.clone(),
            handlers: self.handlers.clone(),
        };
        match self.runtime.get() {
            Some(runtime) => drop(runtime.spawn(runner.run(rx))),
            None => self
                .unstarted
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push((runner, rx)),
        }
        ListenerId(id)
    }

    /// Adds a waiter or a stream: the events it takes arrive on the receiver until the guard
    /// is dropped (or `limit` were taken).
    pub(crate) fn subscribe(
        self: &Arc<Self>,
        name: &str,
        kinds: Option<Vec<EventKind>>,
        phase: Phase,
        filter: Option<Filter>,
        limit: Option<usize>,
    ) -> (mpsc::Receiver<Arc<Event>>, SlotGuard) {
        let id = self.next_id();
        let queue = match limit {
            Some(limit) => limit.clamp(1, self.config.queue.max(1)),
            None => self.config.queue.max(1),
        };
        let (tx, rx) = mpsc::channel(queue);
        let name: Arc<str> = format!("{name} #{id}").into();
        self.insert(Arc::new(Slot::new(
            id, name, kinds, phase, filter, limit, tx,
        )));
        let guard = SlotGuard {
            dispatcher: Arc::downgrade(self),
            id,
        };
        (rx, guard)
    }

    /// The counters.
    /// The program's `#[event] on_application_command_error`, if any.
    pub(crate) fn command_error_handler(
        &self,
    ) -> Option<(&'static str, crate::bot::CommandErrorCall)> {
        self.handlers.command_error()
    }

    pub(crate) fn stats(&self) -> DispatchStats {
        self.stats.snapshot()
    }

    pub(crate) fn is_ready(&self) -> bool {
        self.ready.is_ready()
    }

    pub(crate) fn ready_watch(&self) -> watch::Receiver<bool> {
        self.ready.subscribe()
    }

    /// How many consumers take events now (listeners, waiters, streams).
    pub(crate) fn consumers(&self) -> usize {
        self.table
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .slots()
            .len()
    }
}

impl NewListener {
    fn from_def(def: &'static ListenerDef) -> NewListener {
        let kinds = match (def.event, def.name) {
            (Some(kind), _) => Some(vec![kind]),
            (None, Some(name)) => Some(EventKind::all_with_pycord_name(name).collect()),
            (None, None) => None,
        };
        let call = def.call;
        NewListener {
            name: Some(def.path.to_owned()),
            kinds,
            once: def.once,
            concurrent: def.concurrent,
            queue: None,
            callback: Arc::new(call),
        }
    }
}

impl EventSink for Dispatcher {
    fn deliver(&self, shard: u64, event: Event) -> Option<Backlog> {
        if self.closed.load(Ordering::Relaxed) {
            return None;
        }
        self.stats.events.fetch_add(1, Ordering::Relaxed);
        self.ready.observe(shard, &event);
        if let Event::InteractionCreate(interaction) = &event
            && let Some(bot) = self.bot.upgrade()
        {
            tokio::spawn(router::handle(bot, interaction.0.clone()));
        }
        let table = self.table.read().unwrap_or_else(|p| p.into_inner()).clone();
        let targets = table.targets(event.kind());
        if targets.is_empty() {
            return None;
        }
        let event = Arc::new(event);
        let mut waiting = Vec::new();
        let mut finished = Vec::new();
        for slot in targets {
            match slot.offer(&event) {
                Offer::Skipped | Offer::Taken(false) => {}
                Offer::Taken(true) => finished.push(slot.id),
                Offer::Full(event, last) => {
                    if last {
                        finished.push(slot.id);
                    }
                    waiting.push((slot.clone(), event));
                }
                Offer::Gone => finished.push(slot.id),
            }
        }
        if !finished.is_empty() {
            self.remove_slots(&finished);
        }
        (!waiting.is_empty()).then(|| {
            backlog::wait(
                waiting,
                self.stats.clone(),
                shard,
                self.config.stall_warning,
            )
        })
    }

    fn connected(&self, connected: Connected) {
        self.handlers.connected(connected);
    }

    fn disconnected(&self, disconnected: Disconnected) {
        self.handlers.disconnected(disconnected);
    }
}

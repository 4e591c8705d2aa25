//! The way of every gateway event, owned by the bot's shared state.
//!
//! A shard decodes each dispatch once, straight from the frame into its typed [`Event`], and
//! hands it to the [`Dispatcher`], which — on the shard's task, in the shard's `seq` order —
//! starts the command router on its own task for an INTERACTION_CREATE, offers the event
//! (shared, not copied) to its consumers in this order: listeners, waiters (`wait_for`,
//! `stream`), `events()` streams; then notes READY and GUILD_CREATE for
//! [`Context::is_ready`](crate::Context::is_ready), so a consumer added once the bot is ready gets no
//! event of the start-up. The [cache](crate::cache) is updated before all of them.
//!
//! Delivery never waits: each consumer has a queue within its [`Budget`](crate::event::Budget)
//! (`queue.rs`); past it the consumer lags — its oldest events are dropped, counted in
//! [`DispatchStats`] and reported to `on_error` once per episode. So the shard never stops
//! reading because of a consumer, and interactions and waiters are never behind a listener.
//! Consumers are kept in ordered maps per kind (`index.rs`): adding or removing one costs
//! O(log n) under a short write lock, and an event's targets are collected under a read lock
//! and offered after it is released (a user's check may add a waiter).
//!
//! The bot's event handlers (`on_ready`, `on_connect`, `on_disconnect`, `on_error`; see
//! `handlers.rs`) are the dispatcher's too: readiness calls `on_ready`, the shards report their
//! connections through it, and listeners' failures and lags go to `on_error`.
//!
//! The dispatcher never holds the services it is part of: it keeps a weak [`Context`](crate::Context) to hand
//! user code one, on the shard that delivered the event.

mod chunking;
mod handlers;
mod index;
mod lag;
mod queue;
mod ready;
mod runner;
mod slot;
mod stats;

use crate::cache::Cache;
use crate::context::WeakContext;
use crate::event::{
    Budget, Connected, Disconnected, DispatchStats, Event, EventError, EventFailure, EventKind,
    ListenerDef, ListenerId, NewListener, ShardReady,
};
use crate::gateway::EventSink;
use crate::members::MemberRequests;
use handlers::EventHandlers;
pub(crate) use handlers::HandlerSet;
use index::Index;
pub(crate) use queue::{Delivery, Receiver};
use queue::{DropCounter, LagReport, Queue};
use ready::ReadyTracker;
use runner::Runner;
pub(crate) use slot::Phase;
use slot::{Filter, Offer, Slot};
use stats::Stats;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock, Weak};
use std::time::Duration;
use tokio::sync::watch;

/// The dispatcher's settings, from the builder.
#[derive(Clone, Debug)]
pub(crate) struct DispatchConfig {
    /// Each consumer's budget, unless it sets its own.
    pub(crate) budget: Budget,
    /// How long a lag episode may stay open before it is reported.
    pub(crate) lag_report: Duration,
    /// How long to wait for the next GUILD_CREATE before a shard counts as ready.
    pub(crate) guild_ready_timeout: Duration,
    /// Whether to request the members of each guild that needs it, and wait for them before
    /// the bot is ready (Pycord's `chunk_guilds_at_startup`).
    pub(crate) chunk_guilds_at_startup: bool,
    /// The bot's intents (which guilds need chunking depends on them).
    pub(crate) intents: crate::model::Intents,
}

impl Default for DispatchConfig {
    fn default() -> Self {
        DispatchConfig {
            budget: Budget::DEFAULT,
            lag_report: Duration::from_secs(1),
            guild_ready_timeout: Duration::from_secs(2),
            chunk_guilds_at_startup: false,
            intents: crate::model::Intents::default(),
        }
    }
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
    ctx: WeakContext,
    /// Updated with each event before any consumer gets it.
    cache: Arc<Cache>,
    /// Gathers the chunks of member requests, beside the cache.
    members: Arc<MemberRequests>,
    config: DispatchConfig,
    index: RwLock<Index>,
    next_id: AtomicU64,
    stats: Arc<Stats>,
    ready: Arc<ReadyTracker>,
    handlers: Arc<EventHandlers>,
    runtime: OnceLock<tokio::runtime::Handle>,
    /// Listeners added before the runtime was known.
    unstarted: Mutex<Vec<(Runner, Receiver)>>,
    closed: AtomicBool,
}

impl Dispatcher {
    /// A dispatcher with every `#[listen]` function of the program, and its `#[event]`
    /// functions as handlers.
    pub(crate) fn new(
        ctx: WeakContext,
        config: DispatchConfig,
        handlers: HandlerSet,
        cache: Arc<Cache>,
        members: Arc<MemberRequests>,
    ) -> Arc<Dispatcher> {
        let handlers = EventHandlers::new(ctx.clone(), handlers);
        let on_ready = handlers.clone();
        let dispatcher = Arc::new(Dispatcher {
            ctx,
            cache,
            members,
            ready: ReadyTracker::new(
                config.guild_ready_timeout,
                Box::new(move || on_ready.ready()),
            ),
            handlers,
            config,
            index: RwLock::new(Index::new()),
            next_id: AtomicU64::new(1),
            stats: Arc::default(),
            runtime: OnceLock::new(),
            unstarted: Mutex::new(Vec::new()),
            closed: AtomicBool::new(false),
        });
        let weak = Arc::downgrade(&dispatcher);
        dispatcher.ready.on_shard_ready(Box::new(move |shard| {
            if let Some(dispatcher) = weak.upgrade() {
                dispatcher.shard_event(shard, Event::ShardReady(ShardReady::new(shard)));
            }
        }));
        for def in ListenerDef::all() {
            dispatcher.add_listener(NewListener::from_def(def));
        }
        dispatcher
    }

    /// Offers an event a shard reports about its connection to the consumers of its kind.
    fn shard_event(&self, shard: u64, event: Event) {
        if self.closed.load(Ordering::Relaxed) {
            return;
        }
        let Some(kind) = event.kind() else { return };
        let mut targets = Vec::new();
        self.index
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .targets_of_kind(kind, &mut targets);
        if targets.is_empty() {
            return;
        }
        let delivery = Delivery {
            event: Arc::new(event),
            shard,
            seq: None,
            bytes: 0,
        };
        self.offer(&delivery, &mut targets);
    }

    /// Gives VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE to the bot's voice manager, if any.
    fn forward_voice(&self, event: &Event) {
        if !matches!(
            event,
            Event::VoiceStateUpdate(_) | Event::VoiceServerUpdate(_)
        ) {
            return;
        }
        let Some(ctx) = self.ctx.upgrade(None) else {
            return;
        };
        let Some(voice) = &ctx.services().gateway.voice else {
            return;
        };
        match event {
            Event::VoiceStateUpdate(state) => voice.state_update(state),
            Event::VoiceServerUpdate(update) => voice.server_update(update),
            _ => {}
        }
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
        let removed = self
            .index
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        drop(removed);
        self.unstarted
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// A queue named `name` within `budget`, reporting its lag to `on_error`.
    fn queue(&self, name: Arc<str>, budget: Budget) -> Arc<Queue> {
        let stats = self.stats.clone();
        let handlers = self.handlers.clone();
        let report: LagReport = Arc::new(move |lag, last_event| {
            stats.lag_reports.fetch_add(1, Ordering::Relaxed);
            handlers.error(EventError {
                listener: lag.consumer.clone(),
                event: last_event.to_owned(),
                failure: EventFailure::Lagged(lag),
            });
        });
        let stats = self.stats.clone();
        let count_drop: DropCounter = Arc::new(move || {
            stats.lagged.fetch_add(1, Ordering::Relaxed);
        });
        Queue::new(name, budget, self.config.lag_report, report, count_drop)
    }

    fn insert(&self, slot: Arc<Slot>) {
        if self.closed.load(Ordering::SeqCst) {
            return;
        }
        self.index
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(slot);
    }

    /// Removes consumers; whether any was there.
    pub(crate) fn remove_slots(&self, ids: &[u64]) -> bool {
        let removed: Vec<Arc<Slot>> = {
            let mut index = self.index.write().unwrap_or_else(|p| p.into_inner());
            ids.iter().filter_map(|id| index.remove(*id)).collect()
        };
        // Dropped (ending their queues) outside the lock.
        !removed.is_empty()
    }

    /// Adds a listener; its task starts now, or with [`start`](Self::start).
    pub(crate) fn add_listener(&self, listener: NewListener) -> ListenerId {
        let id = self.next_id();
        let name: Arc<str> = listener
            .name
            .unwrap_or_else(|| format!("listener #{id}"))
            .into();
        let queue = self.queue(name.clone(), listener.budget.unwrap_or(self.config.budget));
        let limit = listener.once.then_some(1);
        self.insert(Arc::new(Slot::new(
            id,
            listener.kinds,
            Phase::Listener,
            None,
            limit,
            queue.clone(),
        )));
        let runner = Runner {
            name,
            callback: listener.callback,
            concurrent: listener.concurrent,
            ctx: self.ctx.clone(),
            stats: self.stats.clone(),
            handlers: self.handlers.clone(),
        };
        let receiver = Receiver(queue);
        match self.runtime.get() {
            Some(runtime) => drop(runtime.spawn(runner.run(receiver))),
            None => self
                .unstarted
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push((runner, receiver)),
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
        budget: Option<Budget>,
    ) -> (Receiver, SlotGuard) {
        let id = self.next_id();
        let name: Arc<str> = format!("{name} #{id}").into();
        let queue = self.queue(name, budget.unwrap_or(self.config.budget));
        self.insert(Arc::new(Slot::new(
            id,
            kinds,
            phase,
            filter,
            limit,
            queue.clone(),
        )));
        let guard = SlotGuard {
            dispatcher: Arc::downgrade(self),
            id,
        };
        (Receiver(queue), guard)
    }

    /// The counters.
    pub(crate) fn stats(&self) -> DispatchStats {
        let mut stats = self.stats.snapshot();
        stats.member_chunks_ignored = self.members.ignored();
        stats
    }

    pub(crate) fn is_ready(&self) -> bool {
        self.ready.is_ready()
    }

    pub(crate) fn ready_watch(&self) -> watch::Receiver<bool> {
        self.ready.subscribe()
    }

    /// Offers `delivery` to `targets` (emptied), removing the consumers it finished.
    fn offer(&self, delivery: &Delivery, targets: &mut Vec<Arc<Slot>>) {
        let mut finished = Vec::new();
        for slot in targets.drain(..) {
            match slot.offer(delivery) {
                Offer::Skipped | Offer::Taken(false) => {}
                Offer::Taken(true) | Offer::Gone => finished.push(slot.id),
            }
        }
        if !finished.is_empty() {
            self.remove_slots(&finished);
        }
    }

    /// How many consumers take events now (listeners, waiters, streams).
    pub(crate) fn consumers(&self) -> usize {
        self.index.read().unwrap_or_else(|p| p.into_inner()).len()
    }
}

impl EventSink for Dispatcher {
    fn deliver(&self, delivery: Delivery) {
        if self.closed.load(Ordering::Relaxed) {
            return;
        }
        self.stats.events.fetch_add(1, Ordering::Relaxed);
        // The cache first: every consumer, and the command router, reads it up to date. It
        // builds the events it derives only for the kinds some consumer asked for.
        let derived = self.cache.update_for(&delivery.event, &|kind| {
            self.index
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .has_kind(kind)
        });
        self.members.observe(&delivery.event);
        self.forward_voice(&delivery.event);
        if let Event::GuildCreate(guild) = &*delivery.event {
            self.chunk_if_needed(delivery.shard, guild);
        }
        if let Event::InteractionCreate(interaction) = &*delivery.event
            && let Some(ctx) = self.ctx.upgrade(Some(delivery.shard))
        {
            tokio::spawn(crate::invoke::route(ctx, interaction.0.clone()));
        }
        let mut targets = Vec::new();
        self.index
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .targets(delivery.event.kind(), &mut targets);
        self.offer(&delivery, &mut targets);
        // Then what the cache derived, after its dispatch (as Pycord's `on_raw_*` comes
        // first), to the consumers of its kind only.
        for event in derived {
            let Some(kind) = event.kind() else { continue };
            let derived = Delivery {
                event: Arc::new(event),
                shard: delivery.shard,
                seq: delivery.seq,
                bytes: delivery.bytes,
            };
            self.index
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .targets_of_kind(kind, &mut targets);
            self.offer(&derived, &mut targets);
        }
        // After the consumers got it: whoever waits for readiness comes after the last guild.
        self.ready.observe(delivery.shard, &delivery.event);
    }

    fn connected(&self, connected: Connected) {
        self.handlers.connected(connected);
        self.shard_event(connected.shard, connected.into());
    }

    fn disconnected(&self, disconnected: Disconnected) {
        self.handlers.disconnected(disconnected);
        self.shard_event(disconnected.shard, disconnected.into());
    }
}

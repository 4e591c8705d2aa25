//! The gateway: sessions, dispatch to them, and the controls tests use to inject faults.

mod client_commands;
mod connection;
mod control;
mod crowd;
mod firehose;
mod guild_create;
pub(crate) mod intents;
mod members;
pub(crate) mod sharding;
mod writer;
mod zlib;

pub use client_commands::ClientCommand;
pub(crate) use connection::upgrade;
pub use control::{GatewayControl, HeartbeatRecord};
pub use firehose::Burst;
pub use sharding::IdentifyRecord;

use crate::Shared;
use firehose::{BlankRule, BurstData, Delivery, dispatch_text, event_json};
use intents::{MESSAGE_CONTENT, Needs};
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;
use tokio::sync::{mpsc, watch};

/// How many session starts `GET /gateway/bot` says may start per day.
pub(crate) const SESSION_START_TOTAL: u64 = 1000;
/// How many dispatches a session keeps for RESUME.
const REPLAY_BUFFER: usize = 1000;
/// How many heartbeats a session remembers for [`GatewayControl::heartbeats`].
const HEARTBEAT_RECORDS: usize = 1000;

/// What the sandbox sends down one connection, in order.
#[derive(Debug)]
pub(crate) enum Outbound {
    /// A payload to send, as JSON text.
    Frame(Arc<str>),
    /// This connection's share of a burst of dispatches (numbered when it was queued).
    Burst(Delivery),
    /// Close with a code and reason.
    Close(u16, &'static str),
    /// Drop the connection without a close frame.
    Drop,
}

impl Outbound {
    /// A payload as a frame.
    pub(crate) fn frame(payload: &Value) -> Self {
        Outbound::Frame(payload.to_string().into())
    }
}

/// One gateway session (resumable after its connection ends).
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) shard: (u64, u64),
    /// The intents of its IDENTIFY (a RESUME keeps them): which dispatches it gets, and whether
    /// it sees message content.
    pub(crate) intents: u64,
    /// Its IDENTIFY's `large_threshold` (50–250), for GUILD_CREATE.
    pub(crate) large_threshold: u64,
    pub(crate) seq: u64,
    /// The last dispatches, as sent, for RESUME.
    pub(crate) buffer: VecDeque<(u64, Arc<str>)>,
    pub(crate) tx: Option<mpsc::UnboundedSender<Outbound>>,
    /// The last heartbeats received on the session's connections.
    pub(crate) heartbeats: VecDeque<HeartbeatRecord>,
}

impl Session {
    pub(crate) fn new(
        shard: (u64, u64),
        intents: u64,
        large_threshold: u64,
        tx: mpsc::UnboundedSender<Outbound>,
    ) -> Self {
        Session {
            shard,
            intents,
            large_threshold,
            seq: 0,
            buffer: VecDeque::new(),
            tx: Some(tx),
            heartbeats: VecDeque::new(),
        }
    }

    fn covers(&self, guild: Option<u64>) -> bool {
        match guild {
            None => self.shard.0 == 0,
            Some(id) => (id >> 22) % self.shard.1.max(1) == self.shard.0,
        }
    }

    /// Whether a dispatch of `guild` (`None`: a DM or no guild) that `needs` these intents goes
    /// to this session: its shard holds the guild and its intents meet the need.
    fn receives(&self, guild: Option<u64>, needs: Needs) -> bool {
        self.covers(guild) && needs.met_by(self.intents)
    }

    /// What decides this session's view of a guild's members in GUILD_CREATE.
    pub(crate) fn view<'a>(
        &self,
        presences: &'a HashMap<u64, crowd::PresenceRecord>,
        bot: &'a str,
    ) -> guild_create::View<'a> {
        guild_create::View {
            intents: self.intents,
            large_threshold: self.large_threshold,
            bot,
            presences,
        }
    }

    /// Whether the session sees message content (it identified with MESSAGE_CONTENT).
    fn sees_content(&self) -> bool {
        self.intents & MESSAGE_CONTENT != 0
    }

    /// Numbers, buffers and sends one dispatch.
    pub(crate) fn dispatch(&mut self, event: &str, data: &Value) {
        self.dispatch_json(&event_json(event), &data.to_string());
    }

    /// [`Session::dispatch`] with the event name and data already JSON.
    fn dispatch_json(&mut self, event: &str, data: &str) {
        self.seq += 1;
        let text: Arc<str> = dispatch_text(self.seq, event, data).into();
        self.remember(self.seq, text.clone());
        if let Some(tx) = &self.tx {
            let _ = tx.send(Outbound::Frame(text));
        }
    }

    fn remember(&mut self, seq: u64, text: Arc<str>) {
        self.buffer.push_back((seq, text));
        while self.buffer.len() > REPLAY_BUFFER {
            self.buffer.pop_front();
        }
    }

    /// Numbers a burst, buffers its last dispatches and queues it; `true` when it was queued to a
    /// live connection.
    fn firehose(&mut self, burst: &Arc<BurstData>) -> bool {
        let first = self.seq + 1;
        let count = burst.len();
        self.seq += count as u64;
        for index in count.saturating_sub(REPLAY_BUFFER)..count {
            let seq = first + index as u64;
            self.remember(seq, burst.frame(index, seq).into());
        }
        let Some(tx) = &self.tx else {
            return false;
        };
        // A failed send drops the delivery, which counts the connection as cut short.
        let _ = tx.send(Outbound::Burst(Delivery::new(burst.clone(), first)));
        true
    }

    pub(crate) fn record_heartbeat(&mut self, record: HeartbeatRecord) {
        self.heartbeats.push_back(record);
        while self.heartbeats.len() > HEARTBEAT_RECORDS {
            self.heartbeats.pop_front();
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Inner {
    pub(crate) sessions: HashMap<String, Session>,
    /// The IDENTIFYs accepted, the identify windows and the day's session starts.
    pub(crate) starts: sharding::Starts,
    /// How many RESUMEs were accepted.
    pub(crate) resumes: usize,
    /// Users' presences (absent: offline).
    pub(crate) presences: HashMap<u64, crowd::PresenceRecord>,
    /// When each guild's whole member list was last requested (the full-list rate limit).
    pub(crate) full_lists: HashMap<u64, Instant>,
    /// The `d` of the last Request Guild Members received.
    pub(crate) member_requests: VecDeque<Value>,
    /// The presence, voice state and soundboard requests received (ops 3, 4, 31).
    pub(crate) commands: Vec<client_commands::ClientCommand>,
}

/// Every session of the sandbox.
#[derive(Debug)]
pub(crate) struct GatewayState {
    inner: Mutex<Inner>,
    connected: watch::Sender<usize>,
    /// The shard count, `max_concurrency`, guilds per shard and session starts.
    pub(crate) sharding: sharding::Sharding,
    /// Whether WebSocket upgrades are refused with 503 (a test's outage).
    pub(crate) refuse_connections: std::sync::atomic::AtomicBool,
    /// Whether IDENTIFY is read and never answered (a test's fault).
    pub(crate) ignore_identify: std::sync::atomic::AtomicBool,
    /// The bot user's id as JSON has it (for the intents' exceptions about the bot itself).
    bot_id: String,
    /// Whether heartbeats are acknowledged (tests turn it off to make a connection a zombie).
    pub(crate) ack_heartbeats: std::sync::atomic::AtomicBool,
    /// How many member requests still to answer lose their last chunk (a test's fault).
    pub(crate) withhold_last_chunk: AtomicUsize,
}

impl GatewayState {
    pub(crate) fn new(sharding: sharding::Sharding, bot_id: u64) -> Self {
        GatewayState {
            inner: Mutex::new(Inner::default()),
            connected: watch::channel(0).0,
            sharding,
            refuse_connections: std::sync::atomic::AtomicBool::new(false),
            ignore_identify: std::sync::atomic::AtomicBool::new(false),
            bot_id: bot_id.to_string(),
            ack_heartbeats: std::sync::atomic::AtomicBool::new(true),
            withhold_last_chunk: AtomicUsize::new(0),
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The bot user's id as JSON has it.
    pub(crate) fn bot_id(&self) -> &str {
        &self.bot_id
    }

    /// Session starts left in the window of `reset`, and how long until it resets.
    pub(crate) fn session_starts_left(
        &self,
        reset: std::time::Duration,
    ) -> (u64, std::time::Duration) {
        let mut inner = self.lock();
        let remaining = inner.starts.remaining(&self.sharding, reset);
        (remaining, inner.starts.reset_after(reset))
    }

    /// The session starts allowed per window.
    pub(crate) fn session_start_total(&self) -> u64 {
        self.sharding.session_starts
    }

    /// Sends a dispatch to every session whose shard holds `guild` (`None`: shard 0, a DM or an
    /// event of no guild) and whose intents ask for `event` (see [`intents::Needs`]). A message
    /// event reaches sessions without MESSAGE_CONTENT blanked, unless an exception keeps its
    /// content; the blanked text is built once, for the first such session.
    pub(crate) fn dispatch_to_guild(
        &self,
        shared: &Shared,
        guild: Option<u64>,
        event: &str,
        mut data: Value,
    ) {
        let needs = Needs::of_dispatch(event, guild.is_some(), &data, &self.bot_id);
        let guards_content = intents::carries_message(event)
            && !intents::keeps_content(&data, &self.bot_id, guild.is_none());
        let (event_text, data_text) = (event_json(event), data.to_string());
        let mut blanked: Option<String> = None;
        let mut guard = self.lock();
        let inner = &mut *guard;
        for session in inner
            .sessions
            .values_mut()
            .filter(|s| s.receives(guild, needs))
        {
            if event == "GUILD_CREATE" {
                // Each session sees the members its intents and `large_threshold` allow.
                let mut shaped = data.clone();
                guild_create::shape(&mut shaped, &session.view(&inner.presences, &self.bot_id));
                session.dispatch_json(&event_text, &shaped.to_string());
                continue;
            }
            let text = if guards_content && !session.sees_content() {
                blanked
                    .get_or_insert_with(|| {
                        intents::blank_content(&mut data);
                        data.to_string()
                    })
                    .as_str()
            } else {
                data_text.as_str()
            };
            session.dispatch_json(&event_text, text);
        }
        if shared.log_traffic {
            tracing::info!(target: "bot_sandbox::gateway", "dispatch {event} to guild {guild:?}");
        }
    }

    /// Whether a burst of `event` for `guild` would reach a session that must see its messages
    /// blanked (so [`BurstData::new`] builds the blanked copy too).
    fn burst_blanks_content(&self, guild: Option<u64>, event: &str) -> bool {
        if !intents::carries_message(event) {
            return false;
        }
        let needs = Needs::of_event(event, guild.is_some());
        self.lock()
            .sessions
            .values()
            .any(|s| s.receives(guild, needs) && !s.sees_content())
    }

    /// The rule blanking a burst's messages for `guild`.
    fn blank_rule(&self, guild: Option<u64>) -> BlankRule<'_> {
        BlankRule {
            bot: &self.bot_id,
            in_dm: guild.is_none(),
        }
    }

    /// Serializes a burst (and, if a session will need it, its blanked copy), then queues it.
    fn firehose(
        &self,
        shared: &Shared,
        guild: Option<u64>,
        event: &str,
        payloads: impl IntoIterator<Item = Value>,
    ) -> Burst {
        let blank = self
            .burst_blanks_content(guild, event)
            .then(|| self.blank_rule(guild));
        let (burst, blanked) = BurstData::new(event, payloads, blank);
        self.queue_burst(shared, guild, event, burst, blanked)
    }

    /// Numbers and queues a burst on every session whose shard holds `guild` and whose intents
    /// ask for `event`: the intents are checked once per session, and sessions without
    /// MESSAGE_CONTENT get the blanked copy of a message burst.
    fn queue_burst(
        &self,
        shared: &Shared,
        guild: Option<u64>,
        event: &str,
        burst: BurstData,
        blanked: Option<BurstData>,
    ) -> Burst {
        let handle = burst.handle();
        let needs = Needs::of_event(event, guild.is_some());
        let guards_content = intents::carries_message(event);
        let burst = Arc::new(burst);
        let mut blanked = blanked.map(Arc::new);
        let mut inner = self.lock();
        for session in inner
            .sessions
            .values_mut()
            .filter(|s| s.receives(guild, needs))
        {
            if guards_content && !session.sees_content() {
                // Built here only if the session identified after `burst_blanks_content` looked.
                let blanked =
                    blanked.get_or_insert_with(|| Arc::new(burst.blanked(self.blank_rule(guild))));
                session.firehose(blanked);
            } else {
                session.firehose(&burst);
            }
        }
        if shared.log_traffic {
            tracing::info!(
                target: "bot_sandbox::gateway",
                "burst of {} dispatches to guild {guild:?}",
                burst.len()
            );
        }
        handle
    }

    fn update_connected(&self) {
        let count = self
            .lock()
            .sessions
            .values()
            .filter(|s| s.tx.is_some())
            .count();
        self.connected.send_replace(count);
    }

    fn send_all(&self, make: impl Fn() -> Outbound) {
        for session in self.lock().sessions.values() {
            if let Some(tx) = &session.tx {
                let _ = tx.send(make());
            }
        }
    }
}

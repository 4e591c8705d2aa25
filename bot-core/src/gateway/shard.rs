//! One gateway shard: its configuration, and the loop that connects, reconnects with back-off and
//! decides between resuming and identifying anew. One connection is in `connection.rs`.

use super::backoff::Backoff;
use super::close_code::CloseCode;
use super::limiter::SendLimit;
use super::payload::{ConnectionProperties, GatewayPayload, Identify, Resume};
use super::queue::{BeforeIdentify, Enqueued, IdentifyQueue, LocalQueue};
use super::session::{ResumeFailure, ResumePolicy, Session};
use super::sink::EventSink;
use super::status::{ShardStatus, Wanted};
use super::{Event, GatewayError};
use crate::event::{Connected, Disconnected};
use crate::model::Token;
use crate::model::{Intents, UpdatePresence};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, watch};

/// What a shard needs to run.
#[derive(Clone, Debug)]
pub struct ShardConfig {
    /// The shard index.
    pub id: u64,
    /// How many shards in all.
    pub count: u64,
    /// The gateway URL from `GET /gateway/bot`.
    pub url: String,
    /// The bot token.
    pub token: Token,
    /// The intents bit set.
    pub intents: u64,
    /// The presence sent with IDENTIFY, if any.
    pub presence: Option<UpdatePresence>,
    /// How long to wait for a heartbeat's ACK before treating the connection as dead (default:
    /// one heartbeat interval).
    pub heartbeat_timeout: Option<Duration>,
    /// How long the TCP, TLS and WebSocket handshakes may take together (default:
    /// [`ShardConfig::DEFAULT_CONNECT_TIMEOUT`]).
    pub connect_timeout: Duration,
    /// How long to wait for HELLO once connected (default:
    /// [`ShardConfig::DEFAULT_HELLO_TIMEOUT`]); Discord sends it at once.
    pub hello_timeout: Duration,
    /// The TLS configuration of `wss://` URLs (default: the back end's roots only).
    pub tls: Option<crate::tls::Tls>,
    /// When the shard may IDENTIFY (default: a [`LocalQueue`] of its own; shards of one bot
    /// share one).
    pub queue: Arc<dyn IdentifyQueue>,
    /// Called before each IDENTIFY, before the queue (default: none).
    pub before_identify: Option<BeforeIdentify>,
    /// How long to wait for READY after IDENTIFY, or for RESUMED after RESUME, before leaving
    /// the connection for a new one (default [`ShardConfig::DEFAULT_READY_TIMEOUT`]); each
    /// dispatch received meanwhile (a RESUME's replay) restarts it.
    pub ready_timeout: Duration,
    /// How long a session is kept across failed resumes (default [`ResumePolicy::default`]).
    pub resume: ResumePolicy,
    /// How many payloads a connection may send per window (default
    /// [`SendLimit::DISCORD`], 120 per 60 s, heartbeats included).
    pub send_limit: SendLimit,
}

impl ShardConfig {
    /// The default [`connect_timeout`](Self::connect_timeout): 10 s.
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
    /// The default [`hello_timeout`](Self::hello_timeout): 10 s.
    pub const DEFAULT_HELLO_TIMEOUT: Duration = Duration::from_secs(10);
    /// The default [`ready_timeout`](Self::ready_timeout): 15 s (as discord.js's
    /// `readyTimeout`; Discord answers IDENTIFY and RESUME within a second or two).
    pub const DEFAULT_READY_TIMEOUT: Duration = Duration::from_secs(15);

    /// Shard `id` of `count` on `url`, without presence and with the default timeouts.
    pub fn new(id: u64, count: u64, url: impl Into<String>, token: Token, intents: u64) -> Self {
        ShardConfig {
            id,
            count,
            url: url.into(),
            token,
            intents,
            presence: None,
            heartbeat_timeout: None,
            connect_timeout: Self::DEFAULT_CONNECT_TIMEOUT,
            hello_timeout: Self::DEFAULT_HELLO_TIMEOUT,
            tls: None,
            queue: Arc::new(LocalQueue::default()),
            before_identify: None,
            ready_timeout: Self::DEFAULT_READY_TIMEOUT,
            resume: ResumePolicy::default(),
            send_limit: SendLimit::DISCORD,
        }
    }
}

/// How one connection ended.
#[derive(Debug)]
pub(super) enum Ending {
    /// `close()` was called.
    Shutdown,
    /// Reconnecting cannot help.
    Fatal(GatewayError),
    /// Reconnect after at least `wait` (and the back-off); `resume: false` drops the session.
    Reconnect { resume: bool, wait: Duration },
    /// The user disconnected the shard (closed with 1000: the session is gone); it waits to be
    /// connected again.
    Parked,
}

impl Ending {
    /// Reconnect and resume, as soon as the back-off allows.
    pub(super) const RESUME: Ending = Ending::Reconnect {
        resume: true,
        wait: Duration::ZERO,
    };
}

/// Resolves once `close()` was called (or the bot is gone), at once if it already was.
pub(super) async fn closed(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|closed| *closed).await;
}

/// Runs a shard until `shutdown` turns true or a fatal close code ends it.
pub(crate) struct Shard {
    pub(super) config: ShardConfig,
    pub(super) session: Option<Session>,
    sink: Arc<dyn EventSink>,
    /// What the shard shares with its handles: latency, open, presence, send limiter.
    pub(super) status: Arc<ShardStatus>,
    /// What the user wants of the shard (connect, disconnect, reconnect).
    pub(super) wanted: tokio::sync::watch::Receiver<Wanted>,
    /// The reconnects asked for that the shard has acted on.
    pub(super) reconnects_seen: u64,
    pub(super) backoff: Backoff,
    /// Whether this connection completed the WebSocket handshake.
    pub(super) opened: bool,
    /// The close code the gateway ended this connection with, if it sent one.
    close_code: Option<u16>,
    /// The bot's commands for this shard (`commands.rs`), sent while the session is live.
    pub(super) commands: Option<mpsc::Receiver<GatewayPayload>>,
    /// Whether this connection's session is live (READY or RESUMED received).
    pub(super) live: bool,
    /// Whether this connection sent RESUME.
    pub(super) resume_sent: bool,
    /// Whether the shard has sent an IDENTIFY before (the hook's `initial` is the opposite).
    pub(super) identified: bool,
}

impl Shard {
    pub(crate) fn new(
        config: ShardConfig,
        sink: Arc<dyn EventSink>,
        status: Arc<ShardStatus>,
    ) -> Self {
        let wanted = status.wanted();
        Shard {
            config,
            session: None,
            sink,
            status,
            wanted,
            reconnects_seen: 0,
            backoff: Backoff::default(),
            opened: false,
            close_code: None,
            commands: None,
            live: false,
            resume_sent: false,
            identified: false,
        }
    }

    /// The queue of commands the bot sends through this shard.
    pub(crate) fn with_commands(mut self, commands: mpsc::Receiver<GatewayPayload>) -> Self {
        self.commands = Some(commands);
        self
    }

    /// Connects and reconnects until shutdown or a fatal close; then the shard's handles see it
    /// stopped.
    pub(crate) async fn run(self, shutdown: watch::Receiver<bool>) -> Result<(), GatewayError> {
        let status = self.status.clone();
        let ended = self.run_until_stopped(shutdown).await;
        status.stop();
        ended
    }

    /// Waits while the user keeps the shard disconnected; `false` on shutdown.
    async fn until_wanted(&mut self, shutdown: &mut watch::Receiver<bool>) -> bool {
        loop {
            let wanted = *self.wanted.borrow_and_update();
            if wanted.connected {
                self.reconnects_seen = wanted.reconnects;
                return true;
            }
            tokio::select! {
                _ = closed(shutdown) => return false,
                changed = self.wanted.changed() => if changed.is_err() { return false },
            }
        }
    }

    async fn run_until_stopped(
        mut self,
        mut shutdown: watch::Receiver<bool>,
    ) -> Result<(), GatewayError> {
        loop {
            if *shutdown.borrow() {
                return Ok(());
            }
            if !self.until_wanted(&mut shutdown).await {
                return Ok(());
            }
            let resuming = self.session.is_some();
            self.opened = false;
            self.live = false;
            self.resume_sent = false;
            self.close_code = None;
            let wait = match self.connect_once(&mut shutdown).await {
                Ending::Shutdown => {
                    self.disconnected(false);
                    return Ok(());
                }
                Ending::Fatal(error) => {
                    self.disconnected(false);
                    return Err(error);
                }
                Ending::Parked => {
                    self.invalidate();
                    self.disconnected(false);
                    continue;
                }
                Ending::Reconnect { resume, wait } => {
                    if !resume {
                        self.invalidate();
                    }
                    wait
                }
            };
            self.judge_resume(resuming);
            self.disconnected(true);
            let delay = self.backoff.next_delay().max(wait);
            if !delay.is_zero() {
                tracing::info!(
                    shard = self.config.id,
                    attempt = self.backoff.attempt(),
                    "reconnecting in {delay:?}"
                );
            }
            // A disconnect or reconnect asked for meanwhile ends the wait (the loop's top
            // acts on it).
            tokio::select! {
                _ = closed(&mut shutdown) => return Ok(()),
                _ = tokio::time::sleep(delay) => {}
                _ = self.wanted.changed() => {}
            }
        }
    }

    /// After a connection ended with the session kept: notes how its resume fared, and drops the
    /// session once its [`ResumePolicy`] says so.
    fn judge_resume(&mut self, resuming: bool) {
        let (live, resume_sent) = (self.live, self.resume_sent);
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if live {
            session.lost();
        } else if resuming {
            session.failed(if resume_sent {
                ResumeFailure::Refused
            } else {
                ResumeFailure::Unreachable
            });
        }
        if session.exhausted(&self.config.resume) {
            tracing::warn!(
                shard = self.config.id,
                "resuming failed for {:?} ({} refused); identifying anew on the main gateway URL",
                session.failing_for(),
                session.refused()
            );
            self.invalidate();
        }
    }

    /// Waits for the shard's turn to IDENTIFY: the hook, then the queue.
    pub(super) fn identify_turn(&self) -> Enqueued {
        let hook = self.config.before_identify.clone();
        let queue = self.config.queue.clone();
        let (shard, initial) = (self.config.id, !self.identified);
        Box::pin(async move {
            if let Some(hook) = hook {
                hook.call(shard, initial).await;
            }
            queue.enqueue(shard).await
        })
    }

    /// Hands `event` (sequence number `seq`, `bytes` of wire text) to the sink.
    pub(super) fn emit(&mut self, event: Event, seq: Option<u64>, bytes: usize) {
        self.sink.deliver(crate::dispatch::Delivery {
            event: std::sync::Arc::new(event),
            shard: self.config.id,
            seq,
            bytes,
        });
    }

    /// Tells the sink the session started (READY) or resumed (RESUMED).
    pub(super) fn connected(&self, resumed: bool) {
        self.sink.connected(Connected {
            shard: self.config.id,
            resumed,
        });
    }

    /// Tells the sink the connection ended, if it had opened; whether the shard reconnects.
    fn disconnected(&self, reconnect: bool) {
        if !self.opened {
            return;
        }
        self.sink.disconnected(Disconnected {
            shard: self.config.id,
            code: self.close_code,
            reconnect,
            resume: reconnect && self.session.is_some(),
        });
    }

    /// READY's `resume_gateway_url`, or the main URL when it is missing or unusable.
    pub(super) fn resume_url(&self, given: Option<&str>) -> String {
        match given {
            Some(url) => match super::url::connect_url(url) {
                Ok(_) => url.to_owned(),
                Err(error) => {
                    tracing::warn!(shard = self.config.id, %error, "resuming on the main gateway URL");
                    self.config.url.clone()
                }
            },
            None => self.config.url.clone(),
        }
    }

    /// Drops the session (the next connection identifies on the main URL).
    pub(super) fn invalidate(&mut self) {
        if self.session.take().is_some() {
            self.emit(
                Event::SessionInvalidated {
                    shard: self.config.id,
                },
                None,
                0,
            );
        }
    }

    /// What to do after the gateway closed with `code`.
    pub(super) fn closed(&mut self, code: u16) -> Ending {
        // 1005: the close frame had no code.
        self.close_code = (code != 1005).then_some(code);
        let typed = CloseCode::from(code);
        if typed == CloseCode::DisallowedIntents {
            let asked = Intents::from_bits_retain(self.config.intents);
            return Ending::Fatal(GatewayError::DisallowedIntents {
                intents: asked & Intents::PRIVILEGED,
            });
        }
        if typed.is_fatal() {
            return Ending::Fatal(GatewayError::Fatal {
                code,
                reason: typed.description(),
            });
        }
        tracing::info!(shard = self.config.id, "the gateway closed with {typed}");
        if typed.ends_session() {
            self.invalidate();
            return Ending::Reconnect {
                resume: false,
                wait: Duration::ZERO,
            };
        }
        Ending::RESUME
    }

    /// RESUME of the session, if there is one.
    pub(super) fn resume_payload(&self) -> Option<GatewayPayload> {
        self.session.as_ref().map(|session| {
            GatewayPayload::Resume(Resume {
                token: self.config.token.clone(),
                session_id: session.id.clone(),
                seq: session.seq,
            })
        })
    }

    /// IDENTIFY of this shard.
    pub(super) fn identify_payload(&self) -> GatewayPayload {
        GatewayPayload::Identify(Box::new(Identify {
            token: self.config.token.clone(),
            properties: ConnectionProperties::of_this_sdk(),
            compress: None,
            large_threshold: Some(250),
            shard: Some([self.config.id, self.config.count]),
            presence: self.status.presence(),
            intents: Intents::from_bits_retain(self.config.intents),
        }))
    }
}

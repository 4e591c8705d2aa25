//! One connection of a shard: open it within a timeout, wait for HELLO within a timeout, identify
//! or resume, heartbeat, read frames, and say how it ended. Bad input from the network ends the
//! connection (to be resumed), never the shard.

use super::frame::Frame;
use super::heartbeat::{Heartbeat, deadline_in};
use super::inflate::{MAX_MESSAGE, ZlibStream};
use super::payload::{GatewayPayload, OpCode};
use super::queue::{Enqueued, IdentifyQueueError};
use super::session::Session;
use super::shard::{Ending, Shard, closed};
use super::{Event, GatewayError, Hello};
use bot_tls::ws::{CloseCode as WsCloseCode, Config, Limits, Message};
use bot_tls::{Socket, Tls};
use futures_util::{SinkExt, StreamExt};
use std::time::Duration;
use tokio::sync::{mpsc, watch};

/// Discord's limit on a payload a client sends (GW L49-52); a larger one is closed with 4002.
const MAX_SENT_PAYLOAD: usize = 4096;
/// Frames read per unit of tokio's cooperative budget (128 units a poll): a shard reading a
/// firehose yields every thousand frames or so, a bound on how long its consumers wait.
const FRAMES_PER_BUDGET_UNIT: u32 = 8;
/// How long a close handshake may take before the socket is simply dropped.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(1);

/// READY's session fields, read on their own when READY does not decode as a whole.
#[derive(Debug, Default, serde::Deserialize)]
struct SessionFields {
    #[serde(default)]
    session_id: String,
    #[serde(default)]
    resume_gateway_url: Option<String>,
}

/// Sends a close frame and waits for the gateway's, at most [`CLOSE_TIMEOUT`] in all.
async fn close(socket: &mut Socket, code: WsCloseCode, reason: &'static str) {
    let handshake = async {
        if socket
            .send(Message::close(Some(code), reason))
            .await
            .is_ok()
        {
            let _ = socket.close().await;
        }
    };
    let _ = tokio::time::timeout(CLOSE_TIMEOUT, handshake).await;
}

/// Closes keeping the session resumable (any code but 1000 and 1001).
async fn close_to_resume(socket: &mut Socket, reason: &'static str) {
    // 4000 is in the range a WebSocket library may send (3000-4999).
    let code = WsCloseCode::try_from(4000).unwrap_or(WsCloseCode::GOING_AWAY);
    close(socket, code, reason).await;
}

/// `payload` as a frame's text. One that does not serialize (none of the SDK's does) ends the
/// shard: sending it again cannot help.
fn encode(payload: &GatewayPayload) -> Result<String, Ending> {
    payload
        .to_json()
        .map(|frame| frame.to_string())
        .map_err(|error| {
            Ending::Fatal(GatewayError::Connect(format!(
                "a {:?} payload does not serialize: {error}",
                payload.op()
            )))
        })
}

/// Sends a frame's text; `Err` ends the connection (to be resumed).
async fn send_text(socket: &mut Socket, text: String) -> Result<(), Ending> {
    socket
        .send(Message::text(text))
        .await
        .map_err(|_| Ending::RESUME)
}

/// The next command of the queue (pending forever without one).
async fn next_command(
    commands: &mut Option<mpsc::Receiver<GatewayPayload>>,
) -> Option<GatewayPayload> {
    match commands {
        Some(commands) => commands.recv().await,
        None => std::future::pending().await,
    }
}

/// Where a connection stands between HELLO and READY (or RESUMED).
#[derive(Default)]
struct Handshake {
    /// The shard's turn to IDENTIFY, while it waits for it.
    turn: Option<Enqueued>,
    /// When the connection is left if READY or RESUMED has not arrived.
    deadline: Option<tokio::time::Instant>,
}

/// The shard's turn to IDENTIFY (pending forever while it does not wait for one).
async fn next_turn(turn: &mut Option<Enqueued>) -> Result<(), IdentifyQueueError> {
    match turn {
        Some(turn) => turn.await,
        None => std::future::pending().await,
    }
}

/// Sends `payload`; `Err` ends the connection.
async fn send(socket: &mut Socket, payload: &GatewayPayload) -> Result<(), Ending> {
    send_text(socket, encode(payload)?).await
}

impl Shard {
    /// One connection, from the handshake to its end.
    pub(super) async fn connect_once(&mut self, shutdown: &mut watch::Receiver<bool>) -> Ending {
        let base = match &self.session {
            Some(session) => session.url(&self.config.url).to_owned(),
            None => self.config.url.clone(),
        };
        let url = match super::url::connect_url(&base) {
            Ok(url) => url,
            Err(error) => return Ending::Fatal(error),
        };
        let tls = match self.tls() {
            Ok(tls) => tls,
            Err(error) => return Ending::Fatal(error),
        };
        let limits = Limits::default().max_payload_len(Some(MAX_MESSAGE));
        let connect = tokio::time::timeout(
            self.config.connect_timeout,
            bot_tls::connect_websocket(&tls, url.as_str(), limits, Config::default()),
        );
        let mut socket = tokio::select! {
            _ = closed(shutdown) => return Ending::Shutdown,
            opened = connect => match opened {
                Ok(Ok(socket)) => socket,
                Ok(Err(error @ bot_tls::WebSocketError::NoTlsBackend)) => {
                    return Ending::Fatal(GatewayError::Connect(error.to_string()));
                }
                Ok(Err(error)) => {
                    tracing::warn!(shard = self.config.id, "gateway connection failed: {error}");
                    return Ending::RESUME;
                }
                Err(_) => {
                    tracing::warn!(
                        shard = self.config.id,
                        "gateway connection failed: no handshake within {:?}",
                        self.config.connect_timeout
                    );
                    return Ending::RESUME;
                }
            },
        };
        self.opened = true;
        self.status.set_open(true);
        let ending = self.read(&mut socket, shutdown).await;
        if matches!(ending, Ending::Shutdown | Ending::Parked) {
            close(&mut socket, WsCloseCode::NORMAL_CLOSURE, "closing").await;
        }
        self.status.set_open(false);
        ending
    }

    /// The TLS configuration: the configured one, or the back end's default, built on the first
    /// connection and kept for the next ones.
    fn tls(&mut self) -> Result<Tls, GatewayError> {
        if let Some(tls) = &self.config.tls {
            return Ok(tls.clone());
        }
        let tls = Tls::new(&[]).map_err(|error| GatewayError::Connect(error.to_string()))?;
        self.config.tls = Some(tls.clone());
        Ok(tls)
    }

    /// Reads the connection until it ends, and sends the bot's commands while the session is
    /// live.
    async fn read(&mut self, socket: &mut Socket, shutdown: &mut watch::Receiver<bool>) -> Ending {
        let mut commands = self.commands.take();
        let ending = self.read_with(socket, shutdown, &mut commands).await;
        self.commands = commands;
        ending
    }

    async fn read_with(
        &mut self,
        socket: &mut Socket,
        shutdown: &mut watch::Receiver<bool>,
        commands: &mut Option<mpsc::Receiver<GatewayPayload>>,
    ) -> Ending {
        let mut inflate = ZlibStream::new();
        let hello_deadline = deadline_in(self.config.hello_timeout);
        let mut heartbeat: Option<Heartbeat> = None;
        let mut handshake = Handshake::default();
        let far = deadline_in(Duration::MAX);
        let mut frames: u32 = 0;
        let mut wanted = self.wanted.clone();
        loop {
            let next_beat = heartbeat.as_ref().map_or(far, Heartbeat::next_beat);
            let ack_deadline = heartbeat.as_ref().and_then(Heartbeat::ack_deadline);
            let sending = self.live && commands.is_some();
            // The bot's commands wait for a free slot of the send limit.
            let now = tokio::time::Instant::now();
            let command_at = if sending {
                self.status.limiter(|limiter| limiter.command_ready_at(now))
            } else {
                far
            };
            let may_send = sending && command_at <= now;
            let frame = tokio::select! {
                frame = socket.next() => frame,
                _ = closed(shutdown) => return Ending::Shutdown,
                changed = wanted.changed() => {
                    if changed.is_err() {
                        return Ending::Shutdown;
                    }
                    let asked = *wanted.borrow_and_update();
                    if !asked.connected {
                        tracing::info!(shard = self.config.id, "disconnected on request");
                        return Ending::Parked;
                    }
                    if asked.reconnects != self.reconnects_seen {
                        self.reconnects_seen = asked.reconnects;
                        tracing::info!(shard = self.config.id, "reconnecting on request");
                        close_to_resume(socket, "reconnect").await;
                        return Ending::RESUME;
                    }
                    continue;
                }
                Some(command) = next_command(commands), if may_send => {
                    if let Err(ending) = self.send_command(socket, &command).await {
                        return ending;
                    }
                    continue;
                }
                _ = tokio::time::sleep_until(command_at), if sending && !may_send => continue,
                _ = tokio::time::sleep_until(hello_deadline), if heartbeat.is_none() => {
                    tracing::warn!(
                        shard = self.config.id,
                        "no HELLO within {:?}; reconnecting",
                        self.config.hello_timeout
                    );
                    close_to_resume(socket, "no hello").await;
                    return Ending::RESUME;
                }
                granted = next_turn(&mut handshake.turn), if handshake.turn.is_some() => {
                    handshake.turn = None;
                    if let Err(error) = granted {
                        return Ending::Fatal(GatewayError::IdentifyQueue(error));
                    }
                    if let Err(ending) = self.send_identify(socket).await {
                        return ending;
                    }
                    handshake.deadline = Some(deadline_in(self.config.ready_timeout));
                    continue;
                }
                _ = tokio::time::sleep_until(handshake.deadline.unwrap_or(far)),
                    if handshake.deadline.is_some() && !self.live => {
                    tracing::warn!(
                        shard = self.config.id,
                        "no {} within {:?}; reconnecting",
                        if self.resume_sent { "RESUMED" } else { "READY" },
                        self.config.ready_timeout
                    );
                    close_to_resume(socket, "no ready").await;
                    return Ending::RESUME;
                }
                _ = tokio::time::sleep_until(ack_deadline.unwrap_or(far)), if ack_deadline.is_some() => {
                    return self.zombied(socket).await;
                }
                _ = tokio::time::sleep_until(next_beat), if heartbeat.is_some() => {
                    // A missing ACK is judged by its deadline (one interval by default, as
                    // Discord advises): a longer `heartbeat_timeout` tolerates ACKs queued
                    // behind a burst of events.
                    let Some(beat) = heartbeat.as_mut() else { continue };
                    self.count_sent();
                    if let Err(ending) = send(socket, &self.heartbeat()).await {
                        return ending;
                    }
                    beat.sent();
                    continue;
                }
            };
            let inflated;
            let message;
            let bytes: &[u8] = match frame {
                Some(Ok(binary)) if binary.is_binary() => match inflate.push(binary.as_payload()) {
                    None => continue,
                    Some(Ok(whole)) => {
                        inflated = whole;
                        &inflated
                    }
                    Some(Err(why)) => {
                        tracing::warn!(
                            shard = self.config.id,
                            "undecodable frame ({why}); reconnecting"
                        );
                        close_to_resume(socket, "undecodable frame").await;
                        return Ending::RESUME;
                    }
                },
                Some(Ok(text)) if text.is_text() => {
                    message = text;
                    message.as_payload()
                }
                Some(Ok(close)) if close.is_close() => {
                    // No code in the frame reads as 1005, as before.
                    let code = close.as_close().map_or(1005, |(code, _)| u16::from(code));
                    return self.closed(code);
                }
                Some(Ok(_)) => continue,
                Some(Err(error)) => {
                    tracing::info!(shard = self.config.id, "gateway connection broke: {error}");
                    return Ending::RESUME;
                }
                None => return Ending::RESUME,
            };
            let Some(frame) = Frame::parse(bytes) else {
                tracing::warn!(
                    shard = self.config.id,
                    "a frame that is not a gateway payload; ignored"
                );
                continue;
            };
            if let Err(ending) = self
                .handle(socket, &frame, &mut heartbeat, &mut handshake)
                .await
            {
                return ending;
            }
            // Every few frames count against tokio's cooperative budget, so a socket that always
            // has data still lets the tasks this shard woke (its consumers) run every thousand
            // frames or so: without it a firehose is read from a buffer for tens of thousands of
            // frames before the shard yields, while the listener it woke waits on its worker.
            frames = frames.wrapping_add(1);
            if frames.is_multiple_of(FRAMES_PER_BUDGET_UNIT) {
                tokio::task::consume_budget().await;
            }
        }
    }

    /// Sends one of the bot's commands; one over Discord's size limit is dropped with a warning
    /// (the gateway would close the connection with 4002).
    async fn send_command(
        &self,
        socket: &mut Socket,
        command: &GatewayPayload,
    ) -> Result<(), Ending> {
        let text = encode(command)?;
        if text.len() > MAX_SENT_PAYLOAD {
            tracing::warn!(
                shard = self.config.id,
                "a {:?} command of {} bytes is over Discord's {MAX_SENT_PAYLOAD}; not sent",
                command.op(),
                text.len()
            );
            return Ok(());
        }
        self.count_sent();
        send_text(socket, text).await
    }

    /// A payload goes out now: it counts against the connection's send limit.
    fn count_sent(&self) {
        let now = tokio::time::Instant::now();
        self.status.limiter(|limiter| limiter.sent(now));
    }

    /// Sends IDENTIFY (its turn came), warning when it is over Discord's size limit.
    async fn send_identify(&mut self, socket: &mut Socket) -> Result<(), Ending> {
        let answer = encode(&self.identify_payload())?;
        if answer.len() > MAX_SENT_PAYLOAD {
            tracing::warn!(
                shard = self.config.id,
                "IDENTIFY is {} bytes, over Discord's {MAX_SENT_PAYLOAD}: the gateway will \
                 close with 4002; shorten the presence",
                answer.len()
            );
        }
        self.identified = true;
        self.count_sent();
        send_text(socket, answer).await
    }

    async fn zombied(&self, socket: &mut Socket) -> Ending {
        // No ACK in time: keep the session (close with neither 1000 nor 1001) and resume.
        tracing::warn!(
            shard = self.config.id,
            "no heartbeat ACK in time; reconnecting"
        );
        close_to_resume(socket, "zombied").await;
        Ending::RESUME
    }

    /// A heartbeat with the last sequence number received.
    fn heartbeat(&self) -> GatewayPayload {
        GatewayPayload::Heartbeat(self.session.as_ref().and_then(|s| s.seq))
    }

    /// Acts on one payload; `Err` ends the connection.
    async fn handle(
        &mut self,
        socket: &mut Socket,
        frame: &Frame<'_>,
        heartbeat: &mut Option<Heartbeat>,
        handshake: &mut Handshake,
    ) -> Result<(), Ending> {
        match frame.op {
            OpCode::Dispatch => {
                self.dispatch(frame);
                if self.live {
                    handshake.deadline = None;
                } else if handshake.deadline.is_some() {
                    // A RESUME's replay is under way: the gateway answers.
                    handshake.deadline = Some(deadline_in(self.config.ready_timeout));
                }
            }
            // The gateway asks for a heartbeat at once.
            OpCode::Heartbeat => {
                self.count_sent();
                send(socket, &self.heartbeat()).await?;
            }
            OpCode::Reconnect => {
                close_to_resume(socket, "reconnect").await;
                return Err(Ending::RESUME);
            }
            OpCode::InvalidSession => {
                let wait = Duration::from_secs(1) + Duration::from_secs(4).mul_f64(rand::random());
                close_to_resume(socket, "invalid session").await;
                let resume = frame.data().trim() == "true" && self.session.is_some();
                return Err(Ending::Reconnect { resume, wait });
            }
            OpCode::Hello if heartbeat.is_none() => {
                let asked = serde_json::from_str::<Hello>(frame.data())
                    .ok()
                    .map(|hello| hello.heartbeat_interval);
                let beat = Heartbeat::new(asked, self.config.heartbeat_timeout);
                if asked.is_some_and(|ms| Duration::from_millis(ms) != beat.interval()) {
                    tracing::warn!(
                        shard = self.config.id,
                        "HELLO asked for a heartbeat every {} ms; using {:?}",
                        asked.unwrap_or_default(),
                        beat.interval()
                    );
                }
                self.status
                    .limiter(|limiter| limiter.keep_for_heartbeats(Some(beat.interval())));
                *heartbeat = Some(beat);
                match self.resume_payload() {
                    Some(resume) => {
                        self.count_sent();
                        send(socket, &resume).await?;
                        self.resume_sent = true;
                        handshake.deadline = Some(deadline_in(self.config.ready_timeout));
                    }
                    None => handshake.turn = Some(self.identify_turn()),
                }
            }
            OpCode::HeartbeatAck => {
                if let Some(rtt) = heartbeat.as_mut().and_then(Heartbeat::acked) {
                    self.status.set_latency(Some(rtt));
                }
            }
            OpCode::Unknown(op) => {
                tracing::debug!(shard = self.config.id, op, "an unknown opcode; ignored");
            }
            // A second HELLO, or an opcode only a client sends.
            OpCode::Hello
            | OpCode::Identify
            | OpCode::PresenceUpdate
            | OpCode::VoiceStateUpdate
            | OpCode::Resume
            | OpCode::RequestGuildMembers
            | OpCode::RequestChannelInfo
            | OpCode::RequestSoundboardSounds => {}
        }
        Ok(())
    }

    /// A dispatch (op 0): tracks the sequence and the session, and emits the event, decoded
    /// straight from the frame's text.
    fn dispatch(&mut self, frame: &Frame<'_>) {
        if let (Some(session), Some(seq)) = (&mut self.session, frame.s) {
            session.seq = Some(seq);
        }
        let name = frame.t.as_deref().unwrap_or("");
        if name == "RESUMED" {
            if let Some(session) = &mut self.session {
                session.resumed();
            }
            self.live = true;
            self.backoff.healthy();
            self.connected(true);
            self.emit(
                Event::Resumed(crate::event::Resumed::new(self.config.id)),
                frame.s,
                frame.data().len(),
            );
            return;
        }
        let event = Event::from_dispatch_json(name, frame.data());
        if name == "READY" {
            // The session, from the typed READY or (if it did not decode) from its two fields.
            let session = match &event {
                Event::Ready(ready) => SessionFields {
                    session_id: ready.session_id.to_string(),
                    resume_gateway_url: Some(ready.resume_gateway_url.to_string()),
                },
                _ => serde_json::from_str(frame.data()).unwrap_or_default(),
            };
            let resume_url = session.resume_gateway_url.filter(|url| !url.is_empty());
            let resume_url = self.resume_url(resume_url.as_deref());
            self.session = Some(Session::new(session.session_id, resume_url, frame.s));
            self.live = true;
            self.backoff.healthy();
            // Before READY is delivered: `on_connect` comes before the `on_ready` it may bring.
            self.connected(false);
        }
        self.emit(event, frame.s, frame.data().len());
    }
}

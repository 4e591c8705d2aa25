//! One gateway shard: connect, identify or resume, heartbeat, read dispatches, reconnect.

use super::inflate::ZlibStream;
use super::{Event, GatewayError};
use crate::http::Token;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

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
    pub presence: Option<Value>,
    /// How long to wait for a heartbeat's ACK before treating the connection as dead (default:
    /// one heartbeat interval).
    pub heartbeat_timeout: Option<Duration>,
}

/// The session a shard can resume.
#[derive(Clone, Debug)]
struct Session {
    id: String,
    resume_url: String,
    seq: Option<u64>,
}

/// How one connection ended.
enum Ending {
    /// `close()` was called.
    Shutdown,
    /// Reconnect; `resume: false` starts a new session.
    Reconnect { resume: bool, wait: Duration },
}

/// Runs a shard until `shutdown` turns true or a fatal close code ends it.
pub(crate) struct Shard {
    config: ShardConfig,
    session: Option<Session>,
    events: mpsc::UnboundedSender<Event>,
    latency: Arc<Mutex<Option<Duration>>>,
}

fn jitter(max: Duration) -> Duration {
    max.mul_f64(rand::random::<f64>())
}

fn backoff(attempt: u32) -> Duration {
    let capped = Duration::from_millis(500u64 << attempt.min(6)).min(Duration::from_secs(30));
    capped / 2 + jitter(capped / 2)
}

/// Close codes after which reconnecting cannot help (OP L30-51).
fn fatal(code: u16) -> Option<&'static str> {
    match code {
        4004 => Some("authentication failed: the token is wrong"),
        4010 => Some("invalid shard"),
        4011 => Some("sharding required: the bot is in too many guilds for one shard"),
        4012 => Some("invalid API version"),
        4013 => Some("invalid intents"),
        4014 => Some("disallowed intents: enable the privileged intents in the developer portal"),
        _ => None,
    }
}

impl Shard {
    pub(crate) fn new(
        config: ShardConfig,
        events: mpsc::UnboundedSender<Event>,
        latency: Arc<Mutex<Option<Duration>>>,
    ) -> Self {
        Shard {
            config,
            session: None,
            events,
            latency,
        }
    }

    /// Connects and reconnects until shutdown or a fatal close.
    pub(crate) async fn run(
        mut self,
        mut shutdown: watch::Receiver<bool>,
    ) -> Result<(), GatewayError> {
        let mut failures = 0;
        loop {
            match self.connect_once(&mut shutdown).await {
                Ok(Ending::Shutdown) => return Ok(()),
                Ok(Ending::Reconnect { resume, wait }) => {
                    failures = 0;
                    if !resume {
                        self.session = None;
                    }
                    tokio::time::sleep(wait).await;
                }
                Err(fatal @ (GatewayError::Fatal { .. } | GatewayError::InvalidUrl { .. })) => {
                    return Err(fatal);
                }
                Err(error) => {
                    failures += 1;
                    let wait = backoff(failures);
                    tracing::warn!(
                        shard = self.config.id,
                        "gateway connection failed ({error}); retrying in {wait:?}"
                    );
                    tokio::time::sleep(wait).await;
                }
            }
            if *shutdown.borrow() {
                return Ok(());
            }
        }
    }

    fn emit(&self, event: Event) {
        let _ = self.events.send(event);
    }

    async fn connect_once(
        &mut self,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<Ending, GatewayError> {
        let base = match &self.session {
            Some(session) => session.resume_url.clone(),
            None => self.config.url.clone(),
        };
        let url = super::url::connect_url(&base)?;
        let (mut socket, _) = tokio_tungstenite::connect_async(url.as_str())
            .await
            .map_err(|e| GatewayError::Connect(e.to_string()))?;
        let mut inflate = ZlibStream::new();
        let mut interval = None;
        let mut next_beat = Instant::now() + Duration::from_secs(3600);
        let mut acked = true;
        let mut sent_at = Instant::now();
        let mut ack_deadline = Instant::now() + Duration::from_secs(3600);
        loop {
            let frame = tokio::select! {
                frame = socket.next() => frame,
                _ = tokio::time::sleep_until(ack_deadline), if !acked => {
                    tracing::warn!(shard = self.config.id, "no heartbeat ACK in time; reconnecting");
                    let _ = socket.close(Some(CloseFrame { code: CloseCode::Library(4000), reason: "zombied".into() })).await;
                    return Ok(Ending::Reconnect { resume: true, wait: Duration::ZERO });
                }
                _ = tokio::time::sleep_until(next_beat), if interval.is_some() => {
                    if !acked {
                        // Zombied: no ACK since the last heartbeat. Keep the session (not 1000/1001).
                        tracing::warn!(shard = self.config.id, "no heartbeat ACK; reconnecting");
                        let _ = socket.close(Some(CloseFrame { code: CloseCode::Library(4000), reason: "zombied".into() })).await;
                        return Ok(Ending::Reconnect { resume: true, wait: Duration::ZERO });
                    }
                    let seq = self.session.as_ref().and_then(|s| s.seq);
                    socket.send(Message::Text(json!({"op": 1, "d": seq}).to_string().into())).await
                        .map_err(|e| GatewayError::Connect(e.to_string()))?;
                    acked = false;
                    sent_at = Instant::now();
                    let every = interval.unwrap_or(Duration::from_secs(41));
                    ack_deadline = sent_at + self.config.heartbeat_timeout.unwrap_or(every);
                    next_beat = sent_at + every;
                    continue;
                }
                _ = shutdown.changed() => {
                    let _ = socket.close(Some(CloseFrame { code: CloseCode::Normal, reason: "closing".into() })).await;
                    return Ok(Ending::Shutdown);
                }
            };
            let bytes = match frame {
                Some(Ok(Message::Binary(bytes))) => match inflate.push(&bytes) {
                    None => continue,
                    Some(Ok(text)) => text,
                    Some(Err(why)) => {
                        tracing::warn!(
                            shard = self.config.id,
                            "undecodable frame ({why}); reconnecting"
                        );
                        return Ok(Ending::Reconnect {
                            resume: true,
                            wait: Duration::ZERO,
                        });
                    }
                },
                Some(Ok(Message::Text(text))) => text.as_bytes().to_vec(),
                Some(Ok(Message::Close(frame))) => {
                    let code = frame.map_or(1005, |f| u16::from(f.code));
                    return self.closed(code);
                }
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => {
                    return Ok(Ending::Reconnect {
                        resume: true,
                        wait: Duration::ZERO,
                    });
                }
            };
            let Ok(payload) = serde_json::from_slice::<Value>(&bytes) else {
                tracing::warn!(shard = self.config.id, "a frame that is not JSON; ignored");
                continue;
            };
            let op = payload["op"].as_u64().unwrap_or(u64::MAX);
            match op {
                0 => {
                    if let (Some(session), Some(seq)) = (&mut self.session, payload["s"].as_u64()) {
                        session.seq = Some(seq);
                    }
                    let name = payload["t"].as_str().unwrap_or("").to_owned();
                    let data = payload["d"].clone();
                    if name == "READY" {
                        self.session = Some(Session {
                            id: data["session_id"].as_str().unwrap_or("").to_owned(),
                            resume_url: self.resume_url(data["resume_gateway_url"].as_str()),
                            seq: payload["s"].as_u64(),
                        });
                    }
                    if name == "RESUMED" {
                        self.emit(Event::Resumed {
                            shard: self.config.id,
                        });
                    } else {
                        self.emit(Event::from_dispatch(&name, data));
                    }
                }
                1 => {
                    let seq = self.session.as_ref().and_then(|s| s.seq);
                    socket
                        .send(Message::Text(json!({"op": 1, "d": seq}).to_string().into()))
                        .await
                        .map_err(|e| GatewayError::Connect(e.to_string()))?;
                }
                7 => {
                    let _ = socket
                        .close(Some(CloseFrame {
                            code: CloseCode::Library(4000),
                            reason: "reconnect".into(),
                        }))
                        .await;
                    return Ok(Ending::Reconnect {
                        resume: true,
                        wait: Duration::ZERO,
                    });
                }
                9 => {
                    let wait = Duration::from_secs(1) + jitter(Duration::from_secs(4));
                    let _ = socket
                        .close(Some(CloseFrame {
                            code: CloseCode::Library(4000),
                            reason: "invalid session".into(),
                        }))
                        .await;
                    if payload["d"].as_bool() == Some(true) && self.session.is_some() {
                        return Ok(Ending::Reconnect { resume: true, wait });
                    }
                    self.invalidate();
                    return Ok(Ending::Reconnect {
                        resume: false,
                        wait,
                    });
                }
                10 => {
                    let every = Duration::from_millis(
                        payload["d"]["heartbeat_interval"]
                            .as_u64()
                            .unwrap_or(41_250),
                    );
                    interval = Some(every);
                    next_beat = Instant::now() + jitter(every);
                    let hello_reply = self.identify_or_resume();
                    socket
                        .send(Message::Text(hello_reply.to_string().into()))
                        .await
                        .map_err(|e| GatewayError::Connect(e.to_string()))?;
                }
                11 => {
                    acked = true;
                    *self.latency.lock().unwrap_or_else(|p| p.into_inner()) =
                        Some(sent_at.elapsed());
                }
                _ => {}
            }
        }
    }

    /// READY's `resume_gateway_url`, or the main URL when it is missing or unusable.
    fn resume_url(&self, given: Option<&str>) -> String {
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

    fn invalidate(&mut self) {
        if self.session.take().is_some() {
            self.emit(Event::SessionInvalidated {
                shard: self.config.id,
            });
        }
    }

    fn closed(&mut self, code: u16) -> Result<Ending, GatewayError> {
        if let Some(reason) = fatal(code) {
            return Err(GatewayError::Fatal { code, reason });
        }
        if matches!(code, 4007 | 4009) {
            self.invalidate();
            return Ok(Ending::Reconnect {
                resume: false,
                wait: Duration::ZERO,
            });
        }
        Ok(Ending::Reconnect {
            resume: true,
            wait: Duration::ZERO,
        })
    }

    fn identify_or_resume(&self) -> Value {
        let token = self.config.token.expose();
        match &self.session {
            Some(session) => json!({"op": 6, "d": {
                "token": token, "session_id": session.id, "seq": session.seq,
            }}),
            None => {
                let mut d = json!({
                    "token": token,
                    "intents": self.config.intents,
                    "properties": {"os": std::env::consts::OS, "browser": "bot-core", "device": "bot-core"},
                    "shard": [self.config.id, self.config.count],
                    "large_threshold": 250,
                });
                if let Some(presence) = &self.config.presence {
                    d["presence"] = presence.clone();
                }
                json!({"op": 2, "d": d})
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fatal_codes_are_the_documented_ones() {
        for code in [4004, 4010, 4011, 4012, 4013, 4014] {
            assert!(fatal(code).is_some(), "{code}");
        }
        for code in [1000, 1001, 4000, 4007, 4009] {
            assert!(fatal(code).is_none(), "{code}");
        }
    }

    #[test]
    fn backoff_is_capped_and_jittered() {
        for attempt in 0..20 {
            assert!(backoff(attempt) <= Duration::from_secs(30));
        }
    }
}

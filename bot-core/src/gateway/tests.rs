//! A shard against small local gateways that misbehave in ways `bot-sandbox` cannot: one that
//! never sends HELLO, one that never finishes the handshake, one that closes every session
//! with 4009, one whose resumes always fail, one that sends a zip bomb or ends its zlib stream,
//! one that asks for absurd heartbeat intervals. Windows are short and real (a paused clock would
//! auto-advance while the sockets wait).

use super::backoff::Backoff;
use super::inflate::{MAX_MESSAGE, bomb, ended_stream};
use super::shard::{Shard, ShardConfig};
use super::{Event, GatewayError};
use crate::event::{Connected, Disconnected};
use crate::model::Token;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;

type Ws = WebSocketStream<TcpStream>;

/// What a local gateway saw, in order: `connect`, `identify`, `resume`, ...
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<String>>>);

impl Log {
    fn push(&self, what: impl Into<String>) {
        self.0.lock().unwrap().push(what.into());
    }

    fn count(&self, what: &str) -> usize {
        self.0.lock().unwrap().iter().filter(|w| *w == what).count()
    }

    /// The log for a failure message: its first entries and its length.
    fn all(&self) -> String {
        let log = self.0.lock().unwrap();
        let first: Vec<_> = log.iter().take(12).collect();
        format!("{first:?} ({} entries)", log.len())
    }

    async fn wait_for(&self, what: &str, count: usize, within: Duration) -> bool {
        tokio::time::timeout(within, async {
            while self.count(what) < count {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await
        .is_ok()
    }
}

/// A local server; `serve` gets each accepted TCP connection with its index.
struct Server {
    url: String,
    log: Log,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    async fn tcp<F, Fut>(serve: F) -> Server
    where
        F: Fn(usize, TcpStream, Log) -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("ws://{}", listener.local_addr().unwrap());
        let log = Log::default();
        let seen = log.clone();
        let task = tokio::spawn(async move {
            let mut index = 0;
            while let Ok((stream, _)) = listener.accept().await {
                seen.push("connect");
                tokio::spawn(serve(index, stream, seen.clone()));
                index += 1;
            }
        });
        Server { url, log, task }
    }

    /// A WebSocket server.
    async fn ws<F, Fut>(serve: F) -> Server
    where
        F: Fn(usize, Ws, Log) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let serve = Arc::new(serve);
        Server::tcp(move |index, stream, log| {
            let serve = serve.clone();
            async move {
                if let Ok(ws) = tokio_tungstenite::accept_async(stream).await {
                    serve(index, ws, log).await;
                }
            }
        })
        .await
    }
}

async fn send(ws: &mut Ws, payload: Value) {
    let _ = ws.send(Message::Text(payload.to_string().into())).await;
}

async fn hello(ws: &mut Ws) {
    send(ws, json!({"op": 10, "d": {"heartbeat_interval": 45_000}})).await;
}

/// The next payload the client sends; heartbeats are answered and skipped. `None` once closed.
async fn next_op(ws: &mut Ws) -> Option<Value> {
    while let Some(Ok(message)) = ws.next().await {
        let Message::Text(text) = message else {
            continue;
        };
        let payload: Value = serde_json::from_str(&text).ok()?;
        if payload["op"] == 1 {
            send(ws, json!({"op": 11})).await;
            continue;
        }
        return Some(payload);
    }
    None
}

fn ready(resume_url: &str) -> Value {
    json!({"op": 0, "s": 1, "t": "READY", "d": {
        "v": 10, "user": {"id": "1", "username": "bot"}, "guilds": [],
        "session_id": "session", "resume_gateway_url": resume_url,
        "shard": [0, 1], "application": {"id": "2", "flags": 0},
    }})
}

async fn close_with(ws: &mut Ws, code: u16) {
    let frame = CloseFrame {
        code: code.into(),
        reason: "scripted".into(),
    };
    let _ = ws.close(Some(frame)).await;
}

/// Answers IDENTIFY with READY (resume on `resume_url`) and RESUME with RESUMED, logging
/// each, until the client goes.
async fn serve_session(ws: &mut Ws, log: &Log, resume_url: &str) {
    while let Some(payload) = next_op(ws).await {
        match payload["op"].as_u64() {
            Some(2) => {
                log.push("identify");
                send(ws, ready(resume_url)).await;
            }
            Some(6) => {
                log.push("resume");
                send(ws, json!({"op": 0, "s": 2, "t": "RESUMED", "d": {}})).await;
            }
            _ => {}
        }
    }
}

fn config(url: &str) -> ShardConfig {
    let mut config = ShardConfig::new(0, 1, url, Token::new("MTIz.abc.def"), 513);
    config.connect_timeout = Duration::from_millis(300);
    config.hello_timeout = Duration::from_millis(300);
    // These gateways do not pace IDENTIFYs: neither does the shard.
    config.queue = Arc::new(super::LocalQueue::new(1).window(Duration::ZERO));
    config
}

/// A running shard.
struct Running {
    task: JoinHandle<Result<(), GatewayError>>,
    shutdown: watch::Sender<bool>,
    events: mpsc::UnboundedReceiver<Event>,
    /// The sessions that started or resumed and the connections that ended, in order.
    notes: Arc<Mutex<Vec<Note>>>,
}

/// What a shard told its sink besides events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Note {
    Connected(Connected),
    Disconnected(Disconnected),
}

/// Collects a shard's events, always with room, and its notes.
struct Collector(mpsc::UnboundedSender<Event>, Arc<Mutex<Vec<Note>>>);

impl super::EventSink for Collector {
    fn deliver(&self, delivery: crate::dispatch::Delivery) {
        let _ = self.0.send(std::sync::Arc::unwrap_or_clone(delivery.event));
    }

    fn connected(&self, connected: Connected) {
        self.1.lock().unwrap().push(Note::Connected(connected));
    }

    fn disconnected(&self, disconnected: Disconnected) {
        self.1
            .lock()
            .unwrap()
            .push(Note::Disconnected(disconnected));
    }
}

impl Running {
    fn start(config: ShardConfig, backoff: Backoff) -> Running {
        let (tx, events) = mpsc::unbounded_channel();
        let notes = Arc::default();
        let sink = Arc::new(Collector(tx, Arc::clone(&notes)));
        let status = Arc::new(super::ShardStatus::of(&config));
        let mut shard = Shard::new(config, sink, status);
        shard.backoff = backoff;
        let (shutdown, receiver) = watch::channel(false);
        Running {
            task: tokio::spawn(shard.run(receiver)),
            shutdown,
            events,
            notes,
        }
    }

    fn notes(&self) -> Vec<Note> {
        self.notes.lock().unwrap().clone()
    }

    /// Closes the shard and checks it ends, within `within`, with `Ok(())`.
    async fn stop_within(self, within: Duration) {
        self.shutdown.send_replace(true);
        let ended = tokio::time::timeout(within, self.task).await;
        let result = ended.expect("the shard stops promptly").expect("no panic");
        assert_eq!(result, Ok(()));
    }

    fn drain(&mut self) -> Vec<Event> {
        std::iter::from_fn(|| self.events.try_recv().ok()).collect()
    }
}

fn quick() -> Backoff {
    Backoff::new(
        Duration::from_millis(20),
        Duration::from_millis(100),
        Duration::from_secs(30),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_that_never_sends_hello_times_out_and_is_retried() {
    let gateway = Server::ws(|_, mut ws, _| async move {
        // Reads (so the close handshake works) and never says HELLO.
        while ws.next().await.is_some() {}
    })
    .await;
    let shard = Running::start(config(&gateway.url), quick());
    assert!(
        gateway
            .log
            .wait_for("connect", 3, Duration::from_secs(3))
            .await,
        "{}",
        gateway.log.all()
    );
    shard.stop_within(Duration::from_millis(500)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handshake_that_never_finishes_times_out_and_close_interrupts_it() {
    let gateway = Server::tcp(|_, stream, _| async move {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        drop(stream);
    })
    .await;
    let shard = Running::start(config(&gateway.url), quick());
    assert!(
        gateway
            .log
            .wait_for("connect", 2, Duration::from_secs(3))
            .await,
        "the connect timed out and was retried"
    );
    let mut patient = config(&gateway.url);
    patient.connect_timeout = Duration::from_secs(3600);
    let pending = Running::start(patient, quick());
    assert!(
        gateway
            .log
            .wait_for("connect", 3, Duration::from_secs(3))
            .await
    );
    pending.stop_within(Duration::from_millis(300)).await;
    shard.stop_within(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_interrupts_a_back_off_sleep() {
    let gateway = Server::tcp(|_, stream, _| async move { drop(stream) }).await;
    let long = Backoff::new(
        Duration::from_secs(3600),
        Duration::from_secs(3600),
        Duration::from_secs(30),
    );
    let shard = Running::start(config(&gateway.url), long);
    assert!(
        gateway
            .log
            .wait_for("connect", 2, Duration::from_secs(3))
            .await
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(gateway.log.count("connect"), 2, "the shard is backing off");
    shard.stop_within(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_closed_with_4009_at_once_are_retried_with_growing_waits() {
    let gateway = Server::ws(|_, mut ws, log| async move {
        hello(&mut ws).await;
        if let Some(payload) = next_op(&mut ws).await {
            log.push(if payload["op"] == 2 {
                "identify"
            } else {
                "other"
            });
            send(&mut ws, ready("ws://127.0.0.1:9")).await;
            close_with(&mut ws, 4009).await;
        }
    })
    .await;
    // The default policy: 0, then 0.5–1 s, then 1–2 s, ...
    let mut shard = Running::start(config(&gateway.url), Backoff::default());
    tokio::time::sleep(Duration::from_secs(2)).await;
    let identifies = gateway.log.count("identify");
    assert!(
        (2..=4).contains(&identifies),
        "{identifies} IDENTIFYs in 2 s: {}",
        gateway.log.all()
    );
    assert_eq!(gateway.log.count("other"), 0, "4009 ends the session");
    let invalidated = shard
        .drain()
        .into_iter()
        .filter(|e| matches!(e, Event::SessionInvalidated { .. }))
        .count();
    assert!(invalidated >= 1);
    shard.stop_within(Duration::from_millis(300)).await;
}

/// A resume URL that says HELLO and closes (resumably) on every RESUME.
async fn refusing_resume_url() -> Server {
    Server::ws(|_, mut ws, log| async move {
        hello(&mut ws).await;
        if next_op(&mut ws).await.is_some_and(|p| p["op"] == 6) {
            log.push("resume");
            close_with(&mut ws, 4000).await;
        }
    })
    .await
}

/// A main URL whose first connection starts a session (resumable on `resume_url`) and closes
/// it resumably; the later ones answer RESUME with RESUMED when `resumes` is true, and close
/// resumably otherwise.
async fn main_url(resume_url: String, resumes: bool) -> Server {
    Server::ws(move |index, mut ws, log| {
        let resume_url = resume_url.clone();
        async move {
            hello(&mut ws).await;
            let Some(payload) = next_op(&mut ws).await else {
                return;
            };
            match (index, payload["op"].as_u64()) {
                (0, Some(2)) => {
                    log.push("identify");
                    send(&mut ws, ready(&resume_url)).await;
                    close_with(&mut ws, 4000).await;
                }
                (_, Some(6)) if resumes => {
                    log.push("resume");
                    send(&mut ws, json!({"op": 0, "s": 2, "t": "RESUMED", "d": {}})).await;
                    serve_session(&mut ws, &log, &resume_url).await;
                }
                (_, Some(6)) => {
                    log.push("resume");
                    close_with(&mut ws, 4000).await;
                }
                (_, Some(2)) => {
                    log.push("identify");
                    send(&mut ws, ready(&resume_url)).await;
                    serve_session(&mut ws, &log, &resume_url).await;
                }
                _ => {}
            }
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_resume_url_fails_the_session_is_resumed_on_the_main_url() {
    let resume = refusing_resume_url().await;
    let main = main_url(resume.url.clone(), true).await;
    let mut shard = Running::start(config(&main.url), quick());
    assert!(
        main.log.wait_for("resume", 1, Duration::from_secs(5)).await,
        "resumed on the main URL: {} / {}",
        main.log.all(),
        resume.log.all()
    );
    assert_eq!(
        resume.log.count("resume"),
        2,
        "two tries on resume_gateway_url"
    );
    assert_eq!(main.log.count("identify"), 1, "the session was kept");
    let events = shard.drain();
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::SessionInvalidated { .. })),
        "{events:?}"
    );
    shard.stop_within(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_resumes_refused_on_both_urls_the_shard_identifies_anew() {
    let resume = refusing_resume_url().await;
    let main = main_url(resume.url.clone(), false).await;
    let mut shard = Running::start(config(&main.url), quick());
    assert!(
        main.log
            .wait_for("identify", 2, Duration::from_secs(5))
            .await,
        "a new session on the main URL: {} / {}",
        main.log.all(),
        resume.log.all()
    );
    assert_eq!(resume.log.count("resume"), 2, "two on resume_gateway_url");
    assert_eq!(main.log.count("resume"), 1, "then one on the main URL");
    let events = shard.drain();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::SessionInvalidated { .. })),
        "{events:?}"
    );
    shard.stop_within(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_that_ignores_identify_is_left_after_the_ready_timeout() {
    // HELLO and heartbeat ACKs, but no READY ever.
    let gateway = Server::ws(|_, mut ws, log| async move {
        hello(&mut ws).await;
        while let Some(payload) = next_op(&mut ws).await {
            if payload["op"] == 2 {
                log.push("identify");
            }
        }
        log.push("left");
    })
    .await;
    let mut config = config(&gateway.url);
    config.ready_timeout = Duration::from_millis(300);
    let shard = Running::start(config, quick());
    assert!(
        gateway
            .log
            .wait_for("identify", 2, Duration::from_secs(5))
            .await,
        "{}",
        gateway.log.all()
    );
    assert!(gateway.log.count("left") >= 1, "{}", gateway.log.all());
    shard.stop_within(Duration::from_millis(500)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_that_ignores_resume_is_left_after_the_ready_timeout() {
    // The first connection starts a session and drops; the next ones never answer RESUME.
    let resume_url: Arc<Mutex<String>> = Arc::default();
    let url_for_ready = resume_url.clone();
    let gateway = Server::ws(move |index, mut ws, log| {
        let url = url_for_ready.lock().unwrap().clone();
        async move {
            hello(&mut ws).await;
            while let Some(payload) = next_op(&mut ws).await {
                match (index, payload["op"].as_u64()) {
                    (0, Some(2)) => {
                        send(&mut ws, ready(&url)).await;
                        close_with(&mut ws, 4000).await;
                    }
                    (_, Some(6)) => log.push("resume"),
                    (_, Some(2)) => log.push("identify"),
                    _ => {}
                }
            }
        }
    })
    .await;
    *resume_url.lock().unwrap() = gateway.url.clone();
    let mut config = config(&gateway.url);
    config.ready_timeout = Duration::from_millis(200);
    let shard = Running::start(config, quick());
    assert!(
        gateway
            .log
            .wait_for("identify", 1, Duration::from_secs(10))
            .await,
        "three unanswered RESUMEs, then IDENTIFY: {}",
        gateway.log.all()
    );
    assert_eq!(gateway.log.count("resume"), 3, "{}", gateway.log.all());
    shard.stop_within(Duration::from_millis(500)).await;
}

/// A gateway whose first connection gets `poison` after READY; later ones resume normally.
async fn poisoned_after_ready(poison: Vec<u8>) -> Server {
    let resume_url: Arc<Mutex<String>> = Arc::default();
    let url_for_ready = resume_url.clone();
    let gateway = Server::ws(move |index, mut ws, log| {
        let poison = poison.clone();
        let url = url_for_ready.lock().unwrap().clone();
        async move {
            hello(&mut ws).await;
            if index == 0 {
                if next_op(&mut ws).await.is_some_and(|p| p["op"] == 2) {
                    log.push("identify");
                    send(&mut ws, ready(&url)).await;
                    let _ = ws.send(Message::Binary(poison.into())).await;
                    // Stays open: the client must close it.
                    while ws.next().await.is_some() {}
                    log.push("closed by the client");
                }
            } else {
                serve_session(&mut ws, &log, &url).await;
            }
        }
    })
    .await;
    *resume_url.lock().unwrap() = gateway.url.clone();
    gateway
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zip_bomb_closes_the_connection_and_the_shard_resumes() {
    let gateway = poisoned_after_ready(bomb(MAX_MESSAGE + (8 << 20))).await;
    let mut shard = Running::start(config(&gateway.url), quick());
    assert!(
        gateway
            .log
            .wait_for("resume", 1, Duration::from_secs(10))
            .await,
        "{}",
        gateway.log.all()
    );
    assert_eq!(gateway.log.count("closed by the client"), 1);
    assert_eq!(gateway.log.count("identify"), 1, "the session was kept");
    let events = shard.drain();
    assert!(
        matches!(events.last(), Some(Event::Resumed(_))),
        "{events:?}"
    );
    shard.stop_within(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zlib_stream_that_ends_closes_the_connection_and_the_shard_resumes() {
    let gateway = poisoned_after_ready(ended_stream(r#"{"op":11}"#)).await;
    let shard = Running::start(config(&gateway.url), quick());
    assert!(
        gateway
            .log
            .wait_for("resume", 1, Duration::from_secs(5))
            .await,
        "{}",
        gateway.log.all()
    );
    assert_eq!(gateway.log.count("closed by the client"), 1);
    shard.stop_within(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn absurd_heartbeat_intervals_neither_panic_nor_loop() {
    let beats = Arc::new(AtomicUsize::new(0));
    let counted = beats.clone();
    let gateway = Server::ws(move |index, mut ws, log| {
        let beats = counted.clone();
        async move {
            let interval = if index % 2 == 0 { u64::MAX } else { 0 };
            send(
                &mut ws,
                json!({"op": 10, "d": {"heartbeat_interval": interval}}),
            )
            .await;
            while let Some(Ok(Message::Text(text))) = ws.next().await {
                let payload: Value = serde_json::from_str(&text).unwrap_or_default();
                match payload["op"].as_u64() {
                    Some(1) => {
                        beats.fetch_add(1, Ordering::SeqCst);
                        send(&mut ws, json!({"op": 11})).await;
                    }
                    Some(2) => {
                        log.push("identify");
                        send(&mut ws, ready("ws://127.0.0.1:9")).await;
                        if index == 0 {
                            // Next connection: an interval of 0.
                            close_with(&mut ws, 4000).await;
                        }
                    }
                    _ => {}
                }
            }
        }
    })
    .await;
    let shard = Running::start(config(&gateway.url), quick());
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(!shard.task.is_finished(), "the shard is alive");
    assert_eq!(
        gateway.log.count("connect"),
        2,
        "{}: no reconnect loop",
        gateway.log.all()
    );
    let beats = beats.load(Ordering::SeqCst);
    assert!(
        (2..=12).contains(&beats),
        "{beats} heartbeats in about 1 s at the 100 ms floor"
    );
    shard.stop_within(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sink_hears_of_each_session_started_or_resumed_and_each_connection_that_ended() {
    // The first connection: READY, then 4000 (resumable). The second: RESUMED, then 4009 (the
    // session ends). The third: READY, until the shard closes.
    let resume_url: Arc<Mutex<String>> = Arc::default();
    let url_for_ready = resume_url.clone();
    let gateway = Server::ws(move |index, mut ws, log| {
        let url = url_for_ready.lock().unwrap().clone();
        async move {
            hello(&mut ws).await;
            let Some(payload) = next_op(&mut ws).await else {
                return;
            };
            match (index, payload["op"].as_u64()) {
                (0, Some(2)) => {
                    send(&mut ws, ready(&url)).await;
                    close_with(&mut ws, 4000).await;
                }
                (1, Some(6)) => {
                    send(&mut ws, json!({"op": 0, "s": 2, "t": "RESUMED", "d": {}})).await;
                    close_with(&mut ws, 4009).await;
                }
                (_, Some(2)) => {
                    log.push("identify again");
                    send(&mut ws, ready(&url)).await;
                    serve_session(&mut ws, &log, &url).await;
                }
                _ => log.push("unexpected"),
            }
        }
    })
    .await;
    *resume_url.lock().unwrap() = gateway.url.clone();
    let shard = Running::start(config(&gateway.url), quick());
    assert!(
        gateway
            .log
            .wait_for("identify again", 1, Duration::from_secs(5))
            .await,
        "{}",
        gateway.log.all()
    );
    let settled = tokio::time::timeout(Duration::from_secs(5), async {
        while shard.notes().len() < 5 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(settled.is_ok(), "{:?}", shard.notes());
    let notes = shard.notes.clone();
    shard.stop_within(Duration::from_millis(500)).await;
    let connected = |resumed| Note::Connected(Connected { shard: 0, resumed });
    let disconnected = |code, reconnect, resume| {
        Note::Disconnected(Disconnected {
            shard: 0,
            code,
            reconnect,
            resume,
        })
    };
    assert_eq!(
        *notes.lock().unwrap(),
        [
            connected(false),
            disconnected(Some(4000), true, true),
            connected(true),
            disconnected(Some(4009), true, false),
            connected(false),
            disconnected(None, false, false),
        ]
    );
    assert_eq!(gateway.log.count("unexpected"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attempt_that_never_opened_is_no_disconnection() {
    let gateway = Server::tcp(|_, stream, _| async move { drop(stream) }).await;
    let shard = Running::start(config(&gateway.url), quick());
    assert!(
        gateway
            .log
            .wait_for("connect", 3, Duration::from_secs(3))
            .await
    );
    let notes = shard.notes.clone();
    shard.stop_within(Duration::from_millis(300)).await;
    assert_eq!(*notes.lock().unwrap(), []);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_opcode_is_ignored_and_a_requested_heartbeat_carries_the_last_sequence() {
    let gateway = Server::ws(|_, mut ws, log| async move {
        send(&mut ws, json!({"op": 42, "d": {"new": true}})).await;
        hello(&mut ws).await;
        while let Some(Ok(message)) = ws.next().await {
            let Message::Text(text) = message else {
                continue;
            };
            let payload: Value = serde_json::from_str(&text).unwrap_or_default();
            match payload["op"].as_u64() {
                Some(2) => {
                    log.push("identify");
                    send(&mut ws, ready("ws://127.0.0.1:9")).await;
                    send(
                        &mut ws,
                        json!({"op": 0, "s": 5, "t": "MESSAGE_DELETE",
                               "d": {"id": "2", "channel_id": "1"}}),
                    )
                    .await;
                    // The gateway may ask for a heartbeat at once.
                    send(&mut ws, json!({"op": 1, "d": null})).await;
                }
                Some(1) => log.push(format!("heartbeat {}", payload["d"])),
                _ => log.push(format!("unexpected {payload}")),
            }
        }
    })
    .await;
    let mut shard = Running::start(config(&gateway.url), quick());
    assert!(
        gateway
            .log
            .wait_for("heartbeat 5", 1, Duration::from_secs(3))
            .await,
        "{}",
        gateway.log.all()
    );
    assert_eq!(gateway.log.count("connect"), 1, "{}", gateway.log.all());
    assert_eq!(gateway.log.count("identify"), 1);
    let names: Vec<_> = shard.drain().iter().map(|e| e.name().to_owned()).collect();
    assert_eq!(names, ["READY", "MESSAGE_DELETE"]);
    shard.stop_within(Duration::from_millis(500)).await;
}

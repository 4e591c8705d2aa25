//! `#[event]` handlers run against the sandbox, instead of the defaults: `on_ready` once,
//! `on_connect` and `on_disconnect` around a dropped connection and a new session, `on_error`
//! with a run-time listener's panic, a `#[listen]` function's error and a handler's failure,
//! and a failure of `on_error` itself logged, not handled again.
//!
//! Every `#[event]` function applies to every bot of the program: this binary builds one bot,
//! in one test.

mod common;

use bot_core::event::{
    Connected, Disconnected, EventError, EventFailure, ListenerOptions, MessageCreate, Received,
};
use bot_core::{Context, event, listen};
use common::{capture_logs, message_bot_builder, started, stop};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// What the handlers saw, in order: `ready`, `connect`, `connect resumed`, `disconnect ...`.
static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
static READY: AtomicUsize = AtomicUsize::new(0);
/// Each error `on_error` got: listener, event, failure, whether a panic.
static ERRORS: Mutex<Vec<(String, String, String, bool)>> = Mutex::new(Vec::new());

fn saw(what: String) {
    SEEN.lock().unwrap().push(what);
}

#[event]
async fn on_ready(bot: &Context) {
    READY.fetch_add(1, Ordering::SeqCst);
    saw(format!("ready {}", bot.is_ready()));
}

#[event]
async fn on_connect(_bot: &Context, connected: &Connected) -> Result<(), String> {
    saw(format!(
        "connect shard={} resumed={}",
        connected.shard, connected.resumed
    ));
    if connected.resumed {
        return Err("resumed, as planned".to_owned());
    }
    Ok(())
}

#[event]
async fn on_disconnect(_bot: &Context, disconnected: &Disconnected) {
    saw(format!(
        "disconnect shard={} code={:?} reconnect={} resume={}",
        disconnected.shard, disconnected.code, disconnected.reconnect, disconnected.resume
    ));
}

#[event]
async fn on_error(bot: &Context, error: &EventError) {
    assert!(bot.application_id().is_some(), "the bot is logged in");
    let (failure, panic) = match &error.failure {
        EventFailure::Error(error) => (error.to_string(), false),
        EventFailure::Panic(message) => (message.clone(), true),
        other => (other.to_string(), false),
    };
    let twice = failure.contains("twice");
    ERRORS
        .lock()
        .unwrap()
        .push((error.listener.clone(), error.event.clone(), failure, panic));
    if twice {
        panic!("on_error exploded");
    }
}

#[listen]
async fn failing(message: &MessageCreate) -> Result<(), String> {
    if message.content == "fail" {
        return Err("nope".to_owned());
    }
    Ok(())
}

/// Waits up to 10 s until `done` holds.
async fn until(what: &str, done: impl Fn() -> bool) {
    let waited = tokio::time::timeout(Duration::from_secs(10), async {
        while !done() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(
        waited.is_ok(),
        "{what}: {:?} {:?}",
        SEEN.lock().unwrap(),
        ERRORS.lock().unwrap()
    );
}

fn seen() -> Vec<String> {
    SEEN.lock().unwrap().clone()
}

fn errors() -> Vec<(String, String, String, bool)> {
    ERRORS.lock().unwrap().clone()
}

fn error(
    listener: &str,
    event: &str,
    failure: &str,
    panic: bool,
) -> (String, String, String, bool) {
    (listener.into(), event.into(), failure.into(), panic)
}

#[tokio::test]
async fn the_event_functions_replace_the_default_handlers() {
    let (captured, _default) = capture_logs();
    let sandbox = bot_sandbox::Sandbox::builder()
        .timings(bot_sandbox::Timings {
            identify_window: Duration::ZERO,
            ..bot_sandbox::Timings::default()
        })
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().unwrap();
    let bot = message_bot_builder(&sandbox).build().expect("a valid bot");
    bot.add_listener_with(
        ListenerOptions::new().name("exploding"),
        |message: Received<MessageCreate>| async move {
            if message.content.starts_with("boom") {
                panic!("listener exploded: {}", message.content);
            }
        },
    );
    let task = started(&bot).await;

    // The session started, then the bot became ready: once each.
    until("ready", || READY.load(Ordering::SeqCst) == 1).await;
    assert_eq!(seen(), ["connect shard=0 resumed=false", "ready true"]);

    // A listener's panic and a `#[listen]` function's error go to `on_error`, with the
    // listener's name and the event's.
    let user = sandbox.user(world.member);
    user.send_message(world.channel, "boom").await.unwrap();
    user.send_message(world.channel, "fail").await.unwrap();
    until("two errors", || errors().len() == 2).await;
    let mut got = errors();
    got.sort();
    assert_eq!(
        got,
        [
            error("event_handlers::failing", "MESSAGE_CREATE", "nope", false),
            error(
                "exploding",
                "MESSAGE_CREATE",
                "listener exploded: boom",
                true
            ),
        ]
    );

    // `on_error` panicking is logged with what it was handling, and not handled again.
    user.send_message(world.channel, "boom twice")
        .await
        .unwrap();
    until("the on_error panic logged", || {
        captured.text().contains("the on_error handler panicked")
    })
    .await;
    let log = captured.text();
    assert!(log.contains("on_error exploded"), "{log}");
    assert!(log.contains("listener exploded: boom twice"), "{log}");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        errors().len(),
        3,
        "on_error ran once for its own panic's cause"
    );
    assert_eq!(bot.dispatch_stats().listener_failures, 3);

    // A dropped connection: `on_disconnect`, then `on_connect` for the resumed session, whose
    // error goes to `on_error` under the handler's path and name.
    SEEN.lock().unwrap().clear();
    sandbox.gateway().drop_connections();
    until("resumed", || seen().len() == 2).await;
    assert_eq!(
        seen(),
        [
            "disconnect shard=0 code=None reconnect=true resume=true",
            "connect shard=0 resumed=true",
        ]
    );
    until("the on_connect error", || errors().len() == 4).await;
    assert_eq!(
        errors()[3],
        error(
            "event_handlers::on_connect",
            "on_connect",
            "resumed, as planned",
            false
        )
    );

    // A new session: `on_connect` again, `on_ready` not.
    SEEN.lock().unwrap().clear();
    sandbox.gateway().send_invalid_session(false);
    until("a new session", || seen().len() == 2).await;
    assert_eq!(
        seen(),
        [
            "disconnect shard=0 code=None reconnect=true resume=false",
            "connect shard=0 resumed=false",
        ]
    );
    assert_eq!(READY.load(Ordering::SeqCst), 1, "on_ready once");

    // Closing ends the last connection for good.
    SEEN.lock().unwrap().clear();
    stop(&bot, task).await;
    until("closed", || seen().len() == 1).await;
    assert_eq!(
        seen(),
        ["disconnect shard=0 code=None reconnect=false resume=false"]
    );

    // None of the defaults ran.
    let log = captured.text();
    for default in [
        "a listener panicked",
        "a listener failed",
        "handlers: ready",
        "handlers: connected",
    ] {
        assert!(!log.contains(default), "{default:?} in {log}");
    }
}

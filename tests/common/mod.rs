//! Helpers shared by the end-to-end tests: run a bot against a sandbox until READY, stop it.
#![allow(dead_code)]

pub mod trace;

use bot_core::gateway::Event;
use bot_core::{Bot, Error};
use futures_util::{Stream, StreamExt};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The task running `Bot::start`.
pub type Running = tokio::task::JoinHandle<Result<(), Error>>;

/// Starts the bot and waits until it is ready (READY and its guilds); returns the task.
pub async fn started(bot: &Bot) -> Running {
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.start().await });
    let ready = tokio::time::timeout(Duration::from_secs(10), bot.wait_until_ready()).await;
    assert!(matches!(ready, Ok(Ok(()))), "the bot got ready: {ready:?}");
    task
}

/// Starts the bot and waits for its first READY; returns the task and the events after READY,
/// for a test that reads them (a stream held but not read lags).
pub async fn started_with_events(
    bot: &Bot,
) -> (Running, impl Stream<Item = Event> + Send + Unpin + 'static) {
    let mut events = bot.events();
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.start().await });
    let ready = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(event) = events.next().await {
            if matches!(event, Event::Ready(_)) {
                return;
            }
        }
    })
    .await;
    assert!(ready.is_ok(), "the bot reached READY");
    (task, events)
}

/// A MESSAGE_CREATE payload from `author` in `channel` whose content is `n` (for bursts).
pub fn numbered_message(channel: u64, author: u64, n: usize) -> serde_json::Value {
    serde_json::json!({
        "id": (1_000_000 + n).to_string(),
        "channel_id": channel.to_string(),
        "author": {"id": author.to_string(), "username": "bob", "discriminator": "0",
                   "global_name": null, "avatar": null},
        "content": n.to_string(),
        "timestamp": "2026-11-29T12:00:00.000000+00:00",
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0
    })
}

/// Closes the bot and checks `start` ended without an error.
pub async fn stop(bot: &Bot, task: Running) {
    bot.close();
    let result = tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("the bot stops within 5 s")
        .expect("the bot task did not panic");
    assert!(result.is_ok(), "{result:?}");
}

/// Log output captured in memory: give `move || captured.clone()` to a subscriber as its writer.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    /// Everything written so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures this thread's log output until the guard drops. Under a current-thread test runtime
/// (`#[tokio::test]`'s default) that is the output of every task.
pub fn capture_logs() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    (captured, tracing::subscriber::set_default(subscriber))
}

/// A builder for `sandbox` with no command, whose bot reads messages' content.
pub fn message_bot_builder(sandbox: &bot_sandbox::SandboxHandle) -> bot_core::BotBuilder {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(bot_core::Intents::default() | bot_core::Intents::MESSAGE_CONTENT)
        .registry(bot_core::command::CommandRegistry::default())
}

/// A builder for `sandbox` with every command the test binary defines.
pub fn commands_bot_builder(sandbox: &bot_sandbox::SandboxHandle) -> bot_core::BotBuilder {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(bot_core::command::CommandRegistry::collect().expect("the commands fit together"))
}

/// Runs an example to its end and returns its standard output, after checking it exited 0.
pub fn run_example(name: &str) -> String {
    let output = std::process::Command::new(example(name))
        .output()
        .unwrap_or_else(|e| panic!("the {name} example was built by cargo test: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{name}: exit {:?}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Waits up to 10 s for a RESUMED on `events`.
pub async fn resumed(events: &mut (impl Stream<Item = Event> + Unpin)) -> bool {
    tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(event) = events.next().await {
            if matches!(event, Event::Resumed(_)) {
                return true;
            }
        }
        false
    })
    .await
    .unwrap_or(false)
}

/// A sandbox that hands out this gateway URL shape and allows back-to-back IDENTIFYs.
pub async fn sandbox_with_shape(shape: bot_sandbox::GatewayUrlShape) -> bot_sandbox::SandboxHandle {
    bot_sandbox::Sandbox::builder()
        .gateway_url_shape(shape)
        .timings(bot_sandbox::Timings {
            identify_window: Duration::ZERO,
            ..bot_sandbox::Timings::default()
        })
        .start()
        .await
        .expect("the sandbox starts")
}

/// A bot for `sandbox` with no command.
pub fn bot_without_commands(sandbox: &bot_sandbox::SandboxHandle) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(bot_core::command::CommandRegistry::default())
        .build()
        .expect("a valid bot")
}

/// A bot for `sandbox` with no command and `intents`.
pub fn bot_with_intents(
    sandbox: &bot_sandbox::SandboxHandle,
    intents: bot_core::model::Intents,
) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(bot_core::command::CommandRegistry::default())
        .intents(intents)
        .build()
        .expect("a valid bot")
}

/// The next dispatch named `name` (others skipped), within two seconds.
pub async fn next_named(
    events: &mut (impl Stream<Item = Event> + Unpin),
    name: &str,
) -> Option<Event> {
    tokio::time::timeout(Duration::from_secs(2), async {
        while let Some(event) = events.next().await {
            if event.name() == name {
                return Some(event);
            }
        }
        None
    })
    .await
    .ok()
    .flatten()
}

/// An example's binary: `cargo test` builds the examples next to the test binaries, in
/// `target/<profile>/examples`.
pub fn example(name: &str) -> std::path::PathBuf {
    let test_binary = std::env::current_exe().expect("the test binary's path");
    let profile_dir = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps/<test>");
    profile_dir.join("examples").join(name)
}

/// Waits up to `within` until `done` holds; whether it did.
pub async fn eventually(within: Duration, done: impl Fn() -> bool) -> bool {
    tokio::time::timeout(within, async {
        while !done() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .is_ok()
}

//! Helpers shared by the end-to-end tests: run a bot against a sandbox until READY, stop it.
#![allow(dead_code)]

use bot_core::gateway::Event;
use bot_core::{Bot, Error};
use futures_util::{Stream, StreamExt};
use std::time::Duration;

/// The task running `Bot::start`.
pub type Running = tokio::task::JoinHandle<Result<(), Error>>;

/// Starts the bot and waits for its first READY; returns the task and the events after READY.
pub async fn started(bot: &Bot) -> (Running, impl Stream<Item = Event> + Send + Unpin + 'static) {
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

/// Closes the bot and checks `start` ended without an error.
pub async fn stop(bot: &Bot, task: Running) {
    bot.close();
    let result = tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("the bot stops within 5 s")
        .expect("the bot task did not panic");
    assert!(result.is_ok(), "{result:?}");
}

//! Interactions under faults: a handler that panics, an error after `defer`, and an
//! INTERACTION_CREATE the SDK cannot read. The user always gets an answer (or the bot logs why
//! not), no token is logged, and the bot goes on serving.

mod common;

use bot_core::command::CommandRegistry;
use bot_core::prelude::*;
use bot_sandbox::{Sandbox, SandboxHandle, Timings};
use common::{capture_logs, started, stop};
use serde_json::json;
use std::time::Duration;

/// Panics.
#[slash_command]
async fn explode(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    panic!("the handler blew up");
}

/// Defers, then fails.
#[slash_command]
async fn ponder(ctx: &ApplicationContext) -> CommandResult {
    ctx.defer(false).await?;
    Err(CommandError::msg("the thought went nowhere"))
}

/// Answers.
#[slash_command]
async fn hello(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("hello").await?;
    Ok(())
}

async fn sandbox() -> SandboxHandle {
    Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            interaction_deadline: Duration::from_secs(2),
            ..Timings::default()
        })
        .start()
        .await
        .unwrap()
}

fn bot_for(sandbox: &SandboxHandle) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::collect().unwrap())
        .build()
        .unwrap()
}

/// Runs on one thread, so that `set_default` captures the logs of every task.
#[tokio::test]
async fn faults_are_answered_logged_without_tokens_and_survived() {
    let (captured, _logs) = capture_logs();

    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot_for(&sandbox);
    let task = started(&bot).await;
    let user = sandbox.user(world.member);

    // A panicking handler: caught, logged with its command path, answered with the error reply.
    let mut panicked = user
        .slash(world.channel, "explode", json!({}))
        .await
        .unwrap();
    let answer = panicked.response().await.expect("the user got an answer");
    assert_eq!(answer.content(), Some("Something went wrong."));
    assert!(answer.ephemeral());
    let logs = captured.text();
    let line = logs
        .lines()
        .find(|l| l.contains("command panicked"))
        .unwrap_or_else(|| panic!("the panic was logged: {logs}"));
    assert!(line.contains("command=explode"), "{line}");
    assert!(line.contains("the handler blew up"), "{line}");

    // An error after `defer`: the error replaces "thinking…".
    let mut deferred = user
        .slash(world.channel, "ponder", json!({}))
        .await
        .unwrap();
    let first = deferred.response().await.unwrap();
    assert_eq!(first.kind, 5, "deferred");
    let mut edited = None;
    for _ in 0..100 {
        edited = deferred
            .original_message()
            .and_then(|m| m["content"].as_str().map(str::to_owned))
            .filter(|c| !c.is_empty());
        if edited.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(edited.as_deref(), Some("Something went wrong."));

    // An INTERACTION_CREATE the SDK cannot read: logged without its token, never answered,
    // and the bot goes on.
    let secret = "aW50ZXJhY3Rpb246dW5yZWFkYWJsZQ.very-secret";
    sandbox.gateway().dispatch(
        Some(world.guild),
        "INTERACTION_CREATE",
        json!({"id": "123", "application_id": sandbox.application_id().to_string(),
               "type": "two", "token": secret, "version": 1}),
    );
    let mut warned = false;
    for _ in 0..100 {
        if captured.text().contains("cannot read") {
            warned = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(warned, "the unreadable interaction was logged");
    let mut still = user.slash(world.channel, "hello", json!({})).await.unwrap();
    assert_eq!(still.response().await.unwrap().content(), Some("hello"));
    stop(&bot, task).await;
    assert!(
        !captured.text().contains(secret),
        "the token is in the logs"
    );
}

//! Discord's 3-second deadline, against the sandbox with Discord's timings: an invocation queued
//! behind a slow one is deferred before it waits; an auto-defer racing the handler's reply never
//! makes a second initial response (40060); responses racing each other from clones of one
//! context neither; a slow autocomplete callback is answered with no choices in time;
//! `send_modal` after a deferral and a response after the window are typed errors, the latter
//! without a request and logged once; `close()` waits for the invocations under way.

mod common;

use bot_core::command::{AutoDefer, AutocompleteContext, ResponseError};
use bot_core::model::{Label, Modal, TextInput, TextInputStyle};
use bot_core::prelude::*;
use bot_sandbox::{Sandbox, SandboxHandle};
use common::{capture_logs, commands_bot_builder, eventually, started, stop};
use serde_json::json;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// The auto-defer delay of the race, and how long its handler takes before replying.
const RACE: Duration = Duration::from_millis(300);

fn who(ctx: &ApplicationContext) -> String {
    ctx.author()
        .map(|user| user.username.to_string())
        .unwrap_or_default()
}

/// One at a time; the next waits. Takes 4 s.
#[slash_command(max_concurrency(1, Default, wait))]
async fn crawl(ctx: &ApplicationContext) -> CommandResult {
    tokio::time::sleep(Duration::from_secs(4)).await;
    ctx.respond(format!("crawled for {}", who(ctx))).await?;
    Ok(())
}

/// How many `race` invocations started.
static RACES: AtomicUsize = AtomicUsize::new(0);

// Each invocation replies a little earlier than the one before (0 to 6 ms, over 25 steps), so
// that some replies come just before the deferral, some while its request is in flight, some
// just after.
/// Replies when the bot's auto-defer fires.
#[slash_command]
async fn race(ctx: &ApplicationContext) -> CommandResult {
    let step = RACES.fetch_add(1, Ordering::SeqCst) % 25;
    tokio::time::sleep(RACE - Duration::from_micros(step as u64 * 250)).await;
    ctx.respond("raced").await?;
    Ok(())
}

/// Replies twice at once, from two clones of its context.
#[slash_command]
async fn twice(ctx: &ApplicationContext) -> CommandResult {
    let other = ctx.clone();
    let (first, second) = tokio::join!(ctx.respond("one"), other.respond("two"));
    first?;
    second?;
    Ok(())
}

/// Suggests too late.
async fn sluggish(ctx: &AutocompleteContext) -> Vec<String> {
    tokio::time::sleep(Duration::from_secs(5)).await;
    vec![format!("{} (late)", ctx.value())]
}

/// Looks a term up.
#[slash_command]
async fn lookup(
    ctx: &ApplicationContext,
    /// The term
    #[autocomplete = sluggish]
    term: String,
) -> CommandResult {
    ctx.respond(term).await?;
    Ok(())
}

fn form() -> Modal {
    Modal::new("feedback", "Tell us").component(Label::new(
        "What went well?",
        TextInput::new("good", TextInputStyle::Paragraph),
    ))
}

/// Deferred early, then tries to open a modal.
#[slash_command(auto_defer(after = 0.2))]
async fn survey(ctx: &ApplicationContext) -> CommandResult {
    tokio::time::sleep(Duration::from_millis(600)).await;
    let refused = ctx.send_modal(form()).await;
    let text = match refused {
        Err(ResponseError::ModalAfterDefer) => "modal refused: deferred",
        Err(_) => "modal refused otherwise",
        Ok(()) => "modal sent",
    };
    ctx.respond(text).await?;
    Ok(())
}

/// Opts out of auto-defer: opens its modal after the default delay has passed.
#[slash_command(auto_defer = false)]
async fn feedback(ctx: &ApplicationContext) -> CommandResult {
    tokio::time::sleep(AutoDefer::DEFAULT_DELAY + Duration::from_millis(300)).await;
    ctx.send_modal(form()).await?;
    Ok(())
}

/// What `dawdle`'s late response gave: `Some(true)` for `ResponseError::Expired`.
static DAWDLED: Mutex<Option<bool>> = Mutex::new(None);

/// Never deferred, answers after the window.
#[slash_command(auto_defer = false)]
async fn dawdle(ctx: &ApplicationContext) -> CommandResult {
    tokio::time::sleep(Duration::from_millis(3_200)).await;
    let late = ctx.respond("too late").await;
    *DAWDLED.lock().unwrap() = Some(matches!(late, Err(ResponseError::Expired)));
    late?;
    Ok(())
}

/// How many `wrap_up` and `forever` invocations started.
static WRAPPING: AtomicUsize = AtomicUsize::new(0);
static STUCK: AtomicBool = AtomicBool::new(false);

/// Takes a second.
#[slash_command]
async fn wrap_up(ctx: &ApplicationContext) -> CommandResult {
    WRAPPING.fetch_add(1, Ordering::SeqCst);
    tokio::time::sleep(Duration::from_secs(1)).await;
    ctx.respond("wrapped up").await?;
    Ok(())
}

/// Never ends.
#[slash_command(auto_defer = false)]
async fn forever(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    STUCK.store(true, Ordering::SeqCst);
    std::future::pending::<()>().await;
    Ok(())
}

async fn sandbox() -> SandboxHandle {
    Sandbox::builder().start().await.unwrap()
}

#[tokio::test]
async fn an_invocation_queued_behind_a_slow_one_is_deferred_and_both_are_answered() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let (alice, bob) = (sandbox.user(world.owner), sandbox.user(world.member));
    let mut first = alice
        .slash(world.channel, "crawl", json!({}))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut second = bob.slash(world.channel, "crawl", json!({})).await.unwrap();
    // Both were answered within Discord's 3 s: deferred (the first by the auto-defer, the
    // second before it waited for the slot).
    let (one, two) = tokio::join!(first.response(), second.response());
    assert_eq!(one.expect("the first was answered in time").kind, 5);
    assert_eq!(two.expect("the second was answered in time").kind, 5);
    // Each reply replaced its "thinking…", one after the other.
    let one = first
        .wait_for_edit("crawled for alice", Duration::from_secs(6))
        .await;
    assert_eq!(one.unwrap()["content"], "crawled for alice");
    let two = second
        .wait_for_edit("crawled for bob", Duration::from_secs(6))
        .await;
    assert_eq!(two.unwrap()["content"], "crawled for bob");
    assert!(first.followups().is_empty() && second.followups().is_empty());
    stop(&bot, task).await;
}

/// On one thread, so that the logs of every task are captured.
#[tokio::test]
async fn an_auto_defer_racing_the_reply_never_answers_twice() {
    let (captured, _logs) = capture_logs();
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox)
        .auto_defer(AutoDefer::after(RACE))
        .build()
        .unwrap();
    let task = started(&bot).await;
    let users = [sandbox.user(world.owner), sandbox.user(world.member)];
    let mut invocations = Vec::new();
    for i in 0..50 {
        let user = &users[i % 2];
        invocations.push(user.slash(world.channel, "race", json!({})).await.unwrap());
        tokio::time::sleep(Duration::from_millis(3)).await;
    }
    let (mut replied, mut deferred) = (0, 0);
    for invocation in &mut invocations {
        let response = invocation.response().await.expect("answered in time");
        match response.kind {
            4 => {
                assert_eq!(response.content(), Some("raced"));
                replied += 1;
            }
            5 => {
                let edited = invocation
                    .wait_for_edit("raced", Duration::from_secs(5))
                    .await;
                assert_eq!(edited.unwrap()["content"], "raced", "the reply edited it");
                deferred += 1;
            }
            other => panic!("unexpected response type {other}"),
        }
    }
    // Answered once each: no follow-up, no failed second initial response.
    for invocation in &invocations {
        assert!(invocation.followups().is_empty());
    }
    assert_eq!(replied + deferred, 50);
    stop(&bot, task).await;
    let logs = captured.text();
    assert!(!logs.contains("40060"), "a second initial response: {logs}");
    assert!(!logs.contains("command failed"), "{logs}");
    assert!(!logs.contains("auto-defer failed"), "{logs}");
}

#[tokio::test]
async fn two_clones_replying_at_once_send_one_initial_response_and_one_follow_up() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    for _ in 0..5 {
        let mut invocation = user.slash(world.channel, "twice", json!({})).await.unwrap();
        let first = invocation.response().await.unwrap();
        assert_eq!(first.kind, 4);
        let followups = invocation
            .wait_for_followups(1, Duration::from_secs(3))
            .await;
        assert_eq!(followups.len(), 1, "the other reply followed up");
        let mut texts = [
            first.content().unwrap_or_default().to_owned(),
            followups[0]["content"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        ];
        texts.sort();
        assert_eq!(texts, ["one", "two"]);
    }
    stop(&bot, task).await;
}

#[tokio::test]
async fn a_slow_autocomplete_is_answered_with_no_choices_in_time() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    let mut typing = user
        .autocomplete(world.channel, "lookup", json!({"term": "ru"}), "term")
        .await
        .unwrap();
    let answer = typing.response().await.expect("answered within 3 s");
    assert_eq!(answer.kind, 8);
    assert_eq!(answer.data["choices"], json!([]));
    stop(&bot, task).await;
}

#[tokio::test]
async fn send_modal_after_a_deferral_is_a_typed_error_and_opting_out_keeps_modals() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    let mut survey = user
        .slash(world.channel, "survey", json!({}))
        .await
        .unwrap();
    assert_eq!(survey.response().await.unwrap().kind, 5, "auto-deferred");
    let edited = survey
        .wait_for_edit("modal refused: deferred", Duration::from_secs(3))
        .await;
    assert_eq!(edited.unwrap()["content"], "modal refused: deferred");
    // `auto_defer = false`: still free to open a modal after the default delay.
    let mut feedback = user
        .slash(world.channel, "feedback", json!({}))
        .await
        .unwrap();
    let modal = feedback.response().await.unwrap();
    assert_eq!(modal.kind, 9);
    assert_eq!(modal.data["custom_id"], "feedback");
    stop(&bot, task).await;
}

/// On one thread, so that the logs of every task are captured.
#[tokio::test]
async fn a_response_after_the_window_is_a_typed_error_logged_once_without_a_request() {
    let (captured, _logs) = capture_logs();
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    let (requests_before, _) = sandbox.request_counts();
    let mut late = user
        .slash(world.channel, "dawdle", json!({}))
        .await
        .unwrap();
    assert!(late.response().await.is_err(), "nothing answered in time");
    assert!(
        eventually(Duration::from_secs(3), || DAWDLED.lock().unwrap().is_some()).await,
        "the handler responded"
    );
    assert_eq!(
        *DAWDLED.lock().unwrap(),
        Some(true),
        "ResponseError::Expired"
    );
    // The error chain ran; neither the response nor the default error reply made a request.
    assert!(
        eventually(Duration::from_secs(2), || captured
            .text()
            .contains("handled"))
        .await,
        "the invocation ended"
    );
    let (requests_after, _) = sandbox.request_counts();
    assert_eq!(requests_after, requests_before, "no request for it");
    let logs = captured.text();
    let expiry = logs
        .lines()
        .filter(|line| line.contains("not answered within Discord's 3 s"))
        .count();
    assert_eq!(expiry, 1, "logged once: {logs}");
    assert!(!logs.contains("command failed"), "{logs}");
    stop(&bot, task).await;
}

#[tokio::test]
async fn close_during_a_handler_sends_its_reply_before_run_returns() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let runner = bot.clone();
    let running = tokio::spawn(async move { runner.run().await });
    tokio::time::timeout(Duration::from_secs(10), bot.wait_until_ready())
        .await
        .expect("ready in time")
        .unwrap();
    let user = sandbox.user(world.member);
    let invocation = user
        .slash(world.channel, "wrap_up", json!({}))
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(3), || WRAPPING.load(Ordering::SeqCst)
            > 0)
        .await,
        "the handler started"
    );
    bot.close();
    let result = tokio::time::timeout(Duration::from_secs(10), running)
        .await
        .expect("run returns")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
    // Read at once: the reply was sent before `run` returned.
    let reply = invocation.original_message().expect("the reply was sent");
    assert_eq!(reply["content"], "wrapped up");
}

#[tokio::test]
async fn close_waits_no_longer_than_its_grace_for_a_stuck_handler() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox)
        .close_grace(Duration::from_millis(500))
        .build()
        .unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    let _stuck = user
        .slash(world.channel, "forever", json!({}))
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(3), || STUCK.load(Ordering::SeqCst)).await,
        "the handler started"
    );
    let closing = tokio::time::Instant::now();
    stop(&bot, task).await;
    let took = closing.elapsed();
    assert!(took >= Duration::from_millis(500), "it waited: {took:?}");
    assert!(
        took < Duration::from_secs(3),
        "no longer than the grace: {took:?}"
    );
}

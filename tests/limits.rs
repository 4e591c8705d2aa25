//! Cooldowns and concurrency limits end to end, with short real windows: a cooldown per user
//! that trips and resets, `max_concurrency` refusing (no wait) and queueing (wait), the default
//! ephemeral replies, and a bot's own `error_reply`. An invocation that has to wait for a slot
//! is deferred before it waits.

mod common;

use bot_core::command::State;
use bot_core::prelude::*;
use common::{commands_bot_builder, started, stop};
use serde_json::json;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Holds handlers until the test lets them go, and records who started.
struct Gate {
    permits: Semaphore,
    started: Mutex<Vec<String>>,
    running: AtomicUsize,
}

impl Gate {
    fn new() -> Self {
        Gate {
            permits: Semaphore::new(0),
            started: Mutex::new(Vec::new()),
            running: AtomicUsize::new(0),
        }
    }

    async fn pass(&self, who: &str) {
        self.started.lock().unwrap().push(who.to_owned());
        self.running.fetch_add(1, Ordering::SeqCst);
        self.permits.acquire().await.unwrap().forget();
        self.running.fetch_sub(1, Ordering::SeqCst);
    }

    /// Waits until `n` handlers have started.
    async fn started(&self, n: usize) {
        tokio::time::timeout(Duration::from_secs(5), async {
            while self.started.lock().unwrap().len() < n {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
        .await
        .expect("the handlers started");
    }
}

fn who(ctx: &ApplicationContext) -> String {
    ctx.author()
        .map(|user| user.username.to_string())
        .unwrap_or_default()
}

/// Once per 300 ms per user.
#[slash_command(cooldown(1, 0.3, User))]
async fn tick(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("tock").await?;
    Ok(())
}

/// One at a time per guild; the next is refused.
#[slash_command(max_concurrency(1, Guild))]
async fn slow(ctx: &ApplicationContext, gate: State<Gate>) -> CommandResult {
    gate.pass(&who(ctx)).await;
    ctx.respond("slow done").await?;
    Ok(())
}

/// One at a time everywhere; the next waits.
#[slash_command(max_concurrency(1, Default, wait))]
async fn queued(ctx: &ApplicationContext, gate: State<Gate>) -> CommandResult {
    gate.pass(&who(ctx)).await;
    ctx.respond("queued done").await?;
    Ok(())
}

fn builder(sandbox: &bot_sandbox::SandboxHandle) -> bot_core::BotBuilder {
    commands_bot_builder(sandbox).data(Gate::new())
}

#[tokio::test]
async fn a_cooldown_trips_per_user_and_resets_after_its_window() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let (alice, bob) = (sandbox.user(world.member), sandbox.user(world.owner));
    let tick = |user: bot_sandbox::ScriptedUser| async move {
        let mut invocation = user.slash(world.channel, "tick", json!({})).await.unwrap();
        let response = invocation.response().await.unwrap();
        (
            response.content().unwrap_or_default().to_owned(),
            response.ephemeral(),
        )
    };
    assert_eq!(tick(alice.clone()).await, ("tock".to_owned(), false));
    let (text, ephemeral) = tick(alice.clone()).await;
    assert!(
        text.starts_with("You are on cooldown. Try again in 0."),
        "{text}"
    );
    assert!(ephemeral);
    // Another user has a bucket of their own.
    assert_eq!(tick(bob.clone()).await, ("tock".to_owned(), false));
    tokio::time::sleep(Duration::from_millis(350)).await;
    assert_eq!(tick(alice).await, ("tock".to_owned(), false));
    stop(&bot, task).await;
}

#[tokio::test]
async fn max_concurrency_refuses_or_queues_the_next_invocation() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let gate = bot.data::<Gate>().unwrap();
    let (alice, bob) = (sandbox.user(world.member), sandbox.user(world.owner));

    // No wait: while one runs in the guild, the next is refused at once.
    let mut first = alice.slash(world.channel, "slow", json!({})).await.unwrap();
    gate.started(1).await;
    let mut second = bob.slash(world.channel, "slow", json!({})).await.unwrap();
    let refused = second.response().await.unwrap();
    assert_eq!(
        refused.content(),
        Some(
            "Too many people are using this command. It can only be used 1 time per guild \
             concurrently."
        )
    );
    assert!(refused.ephemeral());
    gate.permits.add_permits(1);
    assert_eq!(first.response().await.unwrap().content(), Some("slow done"));
    // The slot was given back.
    let mut third = bob.slash(world.channel, "slow", json!({})).await.unwrap();
    gate.started(2).await;
    gate.permits.add_permits(1);
    assert_eq!(third.response().await.unwrap().content(), Some("slow done"));

    // Wait: the next one starts when the first ends.
    let mut first = alice
        .slash(world.channel, "queued", json!({}))
        .await
        .unwrap();
    gate.started(3).await;
    let mut second = bob.slash(world.channel, "queued", json!({})).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        gate.started.lock().unwrap().len(),
        3,
        "the second waits for a slot"
    );
    assert_eq!(gate.running.load(Ordering::SeqCst), 1);
    gate.permits.add_permits(2);
    assert_eq!(
        first.response().await.unwrap().content(),
        Some("queued done")
    );
    // The second had to wait: it was deferred before it did, and its reply replaced
    // "thinking…".
    assert_eq!(second.response().await.unwrap().kind, 5);
    let edited = second
        .wait_for_edit("queued done", Duration::from_secs(5))
        .await;
    assert_eq!(edited.unwrap()["content"], "queued done");
    let started: Vec<String> = gate.started.lock().unwrap().clone();
    assert_eq!(started.len(), 4);
    assert_ne!(started[2], started[3], "both ran, one after the other");
    stop(&bot, task).await;
}

#[tokio::test]
async fn a_bots_error_reply_replaces_the_default_text() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = builder(&sandbox)
        .error_reply(|error| match error {
            CommandError::OnCooldown(cooldown) => Some(
                Reply::new(format!(
                    "slow down ({} per window)",
                    cooldown.cooldown.rate()
                ))
                .ephemeral(),
            ),
            other => bot_core::invoke::default_error_reply(other),
        })
        .build()
        .unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    let mut first = user.slash(world.channel, "tick", json!({})).await.unwrap();
    assert_eq!(first.response().await.unwrap().content(), Some("tock"));
    let mut second = user.slash(world.channel, "tick", json!({})).await.unwrap();
    let answer = second.response().await.unwrap();
    assert_eq!(answer.content(), Some("slow down (1 per window)"));
    assert!(answer.ephemeral());
    stop(&bot, task).await;
}

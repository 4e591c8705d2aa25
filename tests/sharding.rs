//! Sharding end to end against `bot-sandbox` as Discord: shards that identify through the
//! identify queue (`max_concurrency` buckets, no INVALID_SESSION), one bot split over two
//! `shard_ids` ranges, sessions kept across refused connections, a gateway that ignores IDENTIFY,
//! 4014 naming the intents, and the session start budget against the token reset.
//!
//! Windows are shortened on both sides (the sandbox's `identify_window`, the queue's `window`,
//! a little longer); timings are asserted as lower bounds only.

mod common;

use bot_core::gateway::{Enqueued, GatewayError, IdentifyQueue, IdentifyQueueError, LocalQueue};
use bot_core::prelude::*;
use bot_sandbox::{Sandbox, SandboxHandle, Timings};
use common::{bot_without_commands, resumed, started, started_with_events, stop};
use futures_util::StreamExt;
use serde_json::json;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The sandbox's identify window in these tests.
const SANDBOX_WINDOW: Duration = Duration::from_millis(150);
/// The bot's: a little longer, for the time an IDENTIFY takes to arrive.
const QUEUE_WINDOW: Duration = Duration::from_millis(200);

async fn sharded_sandbox(shards: u64, max_concurrency: u64) -> SandboxHandle {
    Sandbox::builder()
        .shards(shards)
        .max_concurrency(max_concurrency)
        .timings(Timings {
            identify_window: SANDBOX_WINDOW,
            ..Timings::default()
        })
        .start()
        .await
        .expect("the sandbox starts")
}

fn builder(sandbox: &SandboxHandle) -> bot_core::BotBuilder {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(bot_core::command::CommandRegistry::default())
}

/// Waits up to 20 s for the bot to be ready (16 shards a window apart take a few seconds).
async fn started_slowly(bot: &Bot) -> common::Running {
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.start().await });
    let ready = tokio::time::timeout(Duration::from_secs(20), bot.wait_until_ready()).await;
    assert!(matches!(ready, Ok(Ok(()))), "the bot got ready: {ready:?}");
    task
}

/// No two IDENTIFYs of one rate-limit key closer than the sandbox's window.
fn assert_buckets_apart(sandbox: &SandboxHandle) {
    let mut by_bucket: HashMap<u64, Vec<std::time::Instant>> = HashMap::new();
    for record in sandbox.gateway().identifies() {
        by_bucket.entry(record.bucket).or_default().push(record.at);
    }
    for (bucket, times) in by_bucket {
        for pair in times.windows(2) {
            assert!(
                pair[1] - pair[0] >= SANDBOX_WINDOW,
                "bucket {bucket}: IDENTIFYs {:?} apart",
                pair[1] - pair[0]
            );
        }
    }
}

/// The shards the sandbox saw identify.
fn identified_shards(sandbox: &SandboxHandle) -> BTreeSet<u64> {
    sandbox
        .gateway()
        .identifies()
        .iter()
        .map(|r| r.shard[0])
        .collect()
}

async fn sixteen_shards_get_ready(max_concurrency: u64) {
    let sandbox = sharded_sandbox(16, max_concurrency).await;
    let hooked: Arc<Mutex<Vec<(u64, bool)>>> = Arc::default();
    let seen = hooked.clone();
    let bot = builder(&sandbox)
        .identify_queue(LocalQueue::new(1).window(QUEUE_WINDOW))
        .before_identify_hook(move |shard, initial| {
            seen.lock().unwrap().push((shard, initial));
            async {}
        })
        .build()
        .unwrap();
    let task = started_slowly(&bot).await;
    let gateway = sandbox.gateway();
    assert_eq!(identified_shards(&sandbox), (0..16).collect());
    assert_eq!(gateway.identify_count(), 16, "one IDENTIFY per shard");
    assert_eq!(gateway.invalid_sessions_sent(), 0, "no INVALID_SESSION");
    assert_buckets_apart(&sandbox);
    assert!(gateway.identifies().iter().all(|r| r.shard[1] == 16));
    assert_eq!(bot.guilds().len(), 16, "one seeded guild per shard");
    let mut hooked = hooked.lock().unwrap().clone();
    hooked.sort_unstable();
    assert_eq!(hooked, (0..16).map(|s| (s, true)).collect::<Vec<_>>());
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixteen_shards_at_max_concurrency_one_identify_a_window_apart() {
    sixteen_shards_get_ready(1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixteen_shards_at_max_concurrency_sixteen_identify_in_one_window() {
    sixteen_shards_get_ready(16).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_of_one_bot_split_the_guilds_between_them() {
    // Two bots in this process stand for two processes: `shard_ids` 0-7 and 8-15 of 16, one
    // identify queue (they share a token, so Discord's buckets are theirs together).
    let sandbox = sharded_sandbox(16, 1).await;
    let queue = LocalQueue::new(1).window(QUEUE_WINDOW);
    let half = |ids: std::ops::Range<u64>| {
        builder(&sandbox)
            .identify_queue(queue.clone())
            .shard_count(16)
            .shard_ids(ids)
            .build()
            .unwrap()
    };
    let (first, second) = (half(0..8), half(8..16));
    let mut first_events = first.events();
    let mut second_events = second.events();
    let (a, b) = tokio::join!(started_slowly(&first), started_slowly(&second));
    assert_eq!(identified_shards(&sandbox), (0..16).collect());
    assert_eq!(sandbox.gateway().invalid_sessions_sent(), 0);
    assert_buckets_apart(&sandbox);

    let guilds = sandbox.guild_ids();
    let shard_of = |guild: u64| (guild >> 22) % 16;
    let holds: BTreeSet<u64> = guilds.iter().map(|g| shard_of(*g)).collect();
    assert_eq!(holds, (0..16).collect(), "every shard holds a guild");
    let cached = |bot: &Bot| -> BTreeSet<u64> { bot.guilds().iter().map(|g| g.id.get()).collect() };
    let (mine, theirs) = (cached(&first), cached(&second));
    assert!(mine.iter().all(|g| shard_of(*g) < 8), "{mine:?}");
    assert!(theirs.iter().all(|g| shard_of(*g) >= 8), "{theirs:?}");
    assert_eq!(
        mine.union(&theirs).copied().collect::<Vec<_>>(),
        guilds,
        "every guild is in exactly one of them"
    );

    // One message in each guild: each reaches the process that runs its shard, and only it.
    let world = sandbox.default_guild().unwrap();
    for (n, guild) in guilds.iter().enumerate() {
        let mut message = common::numbered_message(world.channel, world.member, n);
        message["guild_id"] = json!(guild.to_string());
        sandbox
            .gateway()
            .dispatch(Some(*guild), "MESSAGE_CREATE", message);
    }
    async fn guilds_of_messages(
        events: &mut (impl futures_util::Stream<Item = Event> + Unpin),
        count: usize,
    ) -> Vec<u64> {
        let mut got = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(5), async {
            while got.len() < count {
                match events.next().await {
                    Some(Event::MessageCreate(m)) => {
                        got.push(m.guild_id.map_or(0, |g| g.get()));
                    }
                    Some(_) => {}
                    None => break,
                }
            }
        })
        .await;
        got
    }
    let mut got_first = guilds_of_messages(&mut first_events, mine.len()).await;
    let mut got_second = guilds_of_messages(&mut second_events, theirs.len()).await;
    // Nothing more comes to either (a stray message would be a guild of the other's).
    tokio::time::sleep(Duration::from_millis(300)).await;
    while let Some(Some(event)) = first_events.next().now_or_never_ready() {
        if let Event::MessageCreate(m) = event {
            got_first.push(m.guild_id.map_or(0, |g| g.get()));
        }
    }
    while let Some(Some(event)) = second_events.next().now_or_never_ready() {
        if let Event::MessageCreate(m) = event {
            got_second.push(m.guild_id.map_or(0, |g| g.get()));
        }
    }
    got_first.sort_unstable();
    got_second.sort_unstable();
    assert_eq!(got_first, mine.iter().copied().collect::<Vec<_>>());
    assert_eq!(got_second, theirs.iter().copied().collect::<Vec<_>>());
    stop(&first, a).await;
    stop(&second, b).await;
}

/// `FutureExt::now_or_never` on a stream's next item.
trait NowOrNever: std::future::Future + Sized {
    fn now_or_never_ready(self) -> Option<Self::Output> {
        futures_util::FutureExt::now_or_never(self)
    }
}

impl<F: std::future::Future> NowOrNever for F {}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_seconds_of_refused_connections_keep_the_session() {
    let sandbox = sharded_sandbox(1, 1).await;
    let bot = bot_without_commands(&sandbox);
    let (task, mut events) = started_with_events(&bot).await;
    let gateway = sandbox.gateway();
    gateway.refuse_connections(true);
    gateway.drop_connections();
    tokio::time::sleep(Duration::from_secs(3)).await;
    gateway.refuse_connections(false);
    assert!(resumed(&mut events).await, "the session was resumed");
    assert_eq!(gateway.identify_count(), 1, "no second IDENTIFY");
    assert!(gateway.resume_count() >= 1);
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_that_ignores_identify_is_left_after_the_ready_timeout() {
    let sandbox = sharded_sandbox(1, 1).await;
    let gateway = sandbox.gateway();
    gateway.ignore_identify(true);
    let bot = builder(&sandbox)
        .identify_queue(LocalQueue::new(1).window(QUEUE_WINDOW))
        .ready_timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.start().await });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(gateway.identify_count(), 0, "nothing answered yet");
    // From now on IDENTIFY is answered: only a shard that left its silent connection gets READY.
    gateway.ignore_identify(false);
    let ready = tokio::time::timeout(Duration::from_secs(10), bot.wait_until_ready()).await;
    assert!(
        matches!(ready, Ok(Ok(()))),
        "ready on a new connection: {ready:?}"
    );
    assert_eq!(gateway.identify_count(), 1);
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disallowed_intents_are_a_typed_error_naming_them() {
    let sandbox = Sandbox::builder()
        .allowed_privileged_intents(bot_sandbox::GUILD_PRESENCES)
        .start()
        .await
        .unwrap();
    let asked = Intents::MESSAGE_CONTENT | Intents::GUILD_MEMBERS;
    let bot = builder(&sandbox)
        .intents(Intents::default() | asked)
        .build()
        .unwrap();
    let error = tokio::time::timeout(Duration::from_secs(10), bot.start())
        .await
        .expect("the bot stops")
        .unwrap_err();
    let bot_core::Error::Gateway(GatewayError::DisallowedIntents { intents }) = &error else {
        panic!("not the 4014 error: {error}");
    };
    assert_eq!(*intents, asked);
    let text = error.to_string();
    for part in [
        "4014",
        "GUILD_MEMBERS",
        "MESSAGE_CONTENT",
        "developer portal",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
}

/// A queue that lets every IDENTIFY through at once: no buckets, no budget.
#[derive(Debug)]
struct Careless;

impl IdentifyQueue for Careless {
    fn enqueue(&self, _shard_id: u64) -> Enqueued {
        Box::pin(async { Ok(()) })
    }
}

/// A sandbox with one session start a day, and IDENTIFYs unpaced.
async fn one_start_a_day() -> SandboxHandle {
    Sandbox::builder()
        .session_start_limit(1)
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_start_budget_stops_the_bot_before_the_token_is_reset() {
    let sandbox = one_start_a_day().await;
    let token = sandbox.token();
    let hooked: Arc<Mutex<Vec<(u64, bool)>>> = Arc::default();
    let seen = hooked.clone();
    let bot = builder(&sandbox)
        .session_start_max_wait(Duration::from_secs(60))
        .before_identify_hook(move |shard, initial| {
            seen.lock().unwrap().push((shard, initial));
            async {}
        })
        .build()
        .unwrap();
    let task = started(&bot).await;
    // The session is lost for good: a new one would be the day's second.
    sandbox.gateway().send_invalid_session(false);
    let ended = tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .expect("the bot stops")
        .unwrap();
    assert!(
        matches!(
            ended,
            Err(bot_core::Error::Gateway(GatewayError::IdentifyQueue(
                IdentifyQueueError::SessionStartsExhausted { total: 1, .. }
            )))
        ),
        "{ended:?}"
    );
    assert_eq!(*hooked.lock().unwrap(), [(0, true), (0, false)]);
    assert_eq!(sandbox.gateway().identify_count(), 1);
    assert_eq!(sandbox.token(), token, "the token was not reset");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_session_starts_the_sandbox_resets_the_token_as_discord_does() {
    let sandbox = one_start_a_day().await;
    let old = sandbox.token();
    let bot = builder(&sandbox).identify_queue(Careless).build().unwrap();
    let task = started(&bot).await;
    sandbox.gateway().send_invalid_session(false);
    let ended = tokio::time::timeout(Duration::from_secs(15), task)
        .await
        .expect("the bot stops")
        .unwrap();
    assert!(
        matches!(
            &ended,
            Err(bot_core::Error::Gateway(GatewayError::Fatal {
                code: 4004,
                ..
            }))
        ),
        "{ended:?}"
    );
    assert_ne!(sandbox.token(), old, "a new token");
    let rest = bot_core::http::Http::new(sandbox.rest_url(), bot_core::http::Token::new(old));
    let refused = rest.current_user().await.unwrap_err();
    assert!(refused.to_string().contains("401"), "{refused}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shard_over_the_guild_limit_is_closed_with_4011() {
    let sandbox = Sandbox::builder()
        .max_guilds_per_shard(3)
        .start()
        .await
        .unwrap();
    let owner = sandbox.default_guild().unwrap().owner;
    for n in 0..3 {
        sandbox.add_guild(&format!("extra {n}"), owner);
    }
    let bot = bot_without_commands(&sandbox);
    let error = tokio::time::timeout(Duration::from_secs(10), bot.start())
        .await
        .expect("the bot stops")
        .unwrap_err();
    assert!(
        matches!(
            &error,
            bot_core::Error::Gateway(GatewayError::Fatal { code: 4011, .. })
        ),
        "{error}"
    );
    assert!(error.to_string().contains("2500"), "{error}");
}

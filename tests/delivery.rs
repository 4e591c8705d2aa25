//! The delivery policy against the sandbox, with Discord's timings: no consumer stops its shard
//! from reading. A listener stuck for good, or an `events()` stream never polled, lags alone —
//! its lag reported, exactly what it lost — while commands are answered and a listener within
//! its budget gets everything in order; Pycord's quiz idiom (`wait_for` inside a listener) works;
//! events queued within a budget survive a resumed connection; waiters come and go in
//! logarithmic time; a panicking listener closure is reported and the listener goes on; a bot
//! starts once.

mod common;

use bot_core::event::{
    Budget, Event, EventError, EventFailure, Lagged, ListenerOptions, MessageCreate, Received,
};
use bot_core::prelude::*;
use bot_core::{Bot, Error};
use bot_sandbox::{Sandbox, SandboxHandle, Timings};
use common::{eventually, numbered_message, started, stop};
use futures_util::StreamExt;
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Says hello.
#[slash_command]
async fn hello(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("hello").await?;
    Ok(())
}

/// What `on_error` was told, per bot (each test's bot has its own).
#[derive(Default)]
struct Reports {
    lags: Mutex<Vec<Lagged>>,
    panics: Mutex<Vec<(String, String)>>,
}

impl Reports {
    /// Events reported lost by `consumer`, in all.
    fn lost_by(&self, consumer: &str) -> u64 {
        self.lags
            .lock()
            .unwrap()
            .iter()
            .filter(|lag| lag.consumer == consumer)
            .map(|lag| lag.dropped)
            .sum()
    }
}

#[event]
async fn on_error(bot: &Context, error: &EventError) {
    let Some(reports) = bot.data::<Reports>() else {
        return;
    };
    match &error.failure {
        EventFailure::Lagged(lag) => reports.lags.lock().unwrap().push(lag.clone()),
        EventFailure::Panic(message) => reports
            .panics
            .lock()
            .unwrap()
            .push((error.listener.clone(), message.clone())),
        _ => {}
    }
}

async fn sandbox(timings: Timings) -> SandboxHandle {
    Sandbox::builder()
        .timings(timings)
        .start()
        .await
        .expect("the sandbox starts")
}

fn bot(sandbox: &SandboxHandle) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::MESSAGE_CONTENT)
        .registry(bot_core::command::CommandRegistry::collect().expect("the commands fit"))
        .data(Reports::default())
        .lag_report_interval(Duration::from_millis(200))
        .build()
        .expect("a valid bot")
}

/// The numbers of numbered messages a listener saw.
type Numbers = Arc<Mutex<Vec<usize>>>;

/// A listener that notes every numbered message, with a budget that holds them all.
fn counting_listener(bot: &Bot, budget: usize) -> Numbers {
    let numbers = Numbers::default();
    let seen = numbers.clone();
    bot.add_listener_with(
        ListenerOptions::new()
            .name("counting")
            .budget(Budget::events_only(budget)),
        move |message: Received<MessageCreate>| {
            let seen = seen.clone();
            async move {
                if let Ok(n) = message.content.parse() {
                    seen.lock().unwrap().push(n);
                }
            }
        },
    );
    numbers
}

const MESSAGES: usize = 1_000;
const BATCH: usize = 100;
const STUCK_BUDGET: usize = 100;

/// Who is stuck in [`a_stuck_consumer_lags_alone`].
#[derive(Clone, Copy, Debug)]
enum Stuck {
    Listener,
    UnpolledEvents,
}

/// A consumer that takes nothing more, 1,000 messages in awaited batches of 100: the stuck one
/// loses exactly what is past its budget, `/hello` is answered, and a listener with room gets
/// all 1,000 in order.
async fn a_stuck_consumer_lags_alone(stuck: Stuck) {
    let sandbox = sandbox(Timings::default()).await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let counted = counting_listener(&bot, MESSAGES);
    let budget = Budget::events_only(STUCK_BUDGET);
    let stuck_name = match stuck {
        Stuck::Listener => {
            bot.add_listener_with(
                ListenerOptions::new().name("stuck").budget(budget),
                |_: Received<MessageCreate>| std::future::pending::<()>(),
            );
            "stuck".to_owned()
        }
        Stuck::UnpolledEvents => String::new(),
    };
    let task = started(&bot).await;
    let held = matches!(stuck, Stuck::UnpolledEvents).then(|| bot.events_with_budget(budget));
    let reports = bot.data::<Reports>().unwrap();
    for batch in 0..MESSAGES / BATCH {
        let burst = sandbox.gateway().firehose(
            Some(world.guild),
            "MESSAGE_CREATE",
            (batch * BATCH..(batch + 1) * BATCH)
                .map(|n| numbered_message(world.channel, world.member, n)),
        );
        assert!(
            burst.wait_written(Duration::from_secs(10)).await,
            "batch {batch} written: the shard reads on"
        );
    }
    assert!(
        eventually(Duration::from_secs(10), || counted.lock().unwrap().len()
            == MESSAGES)
        .await,
        "the listener with room got {} of {MESSAGES}",
        counted.lock().unwrap().len()
    );
    assert_eq!(
        *counted.lock().unwrap(),
        (0..MESSAGES).collect::<Vec<_>>(),
        "all, in order"
    );
    let expected_loss = (MESSAGES - STUCK_BUDGET) as u64;
    let stuck_name = if stuck_name.is_empty() {
        // The unpolled stream is named by the dispatcher: the one consumer that lagged.
        let lagged = eventually(Duration::from_secs(5), || {
            !reports.lags.lock().unwrap().is_empty()
        })
        .await;
        assert!(lagged, "the held stream was reported");
        reports.lags.lock().unwrap()[0].consumer.clone()
    } else {
        stuck_name
    };
    assert!(
        stuck_name.starts_with("stuck") || stuck_name.starts_with("events() #"),
        "{stuck_name}"
    );
    assert!(
        eventually(Duration::from_secs(5), || reports.lost_by(&stuck_name)
            >= expected_loss)
        .await,
        "reported lost: {} of the expected {expected_loss}",
        reports.lost_by(&stuck_name)
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        reports.lost_by(&stuck_name),
        expected_loss,
        "exactly that: {:?}",
        reports.lags.lock().unwrap()
    );
    assert!(
        reports
            .lags
            .lock()
            .unwrap()
            .iter()
            .all(|lag| lag.consumer == stuck_name && lag.shard == 0),
        "only the stuck consumer lagged"
    );
    assert_eq!(bot.dispatch_stats().lagged, expected_loss);

    let mut invocation = sandbox
        .user(world.member)
        .slash(world.channel, "hello", json!({}))
        .await
        .unwrap();
    let response = invocation.response().await;
    assert_eq!(
        response.as_ref().ok().and_then(|r| r.content()),
        Some("hello"),
        "a command is answered while {stuck:?} is stuck: {response:?}"
    );
    drop(held);
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stuck_listener_lags_alone_while_commands_are_answered() {
    a_stuck_consumer_lags_alone(Stuck::Listener).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_events_stream_never_polled_lags_alone_while_commands_are_answered() {
    a_stuck_consumer_lags_alone(Stuck::UnpolledEvents).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_quiz_idiom_a_listener_awaiting_wait_for_gets_its_answer() {
    let sandbox = sandbox(Timings::default()).await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let answered: Arc<Mutex<Option<String>>> = Arc::default();
    let later: Arc<Mutex<Vec<String>>> = Arc::default();
    let (answer, after) = (answered.clone(), later.clone());
    bot.add_listener_with(
        ListenerOptions::new()
            .name("quiz")
            .budget(Budget::events_only(4)),
        move |message: Received<MessageCreate>| {
            let (answer, after) = (answer.clone(), after.clone());
            async move {
                if message.content != "quiz" {
                    after.lock().unwrap().push(message.content.clone());
                    return;
                }
                let reply = message
                    .bot()
                    .wait_for::<MessageCreate>(|m| m.content == "answer", Duration::from_secs(10))
                    .await;
                *answer.lock().unwrap() = Some(match reply {
                    Ok(reply) => reply.content.clone(),
                    Err(error) => error.to_string(),
                });
            }
        },
    );
    let task = started(&bot).await;
    let consumers = bot.event_consumers();
    let user = sandbox.user(world.member);
    user.send_message(world.channel, "quiz").await.unwrap();
    assert!(
        eventually(Duration::from_secs(5), || bot.event_consumers()
            == consumers + 1)
        .await,
        "the listener waits for the answer"
    );
    for n in 0..6 {
        user.send_message(world.channel, &format!("filler {n}"))
            .await
            .unwrap();
    }
    user.send_message(world.channel, "answer").await.unwrap();
    assert!(
        eventually(Duration::from_secs(12), || answered
            .lock()
            .unwrap()
            .is_some())
        .await,
        "the waiter ended; the listener saw {:?}; {:?}",
        later.lock().unwrap(),
        bot.dispatch_stats()
    );
    assert_eq!(answered.lock().unwrap().as_deref(), Some("answer"));
    assert!(
        eventually(Duration::from_secs(5), || later
            .lock()
            .unwrap()
            .last()
            .is_some_and(|last| last == "answer"))
        .await,
        "the listener goes on with its newest events: {:?}",
        later.lock().unwrap()
    );
    let reports = bot.data::<Reports>().unwrap();
    assert!(
        eventually(Duration::from_secs(5), || reports.lost_by("quiz") > 0).await,
        "the listener lagged behind its own wait, and was told"
    );
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_queued_within_a_budget_survive_a_dropped_connection_once_each_in_order() {
    let sandbox = sandbox(Timings {
        heartbeat_interval: Duration::from_millis(300),
        ..Timings::default()
    })
    .await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let task = started(&bot).await;
    // More than a queue of the old default (256) and within this stream's budget.
    let before = 300;
    let after = 50;
    let mut events = bot.events_with_budget(Budget::events_only(1_000));
    let gateway = sandbox.gateway();
    let burst = gateway.firehose(
        Some(world.guild),
        "MESSAGE_CREATE",
        (0..before).map(|n| numbered_message(world.channel, world.member, n)),
    );
    // Written or not (a client that stops reading holds the rest back), the connection drops.
    let _ = burst.wait_written(Duration::from_secs(2)).await;
    gateway.drop_connections();
    let resumed = eventually(Duration::from_secs(10), || gateway.resume_count() >= 1).await;
    assert!(resumed, "the shard resumed");
    let burst = gateway.firehose(
        Some(world.guild),
        "MESSAGE_CREATE",
        (before..before + after).map(|n| numbered_message(world.channel, world.member, n)),
    );
    assert!(burst.wait_written(Duration::from_secs(10)).await);
    let mut numbers = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), async {
        while numbers.len() < before + after {
            match events.next().await {
                Some(Event::MessageCreate(message)) => {
                    numbers.push(message.content.parse::<usize>().unwrap());
                }
                Some(_) => {}
                None => return,
            }
        }
    })
    .await;
    assert!(read.is_ok(), "got {} of {}", numbers.len(), before + after);
    let extra = tokio::time::timeout(Duration::from_millis(300), async {
        loop {
            if let Some(Event::MessageCreate(message)) = events.next().await {
                return message.content.clone();
            }
        }
    })
    .await;
    assert!(extra.is_err(), "no message twice: {extra:?}");
    assert_eq!(numbers, (0..before + after).collect::<Vec<_>>());
    assert_eq!(bot.dispatch_stats().lagged, 0);
    assert_eq!(gateway.identify_count(), 1, "one session throughout");
    stop(&bot, task).await;
}

/// 1,000 waiters added and dropped with `live` waiters held; how long that took.
fn add_and_drop_rounds(bot: &Bot, live: usize) -> Duration {
    let held: Vec<_> = (0..live)
        .map(|_| bot.wait_for::<MessageCreate>(|_| false, None))
        .collect();
    let started = Instant::now();
    for _ in 0..1_000 {
        drop(bot.wait_for::<MessageCreate>(|_| false, None));
    }
    let took = started.elapsed();
    drop(held);
    took
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waiters_come_and_go_in_logarithmic_time_while_delivery_goes_on() {
    let sandbox = sandbox(Timings::default()).await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let counted = counting_listener(&bot, 10);
    let task = started(&bot).await;
    let consumers = bot.event_consumers();
    let small = add_and_drop_rounds(&bot, 2_000);
    let rounds = {
        let bot = bot.clone();
        tokio::task::spawn_blocking(move || add_and_drop_rounds(&bot, 20_000))
    };
    sandbox
        .user(world.member)
        .send_message(world.channel, "7")
        .await
        .unwrap();
    let delivered = eventually(Duration::from_secs(5), || {
        counted.lock().unwrap().as_slice() == [7]
    })
    .await;
    let large = rounds.await.unwrap();
    assert!(delivered, "the message reached its listener");
    assert!(
        large < Duration::from_secs(2),
        "1,000 rounds with 20,000 live waiters took {large:?}"
    );
    assert!(
        large < small * 3,
        "20,000 live waiters: {large:?}; 2,000: {small:?}"
    );
    assert_eq!(bot.event_consumers(), consumers, "every waiter removed");
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_listener_closure_is_reported_and_the_listener_goes_on() {
    let sandbox = sandbox(Timings::default()).await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let into = seen.clone();
    bot.add_listener_with(
        ListenerOptions::new().name("brittle"),
        move |message: Received<MessageCreate>| {
            if message.content == "boom" {
                panic!("the closure exploded");
            }
            let into = into.clone();
            async move {
                into.lock().unwrap().push(message.content.clone());
            }
        },
    );
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    for content in ["before", "boom", "after"] {
        user.send_message(world.channel, content).await.unwrap();
    }
    assert!(
        eventually(Duration::from_secs(5), || seen.lock().unwrap().len() == 2).await,
        "the listener went on: {:?}",
        seen.lock().unwrap()
    );
    assert_eq!(*seen.lock().unwrap(), ["before", "after"]);
    let reports = bot.data::<Reports>().unwrap();
    assert!(
        eventually(Duration::from_secs(5), || !reports
            .panics
            .lock()
            .unwrap()
            .is_empty())
        .await
    );
    assert_eq!(
        *reports.panics.lock().unwrap(),
        [("brittle".to_owned(), "the closure exploded".to_owned())]
    );
    assert_eq!(bot.dispatch_stats().listener_failures, 1);
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_start_while_running_is_refused() {
    let sandbox = sandbox(Timings::default()).await;
    let bot = bot(&sandbox);
    let task = started(&bot).await;
    let second = tokio::time::timeout(Duration::from_secs(2), bot.clone().start()).await;
    assert!(
        matches!(second, Ok(Err(Error::AlreadyStarted))),
        "{second:?}"
    );
    let connect = tokio::time::timeout(Duration::from_secs(2), bot.connect()).await;
    assert!(matches!(connect, Ok(Err(Error::AlreadyStarted))));
    assert_eq!(sandbox.gateway().identify_count(), 1, "one session");
    stop(&bot, task).await;
}

//! Listeners, waiters and streams against the sandbox: several listeners and a `once` listener on
//! one event, removal, `wait_for` (before and after the event, with a check, with a timeout),
//! `stream` with a limit, a panicking listener reported while the others run, readiness.

mod common;

use bot_core::Bot;
use bot_core::event::{
    Budget, Event, ListenerOptions, MessageCreate, MessageDelete, Received, WaitError,
};
use common::{capture_logs, message_bot_builder, started, stop};
use futures_util::StreamExt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn sandbox() -> bot_sandbox::SandboxHandle {
    bot_sandbox::Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts")
}

fn bot(sandbox: &bot_sandbox::SandboxHandle) -> Bot {
    message_bot_builder(sandbox).build().expect("a valid bot")
}

/// A counter a listener bumps.
fn counter() -> Arc<AtomicUsize> {
    Arc::new(AtomicUsize::new(0))
}

/// Waits up to 5 s until `counter` reaches `n`.
async fn reaches(counter: &AtomicUsize, n: usize) -> bool {
    tokio::time::timeout(Duration::from_secs(5), async {
        while counter.load(Ordering::SeqCst) < n {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .is_ok()
}

#[tokio::test]
async fn several_listeners_and_a_once_listener_each_get_their_events_and_a_removed_one_none() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let (first, second, once, removed) = (counter(), counter(), counter(), counter());
    for count in [first.clone(), second.clone()] {
        bot.add_listener(move |_: Received<MessageCreate>| {
            let count = count.clone();
            async move {
                count.fetch_add(1, Ordering::SeqCst);
            }
        });
    }
    let count = once.clone();
    bot.add_listener_with(
        ListenerOptions::new().once(),
        move |_: Received<MessageCreate>| {
            let count = count.clone();
            async move {
                count.fetch_add(1, Ordering::SeqCst);
            }
        },
    );
    let count = removed.clone();
    let id = bot.add_listener(move |_: Received<MessageCreate>| {
        let count = count.clone();
        async move {
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    assert!(bot.remove_listener(id));
    assert!(!bot.remove_listener(id), "removed once");
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    for text in ["one", "two", "three"] {
        user.send_message(world.channel, text).await.unwrap();
    }
    assert!(reaches(&first, 3).await && reaches(&second, 3).await);
    assert_eq!(once.load(Ordering::SeqCst), 1, "once");
    assert_eq!(removed.load(Ordering::SeqCst), 0, "removed");
    stop(&bot, task).await;
}

#[tokio::test]
async fn wait_for_gets_the_event_that_passes_its_check_even_when_it_arrives_before_the_first_poll()
{
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let task = started(&bot).await;
    let user = sandbox.user(world.member);

    // Registered now, polled after the event arrived.
    let early = bot.wait_for::<MessageCreate>(|m| m.content == "second", None);
    user.send_message(world.channel, "first").await.unwrap();
    user.send_message(world.channel, "second").await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let got = tokio::time::timeout(Duration::from_secs(5), early).await;
    assert_eq!(got.unwrap().unwrap().content, "second");

    // Waiting first, the event after.
    let waiting = tokio::spawn(
        bot.wait_for::<MessageCreate>(|m| m.content.starts_with("later"), Duration::from_secs(5)),
    );
    user.send_message(world.channel, "later on").await.unwrap();
    let later = waiting.await.unwrap().unwrap();
    assert_eq!(later.content, "later on");
    assert_eq!(later.bot().application_id(), bot.application_id());

    // Nothing matching: a typed timeout.
    let none = bot
        .wait_for::<MessageDelete>(|_| true, Duration::from_millis(300))
        .await;
    assert_eq!(
        none.err(),
        Some(WaitError::Timeout(Duration::from_millis(300)))
    );
    assert_eq!(bot.event_consumers(), 0, "every waiter is gone");
    stop(&bot, task).await;
}

#[tokio::test]
async fn a_stream_ends_after_its_limit_or_with_a_timeout() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    let votes =
        bot.stream::<MessageCreate>(|m| m.content.starts_with("vote"), Duration::from_secs(5), 3);
    for text in ["vote a", "chatter", "vote b", "vote c", "vote d"] {
        user.send_message(world.channel, text).await.unwrap();
    }
    let got: Vec<String> = votes
        .map(|vote| vote.unwrap().content.clone())
        .collect()
        .await;
    assert_eq!(got, ["vote a", "vote b", "vote c"]);

    let mut quiet = bot.stream::<MessageDelete>(|_| true, Duration::from_millis(200), None);
    assert_eq!(
        quiet.next().await.map(|item| item.err()),
        Some(Some(WaitError::Timeout(Duration::from_millis(200))))
    );
    assert!(quiet.next().await.is_none(), "ends after the timeout");
    stop(&bot, task).await;
}

#[tokio::test]
async fn a_panicking_listener_is_reported_with_the_event_and_the_others_keep_running() {
    let (captured, _default) = capture_logs();
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    bot.add_listener_with(
        ListenerOptions::new().name("exploding"),
        |message: Received<MessageCreate>| async move {
            if message.content == "boom" {
                panic!("listener exploded");
            }
        },
    );
    let calm = counter();
    let count = calm.clone();
    bot.add_listener(move |_: Received<MessageCreate>| {
        let count = count.clone();
        async move {
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    for text in ["boom", "after", "boom", "still"] {
        user.send_message(world.channel, text).await.unwrap();
    }
    assert!(
        reaches(&calm, 4).await,
        "the other listener got every event"
    );
    let waited = tokio::time::timeout(Duration::from_secs(5), async {
        while bot.dispatch_stats().listener_failures < 2 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(waited.is_ok(), "{:?}", bot.dispatch_stats());
    let log = captured.text();
    assert!(log.contains("a listener panicked"), "{log}");
    assert!(
        log.contains("listener=\"exploding\"") || log.contains("listener=exploding"),
        "{log}"
    );
    assert!(log.contains("MESSAGE_CREATE"), "{log}");
    assert!(log.contains("listener exploded"), "{log}");
    stop(&bot, task).await;
}

#[tokio::test]
async fn the_bot_is_ready_after_every_guild_arrived_and_waiters_end_when_it_closes() {
    let sandbox = sandbox().await;
    let bot = bot(&sandbox);
    assert!(!bot.is_ready());
    let ready = tokio::spawn({
        let bot = bot.clone();
        async move { bot.wait_until_ready().await }
    });
    let guilds = counter();
    let count = guilds.clone();
    bot.add_listener(move |_: Received<bot_core::event::GuildCreate>| {
        let count = count.clone();
        async move {
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    let task = started(&bot).await;
    let waited = tokio::time::timeout(Duration::from_secs(5), ready).await;
    assert_eq!(waited.unwrap().unwrap(), Ok(()));
    assert!(bot.is_ready());
    assert!(reaches(&guilds, 1).await, "GUILD_CREATE came before ready");

    let pending = bot.wait_for::<Event>(|_| false, None);
    stop(&bot, task).await;
    assert_eq!(pending.await.err(), Some(WaitError::Closed));
}

#[tokio::test]
async fn a_concurrent_listener_overlaps_its_calls_and_an_ordered_one_does_not() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    // Each call waits at a barrier for the other: only overlapping calls finish.
    let barrier = Arc::new(tokio::sync::Barrier::new(2));
    let finished = counter();
    let count = finished.clone();
    bot.add_listener_with(
        ListenerOptions::new().concurrent(),
        move |_: Received<MessageCreate>| {
            let (barrier, count) = (barrier.clone(), count.clone());
            async move {
                barrier.wait().await;
                count.fetch_add(1, Ordering::SeqCst);
            }
        },
    );
    let ordered = Arc::new(Mutex::new(Vec::new()));
    let seen = ordered.clone();
    bot.add_listener(move |message: Received<MessageCreate>| {
        let seen = seen.clone();
        async move {
            seen.lock()
                .unwrap()
                .push(format!("start {}", message.content));
            tokio::time::sleep(Duration::from_millis(20)).await;
            seen.lock()
                .unwrap()
                .push(format!("end {}", message.content));
        }
    });
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    for text in ["a", "b"] {
        user.send_message(world.channel, text).await.unwrap();
    }
    assert!(reaches(&finished, 2).await, "both calls ran at once");
    let waited = tokio::time::timeout(Duration::from_secs(5), async {
        while ordered.lock().unwrap().len() < 4 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(waited.is_ok());
    assert_eq!(
        *ordered.lock().unwrap(),
        ["start a", "end a", "start b", "end b"]
    );
    stop(&bot, task).await;
}

#[tokio::test]
async fn an_unpolled_events_stream_lags_with_a_report_while_every_other_consumer_gets_everything() {
    let (captured, _default) = capture_logs();
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = message_bot_builder(&sandbox)
        .event_budget(Budget::events_only(2))
        .lag_report_interval(Duration::from_millis(200))
        .build()
        .unwrap();
    let got = Arc::new(Mutex::new(Vec::new()));
    let seen = got.clone();
    bot.add_listener_with(
        ListenerOptions::new().budget(Budget::events_only(64)),
        move |message: Received<MessageCreate>| {
            let seen = seen.clone();
            async move {
                seen.lock().unwrap().push(message.content.clone());
            }
        },
    );
    let task = started(&bot).await;
    let mut read = bot.events_with_budget(Budget::events_only(64));
    let held = bot.events();
    let user = sandbox.user(world.member);
    let sent: Vec<String> = (0..6).map(|n| format!("m{n}")).collect();
    for content in &sent {
        user.send_message(world.channel, content).await.unwrap();
    }
    let mut streamed = Vec::new();
    while streamed.len() < sent.len() {
        let next = tokio::time::timeout(Duration::from_secs(5), read.next()).await;
        let Ok(Some(Event::MessageCreate(message))) = next else {
            panic!("the polled stream gets every message: {next:?}");
        };
        streamed.push(message.content.clone());
    }
    assert_eq!(streamed, sent, "the polled stream keeps up: all, in order");
    let listened = tokio::time::timeout(Duration::from_secs(5), async {
        while got.lock().unwrap().len() < sent.len() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(listened.is_ok());
    assert_eq!(*got.lock().unwrap(), sent, "the listener: all, in order");
    let reported = tokio::time::timeout(Duration::from_secs(5), async {
        while bot.dispatch_stats().lag_reports == 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(reported.is_ok(), "{:?}", bot.dispatch_stats());
    assert_eq!(
        bot.dispatch_stats().lagged,
        4,
        "the held stream lost the 4 oldest of 6 past its budget of 2"
    );
    let log = captured.text();
    assert!(log.contains("lost events"), "{log}");
    assert!(log.contains("events() #"), "named in the report: {log}");
    assert!(log.contains("dropped=4"), "{log}");
    drop(held);
    stop(&bot, task).await;
}

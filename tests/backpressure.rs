//! A slow consumer within its budget loses nothing, and holds nothing back: a listener and an
//! `events()` stream whose budgets hold a burst of 20,000 events pause for 2 s in its middle and
//! still get all of them, in order; meanwhile the shard read on (the sandbox finished writing the
//! burst during the pause), heartbeated and was acknowledged, and kept its session.

mod common;

use bot_core::event::{Budget, Event, MessageCreate, Received};
use futures_util::StreamExt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BURST: usize = 20_000;
/// The event in the middle of the burst at which the consumers pause.
const PAUSE_AT: usize = 5_000;
const PAUSE: Duration = Duration::from_secs(2);

/// The numbers a consumer saw, and when it paused.
#[derive(Default)]
struct Seen {
    numbers: Vec<usize>,
    paused: Option<(Instant, Instant)>,
}

/// Notes message `content` in `seen`, and pauses there at [`PAUSE_AT`].
async fn note(seen: &Mutex<Seen>, content: &str) -> usize {
    let n: usize = content.parse().expect("the burst numbers its messages");
    seen.lock().unwrap().numbers.push(n);
    if n == PAUSE_AT {
        let from = Instant::now();
        tokio::time::sleep(PAUSE).await;
        seen.lock().unwrap().paused = Some((from, Instant::now()));
    }
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paused_listener_and_events_stream_within_budget_lose_nothing_while_the_shard_reads_on() {
    let sandbox = bot_sandbox::Sandbox::builder()
        .timings(bot_sandbox::Timings {
            heartbeat_interval: Duration::from_millis(300),
            ..bot_sandbox::Timings::default()
        })
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().unwrap();
    let bot = common::message_bot_builder(&sandbox)
        // The sandbox writes each ACK behind the burst frames queued before it: judge them
        // generously. On a starved machine (builds beside the test) writing 20,000 frames took
        // longer than 10 s; the shard then rightly resumed, the sandbox (which replays the last
        // 1,000 dispatches) refused the old seq, and the rest of the burst went with the old
        // session. This test is about consumers, not zombie detection.
        .heartbeat_timeout(Duration::from_secs(45))
        .event_budget(Budget::events_only(BURST + 100))
        .build()
        .unwrap();

    let listener_seen = Arc::new(Mutex::new(Seen::default()));
    let seen = listener_seen.clone();
    bot.add_listener(move |message: Received<MessageCreate>| {
        let seen = seen.clone();
        async move {
            note(&seen, &message.content).await;
        }
    });

    let mut events = bot.events();
    assert_eq!(bot.event_consumers(), 2);
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.start().await });
    let stream_seen = Arc::new(Mutex::new(Seen::default()));
    let seen = stream_seen.clone();
    let reader = tokio::spawn(async move {
        while let Some(event) = events.next().await {
            let Event::MessageCreate(message) = event else {
                continue;
            };
            if note(&seen, &message.content).await == BURST - 1 {
                return;
            }
        }
    });
    let ready = tokio::time::timeout(Duration::from_secs(10), bot.wait_until_ready()).await;
    assert_eq!(ready.ok(), Some(Ok(())), "the bot got ready");
    let session = sandbox.gateway().session_ids().pop().expect("one session");

    let burst = sandbox.gateway().firehose(
        Some(world.guild),
        "MESSAGE_CREATE",
        (0..BURST).map(|n| common::numbered_message(world.channel, world.member, n)),
    );
    assert_eq!(burst.sessions(), 1);
    let written = tokio::spawn(async move {
        let whole = burst.wait_written(Duration::from_secs(60)).await;
        (whole, Instant::now())
    });
    let done = tokio::time::timeout(Duration::from_secs(60), reader).await;
    assert!(
        done.is_ok(),
        "the events() stream got the whole burst: {} seen, listener {}, {:?}",
        stream_seen.lock().unwrap().numbers.len(),
        listener_seen.lock().unwrap().numbers.len(),
        bot.dispatch_stats()
    );
    let listener_done = tokio::time::timeout(Duration::from_secs(10), async {
        while listener_seen.lock().unwrap().numbers.len() < BURST {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(listener_done.is_ok(), "the listener got the whole burst");

    let expected: Vec<usize> = (0..BURST).collect();
    for (who, seen) in [("listener", &listener_seen), ("events()", &stream_seen)] {
        let seen = seen.lock().unwrap();
        assert!(
            seen.numbers == expected,
            "{who}: every event once, in order"
        );
        assert!(seen.paused.is_some(), "{who} paused");
    }

    let gateway = sandbox.gateway();
    assert_eq!(gateway.identify_count(), 1, "no new session");
    assert_eq!(gateway.resume_count(), 0, "no reconnect");
    let (from, to) = listener_seen.lock().unwrap().paused.unwrap();
    let beats = gateway.heartbeats(&session);
    let during = beats
        .iter()
        .filter(|beat| beat.at > from && beat.at < to)
        .collect::<Vec<_>>();
    assert!(
        during.len() >= 4,
        "heartbeats went on during the pause: {beats:?}"
    );
    assert!(
        during.iter().all(|beat| beat.acked),
        "and were acknowledged"
    );
    let (whole, written_at) = written.await.unwrap();
    assert!(whole, "the sandbox wrote the whole burst");
    assert!(
        written_at < to,
        "the shard read the whole burst while its consumers paused"
    );
    let stats = bot.dispatch_stats();
    assert_eq!(stats.lagged, 0, "{stats:?}");
    assert!(stats.events >= BURST as u64, "{stats:?}");

    bot.close();
    let ended = tokio::time::timeout(Duration::from_secs(5), task).await;
    assert!(matches!(ended, Ok(Ok(Ok(())))), "{ended:?}");
}

//! A receiver of events that falls behind is told how many events it missed and which; a
//! stream goes on after the report, a waiter whose event is gone ends with it.

mod common;

use bot_mesh::{Error, Event, EventKind, Lag, Query};
use common::{builder, client, make_sink, mesh};
use futures_util::StreamExt;
use serde_json::json;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(5);
const CAPACITY: usize = 8;
const SENT: u64 = 20;

#[tokio::test]
async fn a_slow_receiver_gets_a_lag_report_with_the_count_and_the_range() {
    let mesh = mesh().await;
    let sender = client(&mesh, "bot", "sender").await;
    let receiver = builder(&mesh, "bot", "receiver")
        .event_capacity(CAPACITY)
        .connect()
        .await
        .unwrap();
    make_sink(&mesh, &receiver, "bot", "receiver").await;

    // Registered now, polled only after every message arrived.
    let mut slow = receiver.stream(EventKind::Data, Some(WAIT), None, |_| true);
    let first_message = receiver.wait_for(
        EventKind::Data,
        Some(WAIT),
        |event| matches!(event, Event::Data(message) if message.payload == json!(0)),
    );
    let mut fast = receiver.subscribe();
    let start = fast.position();

    let target = Query::new("bot").eq("role", "sink");
    for n in 0..SENT {
        sender.send(&n, &target, None).await.unwrap();
        match tokio::time::timeout(WAIT, fast.recv()).await {
            Ok(Ok(Event::Data(message))) => assert_eq!(message.payload, json!(n)),
            other => panic!("the receiver that keeps up gets message {n}: {other:?}"),
        }
    }
    assert_eq!(fast.position(), start + SENT);

    let missed = SENT - CAPACITY as u64;
    let expected = Lag {
        missed,
        first: start + 1,
        last: start + missed,
    };
    match slow.next().await {
        Some(Err(Error::Lagged(lag))) => assert_eq!(lag, expected),
        other => panic!("expected a lag report first, got {other:?}"),
    }
    for n in missed..SENT {
        match slow.next().await {
            Some(Ok(Event::Data(message))) => assert_eq!(message.payload, json!(n)),
            other => panic!("the stream goes on with message {n}: {other:?}"),
        }
    }
    match first_message.await {
        Err(Error::Lagged(lag)) => assert_eq!(lag, expected),
        other => panic!("the awaited message was missed, and the waiter says so: {other:?}"),
    }
}

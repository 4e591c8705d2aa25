//! Sends during an outage (a TCP forwarder between the client and the server, shut): they fail
//! fast with typed errors, the queue never holds more than its capacity, and none of them is
//! delivered once the forwarder is restored.

mod common;

use bot_mesh::{Client, Error, Event, EventKind, Query};
use bot_sandbox::mesh::MeshHandle;
use common::forwarder::Forwarder;
use common::{client, make_sink, mesh};
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::time::Duration;
use tokio::time::Instant;

const WAIT: Duration = Duration::from_secs(5);
const CAPACITY: usize = 16;
const DEADLINE: Duration = Duration::from_millis(300);
const SENDS: usize = 1000;

async fn next_payload(
    inbox: &mut (impl futures_util::Stream<Item = Result<Event, Error>> + Unpin),
) -> Value {
    match tokio::time::timeout(WAIT, inbox.next()).await {
        Ok(Some(Ok(Event::Data(message)))) => message.payload,
        other => panic!("expected a message, got {other:?}"),
    }
}

/// A mesh with a sink client `receiver`, a forwarder in front of the mesh, and a builder of the
/// client `sender` that connects through the forwarder.
async fn sink_behind_forwarder() -> (MeshHandle, Client, Forwarder, bot_mesh::ClientBuilder) {
    let mesh = mesh().await;
    let receiver = client(&mesh, "bot", "receiver").await;
    make_sink(&mesh, &receiver, "bot", "receiver").await;
    let forwarder = Forwarder::start(mesh.addr()).await;
    let sender = Client::builder(
        &format!("singyeong://bot:s3cret@{}", forwarder.addr()),
        "sender",
    )
    .unwrap();
    (mesh, receiver, forwarder, sender)
}

#[tokio::test]
async fn sends_during_an_outage_fail_fast_stay_bounded_and_never_arrive_later() {
    let (_mesh, receiver, forwarder, sender) = sink_behind_forwarder().await;
    let sender = sender
        .backoff(Duration::from_millis(20), Duration::from_millis(100))
        .connect_timeout(Duration::from_secs(2))
        .send_queue(CAPACITY)
        .send_timeout(DEADLINE)
        .connect()
        .await
        .unwrap();
    let target = Query::new("bot").eq("role", "sink");
    let mut inbox = receiver.stream(EventKind::Data, None, None, |_| true);
    sender.send(&"before", &target, None).await.unwrap();
    assert_eq!(next_payload(&mut inbox).await, json!("before"));

    let lost = sender.wait_for(EventKind::Disconnect, Some(WAIT), |_| true);
    forwarder.shut();
    lost.await.unwrap();

    let started = Instant::now();
    let sends = futures_util::future::join_all((0..SENDS).map(|n| {
        let (sender, target) = (&sender, &target);
        async move { sender.send(&json!({"outage": n}), target, None).await }
    }));
    let mut peak = 0;
    let watch = async {
        loop {
            peak = peak.max(sender.queued());
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    };
    let results = tokio::select! {
        results = sends => results,
        () = watch => unreachable!("the watch never ends"),
    };
    let elapsed = started.elapsed();
    let full = results
        .iter()
        .filter(|result| matches!(result, Err(Error::QueueFull { capacity: CAPACITY })))
        .count();
    let disconnected = results
        .iter()
        .filter(|result| matches!(result, Err(Error::Disconnected)))
        .count();
    assert_eq!(
        full,
        SENDS - CAPACITY,
        "refused at once: {:?}",
        &results[..3]
    );
    assert_eq!(
        disconnected, CAPACITY,
        "the queued ones fail at their deadline"
    );
    assert!(
        elapsed < DEADLINE + Duration::from_millis(700),
        "fast: {elapsed:?}"
    );
    assert_eq!(
        peak, CAPACITY,
        "the queue filled to its capacity and no further"
    );
    assert_eq!(sender.queued(), 0, "every frame withdrawn");

    // A caller that gives up by dropping its send withdraws the frame too.
    let patient = sender.with_send_timeout(Duration::from_secs(60));
    let gave_up = tokio::time::timeout(
        Duration::from_millis(50),
        patient.send(&json!({"outage": "dropped"}), &target, None),
    )
    .await;
    assert!(gave_up.is_err());
    assert_eq!(sender.queued(), 0);

    let ready = sender.wait_for(EventKind::Ready, Some(WAIT), |_| true);
    forwarder.restore();
    ready.await.unwrap();
    sender.send(&"after", &target, None).await.unwrap();
    // Frames go out in order: one sent during the outage would arrive before this one.
    assert_eq!(next_payload(&mut inbox).await, json!("after"));
    let late = tokio::time::timeout(Duration::from_millis(300), inbox.next()).await;
    assert!(late.is_err(), "nothing arrives late: {late:?}");
    assert!(!sender.is_closed());
}

#[tokio::test]
async fn a_frame_queued_during_a_short_outage_goes_out_on_the_next_connection() {
    let (_mesh, receiver, forwarder, sender) = sink_behind_forwarder().await;
    let sender = sender
        .backoff(Duration::from_millis(20), Duration::from_millis(50))
        .send_timeout(WAIT)
        .connect()
        .await
        .unwrap();
    let mut inbox = receiver.stream(EventKind::Data, None, None, |_| true);
    let lost = sender.wait_for(EventKind::Disconnect, Some(WAIT), |_| true);
    forwarder.shut();
    lost.await.unwrap();

    let target = Query::new("bot").eq("role", "sink");
    let send = sender.send(&"queued", &target, None);
    let restore = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(sender.queued(), 1);
        forwarder.restore();
    };
    let (sent, ()) = tokio::join!(send, restore);
    sent.unwrap();
    assert_eq!(next_payload(&mut inbox).await, json!("queued"));
}

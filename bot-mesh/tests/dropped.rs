//! Dropping every handle of a client closes its connection: the server unregisters it at once,
//! its query routes to the live clients only, and it never comes back after an outage.

mod common;

use bot_mesh::{Error, Event, EventKind, Metadata, Query};
use common::forwarder::Forwarder;
use common::{client, eventually, mesh};
use futures_util::StreamExt;
use serde_json::json;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(5);

fn with_nonce(nonce: String) -> impl FnMut(&Event) -> bool + Send + 'static {
    move |event| matches!(event, Event::Data(message) if message.nonce_str() == Some(&nonce))
}

#[tokio::test]
async fn a_dropped_client_is_gone_and_its_query_reaches_the_live_client() {
    let mesh = mesh().await;
    let sender = client(&mesh, "bot", "sender").await;
    let live = client(&mesh, "bot", "live").await;
    let ghost = client(&mesh, "bot", "ghost").await;
    let metadata = Metadata::new().with("shard_id", 1);
    for member in [&live, &ghost] {
        member
            .update_metadata(metadata.clone(), true)
            .await
            .unwrap();
    }
    eventually("both stored with the same metadata", WAIT, || {
        ["live", "ghost"].iter().all(|id| {
            mesh.metadata("bot", id)
                .is_some_and(|stored| stored.get("shard_id") == Some(&json!(1)))
        })
    })
    .await;

    // Neither a stream nor a clone is left out: the stream does not keep the client alive, a
    // clone is a handle, and the client goes with the last handle.
    let mut ghost_events = ghost.stream(EventKind::Data, None, None, |_| true);
    let other_handle = ghost.clone();
    drop(ghost);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(mesh.clients("bot").contains(&"ghost".to_owned()));
    drop(other_handle);
    eventually(
        "the dropped client unregistered",
        Duration::from_secs(1),
        || {
            !mesh.clients("bot").contains(&"ghost".to_owned())
                && mesh.sockets_of("bot", "ghost") == 0
        },
    )
    .await;
    let ended = tokio::time::timeout(WAIT, ghost_events.next()).await;
    assert!(
        matches!(ended, Ok(Some(Err(Error::Closed)))),
        "the dropped client's stream ends with Closed: {ended:?}"
    );
    assert!(ghost_events.next().await.is_none());

    let target = Query::new("bot").eq("shard_id", 1);
    for round in 0..20 {
        let nonce = format!("n-{round}");
        let arrived = live.wait_for(EventKind::Data, Some(WAIT), with_nonce(nonce.clone()));
        sender.send(&round, &target, Some(&nonce)).await.unwrap();
        let Ok(Event::Data(message)) = arrived.await else {
            panic!("SEND {round} of 20 did not reach the live client");
        };
        assert_eq!(message.payload, json!(round));
    }
    assert_eq!(mesh.identify_count("bot", "ghost"), 1);
}

#[tokio::test]
async fn a_client_dropped_during_an_outage_does_not_come_back() {
    let mesh = mesh().await;
    let forwarder = Forwarder::start(mesh.addr()).await;
    let dsn = format!("singyeong://bot:s3cret@{}", forwarder.addr());
    let ghost = bot_mesh::Client::builder(&dsn, "ghost")
        .unwrap()
        .backoff(Duration::from_millis(20), Duration::from_millis(50))
        .connect()
        .await
        .unwrap();
    let lost = ghost.wait_for(EventKind::Disconnect, Some(WAIT), |_| true);
    forwarder.shut();
    lost.await.unwrap();
    eventually("the server saw the socket end", WAIT, || {
        mesh.sockets_of("bot", "ghost") == 0
    })
    .await;
    drop(ghost);
    // Long enough for several reconnect attempts, had the client survived its handles.
    tokio::time::sleep(Duration::from_millis(200)).await;
    forwarder.restore();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        mesh.identify_count("bot", "ghost"),
        1,
        "it never registered again"
    );
    assert!(mesh.clients("bot").is_empty());
}

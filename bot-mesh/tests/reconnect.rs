//! Reconnecting after GOODBYE, a dropped socket, a server restart and a server close 1000:
//! metadata restored, never registered twice; fatal rejections stop the client.

mod common;

use bot_mesh::{Disconnect, Error, Event, EventKind, Metadata, ServerError, Version};
use bot_sandbox::mesh::{MeshHandle, MeshServer};
use common::{builder, client, config, eventually, mesh};
use serde_json::json;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(5);

fn metadata() -> Metadata {
    Metadata::new()
        .with("shard_id", 3)
        .with("load", 0.5)
        .with("version", Version::parse("1.2.3").unwrap())
}

fn restored(mesh: &MeshHandle) -> bool {
    mesh.metadata("bot", "c-1").is_some_and(|stored| {
        stored.get("shard_id") == Some(&json!(3))
            && stored.get("load") == Some(&json!(0.5))
            && stored.get("version") == Some(&json!("1.2.3"))
    })
}

/// Watches the server while `during` runs: the client never has two identified sockets.
async fn never_twice(mesh: &MeshHandle, during: impl std::future::Future<Output = ()>) {
    let watch = async {
        loop {
            assert!(mesh.sockets_of("bot", "c-1") <= 1, "registered twice");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    };
    tokio::select! {
        () = during => {}
        () = watch => {}
    }
}

#[tokio::test]
async fn goodbye_closes_the_old_socket_and_restores_metadata() {
    let mesh = mesh().await;
    let client = client(&mesh, "bot", "c-1").await;
    client.update_metadata(metadata(), true).await.unwrap();
    eventually("metadata stored", WAIT, || restored(&mesh)).await;
    assert_eq!(mesh.identify_count("bot", "c-1"), 1);

    never_twice(&mesh, async {
        let disconnect = client.wait_for(EventKind::Disconnect, Some(WAIT), |_| true);
        let ready = client.wait_for(EventKind::Ready, Some(WAIT), |_| true);
        assert_eq!(mesh.goodbye_all(), 1);
        assert_eq!(
            disconnect.await.unwrap(),
            Event::Disconnect(Disconnect::Goodbye)
        );
        ready.await.unwrap();
        eventually("metadata restored", WAIT, || restored(&mesh)).await;
    })
    .await;
    assert_eq!(mesh.identify_count("bot", "c-1"), 2, "one new registration");
    assert_eq!(mesh.sockets_of("bot", "c-1"), 1);
    assert!(!client.is_closed());
}

#[tokio::test]
async fn a_dropped_socket_reconnects_and_routes_again() {
    let mesh = mesh().await;
    let client = client(&mesh, "bot", "c-1").await;
    let peer = common::client(&mesh, "bot", "peer").await;
    client.update_metadata(metadata(), true).await.unwrap();
    eventually("metadata stored", WAIT, || restored(&mesh)).await;

    never_twice(&mesh, async {
        let ready = client.wait_for(EventKind::Ready, Some(WAIT), |_| true);
        assert_eq!(mesh.drop_connections(), 2);
        ready.await.unwrap();
        eventually("metadata restored", WAIT, || restored(&mesh)).await;
    })
    .await;
    eventually("the peer is back", WAIT, || {
        mesh.sockets_of("bot", "peer") == 1
    })
    .await;
    let to_client = client.wait_for(EventKind::Data, Some(WAIT), |_| true);
    let target = bot_mesh::Query::new("bot").eq("shard_id", 3);
    peer.send("after the drop", &target, None).await.unwrap();
    assert!(matches!(to_client.await, Ok(Event::Data(m)) if m.payload == "after the drop"));
    assert_eq!(mesh.identify_count("bot", "c-1"), 2);
}

#[tokio::test]
async fn a_server_restart_loses_everything_and_the_client_restores_it() {
    let mut mesh = mesh().await;
    let client = client(&mesh, "bot", "c-1").await;
    client.update_metadata(metadata(), true).await.unwrap();
    // Not cached: gone after the restart, as on singyeong.
    client
        .update_metadata(Metadata::new().with("ephemeral", "x"), false)
        .await
        .unwrap();
    eventually("metadata stored", WAIT, || restored(&mesh)).await;

    let ready = client.wait_for(EventKind::Ready, Some(WAIT), |_| true);
    mesh.restart().await.unwrap();
    ready.await.unwrap();
    eventually("metadata restored", WAIT, || restored(&mesh)).await;
    let stored = mesh.metadata("bot", "c-1").unwrap();
    assert!(!stored.contains_key("ephemeral"), "{stored:?}");
    assert_eq!(
        mesh.identify_count("bot", "c-1"),
        1,
        "a fresh server saw one IDENTIFY"
    );
    assert_eq!(mesh.sockets_of("bot", "c-1"), 1);
}

#[tokio::test]
async fn a_server_close_1000_is_followed_by_a_reconnect() {
    // The idle timeout closes with 1000; shinkei never reconnects after it (B4).
    let mesh = MeshServer::start(
        config()
            .heartbeat_interval(Duration::from_secs(30))
            .idle_timeout(Duration::from_millis(150)),
    )
    .await
    .unwrap();
    let client = client(&mesh, "bot", "c-1").await;
    client.update_metadata(metadata(), true).await.unwrap();
    let disconnect = client.wait_for(EventKind::Disconnect, Some(WAIT), |_| true);
    assert_eq!(
        disconnect.await.unwrap(),
        Event::Disconnect(Disconnect::ServerClosed(Some(1000)))
    );
    client
        .wait_for(EventKind::Ready, Some(WAIT), |_| true)
        .await
        .unwrap();
    assert!(!client.is_closed());
    assert!(mesh.identify_count("bot", "c-1") >= 2);
}

#[tokio::test]
async fn without_reconnect_a_disconnect_stops_the_client() {
    let mesh = mesh().await;
    let client = builder(&mesh, "bot", "c-1")
        .reconnect(false)
        .connect()
        .await
        .unwrap();
    mesh.drop_connections();
    let reason = tokio::time::timeout(WAIT, client.stopped()).await.unwrap();
    assert!(reason.is_some(), "stopped with a reason");
    assert!(client.is_closed());
    let after = client.send("x", &bot_mesh::Query::new("bot"), None).await;
    assert!(matches!(after, Err(Error::Stopped(_))), "{after:?}");
}

#[tokio::test]
async fn fatal_rejections_end_with_typed_errors() {
    let mesh = mesh().await;
    let _first = client(&mesh, "bot", "taken").await;
    let duplicate = builder(&mesh, "bot", "taken").connect().await;
    match duplicate {
        Err(Error::Rejected(ServerError::AlreadyRegistered {
            client_id,
            application_id,
        })) => assert_eq!(
            (client_id.as_str(), application_id.as_str()),
            ("taken", "bot")
        ),
        other => panic!("expected AlreadyRegistered, got {other:?}"),
    }
    assert_eq!(
        mesh.sockets_of("bot", "taken"),
        1,
        "the first keeps its registration"
    );

    let wrong = mesh.dsn("bot").replace(":s3cret@", ":wrong@");
    let rejected = bot_mesh::Client::builder(&wrong, "c-2")
        .unwrap()
        .connect()
        .await;
    assert!(matches!(rejected, Err(Error::AuthRejected)), "{rejected:?}");
    let allowed = bot_mesh::Client::builder(&wrong, "c-3")
        .unwrap()
        .allow_restricted(true)
        .connect()
        .await
        .unwrap();
    assert!(allowed.restricted());
}

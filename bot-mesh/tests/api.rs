//! Every API call against the sandbox's mesh server.

mod common;

use bot_mesh::{
    ApiError, Delivery, Event, EventKind, Metadata, Node, ProxyMethod, Query, ServerError,
};
use common::{client, echo_service, eventually, mesh};
use futures_util::StreamExt;
use serde_json::json;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(5);

fn data_with_nonce(nonce: &'static str) -> impl FnMut(&Event) -> bool {
    move |event| matches!(event, Event::Data(message) if message.nonce_str() == Some(nonce))
}

#[tokio::test]
async fn send_and_broadcast_route_by_metadata() {
    let mesh = mesh().await;
    let a = client(&mesh, "bot", "shard-0").await;
    let b = client(&mesh, "bot", "shard-1").await;
    let c = client(&mesh, "bot", "shard-2").await;
    for (index, member) in [&a, &b, &c].into_iter().enumerate() {
        let metadata = Metadata::new()
            .with("shard_id", index as i64)
            .with("features", vec!["music"]);
        member.update_metadata(metadata, true).await.unwrap();
    }
    eventually("metadata stored", WAIT, || {
        mesh.metadata("bot", "shard-2")
            .is_some_and(|m| m.get("shard_id") == Some(&json!(2)))
    })
    .await;

    let to_b = b.wait_for(EventKind::Data, Some(WAIT), data_with_nonce("n-1"));
    let target = Query::new("bot").eq("shard_id", 1);
    a.send(&json!({"hello": "world"}), &target, Some("n-1"))
        .await
        .unwrap();
    let Event::Data(message) = to_b.await.unwrap() else {
        unreachable!("wait_for returns the kind it waited for")
    };
    assert_eq!(message.delivery, Delivery::Send);
    assert_eq!(message.payload, json!({"hello": "world"}));
    assert!(message.timestamp.is_some());

    let mut at_b = b.stream(EventKind::Data, Some(WAIT), Some(1), data_with_nonce("b-1"));
    let mut at_c = c.stream(EventKind::Data, Some(WAIT), Some(1), |_| true);
    let others = Query::new("bot")
        .gte("shard_id", 1)
        .contains("features", "music");
    a.broadcast(&[1, 2, 3], &others, Some("b-1")).await.unwrap();
    for stream in [&mut at_b, &mut at_c] {
        let Some(Ok(Event::Data(message))) = stream.next().await else {
            panic!("a broadcast reached every match")
        };
        assert_eq!(message.delivery, Delivery::Broadcast);
        assert_eq!(message.payload_as::<Vec<i32>>().unwrap(), [1, 2, 3]);
        assert!(stream.next().await.is_none(), "the limit ends the stream");
    }
    let at_a = a
        .wait_for(EventKind::Data, Some(Duration::from_millis(200)), |_| true)
        .await;
    assert!(
        matches!(at_a, Err(bot_mesh::Error::Timeout)),
        "shard 0 was not targeted: {at_a:?}"
    );
}

#[tokio::test]
async fn consistent_key_logical_ops_and_tags() {
    let mesh = mesh().await;
    let sender = common::builder(&mesh, "web", "web-1")
        .tags(["http"])
        .connect()
        .await
        .unwrap();
    let workers = [
        client(&mesh, "jobs", "w-1").await,
        client(&mesh, "jobs", "w-2").await,
        common::builder(&mesh, "jobs", "w-3")
            .tags(["queue", "jobs"])
            .connect()
            .await
            .unwrap(),
    ];
    for (index, worker) in workers.iter().enumerate() {
        let load = 0.25 * (index as f64 + 1.0);
        worker
            .update_metadata(Metadata::new().with("load", load), true)
            .await
            .unwrap();
    }
    eventually("metadata stored", WAIT, || {
        mesh.metadata("jobs", "w-3")
            .is_some_and(|m| m.contains_key("load"))
    })
    .await;

    // The application by tags, a logical node on one key, and a consistent key: the same
    // worker gets every message.
    let target = Query::tags(["queue"])
        .and("load", Node::new().gte(0.1).lt(0.9))
        .key("user-42");
    let receivers = workers.iter().enumerate().map(|(index, worker)| {
        worker
            .stream(EventKind::Data, None, None, |_| true)
            .map(move |event| (index, event))
    });
    let mut received = futures_util::stream::select_all(receivers);
    for round in 0..4 {
        sender.send(&round, &target, None).await.unwrap();
    }
    let mut got = [0; 3];
    for _ in 0..4 {
        let (index, event) = tokio::time::timeout(WAIT, received.next())
            .await
            .expect("every keyed SEND arrives")
            .unwrap();
        assert!(event.is_ok(), "{event:?}");
        got[index] += 1;
    }
    assert_eq!(
        got.iter().filter(|count| **count > 0).count(),
        1,
        "one worker got every keyed SEND: {got:?}"
    );
    assert_eq!(got.iter().sum::<i32>(), 4);

    assert_eq!(sender.discover(["queue", "jobs"]).await.unwrap(), ["jobs"]);
    assert_eq!(sender.discover(["http"]).await.unwrap(), ["web"]);
    assert!(sender.discover(["nope"]).await.unwrap().is_empty());
}

#[tokio::test]
async fn unroutable_messages_come_back_as_typed_errors() {
    let mesh = mesh().await;
    let lonely = client(&mesh, "bot", "alone").await;
    let error = lonely.wait_for(EventKind::Error, Some(WAIT), |_| true);
    let nobody = Query::new("bot").eq("shard_id", 99);
    lonely.send("ping", &nobody, Some("n-9")).await.unwrap();
    let Event::Error(ServerError::NoRoute { query, nonce }) = error.await.unwrap() else {
        panic!("an unroutable SEND answers NoRoute")
    };
    assert_eq!(nonce, Some(json!("n-9")));
    assert!(query.contains(r#""shard_id" => %{"$eq" => 99}"#), "{query}");
    assert!(!lonely.is_closed(), "no-route is not fatal");

    // Optional: nobody matches, so every client of the application gets it.
    let fallback = Query::new("bot").eq("shard_id", 99).optional(true);
    let mine = lonely.wait_for(EventKind::Data, Some(WAIT), data_with_nonce("n-10"));
    lonely.send("ping", &fallback, Some("n-10")).await.unwrap();
    mine.await.unwrap();
}

#[tokio::test]
async fn proxy_request_reaches_the_service_with_json_body_and_headers() {
    let mesh = mesh().await;
    let service = echo_service().await;
    let api = common::builder(&mesh, "api", "api-1")
        .ip(service.to_string())
        .connect()
        .await
        .unwrap();
    let caller = client(&mesh, "bot", "caller").await;
    let target = Query::new("api");

    let response = caller
        .proxy_request(
            ProxyMethod::Post,
            "/users/1",
            &target,
            Some(json!({"name": "alice"})),
            &[("x-token", "abc")],
        )
        .await
        .unwrap();
    assert_eq!(response.status, 200);
    let echoed: serde_json::Value = response.json().unwrap();
    assert_eq!(echoed["method"], "POST");
    assert_eq!(
        echoed["path"], "users/1",
        "the route reaches the service once slashed"
    );
    assert_eq!(echoed["body"], r#"{"name":"alice"}"#);
    assert_eq!(echoed["x_token"], "abc", "headers are kept");
    assert_eq!(echoed["forwarded_for"], "127.0.0.1");
    assert_eq!(response.header("content-type"), Some("application/json"));

    let get = caller
        .proxy_request(ProxyMethod::Get, "health", &target, None, &[])
        .await
        .unwrap();
    assert_eq!(get.json::<serde_json::Value>().unwrap()["method"], "GET");

    let refused = caller
        .proxy_request(ProxyMethod::Move, "/x", &target, None, &[])
        .await;
    assert!(
        matches!(&refused, Err(bot_mesh::Error::Api(ApiError::Method(text))) if text.starts_with("MOVE is not a valid method! (valid methods: [\"GET\", ")),
        "{refused:?}"
    );
    let nobody = caller
        .proxy_request(ProxyMethod::Get, "/x", &Query::new("none"), None, &[])
        .await;
    assert!(
        matches!(nobody, Err(bot_mesh::Error::Api(ApiError::NoMatches))),
        "{nobody:?}"
    );
    let with_body = caller
        .proxy_request(ProxyMethod::Get, "/x", &target, Some(json!(1)), &[])
        .await;
    assert!(matches!(
        with_body,
        Err(bot_mesh::Error::BodyNotAllowed(ProxyMethod::Get))
    ));
    drop(api);
}

#[tokio::test]
async fn version_latency_close_and_is_closed() {
    let mesh = mesh().await;
    let client = client(&mesh, "bot", "c-1").await;
    let version = client.version().await.unwrap();
    assert_eq!(
        (version.api.as_str(), version.singyeong.as_str()),
        ("v1", "0.0.1")
    );
    assert_eq!(client.latency(), None, "no heartbeat acknowledged yet");
    eventually("a heartbeat was acknowledged", WAIT, || {
        client.latency().is_some()
    })
    .await;
    assert!(client.latency().unwrap() < Duration::from_secs(1));

    let disconnect = client.wait_for(EventKind::Disconnect, Some(WAIT), |_| true);
    let (event, ()) = tokio::join!(disconnect, client.close());
    assert!(matches!(
        event,
        Ok(Event::Disconnect(bot_mesh::Disconnect::Closed))
    ));
    assert!(client.is_closed());
    assert!(client.stopped().await.is_none(), "closed, not failed");
    let after = client.send("x", &Query::new("bot"), None).await;
    assert!(matches!(after, Err(bot_mesh::Error::Closed)), "{after:?}");
    eventually("the server forgot the client", WAIT, || {
        mesh.clients("bot").is_empty()
    })
    .await;
}

#[tokio::test]
async fn restricted_clients_may_only_update_metadata() {
    let mesh = mesh().await;
    let dsn = mesh.dsn("bot").replace(":s3cret@", "@");
    let restricted = bot_mesh::Client::builder(&dsn, "guest")
        .unwrap()
        .connect()
        .await
        .unwrap();
    assert!(restricted.restricted());
    let target = Query::new("bot");
    assert!(matches!(
        restricted.send("x", &target, None).await,
        Err(bot_mesh::Error::Restricted("SEND"))
    ));
    assert!(matches!(
        restricted.broadcast("x", &target, None).await,
        Err(bot_mesh::Error::Restricted("BROADCAST"))
    ));
    restricted
        .update_metadata(Metadata::new().with("role", "guest"), true)
        .await
        .unwrap();
    eventually("restricted metadata stored", WAIT, || {
        mesh.metadata("bot", "guest")
            .is_some_and(|m| m.get("role") == Some(&json!("guest")))
    })
    .await;
    let discover = restricted.discover(["x"]).await;
    assert!(
        matches!(discover, Err(bot_mesh::Error::Api(ApiError::Unauthorized))),
        "{discover:?}"
    );

    // Unrestricted queries skip it; `restricted(true)` includes it.
    let member = client(&mesh, "bot", "member").await;
    let to_guest = restricted.wait_for(EventKind::Data, Some(WAIT), |_| true);
    let guests = Query::new("bot").eq("role", "guest").restricted(true);
    member.send("hi", &guests, None).await.unwrap();
    to_guest.await.unwrap();
}

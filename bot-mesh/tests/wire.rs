//! What the client puts on the wire, against the captures of shinkei 0.1.6 in
//! `fixtures/wire_*.log` (copies of `shared/fixtures/singyeong/`): the same frames where shinkei
//! is right, and the documented fixes where it is not (B2, B5, the INVALID loop).

mod common;

use bot_mesh::{Client, Error, Metadata, MetadataValue, ProxyMethod, Query, Version};
use common::eventually;
use common::recorder::{Answer, Recorder};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(5);

fn capture(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn captured_frames(log: &[Value], conn: u64) -> Vec<Value> {
    log.iter()
        .filter(|entry| entry["kind"] == "ws_recv" && entry["conn"] == conn)
        .map(|entry| entry["frame"].clone())
        .collect()
}

fn http_entries(log: &[Value]) -> Vec<Value> {
    log.iter()
        .filter(|e| e["kind"] == "http")
        .cloned()
        .collect()
}

async fn connect(recorder: &Recorder, userinfo: &str) -> Result<Client, Error> {
    Client::builder(&recorder.dsn(userinfo), "client-1")?
        .tags(["music", "bot"])
        .ip("10.0.0.5:8080")
        .backoff(Duration::from_millis(10), Duration::from_millis(50))
        .connect()
        .await
}

#[tokio::test]
async fn frames_match_the_full_capture() {
    let theirs = capture(include_str!("fixtures/wire_full.log"));
    let theirs_frames = captured_frames(&theirs, 1);
    let recorder = Recorder::start(Answer::Ready { restricted: false }).await;
    let client = connect(&recorder, "my-app:s3cret").await.unwrap();

    let metadata = Metadata::new()
        .with("shard_id", 3)
        .with("version", Version::parse("1.2.3").unwrap());
    client.update_metadata(metadata, true).await.unwrap();
    let target = Query::new("my-app").key("k").eq("shard_id", 3);
    client
        .send(&json!({"hello": "world"}), &target, Some("n-1"))
        .await
        .unwrap();
    client.broadcast(&[1, 2, 3], &target, None).await.unwrap();
    assert_eq!(client.discover(["music", "bot"]).await.unwrap(), ["my-app"]);
    let response = client
        .proxy_request(
            ProxyMethod::Post,
            "/users/1",
            &target,
            Some(json!({"a": 1})),
            &[("x-token", "abc")],
        )
        .await
        .unwrap();
    assert_eq!(response.json::<Value>().unwrap(), json!({"proxied": true}));
    eventually("a heartbeat", WAIT, || {
        recorder.frames().iter().any(|frame| frame["op"] == 5)
    })
    .await;

    let ours = recorder.frames();
    // IDENTIFY: the same fields; `reconnect` is false on a first connection (shinkei sends its
    // auto-reconnect setting, which lets a second process take over a live client id).
    let mut identify = ours[0].clone();
    assert_eq!(identify["d"]["reconnect"], false);
    identify["d"]["reconnect"] = json!(true);
    assert_eq!(identify, theirs_frames[0]);
    // UPDATE_METADATA, SEND, BROADCAST and the heartbeat are shinkei's frames (heartbeats
    // compared apart: their timing interleaves them anywhere).
    let heartbeat = |frame: &&Value| frame["op"] == 5;
    let not_heartbeat = |frame: &&Value| frame["op"] != 5;
    let dispatches: Vec<&Value> = ours[1..].iter().filter(not_heartbeat).collect();
    let captured: Vec<&Value> = theirs_frames[1..].iter().filter(not_heartbeat).collect();
    assert_eq!(dispatches, captured);
    assert_eq!(
        ours.iter().find(heartbeat),
        theirs_frames.iter().find(heartbeat)
    );

    let (ours_http, theirs_http) = (http_entries(&recorder.log()), http_entries(&theirs));
    assert_eq!(
        ours_http[0]["raw_path"], theirs_http[0]["raw_path"],
        "GET /api/version"
    );
    for entry in &ours_http {
        assert_eq!(entry["authorization"], "s3cret", "{entry}");
    }
    // Discovery: the same tags; a form-decoding server reads both encodings the same.
    let q = |raw: &Value| -> Value {
        let query = raw.as_str().unwrap().split_once('?').unwrap().1;
        let (_, q) = url::form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == "q")
            .unwrap();
        serde_json::from_str(&q).unwrap()
    };
    assert_eq!(q(&ours_http[1]["raw_path"]), q(&theirs_http[1]["raw_path"]));
    // Proxy (B2 fixed): JSON with the whole query, the body and the headers, where shinkei
    // form-encoded the keys of each.
    assert_eq!(
        theirs_http[2]["content_type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(ours_http[2]["content_type"], "application/json");
    let sent: Value = serde_json::from_str(ours_http[2]["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        sent,
        json!({
            "method": "POST",
            "route": "users/1",
            "query": serde_json::to_value(&target).unwrap(),
            "body": {"a": 1},
            "headers": {"x-token": "abc"},
        })
    );
}

#[tokio::test]
async fn goodbye_closes_the_old_socket_before_the_new_one_identifies() {
    // shinkei (B5): conn 1 keeps heartbeating after conn 2 identified.
    let theirs = capture(include_str!("fixtures/wire_goodbye.log"));
    let conn2_open = theirs.iter().position(|e| e["conn"] == 2).unwrap();
    assert!(
        theirs[conn2_open..]
            .iter()
            .any(|e| e["conn"] == 1 && e["kind"] == "ws_recv"),
        "the capture shows B5"
    );

    let recorder = Recorder::start(Answer::Ready { restricted: false }).await;
    let client = connect(&recorder, "my-app").await.unwrap();
    client
        .update_metadata(Metadata::new().with("shard_id", 3), true)
        .await
        .unwrap();
    eventually("metadata sent", WAIT, || recorder.frames().len() >= 2).await;
    recorder.goodbye();
    eventually("metadata re-sent on conn 2", WAIT, || {
        captured_frames(&recorder.log(), 2).len() >= 2
    })
    .await;
    tokio::time::sleep(Duration::from_millis(250)).await;
    let log = recorder.log();
    let closed = log
        .iter()
        .position(|e| e["conn"] == 1 && e["kind"] == "ws_closed")
        .expect("conn 1 was closed");
    assert_eq!(log[closed]["code"], 1000);
    let opened = log
        .iter()
        .position(|e| e["conn"] == 2 && e["kind"] == "ws_open")
        .unwrap();
    assert!(
        closed < opened,
        "closed before the new socket opened: {log:#?}"
    );
    assert!(
        !log[opened..].iter().any(|e| e["conn"] == 1),
        "nothing from conn 1 after conn 2 opened"
    );
    let conn2 = captured_frames(&log, 2);
    assert_eq!(conn2[0]["d"]["reconnect"], true);
    assert_eq!(
        conn2[1],
        json!({"op": 4, "t": "UPDATE_METADATA", "d": {"shard_id": {"value": 3, "type": "integer"}}})
    );
}

#[tokio::test]
async fn an_invalid_identify_stops_instead_of_looping() {
    // shinkei: IDENTIFY, then the server closes with 1000 and shinkei loops on the dead socket.
    let theirs = capture(include_str!("fixtures/wire_invalid.log"));
    assert_eq!(theirs.last().unwrap()["code"], 1000);

    let recorder = Recorder::start(Answer::Invalid(
        "client id client-1 already registered for application id my-app",
    ))
    .await;
    let refused = connect(&recorder, "my-app").await;
    assert!(
        matches!(&refused, Err(Error::Rejected(bot_mesh::ServerError::AlreadyRegistered { client_id, .. })) if client_id == "client-1"),
        "{refused:?}"
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(recorder.frames().len(), 1, "one IDENTIFY, no retry loop");
}

#[tokio::test]
async fn restricted_sessions() {
    let theirs = capture(include_str!("fixtures/wire_restricted.log"));
    assert_eq!(captured_frames(&theirs, 1).len(), 1);

    let recorder = Recorder::start(Answer::Ready { restricted: true }).await;
    let wrong_password = connect(&recorder, "my-app:wrong").await;
    assert!(matches!(wrong_password, Err(Error::AuthRejected)));

    let guest = connect(&recorder, "my-app").await.unwrap();
    assert!(guest.restricted());
    let target = Query::new("my-app");
    assert!(matches!(
        guest.send("x", &target, None).await,
        Err(Error::Restricted("SEND"))
    ));
    assert!(matches!(
        guest.broadcast("x", &target, None).await,
        Err(Error::Restricted("BROADCAST"))
    ));
    let identifies = recorder.frames().len();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let sent: Vec<Value> = recorder.frames()[identifies..]
        .iter()
        .filter(|frame| frame["op"] != 5)
        .cloned()
        .collect();
    assert!(sent.is_empty(), "nothing but heartbeats: {sent:?}");
}

#[tokio::test]
async fn bad_input_is_refused_and_nothing_is_sent() {
    let recorder = Recorder::start(Answer::Ready { restricted: false }).await;
    let client = Client::builder(&recorder.dsn("my-app"), "client-1")
        .unwrap()
        .max_frame_size(256)
        .connect()
        .await
        .unwrap();
    let target = Query::new("my-app");

    for reserved in bot_mesh::RESERVED_KEYS {
        let refused = client
            .update_metadata(Metadata::new().with("ok", 1).with(reserved, 1), true)
            .await;
        assert!(matches!(&refused, Err(Error::ReservedKey(key)) if key == reserved));
    }
    let nan = client
        .update_metadata(Metadata::new().with("load", f64::NAN), true)
        .await;
    assert!(matches!(nan, Err(Error::Metadata { key, .. }) if key == "load"));
    let wrong_type = MetadataValue::from_serialize(&json!({"nested": true}));
    assert!(wrong_type.is_err(), "a map is no metadata type");
    let wrong_types = Metadata::from_serialize(&json!({"ok": 1, "flag": true}));
    assert!(
        matches!(&wrong_types, Err(Error::Metadata { key, .. }) if key == "flag"),
        "{wrong_types:?}"
    );
    let unserialisable: HashMap<(i32, i32), i32> = HashMap::from([((1, 2), 3)]);
    assert!(matches!(
        Metadata::from_serialize(&unserialisable),
        Err(Error::Serialize(_))
    ));

    let not_json: HashMap<(i32, i32), i32> = HashMap::from([((1, 2), 3)]);
    let refused = client.send(&not_json, &target, None).await;
    assert!(matches!(refused, Err(Error::Serialize(_))), "{refused:?}");

    let big = "x".repeat(300);
    let refused = client.broadcast(&big, &target, None).await;
    assert!(
        matches!(refused, Err(Error::FrameTooLarge { limit: 256, .. })),
        "{refused:?}"
    );
    let refused = client
        .update_metadata(Metadata::new().with("big", big.as_str()), true)
        .await;
    assert!(matches!(refused, Err(Error::FrameTooLarge { .. })));

    let empty_node = Query::new("my-app").or("k", bot_mesh::Node::new());
    let refused = client.send("x", &empty_node, None).await;
    assert!(matches!(refused, Err(Error::EmptyNode(_))));

    assert!(
        client.cached_metadata().is_empty(),
        "nothing refused was cached"
    );
    tokio::time::sleep(Duration::from_millis(50)).await;
    let sent: Vec<Value> = recorder
        .frames()
        .into_iter()
        .filter(|frame| frame["op"] == 4)
        .collect();
    assert!(sent.is_empty(), "no dispatch reached the wire: {sent:?}");
}

//! The mesh server speaks V2019 singyeong, checked with a raw WebSocket and raw HTTP (no SDK
//! code): HELLO/READY, the exact INVALID strings and closes, routing, discovery, the proxy's
//! errors, and the binary's `--mesh-port` flag.

use bot_sandbox::mesh::{MeshConfig, MeshHandle, MeshServer};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

async fn mesh() -> MeshHandle {
    let config = MeshConfig::default()
        .password("pw")
        .no_route_retries(0, Duration::ZERO);
    MeshServer::start(config).await.unwrap()
}

#[derive(Debug, PartialEq)]
enum Next {
    Frame(Value),
    Closed(Option<u16>),
}

async fn next(socket: &mut Socket) -> Next {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("the server answers in time");
        match message {
            Some(Ok(Message::Text(text))) => {
                return Next::Frame(serde_json::from_str(&text).unwrap());
            }
            Some(Ok(Message::Close(frame))) => {
                return Next::Closed(frame.map(|f| u16::from(f.code)));
            }
            Some(Ok(_)) => continue,
            Some(Err(_)) | None => return Next::Closed(None),
        }
    }
}

async fn open(mesh: &MeshHandle) -> Socket {
    let url = format!("ws://{}/gateway/websocket?encoding=json", mesh.addr());
    let (mut socket, _) = connect_async(url).await.unwrap();
    let Next::Frame(hello) = next(&mut socket).await else {
        panic!("HELLO first")
    };
    assert_eq!(hello["op"], 0);
    assert_eq!(hello["d"], json!({"heartbeat_interval": 45000}));
    assert!(hello["ts"].is_i64());
    socket
}

async fn send(socket: &mut Socket, frame: Value) {
    socket
        .send(Message::Text(frame.to_string().into()))
        .await
        .unwrap();
}

async fn identify(mesh: &MeshHandle, client: &str, extra: Value) -> (Socket, Value) {
    let mut socket = open(mesh).await;
    let mut d = json!({"client_id": client, "application_id": "app", "auth": "pw"});
    if let (Some(d), Some(extra)) = (d.as_object_mut(), extra.as_object()) {
        d.extend(extra.clone());
    }
    send(&mut socket, json!({"op": 1, "d": d})).await;
    let Next::Frame(ready) = next(&mut socket).await else {
        panic!("READY or INVALID after IDENTIFY")
    };
    (socket, ready)
}

/// Sends `frame` and expects INVALID with `error`, then (if `closes`) a close with 1000.
async fn expect_invalid(socket: &mut Socket, frame: Value, error: &str, closes: bool) {
    send(socket, frame).await;
    let Next::Frame(invalid) = next(socket).await else {
        panic!("INVALID expected")
    };
    assert_eq!(
        (invalid["op"].clone(), invalid["d"]["error"].clone()),
        (json!(3), json!(error))
    );
    if closes {
        assert_eq!(next(socket).await, Next::Closed(Some(1000)));
    }
}

#[tokio::test]
async fn invalid_strings_and_closes() {
    let mesh = mesh().await;
    let mut socket = open(&mesh).await;
    send(&mut socket, json!("not a frame")).await;
    let Next::Frame(invalid) = next(&mut socket).await else {
        panic!()
    };
    assert_eq!(invalid["d"]["error"], "bad payload");

    let mut socket = open(&mesh).await;
    let heartbeat = json!({"op": 5, "d": {"client_id": "c"}});
    let error = "sent payload with non-identify opcode without identifying first";
    expect_invalid(&mut socket, heartbeat, error, true).await;

    let mut socket = open(&mesh).await;
    let no_app = json!({"op": 1, "d": {"client_id": "c"}});
    expect_invalid(&mut socket, no_app, "payload has no data", true).await;

    let (mut first, ready) = identify(&mesh, "c1", json!({})).await;
    assert_eq!(ready["op"], 2);
    assert_eq!(ready["d"], json!({"client_id": "c1", "restricted": false}));
    let (_, duplicate) = identify(&mesh, "c1", json!({})).await;
    assert_eq!(
        duplicate["d"]["error"],
        "client id c1 already registered for application id app"
    );
    let (_, taken_over) = identify(&mesh, "c1", json!({"reconnect": true})).await;
    assert_eq!(taken_over["op"], 2, "reconnect: true may take the id over");

    send(&mut first, json!({"op": 5, "d": {}})).await;
    let Next::Frame(ack) = next(&mut first).await else {
        panic!()
    };
    assert_eq!(
        (ack["op"].clone(), ack["d"].clone()),
        (json!(6), json!({"client_id": "c1"}))
    );
    let bad_metadata =
        json!({"op": 4, "t": "UPDATE_METADATA", "d": {"x": {"type": "boolean", "value": true}}});
    expect_invalid(&mut first, bad_metadata, "couldn't validate metadata", true).await;

    let (mut second, _) = identify(&mesh, "c2", json!({})).await;
    let unknown = json!({"op": 4, "t": "NOPE", "d": {}});
    send(&mut second, unknown).await;
    let Next::Frame(invalid) = next(&mut second).await else {
        panic!()
    };
    assert_eq!(
        invalid["d"]["error"],
        "invalid dispatch payload: %Singyeong.Gateway.Payload{d: %{}, op: 4, t: \"NOPE\", ts: nil}"
    );

    let (mut third, _) = identify(&mesh, "c3", json!({})).await;
    expect_invalid(
        &mut third,
        json!({"op": 9, "d": {}}),
        "invalid client op 9",
        true,
    )
    .await;

    let (mut guest, ready) = identify(&mesh, "guest", json!({"auth": "wrong"})).await;
    assert_eq!(ready["d"]["restricted"], true);
    let send_frame = json!({"op": 4, "t": "SEND", "d": {"target": {}, "payload": 1}});
    let error = "invalid dispatch type SEND (are you restricted?)";
    expect_invalid(&mut guest, send_frame, error, false).await;
}

#[tokio::test]
async fn routing_and_unroutable_messages() {
    let mesh = mesh().await;
    let (mut a, _) = identify(&mesh, "a", json!({})).await;
    let (mut b, _) = identify(&mesh, "b", json!({})).await;
    let metadata =
        json!({"op": 4, "t": "UPDATE_METADATA", "d": {"n": {"type": "integer", "value": 2}}});
    send(&mut b, metadata).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    let target = json!({"application": "app", "ops": [{"n": {"$eq": 2}}], "key": null, "optional": false, "restricted": false});
    send(
        &mut a,
        json!({"op": 4, "t": "SEND", "d": {"target": target, "nonce": "x", "payload": [1]}}),
    )
    .await;
    let Next::Frame(delivered) = next(&mut b).await else {
        panic!()
    };
    assert_eq!(delivered["t"], "SEND");
    assert_eq!(delivered["d"], json!({"nonce": "x", "payload": [1]}));

    let nobody = json!({"application": "app", "ops": [{"n": {"$eq": 5}}], "key": null, "optional": false, "restricted": false});
    send(
        &mut a,
        json!({"op": 4, "t": "BROADCAST", "d": {"target": nobody, "nonce": 7, "payload": 1}}),
    )
    .await;
    let Next::Frame(invalid) = next(&mut a).await else {
        panic!()
    };
    assert_eq!(
        invalid["d"],
        json!({
            "error": r#"no nodes match query for query %{"application" => "app", "key" => nil, "ops" => [%{"n" => %{"$eq" => 5}}], "optional" => false, "restricted" => false}"#,
            "d": {"nonce": 7}
        })
    );
    let crash = json!({"op": 4, "t": "SEND", "d": {"target": {"application": "app", "ops": [{"n": {"$near": 1}}]}, "payload": 1}});
    send(&mut a, crash).await;
    assert_eq!(
        next(&mut a).await,
        Next::Closed(Some(1011)),
        "an unknown $op crashes the socket"
    );
}

#[tokio::test]
async fn http_api_shapes() {
    let mesh = mesh().await;
    let (_tagged, _) = identify(&mesh, "t", json!({"tags": ["music", "bot"]})).await;
    let http = reqwest::Client::new();
    let base = format!("http://{}", mesh.addr());
    let get = |path: &str, auth: Option<&str>| {
        let mut request = http.get(format!("{base}{path}"));
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        request.send()
    };
    let version: Value = get("/api/version", None)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(version, json!({"singyeong": "0.0.1", "api": "v1"}));

    let denied = get("/api/v1/discovery/tags?q=[]", None).await.unwrap();
    assert_eq!(denied.status(), 401);
    assert_eq!(
        denied.json::<Value>().await.unwrap(),
        json!({"status": "error", "error": "not authorized"})
    );
    // shinkei's encoding, `+` for the space, as captured.
    let found = get(
        "/api/v1/discovery/tags?q=%5B%22music%22,+%22bot%22%5D",
        Some("pw"),
    )
    .await
    .unwrap();
    assert_eq!(
        found.json::<Value>().await.unwrap(),
        json!({"status": "ok", "result": ["app"]})
    );
    let missing = get("/api/v1/discovery/tags", Some("pw")).await.unwrap();
    assert_eq!(missing.status(), 400);
    assert_eq!(
        missing.json::<Value>().await.unwrap()["error"],
        "no query parameter"
    );
    let nowhere = get("/nope", None).await.unwrap();
    assert_eq!(nowhere.status(), 404);
    assert_eq!(
        nowhere.json::<Value>().await.unwrap(),
        json!({"code": 404, "error": "not found"})
    );

    let proxy = |body: Value| {
        http.post(format!("{base}/api/v1/proxy"))
            .header("authorization", "pw")
            .json(&body)
            .send()
    };
    let answer = proxy(json!({"route": "/x", "query": {}})).await.unwrap();
    assert_eq!(
        answer.json::<Value>().await.unwrap(),
        json!({"method": ["no method provided"]})
    );
    let answer = proxy(json!({"method": "TRACE", "route": "/x", "query": {}}))
        .await
        .unwrap();
    assert_eq!(
        answer.json::<Value>().await.unwrap(),
        json!({"errors": ["TRACE is not a supported method! (not supported: [\"CONNECT\", \"OPTIONS\", \"TRACE\"])"]})
    );
    let answer = proxy(json!({"method": "GET", "route": "/x", "query": {}, "body": {"a": 1}}))
        .await
        .unwrap();
    assert_eq!(
        answer.json::<Value>().await.unwrap(),
        json!({"errors": ["no body required but one given (you probably wanted to send nil)"]})
    );
    let query = json!({"application": "none", "ops": []});
    let answer = proxy(json!({"method": "GET", "route": "/x", "query": query}))
        .await
        .unwrap();
    assert_eq!(
        answer.json::<Value>().await.unwrap(),
        json!({"errors": ["no matches"]})
    );

    // What shinkei 0.1.6 sends (captured): the query arrives as the string "restricted".
    let form = "method=GET&route=%2Fx&query=ops&query=key&query=application&query=optional&query=restricted";
    let answer = http
        .post(format!("{base}/api/v1/proxy"))
        .header("authorization", "pw")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 500);
}

#[tokio::test]
async fn the_binary_starts_a_mesh_server_on_request() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bot-sandbox"))
        .args([
            "--port",
            "0",
            "--quiet",
            "--mesh-port",
            "0",
            "--mesh-password",
            "pw",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .take_while(|line| !line.contains("Ctrl-C"))
        .collect();
    let url = lines
        .iter()
        .find_map(|line| line.trim().strip_prefix("mesh server: singyeong://"))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the mesh URL is printed")
        .to_owned();
    let version: Value = reqwest::get(format!("http://{url}/api/version"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(version["api"], "v1");
    let _ = child.kill();
    let _ = child.wait();

    let refused = Command::new(env!("CARGO_BIN_EXE_bot-sandbox"))
        .args(["--mesh-password", "pw"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
}

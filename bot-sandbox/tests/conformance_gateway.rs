//! Gateway conformance with a raw WebSocket client: HELLO, heartbeats, IDENTIFY, READY,
//! GUILD_CREATE, dispatches, RESUME, zlib-stream and Discord's close codes (GW, OP, GE).

mod common;

use bot_sandbox::{GatewayUrlShape, Sandbox, SandboxHandle, Timings};
use common::{Client, Event, frame, identify};
use serde_json::json;
use std::time::Duration;

const GUILDS: u64 = 1;
/// GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT: the sessions below read guild messages' content.
const READS_MESSAGES: u64 = GUILDS | (1 << 9) | (1 << 15);

async fn sandbox() -> SandboxHandle {
    Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::from_millis(0),
            ..Timings::default()
        })
        .start()
        .await
        .unwrap()
}

/// The gateway URL with a query: the default shape has no path, so `/` comes first.
fn url(sandbox: &SandboxHandle, query: &str) -> String {
    with_query(&sandbox.gateway_url(), query)
}

fn with_query(gateway: &str, query: &str) -> String {
    match gateway.split_once('?') {
        Some((_, _)) => format!("{gateway}&{}", query.trim_start_matches('?')),
        None => format!("{}/{query}", gateway.trim_end_matches('/')),
    }
}

/// Connects, identifies and reads READY and GUILD_CREATE.
async fn ready(sandbox: &SandboxHandle, zlib: bool) -> (Client, serde_json::Value) {
    let query = if zlib {
        "?v=10&encoding=json&compress=zlib-stream"
    } else {
        "?v=10&encoding=json"
    };
    let mut client = Client::connect(&url(sandbox, query), zlib).await;
    let hello = client.payload().await;
    assert_eq!(hello["op"], 10);
    client
        .send(identify(&sandbox.token(), READS_MESSAGES))
        .await;
    let ready = client.until(0, Some("READY")).await;
    (client, ready)
}

// GE L450-455: HELLO first; GW L120-177: a heartbeat (also before IDENTIFY, `d: null`) is ACKed.
#[tokio::test]
async fn hello_then_heartbeat_ack_before_identify() {
    let sandbox = sandbox().await;
    let mut client = Client::connect(&url(&sandbox, "?v=10&encoding=json"), false).await;
    let hello = client.payload().await;
    let expected = frame("hello");
    assert_eq!(hello["op"], expected["op"]);
    assert!(hello["d"]["heartbeat_interval"].is_u64());
    client.send(json!({"op": 1, "d": null})).await;
    assert_eq!(client.payload().await["op"], frame("heartbeat_ack")["op"]);
    client.send(frame("heartbeat")).await;
    assert_eq!(client.payload().await, frame("heartbeat_ack"));
}

// Discord's `resume_gateway_url` has no path: the default URL has none, and the gateway answers
// at `/` and at the old `/gateway`, whatever shape is advertised.
#[tokio::test]
async fn the_gateway_is_served_at_the_root_and_at_gateway_in_every_shape() {
    let sandbox = sandbox().await;
    assert_eq!(sandbox.gateway_url(), format!("ws://{}", sandbox.addr()));
    for path in ["/", "/gateway"] {
        let at = format!("ws://{}{path}?v=10&encoding=json", sandbox.addr());
        let mut client = Client::connect(&at, false).await;
        assert_eq!(client.payload().await["op"], 10, "HELLO at {path}");
    }
    for (shape, expected) in [
        (GatewayUrlShape::TrailingSlash, "/"),
        (GatewayUrlShape::Path, "/gateway"),
        (GatewayUrlShape::Query("hint=1".to_owned()), "/?hint=1"),
    ] {
        let shaped = Sandbox::builder()
            .gateway_url_shape(shape)
            .start()
            .await
            .unwrap();
        assert_eq!(
            shaped.gateway_url(),
            format!("ws://{}{expected}", shaped.addr())
        );
        let mut client = Client::connect(&url(&shaped, "?v=10"), false).await;
        assert_eq!(client.payload().await["op"], 10);
    }
}

// GE (Ready Event Fields) and the conformance notes: every READY field, then GUILD_CREATE.
#[tokio::test]
async fn identify_gets_ready_with_every_field_then_guild_create() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let (mut client, ready) = ready(&sandbox, false).await;
    assert_eq!(ready["s"], 1);
    let d = &ready["d"];
    assert_eq!(d["v"], 10);
    assert_eq!(d["user"]["id"], sandbox.bot_user_id().to_string());
    assert_eq!(d["user"]["bot"], true);
    assert_eq!(d["user"]["mfa_enabled"], false);
    assert!(d["user"]["flags"].is_u64());
    assert_eq!(
        d["guilds"],
        json!([{"id": world.guild.to_string(), "unavailable": true}])
    );
    assert!(d["session_id"].as_str().is_some_and(|s| !s.is_empty()));
    let resume_url = d["resume_gateway_url"].as_str().unwrap();
    assert!(resume_url.starts_with("ws://") && !resume_url.ends_with('/'));
    assert_eq!(d["shard"], json!([0, 1]));
    assert_eq!(d["application"]["id"], sandbox.application_id().to_string());
    assert!(d["application"]["flags"].is_u64());

    let guild = client.until(0, Some("GUILD_CREATE")).await;
    assert_eq!(guild["s"], 2);
    let g = &guild["d"];
    assert_eq!(g["id"], world.guild.to_string());
    assert!(
        g["roles"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["colors"].is_object())
    );
    assert!(
        g["channels"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"].as_str().and_then(|s| s.parse().ok()) == Some(world.channel))
    );
    assert_eq!(g["member_count"], 3);
    // Without GUILD_PRESENCES, `members` holds only the bot (and members in voice: none here).
    assert_eq!(g["members"].as_array().unwrap().len(), 1);
    assert_eq!(
        g["members"][0]["user"]["id"],
        sandbox.bot_user_id().to_string()
    );
    assert!(g["joined_at"].is_string());
}

// GW L511-589: zlib-stream, one context per connection, each message ends with 00 00 ff ff.
#[tokio::test]
async fn zlib_stream_frames_are_sync_flushed_from_one_context() {
    let sandbox = sandbox().await;
    let (mut client, ready) = ready(&sandbox, true).await;
    assert_eq!(ready["t"], "READY");
    client.until(0, Some("GUILD_CREATE")).await;
    client.send(json!({"op": 1, "d": 2})).await;
    assert_eq!(client.payload().await["op"], 11);
    assert!(client.saw_binary && client.all_flushed);
}

// Client frames may be text or binary JSON.
#[tokio::test]
async fn binary_client_frames_are_accepted() {
    let sandbox = sandbox().await;
    let mut client = Client::connect(&url(&sandbox, "?v=10"), false).await;
    client.payload().await;
    client.send_binary(identify(&sandbox.token(), GUILDS)).await;
    assert_eq!(client.until(0, Some("READY")).await["t"], "READY");
}

/// Sends one payload after HELLO and expects the connection to close with `code`.
async fn closes_with(
    sandbox: &SandboxHandle,
    query: &str,
    payloads: Vec<serde_json::Value>,
    code: u16,
) {
    let mut client = Client::connect(&url(sandbox, query), false).await;
    if !query.contains("v=11") {
        assert_eq!(client.payload().await["op"], 10);
    }
    for payload in payloads {
        client.send(payload).await;
    }
    assert_eq!(
        client.closed().await,
        Event::Closed(code),
        "expected close {code}"
    );
}

// OP L30-51: each close code the docs give for a client mistake.
#[tokio::test]
async fn close_codes_for_client_mistakes() {
    let sandbox = sandbox().await;
    let token = sandbox.token();
    closes_with(&sandbox, "?v=10", vec![identify("not-the-token", 1)], 4004).await;
    closes_with(&sandbox, "?v=10", vec![identify(&token, 1 << 40)], 4013).await;
    let mut sharded = identify(&token, 1);
    sharded["d"]["shard"] = json!([2, 2]);
    closes_with(&sandbox, "?v=10", vec![sharded], 4010).await;
    closes_with(
        &sandbox,
        "?v=10",
        vec![json!({"op": 3, "d": {"status": "online"}})],
        4003,
    )
    .await;
    closes_with(
        &sandbox,
        "?v=10",
        vec![identify(&token, 1), identify(&token, 1)],
        4005,
    )
    .await;
    closes_with(
        &sandbox,
        "?v=10",
        vec![identify(&token, 1), json!({"op": 99, "d": null})],
        4001,
    )
    .await;
    closes_with(&sandbox, "?v=11", vec![], 4012).await;
    let mut client = Client::connect(&url(&sandbox, "?v=10"), false).await;
    client.payload().await;
    client
        .send_raw(format!(
            "{{\"op\":1,\"d\":null,\"pad\":\"{}\"}}",
            "x".repeat(5000)
        ))
        .await;
    assert_eq!(client.closed().await, Event::Closed(4002));
}

// OP L30-51: privileged intents the application may not use close with 4014.
#[tokio::test]
async fn disallowed_privileged_intents_close_with_4014() {
    let sandbox = Sandbox::builder()
        .allowed_privileged_intents(0)
        .start()
        .await
        .unwrap();
    closes_with(
        &sandbox,
        "?v=10",
        vec![identify(&sandbox.token(), 1 << 15)],
        4014,
    )
    .await;
}

// GW L120-177: no heartbeat for 1.5 intervals closes with 4009.
#[tokio::test]
async fn a_silent_client_is_closed_with_4009() {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            heartbeat_interval: Duration::from_millis(200),
            ..Timings::default()
        })
        .start()
        .await
        .unwrap();
    let mut client = Client::connect(&url(&sandbox, "?v=10"), false).await;
    assert_eq!(client.payload().await["d"]["heartbeat_interval"], 200);
    assert_eq!(client.closed().await, Event::Closed(4009));
}

// GW L277-300: RESUME replays what was missed, in order, then RESUMED.
#[tokio::test]
async fn resume_replays_missed_dispatches_then_resumed() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let (mut client, ready) = ready(&sandbox, false).await;
    let session = ready["d"]["session_id"].as_str().unwrap().to_owned();
    let guild_create = client.until(0, Some("GUILD_CREATE")).await;
    let seen = guild_create["s"].as_u64().unwrap();
    client.close().await;
    sandbox
        .gateway()
        .wait_for_connected(0, Duration::from_secs(2))
        .await;

    let alice = sandbox.user(world.owner);
    alice.send_message(world.channel, "one").await.unwrap();
    alice.send_message(world.channel, "two").await.unwrap();

    let resume_url = ready["d"]["resume_gateway_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut client = Client::connect(&with_query(&resume_url, "?v=10&encoding=json"), false).await;
    client.payload().await;
    let mut resume = frame("resume");
    resume["d"] = json!({"token": sandbox.token(), "session_id": session, "seq": seen});
    client.send(resume).await;
    let first = client.payload().await;
    let second = client.payload().await;
    let resumed = client.payload().await;
    assert_eq!(
        (first["t"].as_str(), first["s"].as_u64()),
        (Some("MESSAGE_CREATE"), Some(seen + 1))
    );
    assert_eq!(first["d"]["content"], "one");
    assert_eq!(
        (second["d"]["content"].as_str(), second["s"].as_u64()),
        (Some("two"), Some(seen + 2))
    );
    assert_eq!(resumed["t"], "RESUMED");
}

// OP L30-51: a RESUME with a seq the session never reached closes with 4007.
#[tokio::test]
async fn resume_with_an_invalid_seq_closes_with_4007() {
    let sandbox = sandbox().await;
    let (client, ready) = ready(&sandbox, false).await;
    let session = ready["d"]["session_id"].as_str().unwrap().to_owned();
    client.close().await;
    let resume =
        json!({"op": 6, "d": {"token": sandbox.token(), "session_id": session, "seq": 999}});
    closes_with(&sandbox, "?v=10", vec![resume], 4007).await;
    let unknown = json!({"op": 6, "d": {"token": sandbox.token(), "session_id": "nope", "seq": 1}});
    let mut client = Client::connect(&url(&sandbox, "?v=10"), false).await;
    client.payload().await;
    client.send(unknown).await;
    assert_eq!(client.payload().await, frame("invalid_session"));
}

// The test handles: RECONNECT, INVALID_SESSION, and a drop without a close frame.
#[tokio::test]
async fn test_handles_inject_reconnect_invalid_session_and_drops() {
    let sandbox = sandbox().await;
    let (mut client, _) = ready(&sandbox, false).await;
    client.until(0, Some("GUILD_CREATE")).await;
    sandbox.gateway().send_reconnect();
    assert_eq!(client.payload().await, frame("reconnect"));
    sandbox.gateway().send_invalid_session(true);
    assert_eq!(client.payload().await, json!({"op": 9, "d": true}));
    sandbox.gateway().drop_connections();
    assert_eq!(client.closed().await, Event::Dropped);
}

// GW L179-211: a second IDENTIFY inside the identify window is answered INVALID_SESSION false.
#[tokio::test]
async fn identify_pacing_refuses_a_second_identify_inside_the_window() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let (client, _) = ready(&sandbox, false).await;
    let mut second = Client::connect(&url(&sandbox, "?v=10"), false).await;
    second.payload().await;
    second.send(identify(&sandbox.token(), GUILDS)).await;
    assert_eq!(second.payload().await, frame("invalid_session"));
    client.close().await;
}

// GE L216-223: REQUEST_GUILD_MEMBERS is answered with GUILD_MEMBERS_CHUNK (the whole list needs
// GUILD_MEMBERS; tests/member_chunks.rs covers the rest).
#[tokio::test]
async fn request_guild_members_gets_a_chunk() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let mut client = Client::connect(&url(&sandbox, "?v=10&encoding=json"), false).await;
    client.payload().await;
    client
        .send(identify(&sandbox.token(), GUILDS | (1 << 1)))
        .await;
    let mut request = frame("request_guild_members");
    request["d"]["guild_id"] = json!(world.guild.to_string());
    request["d"]["nonce"] = json!("n1");
    client.send(request).await;
    let chunk = client.until(0, Some("GUILD_MEMBERS_CHUNK")).await;
    assert_eq!(chunk["d"]["members"].as_array().unwrap().len(), 3);
    assert_eq!(
        (
            chunk["d"]["chunk_index"].as_u64(),
            chunk["d"]["chunk_count"].as_u64()
        ),
        (Some(0), Some(1))
    );
    assert_eq!(chunk["d"]["nonce"], "n1");
}

// INTERACTION_CREATE from a scripted user carries every field the conformance notes list.
#[tokio::test]
async fn a_scripted_user_sends_interaction_create_built_from_registered_commands() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let http = reqwest::Client::new();
    let url = format!(
        "{}/applications/{}/guilds/{}/commands",
        sandbox.rest_url(),
        sandbox.application_id(),
        world.guild
    );
    let body = json!([{"name": "greet", "description": "Greet", "options": [
        {"type": 6, "name": "who", "description": "Whom", "required": true},
        {"type": 4, "name": "times", "description": "How often", "min_value": 1, "max_value": 3}
    ]}]);
    let response = http
        .put(&url)
        .header("Authorization", format!("Bot {}", sandbox.token()))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (mut client, _) = ready(&sandbox, false).await;
    client.until(0, Some("GUILD_CREATE")).await;

    let bob = sandbox.user(world.member);
    let refused = bob.slash(world.channel, "greet", json!({"times": 2})).await;
    assert!(refused.is_err(), "a missing required option is refused");
    let refused = bob
        .slash(
            world.channel,
            "greet",
            json!({"who": world.owner, "times": 9}),
        )
        .await;
    assert!(refused.is_err(), "a value outside min/max is refused");
    bob.slash(
        world.channel,
        "greet",
        json!({"who": world.owner, "times": 2}),
    )
    .await
    .unwrap();
    let interaction = client.until(0, Some("INTERACTION_CREATE")).await["d"].clone();
    for field in [
        "id",
        "application_id",
        "type",
        "data",
        "guild_id",
        "guild",
        "channel",
        "channel_id",
        "member",
        "token",
        "version",
        "app_permissions",
        "locale",
        "guild_locale",
        "entitlements",
        "authorizing_integration_owners",
        "context",
        "attachment_size_limit",
    ] {
        assert!(
            !interaction[field].is_null(),
            "INTERACTION_CREATE lacks {field}"
        );
    }
    assert_eq!(interaction["data"]["name"], "greet");
    assert_eq!(
        interaction["data"]["options"][0]["value"],
        world.owner.to_string()
    );
    assert_eq!(
        interaction["data"]["resolved"]["users"][world.owner.to_string()]["username"],
        "alice"
    );
    assert!(interaction["data"]["resolved"]["members"][world.owner.to_string()].is_object());
    assert_eq!(
        interaction["member"]["user"]["id"],
        world.member.to_string()
    );
    assert!(interaction["channel"]["permissions"].is_string());
}

// RR L88-100: user and message commands carry `target_id` and the target in `resolved`.
#[tokio::test]
async fn scripted_users_invoke_user_and_message_commands() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let url = format!(
        "{}/applications/{}/commands",
        sandbox.rest_url(),
        sandbox.application_id()
    );
    let body = json!([{"name": "Show avatar", "type": 2}, {"name": "Quote", "type": 3}]);
    let response = reqwest::Client::new()
        .put(&url)
        .header("Authorization", format!("Bot {}", sandbox.token()))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (mut client, _) = ready(&sandbox, false).await;
    client.until(0, Some("GUILD_CREATE")).await;

    let alice = sandbox.user(world.owner);
    alice
        .user_command(world.channel, "Show avatar", world.member)
        .await
        .unwrap();
    let data = client.until(0, Some("INTERACTION_CREATE")).await["d"]["data"].clone();
    assert_eq!(
        (data["type"].as_u64(), data["target_id"].as_str()),
        (Some(2), Some(world.member.to_string().as_str()))
    );
    assert_eq!(
        data["resolved"]["users"][world.member.to_string()]["username"],
        "bob"
    );

    let message = alice.send_message(world.channel, "quotable").await.unwrap();
    let created = client.until(0, Some("MESSAGE_CREATE")).await;
    assert_eq!(created["d"]["content"], "quotable");
    let id: u64 = message["id"].as_str().unwrap().parse().unwrap();
    alice
        .message_command(world.channel, "Quote", id)
        .await
        .unwrap();
    let data = client.until(0, Some("INTERACTION_CREATE")).await["d"]["data"].clone();
    assert_eq!(data["type"], 3);
    assert_eq!(
        data["resolved"]["messages"][id.to_string()]["content"],
        "quotable"
    );
    assert!(
        alice
            .user_command(world.channel, "Quote", world.member)
            .await
            .is_err(),
        "type must match"
    );
}

//! Member lists as Discord sends them, over a raw WebSocket client (GE "Request Guild Members",
//! "Guild Members Chunk", "Guild Create", "Rate Limited"; GW "Privileged Intents"): op 8 answered
//! in chunks of at most 1 000 with `chunk_index`/`chunk_count`, the nonce echoed, `query`/`limit`,
//! `user_ids` with `not_found`, presences only with GUILD_PRESENCES, the whole list only with
//! GUILD_MEMBERS and once per guild per window (then RATE_LIMITED); GUILD_CREATE's `members`,
//! `presences` and `large` by intents and `large_threshold`; 4014 for a privileged intent the
//! application may not use; the test hook that withholds a chunk.

mod common;

use bot_sandbox::{
    GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT, Sandbox, SandboxHandle, Timings,
};
use common::{Client, Event, identify};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::time::Duration;

const GUILDS: u64 = 1;

async fn sandbox_with(timings: Timings) -> SandboxHandle {
    Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..timings
        })
        .start()
        .await
        .unwrap()
}

async fn sandbox() -> SandboxHandle {
    sandbox_with(Timings::default()).await
}

/// A session identified with `intents` (and `large_threshold`, if given), READY read.
async fn connect_with(sandbox: &SandboxHandle, intents: u64, threshold: Option<u64>) -> Client {
    let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
    let mut client = Client::connect(&url, false).await;
    assert_eq!(client.payload().await["op"], 10);
    let mut payload = identify(&sandbox.token(), intents);
    if let Some(threshold) = threshold {
        payload["d"]["large_threshold"] = json!(threshold);
    }
    client.send(payload).await;
    client.until(0, Some("READY")).await;
    client
}

async fn connect(sandbox: &SandboxHandle, intents: u64) -> Client {
    connect_with(sandbox, intents, None).await
}

/// Sends op 8 with `d` (and the default guild's id).
async fn request(client: &mut Client, guild: u64, mut d: Value) {
    d["guild_id"] = json!(guild.to_string());
    client.send(json!({"op": 8, "d": d})).await;
}

/// The next GUILD_MEMBERS_CHUNK or RATE_LIMITED dispatch's `(t, d)`.
async fn answer(client: &mut Client) -> (String, Value) {
    loop {
        let payload = client.payload().await;
        let event = payload["t"].as_str().unwrap_or_default();
        if payload["op"] == 0 && matches!(event, "GUILD_MEMBERS_CHUNK" | "RATE_LIMITED") {
            return (event.to_owned(), payload["d"].clone());
        }
    }
}

/// The next chunk (panics on RATE_LIMITED).
async fn chunk(client: &mut Client) -> Value {
    let (event, d) = answer(client).await;
    assert_eq!(event, "GUILD_MEMBERS_CHUNK", "{d}");
    d
}

/// A chunk's members' user ids.
fn ids(list: &Value) -> Vec<u64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            m["user"]["id"]
                .as_str()
                .and_then(|s| s.parse().ok())
                .unwrap()
        })
        .collect()
}

/// A fence: a request by id with `nonce`, whose chunk proves no other chunk or RATE_LIMITED was
/// sent before it; returns the names of the other dispatches that came first.
async fn fence(client: &mut Client, sandbox: &SandboxHandle, nonce: &str) -> Vec<String> {
    let guild = sandbox.default_guild().unwrap().guild;
    let bot = sandbox.bot_user_id().to_string();
    request(client, guild, json!({"user_ids": [bot], "nonce": nonce})).await;
    let mut before = Vec::new();
    loop {
        let payload = client.payload().await;
        let event = payload["t"].as_str().unwrap_or_default().to_owned();
        if payload["op"] != 0 {
            continue;
        }
        if matches!(event.as_str(), "GUILD_MEMBERS_CHUNK" | "RATE_LIMITED") {
            assert_eq!(
                payload["d"]["nonce"], nonce,
                "an answer came before the fence: {payload}"
            );
            return before;
        }
        before.push(event);
    }
}

#[tokio::test]
async fn a_2500_member_guild_arrives_in_three_chunks_with_the_nonce() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    // 2 497 seeded beside alice, bob and the bot: 2 500 members.
    let seeded = sandbox.seed_members(world.guild, 2497, "member");
    assert_eq!(seeded.len(), 2497);
    let mut client = connect(&sandbox, GUILDS | GUILD_MEMBERS).await;
    request(
        &mut client,
        world.guild,
        json!({"query": "", "limit": 0, "nonce": "full-list"}),
    )
    .await;
    let mut all = HashSet::new();
    let mut shape = Vec::new();
    for _ in 0..3 {
        let d = chunk(&mut client).await;
        assert_eq!(d["guild_id"], world.guild.to_string());
        assert_eq!(d["nonce"], "full-list");
        assert_eq!(d["not_found"], json!([]));
        assert!(d.get("presences").is_none(), "presences were not asked for");
        let members = ids(&d["members"]);
        shape.push((
            members.len(),
            d["chunk_index"].as_u64().unwrap(),
            d["chunk_count"].as_u64().unwrap(),
        ));
        all.extend(members);
    }
    assert_eq!(shape, [(1000, 0, 3), (1000, 1, 3), (500, 2, 3)]);
    assert_eq!(all.len(), 2500, "every member once");
    assert!(seeded.iter().all(|id| all.contains(id)));
    assert_eq!(sandbox.gateway().member_requests().len(), 1);
    fence(&mut client, &sandbox, "after").await;
}

#[tokio::test]
async fn a_query_matches_username_prefixes_up_to_the_limit() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    sandbox.seed_members(world.guild, 300, "member");
    // A query does not need GUILD_MEMBERS.
    let mut client = connect(&sandbox, GUILDS).await;
    let names = |d: &Value| -> Vec<String> {
        d["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["user"]["username"].as_str().unwrap().to_owned())
            .collect()
    };

    request(
        &mut client,
        world.guild,
        json!({"query": "MEMBER1", "limit": 5}),
    )
    .await;
    let d = chunk(&mut client).await;
    assert_eq!(
        names(&d),
        ["member1", "member10", "member11", "member12", "member13"]
    );
    assert_eq!(
        (d["chunk_index"].as_u64(), d["chunk_count"].as_u64()),
        (Some(0), Some(1))
    );
    assert!(d.get("nonce").is_none());

    // member1, member10–19 and member100–199 match: 111, of which a query returns 100.
    for limit in [0, 100, 1000] {
        request(
            &mut client,
            world.guild,
            json!({"query": "member1", "limit": limit}),
        )
        .await;
        let d = chunk(&mut client).await;
        let found = names(&d);
        assert_eq!(found.len(), 100, "limit {limit}");
        assert!(found.iter().all(|n| n.starts_with("member1")));
    }

    request(
        &mut client,
        world.guild,
        json!({"query": "Ali", "limit": 10}),
    )
    .await;
    assert_eq!(names(&chunk(&mut client).await), ["alice"]);

    // Nothing found is still one chunk.
    request(
        &mut client,
        world.guild,
        json!({"query": "nobody", "limit": 10, "nonce": "n"}),
    )
    .await;
    let d = chunk(&mut client).await;
    assert_eq!(d["members"], json!([]));
    assert_eq!(
        (d["chunk_index"].as_u64(), d["chunk_count"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(d["nonce"], "n");
}

#[tokio::test]
async fn user_ids_are_answered_with_not_found_for_non_members() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let stranger = sandbox.add_user("stranger");
    let mut client = connect(&sandbox, GUILDS).await;
    let wanted = [
        world.owner.to_string(),
        stranger.to_string(),
        world.member.to_string(),
        "12345".to_owned(),
        world.owner.to_string(),
    ];
    request(
        &mut client,
        world.guild,
        json!({"user_ids": wanted, "nonce": "ids"}),
    )
    .await;
    let d = chunk(&mut client).await;
    assert_eq!(ids(&d["members"]), [world.owner, world.member]);
    assert_eq!(d["not_found"], json!([stranger.to_string(), "12345"]));
    assert_eq!(d["nonce"], "ids");

    // One id, not in a list; a nonce over 32 bytes is ignored.
    let long = "n".repeat(33);
    request(
        &mut client,
        world.guild,
        json!({"user_ids": world.member.to_string(), "nonce": long}),
    )
    .await;
    let d = chunk(&mut client).await;
    assert_eq!(ids(&d["members"]), [world.member]);
    assert!(d.get("nonce").is_none(), "{d}");
}

#[tokio::test]
async fn presences_come_only_with_guild_presences() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let gateway = sandbox.gateway();
    assert!(gateway.set_presence(world.owner, "online"));
    assert!(gateway.set_presence(world.member, "invisible"));
    assert!(!gateway.set_presence(world.member, "away"));
    assert_eq!(gateway.presence(world.member), "offline");
    let both = [world.owner.to_string(), world.member.to_string()];

    let mut without = connect(&sandbox, GUILDS | GUILD_MEMBERS).await;
    request(
        &mut without,
        world.guild,
        json!({"user_ids": both, "presences": true}),
    )
    .await;
    let d = chunk(&mut without).await;
    assert_eq!(ids(&d["members"]).len(), 2);
    assert!(d.get("presences").is_none(), "without GUILD_PRESENCES: {d}");

    let mut with = connect(&sandbox, GUILDS | GUILD_PRESENCES).await;
    request(
        &mut with,
        world.guild,
        json!({"user_ids": both, "presences": true}),
    )
    .await;
    let d = chunk(&mut with).await;
    // The invisible member is seen offline: no presence.
    assert_eq!(
        d["presences"],
        json!([{"user": {"id": world.owner.to_string()}, "status": "online", "activities": [],
                "client_status": {"desktop": "online"}}])
    );
    request(&mut with, world.guild, json!({"user_ids": both})).await;
    assert!(chunk(&mut with).await.get("presences").is_none());

    // A status change reaches only the session with GUILD_PRESENCES.
    assert!(gateway.set_presence(world.member, "dnd"));
    let update = with.until(0, Some("PRESENCE_UPDATE")).await;
    assert_eq!(update["d"]["user"]["id"], world.member.to_string());
    assert_eq!(update["d"]["guild_id"], world.guild.to_string());
    assert_eq!(update["d"]["status"], "dnd");
    let before = fence(&mut without, &sandbox, "no-presence-update").await;
    assert!(!before.iter().any(|e| e == "PRESENCE_UPDATE"), "{before:?}");
}

#[tokio::test]
async fn the_whole_list_needs_guild_members() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let mut client = connect(&sandbox, GUILDS | GUILD_PRESENCES).await;
    request(
        &mut client,
        world.guild,
        json!({"query": "", "limit": 0, "nonce": "all"}),
    )
    .await;
    request(
        &mut client,
        world.guild,
        json!({"query": "", "limit": 10, "nonce": "ten"}),
    )
    .await;
    // Ignored: the next answer is the fence's, and the connection stays.
    fence(&mut client, &sandbox, "fence").await;
    // An unknown guild gets no answer either.
    request(&mut client, 42, json!({"user_ids": ["1"]})).await;
    fence(&mut client, &sandbox, "fence-2").await;
}

#[tokio::test]
async fn a_second_full_list_inside_the_window_is_rate_limited() {
    let sandbox = sandbox_with(Timings {
        full_member_list_window: Duration::from_millis(1500),
        ..Timings::default()
    })
    .await;
    let world = sandbox.default_guild().unwrap();
    let mut first = connect(&sandbox, GUILDS | GUILD_MEMBERS).await;
    let mut second = connect(&sandbox, GUILDS | GUILD_MEMBERS).await;
    let full = |nonce: &str| json!({"query": "", "limit": 0, "nonce": nonce});

    request(&mut first, world.guild, full("one")).await;
    assert_eq!(ids(&chunk(&mut first).await["members"]).len(), 3);

    request(&mut first, world.guild, full("two")).await;
    let (event, d) = answer(&mut first).await;
    assert_eq!(event, "RATE_LIMITED");
    assert_eq!(d["opcode"], 8);
    let retry_after = d["retry_after"].as_f64().unwrap();
    assert!(retry_after > 0.0 && retry_after <= 1.5, "{retry_after}");
    assert_eq!(
        d["meta"],
        json!({"guild_id": world.guild.to_string(), "nonce": "two"})
    );

    // Per bot: another session of the same bot is limited too; other requests are not.
    request(&mut second, world.guild, full("three")).await;
    assert_eq!(answer(&mut second).await.0, "RATE_LIMITED");
    fence(&mut first, &sandbox, "still-open").await;

    tokio::time::sleep(Duration::from_secs_f64(retry_after) + Duration::from_millis(100)).await;
    request(&mut second, world.guild, full("four")).await;
    let d = chunk(&mut second).await;
    assert_eq!(d["nonce"], "four");
}

#[tokio::test]
async fn the_default_window_is_thirty_seconds() {
    assert_eq!(
        Timings::default().full_member_list_window,
        Duration::from_secs(30)
    );
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let mut client = connect(&sandbox, GUILDS | GUILD_MEMBERS).await;
    request(&mut client, world.guild, json!({"query": "", "limit": 0})).await;
    chunk(&mut client).await;
    request(&mut client, world.guild, json!({"query": "", "limit": 0})).await;
    let (event, d) = answer(&mut client).await;
    assert_eq!(event, "RATE_LIMITED");
    let retry_after = d["retry_after"].as_f64().unwrap();
    assert!(retry_after > 20.0 && retry_after <= 30.0, "{retry_after}");
    assert!(d["meta"].get("nonce").is_none());
}

#[tokio::test]
async fn guild_create_without_guild_presences_holds_only_the_bot() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    sandbox.seed_members(world.guild, 20, "member");
    let mut client = connect(&sandbox, GUILDS | GUILD_MEMBERS | MESSAGE_CONTENT).await;
    let guild = client.until(0, Some("GUILD_CREATE")).await;
    let d = &guild["d"];
    assert_eq!(ids(&d["members"]), [sandbox.bot_user_id()]);
    assert_eq!(d["presences"], json!([]));
    assert_eq!(d["member_count"], 23);
    assert_eq!(d["large"], false);
}

#[tokio::test]
async fn guild_create_with_guild_presences_leaves_offline_members_out_of_large_guilds() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let seeded = sandbox.seed_members(world.guild, 100, "member");
    let gateway = sandbox.gateway();
    gateway.set_presence(world.owner, "idle");
    gateway.set_presence(seeded[7], "online");
    sandbox.add_member(world.guild, world.member, &[world.role]);

    // 103 members, over the default large_threshold of 50.
    let mut client = connect(&sandbox, GUILDS | GUILD_PRESENCES).await;
    let d = client.until(0, Some("GUILD_CREATE")).await["d"].clone();
    assert_eq!(d["large"], true);
    assert_eq!(d["member_count"], 103);
    let kept: HashSet<u64> = ids(&d["members"]).into_iter().collect();
    // Online, idle, with a role, the bot: the 99 other offline members are left out.
    let expected: HashSet<u64> = [world.owner, seeded[7], world.member, sandbox.bot_user_id()]
        .into_iter()
        .collect();
    assert_eq!(kept, expected);
    let present: HashSet<String> = d["presences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{}:{}", p["user"]["id"].as_str().unwrap(), p["status"]))
        .collect();
    let wanted: HashSet<String> = [
        format!("{}:\"idle\"", world.owner),
        format!("{}:\"online\"", seeded[7]),
    ]
    .into_iter()
    .collect();
    assert_eq!(present, wanted);

    // With large_threshold 250 the guild is not large: every member.
    let mut all = connect_with(&sandbox, GUILDS | GUILD_PRESENCES, Some(250)).await;
    let d = all.until(0, Some("GUILD_CREATE")).await["d"].clone();
    assert_eq!(d["large"], false);
    assert_eq!(ids(&d["members"]).len(), 103);
}

// GW "Privileged Intents", OP "Gateway Close Event Codes": an intent the application may not use
// closes with 4014; those it may use are accepted.
#[tokio::test]
async fn a_privileged_intent_not_enabled_closes_with_4014() {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .allowed_privileged_intents(MESSAGE_CONTENT)
        .start()
        .await
        .unwrap();
    let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
    for refused in [
        GUILD_MEMBERS,
        GUILD_PRESENCES,
        GUILD_MEMBERS | MESSAGE_CONTENT,
    ] {
        let mut client = Client::connect(&url, false).await;
        client.payload().await;
        client
            .send(identify(&sandbox.token(), GUILDS | refused))
            .await;
        assert_eq!(client.closed().await, Event::Closed(4014), "{refused}");
    }
    let mut client = Client::connect(&url, false).await;
    client.payload().await;
    client
        .send(identify(&sandbox.token(), GUILDS | MESSAGE_CONTENT))
        .await;
    client.until(0, Some("READY")).await;
    // Everything enabled by default.
    let open = sandbox_with(Timings::default()).await;
    connect(
        &open,
        GUILDS | GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT,
    )
    .await;
}

#[tokio::test]
async fn the_withhold_hook_drops_the_last_chunk_of_the_next_request() {
    let sandbox = sandbox_with(Timings {
        full_member_list_window: Duration::ZERO,
        ..Timings::default()
    })
    .await;
    let world = sandbox.default_guild().unwrap();
    sandbox.seed_members(world.guild, 2500, "member");
    let mut client = connect(&sandbox, GUILDS | GUILD_MEMBERS).await;
    sandbox.gateway().withhold_last_chunk(1);
    request(
        &mut client,
        world.guild,
        json!({"query": "", "limit": 0, "nonce": "held"}),
    )
    .await;
    for index in 0..2 {
        let d = chunk(&mut client).await;
        assert_eq!(
            (d["chunk_index"].as_u64(), d["nonce"].as_str()),
            (Some(index), Some("held"))
        );
    }
    // Chunk 2 of 3 never comes: the next answer is the fence's.
    fence(&mut client, &sandbox, "fence").await;
    // Only the next request: the one after is whole (the window is lifted here).
    request(
        &mut client,
        world.guild,
        json!({"query": "", "limit": 0, "nonce": "whole"}),
    )
    .await;
    for index in 0..3 {
        let d = chunk(&mut client).await;
        assert_eq!(
            (d["chunk_index"].as_u64(), d["nonce"].as_str()),
            (Some(index), Some("whole"))
        );
    }
}

#[tokio::test]
async fn an_invalid_request_closes_with_4001() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    for bad in [
        json!({"guild_id": "not a snowflake", "query": "", "limit": 0}),
        json!({"guild_id": world.guild.to_string()}),
        json!({"guild_id": world.guild.to_string(), "query": "a"}),
        json!({"guild_id": world.guild.to_string(), "user_ids": [{}]}),
        json!("nonsense"),
    ] {
        let mut client = connect(&sandbox, GUILDS | GUILD_MEMBERS).await;
        client.send(json!({"op": 8, "d": bad})).await;
        assert_eq!(client.closed().await, Event::Closed(4001), "{bad}");
    }
    assert_eq!(sandbox.gateway().member_requests().len(), 5);
}

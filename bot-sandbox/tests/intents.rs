//! Gateway intents through a raw WebSocket client (GW "Gateway Intents", "List of Intents",
//! "Caveats", "Message Content Intent", "HTTP Restrictions"): a dispatch reaches only the sessions
//! whose IDENTIFY asked for its intent (a RESUME keeps them), events listed under no intent always
//! go, and without MESSAGE_CONTENT a message's content, embeds, attachments and components are
//! empty and its poll left out, except for the bot's own messages, DMs with the bot and messages
//! that mention it.
//!
//! Each session reads until a fence: an INTERACTION_CREATE (listed under no intent) from a scripted
//! user's `/fence`, which every session gets after what came before it.

mod common;
mod support;

use bot_sandbox::{
    GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT, Sandbox, SandboxHandle, Timings,
};
use common::{Client, Event, identify};
use serde_json::{Value, json};
use std::time::Duration;
use support::Rest;

const GUILDS: u64 = 1;
const GUILD_MESSAGES: u64 = 1 << 9;
const GUILD_MESSAGE_TYPING: u64 = 1 << 11;
const DIRECT_MESSAGES: u64 = 1 << 12;

/// A sandbox that takes IDENTIFYs back to back, with `/fence` registered.
async fn sandbox_with(privileged: u64) -> (SandboxHandle, Rest) {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .allowed_privileged_intents(privileged)
        .start()
        .await
        .unwrap();
    let rest = Rest::new(&sandbox);
    rest.register(None, json!([{"name": "fence", "description": "Fence"}]))
        .await;
    (sandbox, rest)
}

async fn sandbox() -> (SandboxHandle, Rest) {
    sandbox_with(GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT).await
}

/// A session identified with `intents`, READY read: the client and its session id.
async fn connect(sandbox: &SandboxHandle, intents: u64) -> (Client, String) {
    let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
    let mut client = Client::connect(&url, false).await;
    assert_eq!(client.payload().await["op"], 10, "HELLO first");
    client.send(identify(&sandbox.token(), intents)).await;
    let ready = client.until(0, Some("READY")).await;
    let session = ready["d"]["session_id"].as_str().unwrap().to_owned();
    (client, session)
}

/// A scripted user runs `/fence`: an INTERACTION_CREATE every session gets.
async fn fence(sandbox: &SandboxHandle) {
    let world = sandbox.default_guild().unwrap();
    sandbox
        .user(world.member)
        .slash(world.channel, "fence", json!({}))
        .await
        .unwrap();
}

/// The dispatches a client reads before the next fence.
async fn until_fence(client: &mut Client) -> Vec<Value> {
    let mut seen = Vec::new();
    loop {
        let payload = client.payload().await;
        if payload["op"] != 0 {
            continue;
        }
        if payload["t"] == "INTERACTION_CREATE" {
            return seen;
        }
        seen.push(payload);
    }
}

/// The event names of dispatches.
fn names(dispatches: &[Value]) -> Vec<&str> {
    dispatches.iter().filter_map(|d| d["t"].as_str()).collect()
}

/// The `d` of the dispatches named `event`.
fn data_of(dispatches: &[Value], event: &str) -> Vec<Value> {
    dispatches
        .iter()
        .filter(|d| d["t"] == event)
        .map(|d| d["d"].clone())
        .collect()
}

// GW "List of Intents": GUILD_CREATE is a GUILDS event; READY (listed under none) still lists the
// guild, and GUILD_CREATE follows only for a session that asked for GUILDS.
#[tokio::test]
async fn guild_create_follows_ready_only_with_guilds() {
    let (sandbox, _rest) = sandbox().await;
    let guild = sandbox.default_guild().unwrap().guild.to_string();
    let (mut without, _) = connect(&sandbox, GUILD_MESSAGES).await;
    let (mut with, _) = connect(&sandbox, GUILDS).await;
    fence(&sandbox).await;
    assert_eq!(names(&until_fence(&mut without).await), Vec::<&str>::new());
    let dispatches = until_fence(&mut with).await;
    assert_eq!(names(&dispatches), ["GUILD_CREATE"]);
    assert_eq!(dispatches[0]["d"]["id"], guild);
}

// Each event the sandbox sends goes only to the sessions whose intents hold the one it needs:
// CHANNEL_UPDATE (GUILDS), GUILD_MEMBER_UPDATE (GUILD_MEMBERS, but about the bot itself always,
// GW "Caveats"), MESSAGE_CREATE in a guild (GUILD_MESSAGES) and in a DM (DIRECT_MESSAGES),
// TYPING_START (GUILD_MESSAGE_TYPING); INTERACTION_CREATE, under no intent, goes to a session
// that asked for none.
#[tokio::test]
async fn dispatches_reach_only_the_sessions_that_asked_for_their_intent() {
    let (sandbox, rest) = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let (mut guilds, _) = connect(&sandbox, GUILDS).await;
    let (mut members, _) = connect(&sandbox, GUILD_MEMBERS).await;
    let (mut messages, _) = connect(&sandbox, GUILD_MESSAGES | MESSAGE_CONTENT).await;
    let (mut direct, _) = connect(&sandbox, DIRECT_MESSAGES).await;
    let (mut typing, _) = connect(&sandbox, GUILD_MESSAGE_TYPING).await;
    let (mut none, _) = connect(&sandbox, 0).await;
    fence(&sandbox).await;
    for client in [
        &mut guilds,
        &mut members,
        &mut messages,
        &mut direct,
        &mut typing,
        &mut none,
    ] {
        until_fence(client).await;
    }

    assert!(sandbox.set_channel_nsfw(world.channel, true));
    assert!(sandbox.set_member_roles(world.guild, world.member, &[world.role]));
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[world.role]));
    let alice = sandbox.user(world.owner);
    alice
        .send_message(world.channel, "in the guild")
        .await
        .unwrap();
    sandbox
        .user(world.member)
        .send_message_in_dm("in a DM")
        .await
        .unwrap();
    let dm = sandbox.dm_channel(world.member).unwrap();
    let (status, _) = rest
        .send(
            reqwest::Method::POST,
            &format!("/channels/{dm}/messages"),
            Some(json!({"content": "the bot in a DM"})),
        )
        .await;
    assert_eq!(status, 200);
    sandbox.gateway().dispatch(
        Some(world.guild),
        "TYPING_START",
        json!({"channel_id": world.channel.to_string(), "guild_id": world.guild.to_string(),
               "user_id": world.owner.to_string(), "timestamp": 1}),
    );
    fence(&sandbox).await;

    let guilds = until_fence(&mut guilds).await;
    assert_eq!(
        names(&guilds),
        ["CHANNEL_UPDATE", "GUILD_MEMBER_UPDATE"],
        "GUILDS: the channel, and the bot's own member update"
    );
    assert_eq!(
        data_of(&guilds, "GUILD_MEMBER_UPDATE")[0]["user"]["id"],
        sandbox.bot_user_id().to_string()
    );
    let members = until_fence(&mut members).await;
    assert_eq!(
        names(&members),
        ["GUILD_MEMBER_UPDATE", "GUILD_MEMBER_UPDATE"]
    );
    assert_eq!(
        data_of(&members, "GUILD_MEMBER_UPDATE")[0]["user"]["id"],
        world.member.to_string()
    );
    let messages = until_fence(&mut messages).await;
    assert_eq!(names(&messages), ["GUILD_MEMBER_UPDATE", "MESSAGE_CREATE"]);
    assert_eq!(messages[1]["d"]["content"], "in the guild");
    let direct = until_fence(&mut direct).await;
    assert_eq!(
        names(&direct),
        ["GUILD_MEMBER_UPDATE", "MESSAGE_CREATE", "MESSAGE_CREATE"]
    );
    let direct: Vec<Value> = data_of(&direct, "MESSAGE_CREATE");
    assert_eq!(
        (direct[0]["content"].as_str(), direct[1]["content"].as_str()),
        (Some("in a DM"), Some("the bot in a DM")),
        "DMs keep their content without MESSAGE_CONTENT"
    );
    assert!(direct.iter().all(|m| m.get("guild_id").is_none()));
    assert_eq!(direct[0]["channel_id"], dm.to_string());
    let typing = until_fence(&mut typing).await;
    assert_eq!(names(&typing), ["GUILD_MEMBER_UPDATE", "TYPING_START"]);
    assert_eq!(
        names(&until_fence(&mut none).await),
        ["GUILD_MEMBER_UPDATE"],
        "no intent: only what is sent whatever the intents"
    );
}

// A RESUME keeps the intents of the session's IDENTIFY: what it missed is replayed as it was
// filtered and blanked, and so is what comes after.
#[tokio::test]
async fn a_resumed_session_keeps_the_intents_of_its_identify() {
    let (sandbox, _rest) = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let (mut client, session) = connect(&sandbox, GUILDS | GUILD_MESSAGES).await;
    fence(&sandbox).await;
    let first = until_fence(&mut client).await;
    let seen = first.last().unwrap()["s"].as_u64().unwrap() + 1;
    client.close().await;
    let gateway = sandbox.gateway();
    assert!(gateway.wait_for_connected(0, Duration::from_secs(2)).await);

    let alice = sandbox.user(world.owner);
    alice.send_message(world.channel, "missed").await.unwrap();
    assert!(sandbox.set_member_roles(world.guild, world.member, &[world.role]));
    assert!(sandbox.set_channel_nsfw(world.channel, true));

    let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
    let mut resumed = Client::connect(&url, false).await;
    resumed.payload().await;
    resumed
        .send(json!({"op": 6, "d": {"token": sandbox.token(), "session_id": session, "seq": seen}}))
        .await;
    let replayed = until_fence_or_resumed(&mut resumed).await;
    assert_eq!(
        names(&replayed),
        ["MESSAGE_CREATE", "CHANNEL_UPDATE", "RESUMED"]
    );
    assert_eq!(replayed[0]["d"]["content"], "", "no MESSAGE_CONTENT");
    assert_eq!(replayed[0]["s"], seen + 1);

    alice
        .send_message(world.channel, "after the resume")
        .await
        .unwrap();
    assert!(sandbox.set_member_roles(world.guild, world.member, &[]));
    fence(&sandbox).await;
    let after = until_fence(&mut resumed).await;
    assert_eq!(names(&after), ["MESSAGE_CREATE"]);
    assert_eq!(after[0]["d"]["content"], "");
    assert_eq!((gateway.identify_count(), gateway.resume_count()), (1, 1));
}

/// Dispatches up to and including RESUMED.
async fn until_fence_or_resumed(client: &mut Client) -> Vec<Value> {
    let mut seen = Vec::new();
    loop {
        let payload = client.payload().await;
        if payload["op"] != 0 {
            continue;
        }
        let done = payload["t"] == "RESUMED";
        seen.push(payload);
        if done {
            return seen;
        }
    }
}

/// A guild message by someone else with every field MESSAGE_CONTENT guards.
fn rich_message(sandbox: &SandboxHandle, id: u64, mentions: Value) -> Value {
    let world = sandbox.default_guild().unwrap();
    json!({
        "id": id.to_string(), "channel_id": world.channel.to_string(),
        "guild_id": world.guild.to_string(),
        "author": {"id": world.owner.to_string(), "username": "alice", "discriminator": "0",
                   "global_name": null, "avatar": null},
        "content": "edited", "timestamp": "2024-01-01T00:00:00.000000+00:00",
        "edited_timestamp": "2024-01-01T00:01:00.000000+00:00", "tts": false,
        "mention_everyone": false, "mentions": mentions, "mention_roles": [],
        "attachments": [{"id": "5", "filename": "a.txt", "size": 1, "url": "u", "proxy_url": "p"}],
        "embeds": [{"title": "an embed"}],
        "components": [{"type": 1, "components": [
            {"type": 2, "style": 1, "label": "Go", "custom_id": "go"}]}],
        "poll": {"question": {"text": "?"}, "answers": [], "expiry": null,
                 "allow_multiselect": false, "layout_type": 1},
        "pinned": false, "type": 0, "flags": 0,
    })
}

// GW "Message Content Intent": without MESSAGE_CONTENT, `content`, `embeds`, `attachments` and
// `components` are empty and `poll` is left out, except in the bot's own messages, DMs with the
// bot and messages that mention it; with MESSAGE_CONTENT every message is whole.
#[tokio::test]
async fn message_content_is_blanked_without_the_intent_except_for_the_three_exceptions() {
    let (sandbox, rest) = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = sandbox.bot_user_id();
    let base = GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES;
    let (mut blind, _) = connect(&sandbox, base).await;
    let (mut sighted, _) = connect(&sandbox, base | MESSAGE_CONTENT).await;
    fence(&sandbox).await;
    until_fence(&mut blind).await;
    until_fence(&mut sighted).await;

    let alice = sandbox.user(world.owner);
    alice.send_message(world.channel, "plain").await.unwrap();
    let mentioning = alice
        .send_message(
            world.channel,
            &format!("hey <@{bot}>, and <@!{}>", world.member),
        )
        .await
        .unwrap();
    sandbox
        .user(world.member)
        .send_message_in_dm("a secret for the bot")
        .await
        .unwrap();
    let (status, _) = rest
        .send(
            reqwest::Method::POST,
            &format!("/channels/{}/messages", world.channel),
            Some(json!({"content": "from the bot", "embeds": [{"title": "mine"}]})),
        )
        .await;
    assert_eq!(status, 200);
    let gateway = sandbox.gateway();
    gateway.dispatch(
        Some(world.guild),
        "MESSAGE_UPDATE",
        rich_message(&sandbox, 77, json!([])),
    );
    let mention = json!([{"id": bot.to_string(), "username": "SandboxBot"}]);
    gateway.dispatch(
        Some(world.guild),
        "MESSAGE_UPDATE",
        rich_message(&sandbox, 78, mention),
    );
    fence(&sandbox).await;

    let blind = until_fence(&mut blind).await;
    let sighted = until_fence(&mut sighted).await;
    assert_eq!(
        names(&blind),
        [
            "MESSAGE_CREATE",
            "MESSAGE_CREATE",
            "MESSAGE_CREATE",
            "MESSAGE_CREATE",
            "MESSAGE_UPDATE",
            "MESSAGE_UPDATE"
        ]
    );
    assert_eq!(names(&blind), names(&sighted));
    let contents = |dispatches: &[Value]| -> Vec<String> {
        dispatches
            .iter()
            .map(|d| d["d"]["content"].as_str().unwrap().to_owned())
            .collect()
    };
    let mention_text = format!("hey <@{bot}>, and <@!{}>", world.member);
    assert_eq!(
        contents(&blind),
        [
            "",
            mention_text.as_str(),
            "a secret for the bot",
            "from the bot",
            "",
            "edited"
        ]
    );
    assert_eq!(
        contents(&sighted),
        [
            "plain",
            mention_text.as_str(),
            "a secret for the bot",
            "from the bot",
            "edited",
            "edited"
        ]
    );

    // The mention is in `mentions`, as Discord parses it, with the member in a guild.
    let mentioned: Vec<&str> = mentioning["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["id"].as_str())
        .collect();
    assert_eq!(
        mentioned,
        [bot.to_string(), world.member.to_string()],
        "in order, each once"
    );
    assert_eq!(blind[1]["d"]["mentions"], mentioning["mentions"]);
    assert!(blind[1]["d"]["mentions"][0]["member"]["roles"].is_array());
    // The bot's own message keeps its embeds too.
    assert_eq!(blind[3]["d"]["embeds"][0]["title"], "mine");

    // Every guarded field is emptied, the poll left out, and nothing else touched.
    let blanked = &blind[4]["d"];
    let whole = &sighted[4]["d"];
    assert_eq!(
        (
            &blanked["embeds"],
            &blanked["attachments"],
            &blanked["components"]
        ),
        (&json!([]), &json!([]), &json!([]))
    );
    assert!(blanked.get("poll").is_none());
    let mut expected = whole.clone();
    for (key, empty) in [
        ("content", json!("")),
        ("embeds", json!([])),
        ("attachments", json!([])),
        ("components", json!([])),
    ] {
        expected[key] = empty;
    }
    expected.as_object_mut().unwrap().remove("poll");
    assert_eq!(blanked, &expected);
    assert_eq!(whole["poll"]["question"]["text"], "?");
    assert_eq!(blind[5]["d"], sighted[5]["d"], "it mentions the bot");
    assert_eq!(blind[0]["d"]["author"], sighted[0]["d"]["author"]);
}

// The firehose checks the intents once per session and burst: a session without GUILD_MESSAGES
// gets none of a MESSAGE_CREATE burst, one without MESSAGE_CONTENT gets it blanked (but for the
// exceptions), one with it gets it whole; numbering and the replay buffer follow what was sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_follows_the_intents_of_each_session() {
    let (sandbox, _rest) = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = sandbox.bot_user_id().to_string();
    let (mut sighted, _) = connect(&sandbox, GUILD_MESSAGES | MESSAGE_CONTENT).await;
    let (mut blind, blind_session) = connect(&sandbox, GUILD_MESSAGES).await;
    let (mut deaf, deaf_session) = connect(&sandbox, GUILDS).await;
    fence(&sandbox).await;
    let mut first_seq = Vec::new();
    for client in [&mut sighted, &mut blind, &mut deaf] {
        let before = until_fence(client).await;
        // READY is 1 and the fence the next after what came before it.
        first_seq.push(before.len() as u64 + 3);
    }

    const COUNT: usize = 3000;
    let payload = |i: usize| {
        let mut message = rich_message(&sandbox, 1_000 + i as u64, json!([]));
        message["content"] = json!(format!("message {i}"));
        message.as_object_mut().unwrap().remove("poll");
        match i % 3 {
            1 => message["mentions"] = json!([{"id": bot}]),
            2 => message["author"]["id"] = json!(bot),
            _ => {}
        }
        message
    };
    let gateway = sandbox.gateway();
    let burst = gateway.firehose(Some(world.guild), "MESSAGE_CREATE", (0..COUNT).map(payload));
    assert_eq!((burst.sessions(), burst.frames()), (2, COUNT));
    fence(&sandbox).await;

    let sighted = until_fence(&mut sighted).await;
    let blind_seen = until_fence(&mut blind).await;
    assert_eq!((sighted.len(), blind_seen.len()), (COUNT, COUNT));
    for (i, (whole, blanked)) in sighted.iter().zip(&blind_seen).enumerate() {
        assert_eq!(whole["s"], first_seq[0] + i as u64);
        assert_eq!(blanked["s"], first_seq[1] + i as u64);
        assert_eq!(whole["d"]["content"], format!("message {i}"));
        assert_eq!(whole["d"]["embeds"][0]["title"], "an embed");
        if i % 3 == 0 {
            assert_eq!(blanked["d"]["content"], "", "message {i}");
            assert_eq!(blanked["d"]["embeds"], json!([]));
            assert_eq!(blanked["d"]["components"], json!([]));
            assert_eq!(blanked["d"]["attachments"], json!([]));
        } else {
            assert_eq!(blanked["d"], whole["d"], "message {i} is an exception");
        }
    }
    assert_eq!(
        names(&until_fence(&mut deaf).await),
        Vec::<&str>::new(),
        "without GUILD_MESSAGES"
    );
    assert!(burst.wait_written(Duration::from_secs(5)).await);
    assert_eq!(burst.written(), 2 * COUNT as u64);
    let kept = gateway.sent_dispatches(&blind_session);
    assert_eq!(kept.len(), 1000);
    // The last 999 of the burst, then the fence: message 2997 is the 997th.
    assert_eq!(kept[996]["d"]["content"], "", "message 2997, kept blanked");
    assert_eq!(
        kept[997]["d"]["content"], "message 2998",
        "it mentions the bot"
    );
    assert!(
        gateway
            .sent_dispatches(&deaf_session)
            .iter()
            .all(|d| d["t"] != "MESSAGE_CREATE")
    );
}

// GW "HTTP Restrictions" and MSG "Message Object": over HTTP, what counts is whether the
// application may use MESSAGE_CONTENT, not what an IDENTIFY asked for. Allowed (the default),
// `GET /channels/{id}/messages` shows every message whole; not allowed, it blanks them with the
// same exceptions, and an IDENTIFY asking for MESSAGE_CONTENT is still closed with 4014.
#[tokio::test]
async fn http_reads_follow_whether_the_application_may_use_message_content() {
    for allowed in [true, false] {
        let privileged = if allowed {
            GUILD_MEMBERS | MESSAGE_CONTENT
        } else {
            GUILD_MEMBERS
        };
        let (sandbox, rest) = sandbox_with(privileged).await;
        let world = sandbox.default_guild().unwrap();
        let bot = sandbox.bot_user_id();
        let alice = sandbox.user(world.owner);
        alice.send_message(world.channel, "plain").await.unwrap();
        alice
            .send_message(world.channel, &format!("<@{bot}> hi"))
            .await
            .unwrap();
        let (status, _) = rest
            .send(
                reqwest::Method::POST,
                &format!("/channels/{}/messages", world.channel),
                Some(json!({"content": "from the bot"})),
            )
            .await;
        assert_eq!(status, 200);
        let bob = sandbox.user(world.member);
        bob.send_message_in_dm("in a DM").await.unwrap();

        let (status, listed) = rest
            .get(&format!("/channels/{}/messages", world.channel))
            .await;
        assert_eq!(status, 200);
        let contents: Vec<&str> = listed
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["content"].as_str())
            .collect();
        let mention = format!("<@{bot}> hi");
        let plain = if allowed { "plain" } else { "" };
        assert_eq!(
            contents,
            ["from the bot", mention.as_str(), plain],
            "newest first"
        );
        let dm = sandbox.dm_channel(world.member).unwrap();
        let (_, listed) = rest.get(&format!("/channels/{dm}/messages")).await;
        assert_eq!(listed[0]["content"], "in a DM");
        assert_eq!(
            sandbox.messages(world.channel)[0]["content"],
            "plain",
            "the world keeps what was written"
        );

        let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
        let mut client = Client::connect(&url, false).await;
        client.payload().await;
        client
            .send(identify(&sandbox.token(), GUILDS | MESSAGE_CONTENT))
            .await;
        if allowed {
            client.until(0, Some("READY")).await;
        } else {
            assert_eq!(client.closed().await, Event::Closed(4014));
        }
    }
}

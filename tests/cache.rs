//! The cache against the sandbox: up to date before any listener gets an event, Pycord's
//! `get_*` calls after READY and the events that change each object, 2 500 members from member
//! chunks, and handles held across an await while events keep arriving and a command is
//! answered (nothing a reader holds blocks the cache's updates).

mod common;

use bot_core::event::MessageCreate;
use bot_core::prelude::*;
use bot_core::{Context, listen};
use common::{eventually, started, stop};
use serde_json::json;
use std::sync::Mutex;
use std::time::Duration;

/// For each message the listener got: whether the cache had it already.
static SEEN_CACHED: Mutex<Vec<(String, bool)>> = Mutex::new(Vec::new());

#[listen]
async fn check_cached(ctx: &Context, message: &MessageCreate) {
    let cached = ctx.get_message(message.id).is_some();
    SEEN_CACHED
        .lock()
        .unwrap()
        .push((message.content.clone(), cached));
}

/// Says hello.
#[slash_command]
async fn hello(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("hello").await?;
    Ok(())
}

fn bot(sandbox: &bot_sandbox::SandboxHandle) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        // GUILD_PRESENCES: GUILD_CREATE then lists every member of the (small) default guild;
        // without it Discord (and the sandbox) sends only the bot and the members in voice.
        .intents(
            Intents::default()
                | Intents::MESSAGE_CONTENT
                | Intents::GUILD_MEMBERS
                | Intents::GUILD_PRESENCES,
        )
        .registry(CommandRegistry::collect().unwrap())
        .build()
        .unwrap()
}

fn member(id: u64) -> serde_json::Value {
    json!({
        "user": {"id": id.to_string(), "username": format!("user{id}"), "discriminator": "0",
                 "avatar": "1269e74af4df7417b13759eae50c83dc", "global_name": null},
        "nick": null, "roles": [], "joined_at": "2021-02-12T18:25:07.972000+00:00",
        "deaf": false, "mute": false,
    })
}

#[tokio::test]
async fn the_cache_answers_get_calls_and_is_up_to_date_before_any_listener() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let task = started(&bot).await;
    assert!(
        eventually(Duration::from_secs(5), || bot
            .get_guild(world.guild.into())
            .is_some())
        .await
    );
    assert!(bot.get_channel(world.channel.into()).is_some());
    assert!(bot.cache().role(world.role.into()).is_some());
    let owner = bot.get_member(world.guild.into(), world.owner.into());
    assert_eq!(owner.map(|m| m.name().to_owned()).as_deref(), Some("alice"));
    assert!(bot.get_user(world.member.into()).is_some());

    let user = sandbox.user(world.member);
    for text in ["one", "two", "three"] {
        user.send_message(world.channel, text).await.unwrap();
    }
    // Every bot of this binary has the listener: keep this test's messages.
    let ours = || -> Vec<(String, bool)> {
        SEEN_CACHED
            .lock()
            .unwrap()
            .iter()
            .filter(|(text, _)| ["one", "two", "three"].contains(&text.as_str()))
            .cloned()
            .collect()
    };
    assert!(eventually(Duration::from_secs(5), || ours().len() == 3).await);
    assert_eq!(
        ours(),
        [
            ("one".to_owned(), true),
            ("two".to_owned(), true),
            ("three".to_owned(), true)
        ],
        "each message was cached before the listener got it"
    );
    let texts: Vec<String> = bot
        .cached_messages()
        .iter()
        .map(|m| m.content.clone())
        .collect();
    assert_eq!(texts, ["one", "two", "three"]);

    // 2 500 members arrive in chunks (as a REQUEST_GUILD_MEMBERS answer would bring them).
    const N: u64 = 2_500;
    let chunks: Vec<serde_json::Value> = (0..N)
        .collect::<Vec<_>>()
        .chunks(1000)
        .enumerate()
        .map(|(index, ids)| {
            json!({
                "guild_id": world.guild.to_string(),
                "members": ids.iter().map(|n| member(10_000 + n)).collect::<Vec<_>>(),
                "chunk_index": index, "chunk_count": 3,
            })
        })
        .collect();
    sandbox
        .gateway()
        .firehose(Some(world.guild), "GUILD_MEMBERS_CHUNK", chunks)
        .wait_written(Duration::from_secs(10))
        .await;
    let loaded = || bot.cache().members(world.guild.into()).len() as u64 >= N;
    assert!(eventually(Duration::from_secs(10), loaded).await);
    let one = bot.get_member(world.guild.into(), 10_042.into()).unwrap();
    assert_eq!(one.name(), "user10042");
    assert_eq!(
        one.user().avatar().map(ToString::to_string).as_deref(),
        Some("1269e74af4df7417b13759eae50c83dc")
    );

    sandbox
        .gateway()
        .firehose(
            Some(world.guild),
            "GUILD_MEMBER_REMOVE",
            [json!({"guild_id": world.guild.to_string(),
                    "user": {"id": "10042", "username": "user10042", "discriminator": "0"}})],
        )
        .wait_written(Duration::from_secs(5))
        .await;
    let removed = || bot.get_member(world.guild.into(), 10_042.into()).is_none();
    assert!(eventually(Duration::from_secs(5), removed).await);
    assert!(bot.get_user(10_042.into()).is_none());
    stop(&bot, task).await;
}

#[tokio::test]
async fn handles_held_across_an_await_block_nothing() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox);
    let task = started(&bot).await;
    assert!(
        eventually(Duration::from_secs(5), || bot
            .get_guild(world.guild.into())
            .is_some())
        .await
    );
    let user = sandbox.user(world.member);
    user.send_message(world.channel, "first").await.unwrap();
    assert!(eventually(Duration::from_secs(5), || !bot.cached_messages().is_empty()).await);

    // One of each kind of handle, held for 5 s.
    let guild = bot.get_guild(world.guild.into()).unwrap();
    let channel = bot.get_channel(world.channel.into()).unwrap();
    let member = bot
        .get_member(world.guild.into(), world.owner.into())
        .unwrap();
    let someone = bot.get_user(world.member.into()).unwrap();
    let message = bot.cached_messages().pop().unwrap();
    let members = bot.cache().members(world.guild.into());
    // A lazy listing, started and held across the burst below: it locks nothing between items.
    let mut all_members = bot.get_all_members();
    let first_member = all_members.next();
    let holder = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(5)).await;
        (
            guild.id,
            channel.id,
            member.id(),
            someone.id(),
            message.id,
            members.len(),
        )
    });

    // Meanwhile: 1 000 messages, and a command answered.
    let burst = sandbox.gateway().firehose(
        Some(world.guild),
        "MESSAGE_CREATE",
        (0..1000).map(|n| common::numbered_message(world.channel, world.member, n)),
    );
    let mut call = user.slash(world.channel, "hello", json!({})).await.unwrap();
    let answer = call.response().await.unwrap();
    assert_eq!(answer.content(), Some("hello"));
    burst.wait_written(Duration::from_secs(10)).await;
    let newest = || {
        bot.cached_messages()
            .last()
            .is_some_and(|m| m.content == "999")
    };
    assert!(
        eventually(Duration::from_secs(10), newest).await,
        "the cache kept updating while the handles were held"
    );
    assert!(!holder.is_finished(), "the handles were still held");
    let held = holder.await.unwrap();
    assert_eq!(held.0, world.guild.into());
    assert!(held.5 >= 2, "the guild's members");
    assert!(first_member.is_some());
    assert_eq!(
        1 + all_members.count(),
        bot.get_all_members().count(),
        "the held listing goes on where it was"
    );
    stop(&bot, task).await;
}

#[tokio::test]
async fn app_emojis_and_default_sounds_are_fetched_at_start_up_as_configured() {
    use bot_core::cache::CacheConfig;
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let emoji = sandbox.add_application_emoji("wave");
    let with = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .cache(CacheConfig::default().cache_app_emojis(true))
        .build()
        .unwrap();
    let task = started(&with).await;
    with.wait_until_ready().await.unwrap();
    let app_emojis = with.app_emojis();
    assert_eq!(app_emojis.len(), 1);
    assert_eq!(app_emojis[0].name.as_deref(), Some("wave"));
    assert!(with.get_emoji(emoji.into()).is_some());
    stop(&with, task).await;

    // Pycord's default: no application emojis.
    let without = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let task = started(&without).await;
    without.wait_until_ready().await.unwrap();
    assert!(without.app_emojis().is_empty());
    assert!(without.get_emoji(emoji.into()).is_none());
    stop(&without, task).await;
}

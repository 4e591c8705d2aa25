//! Member requests (op 8) against the sandbox: the whole list gathered and cached, Discord's
//! rules refused before anything is sent, and a request while the bot is not connected.

mod common;

use bot_core::members::{RequestMembers, RequestMembersError};
use bot_core::model::Id;
use bot_core::prelude::*;
use common::{started, stop};

fn bot(sandbox: &bot_sandbox::SandboxHandle, intents: Intents) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(intents)
        .registry(CommandRegistry::default())
        .build()
        .unwrap()
}

#[tokio::test]
async fn the_whole_list_arrives_gathered_and_cached() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::GUILD_MEMBERS)
        .chunk_guilds_at_startup(false)
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let guild = Id::new(world.guild);
    assert_eq!(
        bot.chunk_guild(guild).await.unwrap_err(),
        RequestMembersError::NotConnected
    );
    let task = started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    let members = bot.chunk_guild(guild).await.expect("the members");
    assert!(members.len() >= 2, "the owner and the member");
    assert!(members.chunk_count() >= 1);
    assert!(members.members().any(|m| m.user.id.get() == world.member));
    for member in members.members() {
        assert!(bot.get_member(guild, member.user.id).is_some(), "cached");
    }
    assert_eq!(bot.dispatch_stats().member_chunks_ignored, 0);
    stop(&bot, task).await;
}

#[tokio::test]
async fn discords_rules_are_refused_before_sending() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = bot(&sandbox, Intents::default());
    let task = started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    let guild = Id::new(world.guild);
    assert_eq!(
        bot.chunk_guild(guild).await.unwrap_err(),
        RequestMembersError::MissingIntent(Intents::GUILD_MEMBERS)
    );
    assert_eq!(
        bot.request_members(RequestMembers::query(guild, "a").presences(true))
            .await
            .unwrap_err(),
        RequestMembersError::MissingIntent(Intents::GUILD_PRESENCES)
    );
    assert_eq!(
        bot.request_members(RequestMembers::query(guild, "a").nonce("n".repeat(33)))
            .await
            .unwrap_err(),
        RequestMembersError::NonceTooLong(33)
    );
    stop(&bot, task).await;
}

/// Chunks of each guild a listener got.
static CHUNKS: std::sync::Mutex<Vec<(u64, u32, u32)>> = std::sync::Mutex::new(Vec::new());

#[bot_core::listen]
async fn count_chunks(_ctx: &bot_core::Context, chunk: &bot_core::event::GuildMembersChunk) {
    CHUNKS
        .lock()
        .unwrap()
        .push((chunk.guild_id.get(), chunk.chunk_index, chunk.chunk_count));
}

#[tokio::test]
async fn a_large_guild_is_chunked_at_start_up_before_the_bot_is_ready() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    const N: usize = 2_500;
    sandbox.seed_members(world.guild, N, "crowd");
    let bot = bot(&sandbox, Intents::default() | Intents::GUILD_MEMBERS);
    let task = started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    let guild = Id::new(world.guild);
    assert!(
        bot.cache().member_count(guild) >= N + 2,
        "every member cached when ready: {}",
        bot.cache().member_count(guild)
    );
    let requests = sandbox.gateway().member_requests();
    assert_eq!(requests.len(), 1, "one op 8: {requests:?}");
    assert_eq!(requests[0]["query"], "");
    assert_eq!(requests[0]["limit"], 0);
    let ours = || -> Vec<(u32, u32)> {
        CHUNKS
            .lock()
            .unwrap()
            .iter()
            .filter(|(g, _, _)| *g == world.guild)
            .map(|(_, index, count)| (*index, *count))
            .collect()
    };
    assert!(common::eventually(std::time::Duration::from_secs(5), || ours().len() == 3).await);
    assert_eq!(
        ours(),
        [(0, 3), (1, 3), (2, 3)],
        "three chunks, the last partial"
    );

    // By query and by ids, through the same shard.
    let found = bot
        .request_members(RequestMembers::query(guild, "crowd12").limit(5))
        .await
        .unwrap();
    assert_eq!(found.len(), 5);
    assert!(
        found
            .members()
            .all(|m| m.user.username.starts_with("crowd12"))
    );
    let stranger = sandbox.add_user("stranger");
    let by_ids = bot
        .request_members(RequestMembers::user_ids(
            guild,
            [Id::new(world.member), Id::new(stranger)],
        ))
        .await
        .unwrap();
    assert_eq!(by_ids.len(), 1);
    assert_eq!(by_ids.not_found().collect::<Vec<_>>(), [Id::new(stranger)]);

    // The whole list again within Discord's 30 s: RATE_LIMITED, typed.
    match bot.chunk_guild(guild).await {
        Err(RequestMembersError::RateLimited { retry_after }) => {
            assert!(retry_after > std::time::Duration::ZERO && retry_after.as_secs() <= 30);
        }
        other => panic!("{other:?}"),
    }
    stop(&bot, task).await;
}

#[tokio::test]
async fn a_withheld_chunk_ends_in_a_timeout_and_guild_create_holds_only_the_bot() {
    let timings = bot_sandbox::Timings {
        full_member_list_window: std::time::Duration::ZERO,
        ..Default::default()
    };
    let sandbox = bot_sandbox::Sandbox::builder()
        .timings(timings)
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    sandbox.seed_members(world.guild, 2_500, "crowd");
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::GUILD_MEMBERS)
        .chunk_guilds_at_startup(false)
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let task = started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    let guild = Id::new(world.guild);
    let cached: Vec<u64> = bot
        .cache()
        .members(guild)
        .iter()
        .map(|m| m.id().get())
        .collect();
    assert_eq!(
        cached,
        [sandbox.bot_user_id()],
        "without GUILD_PRESENCES, GUILD_CREATE holds only the bot"
    );
    sandbox.gateway().withhold_last_chunk(1);
    let request = RequestMembers::all(guild).timeout(std::time::Duration::from_millis(500));
    assert_eq!(
        bot.request_members(request).await.unwrap_err(),
        RequestMembersError::Timeout {
            received: 2,
            expected: Some(3)
        }
    );
    let whole = bot.chunk_guild(guild).await.expect("the next one is whole");
    assert_eq!(whole.chunk_count(), 3);
    stop(&bot, task).await;
}

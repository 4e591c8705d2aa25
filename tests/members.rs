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
    let bot = bot(&sandbox, Intents::default() | Intents::GUILD_MEMBERS);
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

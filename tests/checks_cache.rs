//! Checks and buckets read the cache: `has_role` by name and a cooldown per role decide from
//! the cached guild with zero REST calls per invocation (only the answers are requests).

mod common;

use bot_core::checks;
use bot_core::prelude::*;
use common::{commands_bot_builder, started, stop};
use serde_json::json;

/// For moderators.
#[slash_command(checks = [checks::has_role("Moderator")])]
async fn moderators(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("passed").await?;
    Ok(())
}

/// Once a minute per top role.
#[slash_command(cooldown(1, 60, Role))]
async fn perrole(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("passed").await?;
    Ok(())
}

#[tokio::test]
async fn role_checks_and_buckets_make_no_rest_call() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let moderator = sandbox.add_role(world.guild, "Moderator", 0).unwrap();
    let (modded, plain) = (sandbox.add_user("modded"), sandbox.add_user("plain"));
    assert!(sandbox.add_member(world.guild, modded, &[moderator]));
    assert!(sandbox.add_member(world.guild, plain, &[]));
    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    assert!(
        bot.cache()
            .role_by_name(world.guild.into(), "Moderator")
            .is_some()
    );

    let answer = |user: u64, command: &'static str| {
        let user = sandbox.user(user);
        async move {
            let mut call = user.slash(world.channel, command, json!({})).await.unwrap();
            call.response()
                .await
                .unwrap()
                .content()
                .unwrap_or_default()
                .to_owned()
        }
    };
    let before = sandbox.request_counts().0;
    assert_eq!(answer(modded, "moderators").await, "passed");
    assert_eq!(
        answer(plain, "moderators").await,
        "Role 'Moderator' is required to run this command."
    );
    assert_eq!(answer(modded, "perrole").await, "passed");
    assert!(answer(modded, "perrole").await.contains("cooldown"));
    assert_eq!(
        answer(plain, "perrole").await,
        "passed",
        "another role's bucket"
    );
    assert_eq!(
        sandbox.request_counts().0 - before,
        5,
        "one request per invocation: its answer, and no role fetched"
    );
    stop(&bot, task).await;
}

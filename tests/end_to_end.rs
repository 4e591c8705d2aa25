//! The SDK end to end against `bot-sandbox`: log in, sync, connect, answer a scripted user;
//! sync writes only what differs; resume delivers every dispatch once; fatal close codes end
//! `run()`; rate limits are respected; no token is ever shown.

mod common;

use bot_core::command::{CommandRegistry, SyncConfig};
use bot_core::prelude::*;
use bot_core::spec::CommandSpec;
use bot_sandbox::{RouteName, Sandbox, SandboxHandle, Timings};
use common::{started, started_with_events, stop};
use futures_util::StreamExt;
use serde_json::json;
use std::time::Duration;

/// Doubles a number.
#[slash_command]
async fn double(
    ctx: &ApplicationContext,
    /** The number */
    number: i64,
) -> CommandResult {
    ctx.respond(format!("{} × 2 = {}", number, number * 2))
        .await?;
    Ok(())
}

/// Thinks, then answers.
#[slash_command]
async fn slow(ctx: &ApplicationContext) -> CommandResult {
    ctx.defer(true).await?;
    ctx.respond("done thinking").await?;
    ctx.followup("and one more thing").await?;
    Ok(())
}

async fn sandbox() -> SandboxHandle {
    Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap()
}

fn bot_for(sandbox: &SandboxHandle, registry: CommandRegistry) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(registry)
        .build()
        .unwrap()
}

fn spec(name: &str, description: &str) -> CommandSpec<'static> {
    let mut spec = CommandSpec::chat_input("", "");
    spec.name = name.to_owned().into();
    spec.description = description.to_owned().into();
    spec
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_logs_in_syncs_and_answers() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot_for(&sandbox, CommandRegistry::collect().unwrap());
    let task = started(&bot).await;
    assert_eq!(bot.application_id(), Some(sandbox.application_id().into()));
    assert_eq!(bot.user().unwrap().id, sandbox.bot_user_id().into());
    assert_eq!(sandbox.command_writes(), 1, "one PUT for the global scope");
    let expected = CommandRegistry::collect()
        .unwrap()
        .payloads(&SyncConfig::default())
        .unwrap();
    let names = |body: &serde_json::Value| {
        let mut names: Vec<String> = body
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    let stored: Vec<String> = {
        let mut n: Vec<String> = sandbox
            .commands(None)
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(
        stored,
        names(&expected[&bot_core::command::CommandScope::Global])
    );

    let mut invocation = sandbox
        .user(world.member)
        .slash(world.channel, "double", json!({"number": 21}))
        .await
        .unwrap();
    assert_eq!(
        invocation.response().await.unwrap().content(),
        Some("21 × 2 = 42")
    );

    let mut slow = sandbox
        .user(world.member)
        .slash(world.channel, "slow", json!({}))
        .await
        .unwrap();
    let response = slow.response().await.unwrap();
    assert_eq!((response.kind, response.ephemeral()), (5, true));
    let followups = slow.wait_for_followups(1, Duration::from_secs(5)).await;
    assert_eq!(slow.original_message().unwrap()["content"], "done thinking");
    assert_eq!(followups[0]["content"], "and one more thing");
    stop(&bot, task).await;
    assert!(bot.is_closed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_writes_only_what_differs() {
    let sandbox = sandbox().await;
    let registry = |specs: Vec<CommandSpec<'static>>| CommandRegistry::from_specs(specs).unwrap();

    let first = bot_for(
        &sandbox,
        registry(vec![spec("alpha", "A"), spec("beta", "B")]),
    );
    first.login().await.unwrap();
    first.sync_commands().await.unwrap();
    assert_eq!(sandbox.command_writes(), 1, "one PUT on an empty world");

    let again = bot_for(
        &sandbox,
        registry(vec![spec("alpha", "A"), spec("beta", "B")]),
    );
    again.login().await.unwrap();
    let report = again.sync_commands().await.unwrap();
    assert_eq!(
        (report.writes, sandbox.command_writes()),
        (0, 1),
        "no write when nothing changed"
    );

    let changed = bot_for(
        &sandbox,
        registry(vec![spec("alpha", "A, changed"), spec("beta", "B")]),
    );
    changed.login().await.unwrap();
    let dry = changed.get_desynced_commands().await.unwrap();
    assert!(
        dry.commands
            .iter()
            .any(|c| c.name == "alpha"
                && matches!(c.action, bot_core::sync::SyncAction::Edit { .. }))
    );
    assert_eq!(sandbox.command_writes(), 1, "a dry run writes nothing");
    changed.sync_commands().await.unwrap();
    assert_eq!(
        sandbox.command_writes(),
        2,
        "a changed description costs one write"
    );

    let removed = bot_for(&sandbox, registry(vec![spec("alpha", "A, changed")]));
    removed.login().await.unwrap();
    removed.sync_commands().await.unwrap();
    assert_eq!(
        sandbox.commands(None).len(),
        1,
        "a removed command is deleted"
    );

    let ids_before: Vec<String> = sandbox
        .commands(None)
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    let renamed = bot_for(&sandbox, registry(vec![spec("gamma", "A, changed")]));
    renamed.login().await.unwrap();
    let report = renamed.sync_commands().await.unwrap();
    let creates = report
        .commands
        .iter()
        .filter(|c| c.action == bot_core::sync::SyncAction::Create)
        .count();
    assert_eq!(creates, 1, "a rename costs exactly one create");
    assert!(!ids_before.contains(&sandbox.commands(None)[0]["id"].as_str().unwrap().to_owned()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_sends_respect_the_rate_limit_in_order() {
    let sandbox = Sandbox::builder()
        .rate_limit(RouteName::CreateMessage, 5, Duration::from_secs(1))
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = bot_for(&sandbox, CommandRegistry::from_specs([]).unwrap());
    let http = bot.http().clone();
    let sends = (0..50).map(|i| {
        let http = http.clone();
        async move {
            http.create_message(
                world.channel.into(),
                &CreateMessage::new().content(format!("m{i}")),
            )
            .await
        }
    });
    let results = futures_util::future::join_all(sends).await;
    assert!(results.iter().all(Result::is_ok));
    let (_, limited) = sandbox.request_counts();
    assert_eq!(
        limited, 0,
        "the client waited ahead of time instead of hitting 429s"
    );
    let contents: Vec<String> = sandbox
        .messages(world.channel)
        .iter()
        .map(|m| m["content"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..50).map(|i| format!("m{i}")).collect();
    assert_eq!(contents, expected, "all 50 arrived, in submission order");
}

/// Collects the contents of MESSAGE_CREATE events until `count` arrived.
async fn messages(
    events: &mut (impl futures_util::Stream<Item = Event> + Unpin),
    count: usize,
) -> Vec<String> {
    let mut seen = Vec::new();
    let collected = tokio::time::timeout(Duration::from_secs(10), async {
        while seen.len() < count {
            match events.next().await {
                Some(Event::MessageCreate(message)) => seen.push(message.content.clone()),
                Some(_) => {}
                None => break,
            }
        }
    })
    .await;
    assert!(collected.is_ok(), "only {seen:?} arrived");
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resume_delivers_every_dispatch_exactly_once_in_order() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    // Reading messages' content takes the MESSAGE_CONTENT intent, as on Discord.
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .intents(Intents::default() | Intents::MESSAGE_CONTENT)
        .build()
        .unwrap();
    let (task, mut events) = started_with_events(&bot).await;
    let alice = sandbox.user(world.owner);
    alice.send_message(world.channel, "before").await.unwrap();
    assert_eq!(messages(&mut events, 1).await, ["before"]);

    sandbox.gateway().send_reconnect();
    alice
        .send_message(world.channel, "during reconnect")
        .await
        .unwrap();
    sandbox
        .gateway()
        .wait_for_connected(1, Duration::from_secs(5))
        .await;
    alice
        .send_message(world.channel, "after reconnect")
        .await
        .unwrap();
    sandbox.gateway().drop_connections();
    alice
        .send_message(world.channel, "during drop")
        .await
        .unwrap();
    alice
        .send_message(world.channel, "after drop")
        .await
        .unwrap();
    let seen = messages(&mut events, 4).await;
    assert_eq!(
        seen,
        [
            "during reconnect",
            "after reconnect",
            "during drop",
            "after drop"
        ]
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut extra = Vec::new();
    while let Ok(Some(event)) = tokio::time::timeout(Duration::from_millis(50), events.next()).await
    {
        if let Event::MessageCreate(message) = event {
            extra.push(message.content.clone());
        }
    }
    assert!(extra.is_empty(), "delivered twice: {extra:?}");
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_session_false_announces_session_invalidated_then_a_new_ready() {
    let sandbox = sandbox().await;
    let bot = bot_for(&sandbox, CommandRegistry::from_specs([]).unwrap());
    let (task, mut events) = started_with_events(&bot).await;
    sandbox.gateway().send_invalid_session(false);
    let order = tokio::time::timeout(Duration::from_secs(10), async {
        let mut order = Vec::new();
        while let Some(event) = events.next().await {
            match event {
                Event::SessionInvalidated { .. } => order.push("invalidated"),
                Event::Ready(_) if !order.is_empty() => {
                    order.push("ready");
                    break;
                }
                _ => {}
            }
        }
        order
    })
    .await
    .unwrap();
    assert_eq!(order, ["invalidated", "ready"]);
    stop(&bot, task).await;
}

async fn run_until_error(
    sandbox: &SandboxHandle,
    bot: Bot,
    close_with: Option<u16>,
) -> bot_core::Error {
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.start().await });
    if let Some(code) = close_with {
        assert!(
            sandbox
                .gateway()
                .wait_for_connected(1, Duration::from_secs(10))
                .await
        );
        sandbox.gateway().close_all(code);
    }
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .unwrap()
        .unwrap()
        .unwrap_err()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fatal_close_codes_end_run_with_their_error() {
    for code in [4004, 4010, 4012] {
        let sandbox = sandbox().await;
        let bot = bot_for(&sandbox, CommandRegistry::from_specs([]).unwrap());
        let error = run_until_error(&sandbox, bot, Some(code)).await;
        assert!(
            matches!(error, bot_core::Error::Gateway(bot_core::gateway::GatewayError::Fatal { code: c, .. }) if c == code),
            "{code}: {error}"
        );
    }
    let sandbox = sandbox().await;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::from_bits_retain(1 << 40))
        .registry(CommandRegistry::from_specs([]).unwrap())
        .build()
        .unwrap();
    let error = run_until_error(&sandbox, bot, None).await;
    assert!(error.to_string().contains("4013"), "{error}");
    let sandbox = Sandbox::builder()
        .allowed_privileged_intents(0)
        .start()
        .await
        .unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::MESSAGE_CONTENT)
        .registry(CommandRegistry::from_specs([]).unwrap())
        .build()
        .unwrap();
    let error = run_until_error(&sandbox, bot, None).await;
    assert!(error.to_string().contains("4014"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_is_a_typed_error_that_does_not_show_the_token() {
    let sandbox = sandbox().await;
    let bot = Bot::builder()
        .token("not.the.token")
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::from_specs([]).unwrap())
        .build()
        .unwrap();
    let error = bot.start().await.unwrap_err();
    assert!(
        matches!(
            error,
            bot_core::Error::Http(bot_core::http::HttpError::Api { status: 401, .. })
        ),
        "{error}"
    );
    for shown in [format!("{error:?}"), error.to_string(), format!("{bot:?}")] {
        assert!(!shown.contains("not.the.token"), "{shown}");
    }
}

#[tokio::test]
async fn without_the_message_content_intent_a_bot_sees_messages_without_content() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = bot_for(&sandbox, CommandRegistry::default());
    let (task, mut events) = started_with_events(&bot).await;
    let alice = sandbox.user(world.owner);
    alice
        .send_message(world.channel, "secret plans")
        .await
        .unwrap();
    // A mention of the bot is one of Discord's exceptions.
    let mention = format!("<@{}> hello", sandbox.bot_user_id());
    alice.send_message(world.channel, &mention).await.unwrap();
    assert_eq!(messages(&mut events, 2).await, ["".to_owned(), mention]);
    stop(&bot, task).await;
}

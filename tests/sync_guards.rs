//! Sync never destroys by accident, counted in the sandbox's command writes: an empty registry
//! deletes nothing unless allowed, `debug_guilds` leaves the global scope alone and answers in
//! the debug guilds, `delete_existing: false` keeps Discord's other commands with bulk writes too,
//! and a guild without commands is cleaned only when listed.

mod common;

use bot_core::BotBuilder;
use bot_core::command::{CommandRegistry, CommandScope};
use bot_core::prelude::*;
use bot_core::spec::CommandSpec;
use bot_core::sync::{SyncAction, SyncGuard, SyncMethod, SyncOptions};
use bot_sandbox::{Sandbox, SandboxHandle, Timings};
use common::{capture_logs, started, stop};
use serde_json::json;
use std::time::Duration;

/// Says where it was invoked.
#[slash_command]
async fn whereami(ctx: &ApplicationContext) -> CommandResult {
    let place = ctx
        .guild_id()
        .map_or("nowhere".to_owned(), |id| format!("guild {id}"));
    ctx.respond(place).await?;
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

fn spec(name: &str, description: &str) -> CommandSpec<'static> {
    let mut spec = CommandSpec::chat_input("", "");
    spec.name = name.to_owned().into();
    spec.description = description.to_owned().into();
    spec
}

fn builder(sandbox: &SandboxHandle, registry: CommandRegistry) -> BotBuilder {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(registry)
}

/// Syncs `specs` with a fresh bot, as a previous version of the program would have.
async fn seed(sandbox: &SandboxHandle, specs: Vec<CommandSpec<'static>>) {
    let bot = builder(sandbox, CommandRegistry::from_specs(specs).unwrap())
        .build()
        .unwrap();
    bot.login().await.unwrap();
    bot.sync_commands().await.unwrap();
}

fn names(commands: &[serde_json::Value]) -> Vec<String> {
    let mut names: Vec<String> = commands
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn an_empty_registry_deletes_nothing_and_warns_unless_allowed() {
    let (captured, _logs) = capture_logs();

    let sandbox = sandbox().await;
    seed(&sandbox, vec![spec("alpha", "A"), spec("beta", "B")]).await;
    let writes = sandbox.command_writes();

    // The binary forgot `use my_commands as _;`: its registry is empty.
    let forgetful = builder(&sandbox, CommandRegistry::default())
        .build()
        .unwrap();
    forgetful.login().await.unwrap();
    let report = forgetful.sync_commands().await.unwrap();
    assert_eq!(
        report.guarded,
        Some(SyncGuard::EmptyRegistry { would_delete: 2 })
    );
    assert_eq!((report.writes, sandbox.command_writes()), (0, writes));
    assert_eq!(names(&sandbox.commands(None)), ["alpha", "beta"]);
    assert!(
        report
            .commands
            .iter()
            .all(|c| matches!(c.action, SyncAction::Kept { .. }))
    );
    let logs = captured.text();
    assert!(
        logs.contains("WARN") && logs.contains("use my_commands as _;"),
        "the warning names the likely cause: {logs}"
    );

    // Deleting everything on purpose is one explicit option away.
    let deliberate = builder(&sandbox, CommandRegistry::default())
        .sync_options(SyncOptions {
            allow_empty_registry: true,
            ..SyncOptions::default()
        })
        .build()
        .unwrap();
    deliberate.login().await.unwrap();
    let report = deliberate.sync_commands().await.unwrap();
    assert_eq!((report.guarded, report.writes), (None, 1));
    assert!(sandbox.commands(None).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn debug_guild_commands_answer_there_and_the_global_scope_is_untouched() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    seed(&sandbox, vec![spec("legacy", "A global command")]).await;
    let writes = sandbox.command_writes();

    let bot = builder(&sandbox, CommandRegistry::collect().unwrap())
        .debug_guilds([world.guild])
        .build()
        .unwrap();
    let task = started(&bot).await;
    let report = bot.last_sync().await.unwrap();
    assert!(
        report
            .commands
            .iter()
            .all(|c| c.scope == CommandScope::Guild(world.guild.into())),
        "only the debug guild was read: {:?}",
        report.commands
    );
    assert_eq!(
        sandbox.command_writes(),
        writes + 1,
        "one PUT, in the guild"
    );
    assert_eq!(names(&sandbox.commands(None)), ["legacy"]);
    assert_eq!(names(&sandbox.commands(Some(world.guild))), ["whereami"]);

    let mut invocation = sandbox
        .user(world.member)
        .slash(world.channel, "whereami", json!({}))
        .await
        .unwrap();
    let response = invocation.response().await.unwrap();
    assert_eq!(
        response.content().map(str::to_owned),
        Some(format!("guild {}", world.guild))
    );
    stop(&bot, task).await;
}

#[tokio::test]
async fn delete_existing_false_keeps_other_commands_with_bulk_and_individual_writes() {
    for method in [SyncMethod::Bulk, SyncMethod::Individual] {
        let sandbox = sandbox().await;
        seed(&sandbox, vec![spec("alpha", "A"), spec("beta", "B")]).await;
        let before = sandbox.commands(None);
        let writes = sandbox.command_writes();

        let bot = builder(
            &sandbox,
            CommandRegistry::from_specs([spec("alpha", "A, changed")]).unwrap(),
        )
        .sync_options(SyncOptions {
            method,
            delete_existing: false,
            ..SyncOptions::default()
        })
        .build()
        .unwrap();
        bot.login().await.unwrap();
        let report = bot.sync_commands().await.unwrap();
        assert_eq!(
            (report.writes, sandbox.command_writes()),
            (1, writes + 1),
            "{method:?}: one write, for alpha"
        );
        let after = sandbox.commands(None);
        assert_eq!(names(&after), ["alpha", "beta"], "{method:?}");
        let beta = |list: &[serde_json::Value]| {
            list.iter().find(|c| c["name"] == "beta").cloned().unwrap()
        };
        assert_eq!(beta(&after), beta(&before), "{method:?}: beta as it was");
        let alpha = after.iter().find(|c| c["name"] == "alpha").unwrap();
        assert_eq!(alpha["description"], "A, changed");
    }
}

#[tokio::test]
async fn a_guild_without_commands_is_cleaned_only_when_listed() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    seed(&sandbox, vec![spec("old", "Old").guilds([world.guild])]).await;
    let global_only = || CommandRegistry::from_specs([spec("ping", "Pong")]).unwrap();

    let bot = builder(&sandbox, global_only()).build().unwrap();
    bot.login().await.unwrap();
    let report = bot.sync_commands().await.unwrap();
    assert_eq!(report.writes, 1, "the global PUT");
    assert_eq!(names(&sandbox.commands(Some(world.guild))), ["old"]);

    let writes = sandbox.command_writes();
    let cleaner = builder(&sandbox, global_only())
        .sync_options(SyncOptions {
            check_guilds: vec![world.guild.into()],
            ..SyncOptions::default()
        })
        .build()
        .unwrap();
    cleaner.login().await.unwrap();
    let report = cleaner.sync_commands().await.unwrap();
    assert_eq!(
        (report.writes, sandbox.command_writes()),
        (1, writes + 1),
        "one write: the listed guild (the global scope is unchanged)"
    );
    assert!(sandbox.commands(Some(world.guild)).is_empty());
}

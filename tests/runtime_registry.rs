//! The registry while the bot runs: a command added at run time is answered after exactly one
//! write, and removed with exactly one write; a duplicate name is refused with nothing changed;
//! `walk_application_commands` after each change; with `auto_sync_commands` off nothing is
//! written until `sync_commands`.

mod common;

use bot_core::command::{CommandOwner, CommandRegistry, RegisteredCommand};
use bot_core::prelude::*;
use bot_core::spec::{CommandKind, CommandSpec};
use common::{started, stop};
use serde_json::json;

/// Says hello.
#[slash_command]
async fn hello(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("hello").await?;
    Ok(())
}

fn roll() -> RegisteredCommand {
    RegisteredCommand::new(
        CommandSpec::chat_input("roll", "Rolls a die"),
        |ctx| async move {
            ctx.respond("you rolled 4").await?;
            Ok(())
        },
    )
}

fn names(bot: &Bot) -> Vec<String> {
    bot.walk_application_commands()
        .iter()
        .map(|c| c.spec().name.to_string())
        .collect()
}

fn discord_names(sandbox: &bot_sandbox::SandboxHandle) -> Vec<String> {
    let mut names: Vec<String> = sandbox
        .commands(None)
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_command_added_and_removed_at_run_time_costs_one_write_each() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::collect().unwrap())
        .build()
        .unwrap();
    let task = started(&bot).await;
    assert_eq!(names(&bot), ["hello"]);
    let writes = sandbox.command_writes();

    let report = bot.add_application_command(roll()).await.unwrap();
    assert!(report.is_some(), "a started bot syncs the change");
    assert_eq!(sandbox.command_writes(), writes + 1, "one write");
    assert_eq!(names(&bot), ["hello", "roll"]);
    assert_eq!(discord_names(&sandbox), ["hello", "roll"]);
    let added = bot
        .get_application_command("roll", &[], CommandKind::ChatInput)
        .unwrap();
    assert_eq!(added.owner(), CommandOwner::Runtime);
    let user = sandbox.user(world.member);
    let mut rolled = user.slash(world.channel, "roll", json!({})).await.unwrap();
    assert_eq!(
        rolled.response().await.unwrap().content(),
        Some("you rolled 4")
    );

    // The same name again: refused, nothing changed, nothing written.
    let duplicate = bot.add_application_command(roll()).await;
    assert!(
        matches!(duplicate, Err(bot_core::Error::Registry(_))),
        "{duplicate:?}"
    );
    assert_eq!(names(&bot), ["hello", "roll"]);
    assert_eq!(sandbox.command_writes(), writes + 1);

    let removed = bot
        .remove_application_command("roll", &[], CommandKind::ChatInput)
        .await
        .unwrap();
    assert_eq!(
        removed.map(|c| c.spec().name.to_string()).as_deref(),
        Some("roll")
    );
    assert_eq!(sandbox.command_writes(), writes + 2, "one write");
    assert_eq!(names(&bot), ["hello"]);
    assert_eq!(discord_names(&sandbox), ["hello"]);
    let gone = bot
        .remove_application_command("roll", &[], CommandKind::ChatInput)
        .await
        .unwrap();
    assert!(gone.is_none());
    assert_eq!(
        sandbox.command_writes(),
        writes + 2,
        "nothing to remove, nothing written"
    );
    stop(&bot, task).await;
}

#[tokio::test]
async fn with_auto_sync_off_a_change_is_written_by_sync_commands_only() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::collect().unwrap())
        .auto_sync_commands(false)
        .build()
        .unwrap();
    let task = started(&bot).await;
    let writes = sandbox.command_writes();
    let report = bot.add_application_command(roll()).await.unwrap();
    assert!(report.is_none());
    assert_eq!(sandbox.command_writes(), writes, "nothing written yet");
    bot.sync_commands().await.unwrap();
    assert_eq!(sandbox.command_writes(), writes + 1);
    assert_eq!(discord_names(&sandbox), ["hello", "roll"]);
    stop(&bot, task).await;
}

#[tokio::test]
async fn removing_the_last_command_at_run_time_deletes_it_from_discord() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let task = started(&bot).await;
    bot.add_application_command(roll()).await.unwrap();
    assert_eq!(discord_names(&sandbox), ["roll"]);
    let writes = sandbox.command_writes();
    // The registry is empty on purpose now: the guard against a program that lost its commands
    // before starting does not hold this back.
    let removed = bot
        .remove_application_command("roll", &[], CommandKind::ChatInput)
        .await
        .unwrap();
    assert!(removed.is_some());
    assert_eq!(sandbox.command_writes(), writes + 1, "one write");
    assert!(discord_names(&sandbox).is_empty());
    stop(&bot, task).await;
}

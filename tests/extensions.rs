//! Extensions end to end: loaded (a cog, a command and a listener at once, one write),
//! reloaded (teardown then setup, re-reading configuration; unchanged commands keep their ids
//! and are not written), a failing setup or a clash leaving the bot and Discord untouched,
//! unloaded (its parts gone, teardown run), and each typed error.

mod common;

use bot_core::command::RegisteredCommand;
use bot_core::event::{ListenerOptions, MessageCreate, Received};
use bot_core::extension::{Extension, LoadError};
use bot_core::prelude::*;
use bot_core::spec::CommandSpec;
use common::{message_bot_builder, started, stop};
use serde_json::json;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// What the extension reads when it is set up.
#[derive(Default)]
struct Config {
    greeting: Mutex<String>,
    fail_setup: Mutex<bool>,
    teardowns: AtomicUsize,
    heard: AtomicUsize,
}

/// A greeter cog, configured at setup.
struct Greeter {
    greeting: String,
}

#[cog]
impl Greeter {
    /// Greets.
    #[slash_command]
    async fn greet(&self, ctx: &ApplicationContext) -> CommandResult {
        ctx.respond(self.greeting.clone()).await?;
        Ok(())
    }
}

#[bot_core::extension(name = "greetings", teardown = goodbye)]
async fn greetings(ext: &mut Extension) -> Result<(), CommandError> {
    let config = ext
        .bot()
        .data::<Config>()
        .ok_or_else(|| CommandError::msg("no config"))?;
    if *config.fail_setup.lock().unwrap() {
        return Err(CommandError::msg("the configuration is broken"));
    }
    let greeting = config.greeting.lock().unwrap().clone();
    ext.add_cog(Greeter { greeting });
    ext.add_command(RegisteredCommand::new(
        CommandSpec::chat_input("wave", "Waves"),
        |ctx| async move {
            ctx.respond("*waves*").await?;
            Ok(())
        },
    ));
    ext.add_listener(
        ListenerOptions::new(),
        |message: Received<MessageCreate>| async move {
            if message.content == "hello"
                && let Some(config) = message.bot().data::<Config>()
            {
                config.heard.fetch_add(1, Ordering::SeqCst);
            }
        },
    );
    Ok(())
}

async fn goodbye(bot: &Context) {
    if let Some(config) = bot.data::<Config>() {
        config.teardowns.fetch_add(1, Ordering::SeqCst);
    }
}

/// Adds a command whose name is taken.
#[bot_core::extension]
async fn clash(ext: &mut Extension) {
    ext.add_command(RegisteredCommand::new(
        CommandSpec::chat_input("wave", "Waves again"),
        |ctx| async move {
            ctx.respond("no").await?;
            Ok(())
        },
    ));
}

fn ids(sandbox: &bot_sandbox::SandboxHandle) -> Vec<(String, String)> {
    let mut ids: Vec<(String, String)> = sandbox
        .commands(None)
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap_or_default().to_owned(),
                c["id"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    ids.sort();
    ids
}

async fn answer(user: &bot_sandbox::ScriptedUser, channel: u64, name: &str) -> String {
    let mut call = user.slash(channel, name, json!({})).await.unwrap();
    call.response()
        .await
        .unwrap()
        .content()
        .unwrap_or_default()
        .to_owned()
}

/// Waits until the listener heard `n` hellos (or 5 s passed); answers how many it heard.
async fn heard(config: &Config, n: usize) -> usize {
    let _ = tokio::time::timeout(Duration::from_secs(5), async {
        while config.heard.load(Ordering::SeqCst) < n {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
    config.heard.load(Ordering::SeqCst)
}

#[tokio::test]
async fn an_extension_loads_reloads_fails_atomically_and_unloads() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let config = Config::default();
    *config.greeting.lock().unwrap() = "hello there".to_owned();
    let bot = message_bot_builder(&sandbox).data(config).build().unwrap();
    let task = started(&bot).await;
    let config = bot.data::<Config>().unwrap();
    let user = sandbox.user(world.member);

    // Typed errors.
    match bot.load_extension("nope").await {
        Err(bot_core::Error::Extension(LoadError::NotFound { name, known })) => {
            assert_eq!(name, "nope");
            assert_eq!(known, ["clash", "greetings"]);
        }
        other => panic!("expected ExtensionNotFound, got {other:?}"),
    }
    assert!(matches!(
        bot.unload_extension("greetings").await,
        Err(bot_core::Error::Extension(LoadError::NotLoaded { .. }))
    ));

    // A failing setup: nothing changes, nothing is written.
    let writes = sandbox.command_writes();
    *config.fail_setup.lock().unwrap() = true;
    match bot.load_extension("greetings").await {
        Err(bot_core::Error::Extension(LoadError::Failed { name, error })) => {
            assert_eq!(name, "greetings");
            assert_eq!(error.to_string(), "the configuration is broken");
        }
        other => panic!("expected ExtensionFailed, got {other:?}"),
    }
    assert!(bot.extensions().is_empty());
    assert!(bot.cogs().is_empty());
    assert_eq!(sandbox.command_writes(), writes);
    *config.fail_setup.lock().unwrap() = false;

    // Loaded: a cog, a command and a listener, written at once.
    bot.load_extension("greetings").await.unwrap();
    assert_eq!(sandbox.command_writes(), writes + 1);
    assert_eq!(bot.extensions(), ["greetings"]);
    assert_eq!(bot.cogs(), ["Greeter"]);
    assert_eq!(answer(&user, world.channel, "greet").await, "hello there");
    assert_eq!(answer(&user, world.channel, "wave").await, "*waves*");
    user.send_message(world.channel, "hello").await.unwrap();
    assert_eq!(heard(&config, 1).await, 1);
    assert!(matches!(
        bot.load_extension("greetings").await,
        Err(bot_core::Error::Extension(LoadError::AlreadyLoaded { .. }))
    ));

    // A clash with a loaded command: refused, nothing changes.
    let before = ids(&sandbox);
    assert!(matches!(
        bot.load_extension("clash").await,
        Err(bot_core::Error::Extension(LoadError::Failed { .. }))
    ));
    assert_eq!(bot.extensions(), ["greetings"]);
    assert_eq!(ids(&sandbox), before);
    assert_eq!(sandbox.command_writes(), writes + 1);

    // Reloaded with new configuration: teardown, then setup; same commands, same ids, no write.
    *config.greeting.lock().unwrap() = "welcome back".to_owned();
    bot.reload_extension("greetings").await.unwrap();
    assert_eq!(config.teardowns.load(Ordering::SeqCst), 1);
    assert_eq!(answer(&user, world.channel, "greet").await, "welcome back");
    assert_eq!(ids(&sandbox), before, "the commands keep their ids");
    assert_eq!(sandbox.command_writes(), writes + 1, "nothing to write");
    user.send_message(world.channel, "hello").await.unwrap();
    assert_eq!(heard(&config, 2).await, 2, "one listener: the old one went");

    // A reload whose setup fails keeps the loaded parts.
    *config.fail_setup.lock().unwrap() = true;
    assert!(matches!(
        bot.reload_extension("greetings").await,
        Err(bot_core::Error::Extension(LoadError::Failed { .. }))
    ));
    *config.fail_setup.lock().unwrap() = false;
    assert_eq!(bot.extensions(), ["greetings"]);
    assert_eq!(answer(&user, world.channel, "greet").await, "welcome back");

    // Unloaded: its commands deleted with one write, its listener silent, teardown run.
    bot.unload_extension("greetings").await.unwrap();
    assert_eq!(sandbox.command_writes(), writes + 2);
    assert!(sandbox.commands(None).is_empty());
    assert!(bot.extensions().is_empty());
    assert!(bot.cogs().is_empty());
    assert_eq!(config.teardowns.load(Ordering::SeqCst), 3);
    let waiting = bot.wait_for::<MessageCreate>(|m| m.content == "done", Duration::from_secs(5));
    user.send_message(world.channel, "hello").await.unwrap();
    user.send_message(world.channel, "done").await.unwrap();
    waiting.await.unwrap();
    assert_eq!(config.heard.load(Ordering::SeqCst), 2);
    stop(&bot, task).await;
}

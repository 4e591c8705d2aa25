//! A listener and a command that take the bot's `Context` reach REST, state, `wait_for` and the
//! extensions service through it, against the sandbox; the context carries the shard that
//! delivered what is handled.

mod common;

use bot_core::event::{ListenerError, MessageCreate};
use bot_core::extension::Extension;
use bot_core::prelude::*;
use bot_core::{Context, listen};
use common::{eventually, started, stop};
use serde_json::json;
use std::sync::Mutex;
use std::time::Duration;

/// The bot's state: what the handlers saw.
#[derive(Default)]
struct Seen {
    lines: Mutex<Vec<String>>,
}

impl Seen {
    fn push(&self, line: String) {
        self.lines.lock().unwrap().push(line);
    }
}

/// An extension the handlers load and unload.
#[bot_core::extension(name = "notes")]
async fn notes(ext: &mut Extension) {
    if let Some(seen) = ext.bot().data::<Seen>() {
        seen.push("notes set up".to_owned());
    }
}

/// On `!ask`: waits for the next message starting with `answer`, replies with it over REST and
/// loads the extension — all through its context.
#[listen("on_message")]
async fn ask(ctx: &Context, message: &MessageCreate) -> Result<(), ListenerError> {
    if message.content != "!ask" {
        return Ok(());
    }
    let seen = ctx.data::<Seen>().expect("the bot was given `Seen`");
    // The waiter is registered here, before the line says the listener waits.
    let answer =
        ctx.wait_for::<MessageCreate>(|m| m.content.starts_with("answer"), Duration::from_secs(5));
    seen.push(format!("listener on shard {:?}", ctx.shard()));
    let answer = answer.await?;
    ctx.http()
        .create_message(
            message.channel_id,
            &format!("heard: {}", answer.content).into(),
        )
        .await?;
    ctx.load_extension("notes").await?;
    seen.push(format!("loaded: {:?}", ctx.extensions()));
    Ok(())
}

// Waits for a `confirm` message, posts over REST, unloads the extension, and answers — all
// through the bot's context.
/// Probes the context.
#[slash_command]
async fn probe(ctx: &ApplicationContext) -> CommandResult {
    let bot: &Context = ctx.bot()?;
    let seen = bot
        .data::<Seen>()
        .ok_or_else(|| CommandError::msg("no state"))?;
    let confirm = bot.wait_for::<MessageCreate>(|m| m.content == "confirm", Duration::from_secs(5));
    seen.push(format!("command on shard {:?}", bot.shard()));
    let confirm = confirm.await?;
    bot.http()
        .create_message(confirm.channel_id, &"confirmed".into())
        .await?;
    bot.unload_extension("notes").await?;
    ctx.respond(format!("extensions: {:?}", bot.extensions()))
        .await?;
    Ok(())
}

fn contents(sandbox: &bot_sandbox::SandboxHandle, channel: u64) -> Vec<String> {
    sandbox
        .messages(channel)
        .iter()
        .filter_map(|m| m["content"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn a_listener_and_a_command_reach_rest_state_wait_for_and_extensions_through_their_context() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::MESSAGE_CONTENT)
        .data(Seen::default())
        .build()
        .unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);

    // The listener: state, wait_for, REST, extensions.
    let seen = bot.data::<Seen>().unwrap();
    let said = |line: &str| {
        seen.lines
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.starts_with(line))
    };
    user.send_message(world.channel, "!ask").await.unwrap();
    assert!(eventually(Duration::from_secs(5), || said("listener on shard")).await);
    user.send_message(world.channel, "answer 42").await.unwrap();
    let replied = eventually(Duration::from_secs(5), || {
        contents(&sandbox, world.channel).contains(&"heard: answer 42".to_owned())
    })
    .await;
    assert!(replied, "{:?}", contents(&sandbox, world.channel));
    assert!(eventually(Duration::from_secs(5), || bot.extensions() == ["notes"]).await);

    // The command: state, wait_for, REST, extensions, through `ctx.bot()`.
    let mut call = user.slash(world.channel, "probe", json!({})).await.unwrap();
    assert!(eventually(Duration::from_secs(5), || said("command on shard")).await);
    user.send_message(world.channel, "confirm").await.unwrap();
    let response = call.response().await.unwrap();
    assert_eq!(response.content(), Some("extensions: []"));
    assert!(contents(&sandbox, world.channel).contains(&"confirmed".to_owned()));
    assert!(bot.extensions().is_empty());

    assert_eq!(
        *seen.lines.lock().unwrap(),
        [
            "listener on shard Some(0)",
            "notes set up",
            "loaded: [\"notes\"]",
            "command on shard Some(0)",
        ]
    );
    stop(&bot, task).await;
}

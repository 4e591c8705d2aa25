//! Handlers with state, without statics: `State<T>` parameters of several types, filled from
//! `Bot::builder().data(...)`, shared and mutated across invocations (also in a group's
//! subcommands, and a listener's); `ctx.bot()` and `ctx.http()`; and a bot refused at `build()`
//! when a command or listener asks for a type it was not given — naming the type and who asks.

mod common;

use bot_core::command::{CommandRegistry, State};
use bot_core::event::MessageCreate;
use bot_core::prelude::*;
use common::{started, stop};
use serde_json::json;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// A counter shared by every invocation.
#[derive(Default)]
struct Counter(AtomicU64);

/// The bot's settings.
struct Greeting(String);

/// A list the commands change.
#[derive(Default)]
struct Notes(Mutex<Vec<String>>);

/// Counts and greets.
#[slash_command]
async fn count(
    ctx: &ApplicationContext,
    counter: State<Counter>,
    greeting: State<Greeting>,
) -> CommandResult {
    let n = counter.0.fetch_add(1, Ordering::SeqCst) + 1;
    let me = ctx
        .bot()?
        .user()
        .map(|u| u.username.to_string())
        .unwrap_or_default();
    ctx.respond(format!("{}, {me} counted {n}", greeting.0))
        .await?;
    Ok(())
}

/// Notes.
#[slash_group]
mod notes {
    use super::*;

    /// Adds a note.
    #[slash_command]
    async fn add(
        ctx: &ApplicationContext,
        /// The note
        text: String,
        notes: State<Notes>,
    ) -> CommandResult {
        notes.0.lock().unwrap().push(text);
        ctx.respond("noted").await?;
        Ok(())
    }

    /// Lists the notes.
    #[slash_command]
    async fn list(ctx: &ApplicationContext, notes: State<Notes>) -> CommandResult {
        let text = notes.0.lock().unwrap().join(", ");
        // The REST client, straight from the context.
        let channel = ctx
            .interaction()
            .channel_id
            .ok_or_else(|| CommandError::msg("no channel"))?;
        ctx.http()?
            .create_message(channel, &format!("notes: {text}").into())
            .await?;
        ctx.respond("listed").await?;
        Ok(())
    }
}

/// A listener with state too: "note: ..." messages become notes.
#[listen]
async fn note_messages(message: &MessageCreate, notes: State<Notes>) {
    if let Some(text) = message.content.strip_prefix("note: ") {
        notes.0.lock().unwrap().push(text.to_owned());
    }
}

fn builder(sandbox: &bot_sandbox::SandboxHandle) -> bot_core::BotBuilder {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::MESSAGE_CONTENT)
        .registry(CommandRegistry::collect().unwrap())
}

#[tokio::test]
async fn state_of_several_types_is_shared_and_changed_across_invocations() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = builder(&sandbox)
        .data(Counter::default())
        .data(Greeting("Hello".to_owned()))
        .data(Notes::default())
        .build()
        .unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    for n in 1..=3 {
        let mut invocation = user.slash(world.channel, "count", json!({})).await.unwrap();
        let expected = format!("Hello, SandboxBot counted {n}");
        assert_eq!(
            invocation.response().await.unwrap().content(),
            Some(expected.as_str())
        );
    }
    assert_eq!(bot.data::<Counter>().unwrap().0.load(Ordering::SeqCst), 3);
    for text in ["milk", "eggs"] {
        let mut added = user
            .slash(world.channel, "notes add", json!({"text": text}))
            .await
            .unwrap();
        assert_eq!(added.response().await.unwrap().content(), Some("noted"));
    }
    user.send_message(world.channel, "note: bread")
        .await
        .unwrap();
    let notes = bot.data::<Notes>().unwrap();
    let noted = tokio::time::timeout(std::time::Duration::from_secs(5), async {
        while notes.0.lock().unwrap().len() < 3 {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(noted.is_ok(), "the listener took its note");
    let mut listed = user
        .slash(world.channel, "notes list", json!({}))
        .await
        .unwrap();
    assert_eq!(listed.response().await.unwrap().content(), Some("listed"));
    let messages = sandbox.messages(world.channel);
    assert!(
        messages
            .iter()
            .any(|m| m["content"] == "notes: milk, eggs, bread"),
        "{messages:?}"
    );
    stop(&bot, task).await;
}

#[test]
fn build_names_every_missing_state_type_and_the_command_that_asks_for_it() {
    let error = Bot::builder()
        .token("x.y.z")
        .registry(CommandRegistry::collect().unwrap())
        .data(Greeting("Hi".to_owned()))
        .build()
        .unwrap_err();
    let bot_core::Error::MissingData(missing) = &error else {
        panic!("a typed error: {error:?}");
    };
    let mut found: Vec<(String, &str)> = missing
        .iter()
        .map(|m| {
            (
                m.needed_by.clone(),
                m.type_name.rsplit("::").next().unwrap_or_default(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found[0].0.contains("`count`") && found[0].1 == "Counter",
        "{found:?}"
    );
    assert!(
        found[1].0.contains("`notes`") && found[1].1 == "Notes",
        "{found:?}"
    );
    assert!(
        found[2].0 == "listener `state::note_messages`" && found[2].1 == "Notes",
        "{found:?}"
    );
    let text = error.to_string();
    assert!(
        text.contains("Counter") && text.contains("Notes") && text.contains("data("),
        "{text}"
    );
}

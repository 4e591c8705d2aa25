//! Handlers with state, offline against an embedded `bot-sandbox`:
//!
//! ```text
//! cargo run --example state
//! ```
//!
//! A command using two kinds of state given to the builder (no statics), a command added while
//! the bot runs, then removed — one write to Discord each — and an `#[event] on_error` that
//! reports a failing listener. A scripted user plays along; the example prints the exchange and
//! exits.

use bot_core::command::{RegisteredCommand, State};
use bot_core::event::{EventError, MessageCreate};
use bot_core::prelude::*;
use bot_core::spec::{CommandKind, CommandSpec};
use bot_core::{event, listen};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many times `/visit` ran.
#[derive(Default)]
struct Visits(AtomicU64);

/// Who visited, in order.
#[derive(Default)]
struct Guestbook(Mutex<Vec<String>>);

/// Signs the guestbook.
#[slash_command]
async fn visit(
    ctx: &ApplicationContext,
    visits: State<Visits>,
    guestbook: State<Guestbook>,
) -> CommandResult {
    let n = visits.0.fetch_add(1, Ordering::Relaxed) + 1;
    let name = ctx
        .interaction()
        .author()
        .map(|u| u.username.to_string())
        .unwrap_or_default();
    let book = {
        let mut book = guestbook.0.lock().unwrap_or_else(|p| p.into_inner());
        book.push(name);
        book.join(", ")
    };
    ctx.respond(format!("visit #{n}; guestbook: {book}"))
        .await?;
    Ok(())
}

/// What went wrong in listeners, kept by `on_error` (state reached through the bot).
#[derive(Default)]
struct Incidents {
    seen: Mutex<Vec<String>>,
    noticed: tokio::sync::Notify,
}

/// A listener that fails on "oops".
#[listen]
async fn strict(message: &MessageCreate) -> Result<(), String> {
    if message.content == "oops" {
        return Err("cannot stand typos".to_owned());
    }
    Ok(())
}

/// Replaces the default `on_error` (which logs): keeps the incident.
#[event]
async fn on_error(ctx: &Context, error: &EventError) {
    if let Some(incidents) = ctx.data::<Incidents>() {
        let text = format!(
            "{} failed on {}: {}",
            error.listener, error.event, error.failure
        );
        incidents
            .seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(text);
        incidents.noticed.notify_one();
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = bot_sandbox::Sandbox::builder().start().await?;
    let world = sandbox.default_guild().ok_or("the sandbox seeds a guild")?;

    // Without the state `/visit` asks for, the bot is refused before it starts.
    let refused = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .build()
        .err()
        .ok_or("a bot without the state is refused")?;
    println!("refused: {refused}");

    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .data(Visits::default())
        .data(Guestbook::default())
        .data(Incidents::default())
        .intents(Intents::default() | Intents::MESSAGE_CONTENT)
        .build()?;
    let running = tokio::spawn({
        let bot = bot.clone();
        async move { bot.start().await }
    });
    bot.wait_until_ready().await?;

    for who in [world.member, world.owner, world.member] {
        let mut call = sandbox
            .user(who)
            .slash(world.channel, "visit", serde_json::json!({}))
            .await?;
        let reply = call.response().await?;
        println!("/visit > {}", reply.content().unwrap_or_default());
    }

    let writes = sandbox.command_writes();
    let roll = RegisteredCommand::new(
        CommandSpec::chat_input("roll", "Rolls a die"),
        |ctx| async move {
            ctx.respond("you rolled 4").await?;
            Ok(())
        },
    );
    bot.add_application_command(roll).await?;
    println!(
        "added /roll ({} write); commands: {:?}",
        sandbox.command_writes() - writes,
        bot.walk_application_commands()
            .iter()
            .map(|c| c.spec().name.to_string())
            .collect::<Vec<_>>()
    );
    let mut call = sandbox
        .user(world.member)
        .slash(world.channel, "roll", serde_json::json!({}))
        .await?;
    println!(
        "/roll > {}",
        call.response().await?.content().unwrap_or_default()
    );
    bot.remove_application_command("roll", &[], CommandKind::ChatInput)
        .await?;
    println!(
        "removed /roll ({} writes in all)",
        sandbox.command_writes() - writes
    );

    sandbox
        .user(world.member)
        .send_message(world.channel, "oops")
        .await?;
    let incidents = bot.data::<Incidents>().ok_or("the bot has its incidents")?;
    incidents.noticed.notified().await;
    for incident in incidents
        .seen
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .iter()
    {
        println!("on_error > {incident}");
    }

    bot.close();
    running.await??;
    Ok(())
}

//! What runs around commands, offline against an embedded `bot-sandbox`:
//!
//! ```text
//! cargo run --example checks
//! ```
//!
//! A global `#[check_once]`, a per-command permission check, a cooldown that trips, global and
//! per-command hooks, a command's own error handler, and autocomplete answering from what the
//! user typed so far. Scripted users play along; the example prints the exchange and exits.

use bot_core::checks;
use bot_core::command::{AutocompleteContext, State};
use bot_core::model::Permissions;
use bot_core::prelude::*;
use std::sync::Mutex;

/// What the hooks saw, in order.
#[derive(Default)]
struct Journal(Mutex<Vec<String>>);

fn note(ctx: &ApplicationContext, line: String) {
    if let Ok(journal) = ctx.state::<Journal>() {
        journal
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(line);
    }
}

fn command_of(ctx: &ApplicationContext) -> String {
    ctx.command_path().join(" ")
}

/// Once per interaction, before any other check: bots are not served.
#[check_once]
async fn humans_only(ctx: &ApplicationContext) -> bool {
    ctx.author().is_some_and(|user| !user.bot)
}

/// Before every command.
#[before_invoke]
async fn opening(ctx: &ApplicationContext) {
    note(ctx, format!("before /{}", command_of(ctx)));
}

/// After every command, even a failed one.
#[after_invoke]
async fn closing(ctx: &ApplicationContext) {
    note(ctx, format!("after /{}", command_of(ctx)));
}

/// Deletes messages (moderators only).
#[slash_command(checks = [checks::guild_only(), checks::has_permissions(Permissions::MANAGE_MESSAGES)])]
async fn purge(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("purged").await?;
    Ok(())
}

/// Your daily reward, once a day.
#[slash_command(cooldown(1, 86400, User))]
async fn daily(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("here are your 10 coins").await?;
    Ok(())
}

async fn announce(ctx: &ApplicationContext) {
    note(ctx, "about to divide".to_owned());
}

async fn explain(ctx: &ApplicationContext, error: &CommandError) -> CommandResult {
    ctx.respond(Reply::new(format!("cannot do that: {error}")).ephemeral())
        .await?;
    Ok(())
}

/// Divides two numbers.
#[slash_command(before_invoke = announce, on_error = explain)]
async fn divide(
    ctx: &ApplicationContext,
    /// The dividend
    a: i64,
    /// The divisor
    b: i64,
) -> CommandResult {
    let quotient = a
        .checked_div(b)
        .ok_or_else(|| CommandError::msg("division by zero"))?;
    ctx.respond(format!("{a} / {b} = {quotient}")).await?;
    Ok(())
}

/// The colors the bot knows.
const COLORS: [&str; 5] = ["red", "orange", "green", "grey", "blue"];

/// Colors starting with what was typed.
async fn colors(ctx: &AutocompleteContext) -> Vec<&'static str> {
    COLORS
        .into_iter()
        .filter(|color| color.starts_with(ctx.value()))
        .collect()
}

/// Picks a color.
#[slash_command]
async fn paint(
    ctx: &ApplicationContext,
    /// The color
    #[autocomplete = colors]
    color: String,
    journal: State<Journal>,
) -> CommandResult {
    let _ = journal;
    ctx.respond(format!("painted {color}")).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = bot_sandbox::Sandbox::builder().start().await?;
    let world = sandbox.default_guild().ok_or("the sandbox seeds a guild")?;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .data(Journal::default())
        .build()?;
    let running = tokio::spawn({
        let bot = bot.clone();
        async move { bot.start().await }
    });
    bot.wait_until_ready().await?;
    let (member, owner) = (sandbox.user(world.member), sandbox.user(world.owner));

    let calls = [
        (&member, "purge", serde_json::json!({})),
        (&owner, "purge", serde_json::json!({})),
        (&member, "daily", serde_json::json!({})),
        (&member, "daily", serde_json::json!({})),
        (&member, "divide", serde_json::json!({"a": 7, "b": 2})),
        (&member, "divide", serde_json::json!({"a": 7, "b": 0})),
    ];
    for (user, command, options) in calls {
        let who = if std::ptr::eq(user, &owner) {
            "owner"
        } else {
            "member"
        };
        let mut call = user.slash(world.channel, command, options).await?;
        let reply = call.response().await?;
        let only_you = if reply.ephemeral() { " (only you)" } else { "" };
        println!(
            "{who} /{command} > {}{only_you}",
            reply.content().unwrap_or_default()
        );
    }

    let mut typing = member
        .autocomplete(
            world.channel,
            "paint",
            serde_json::json!({"color": "gr"}),
            "color",
        )
        .await?;
    let suggestions = typing.response().await?;
    println!("typing \"gr\" suggests {}", suggestions.data["choices"]);

    bot.close();
    running.await??;
    let journal = bot.data::<Journal>().ok_or("the bot has its journal")?;
    for line in journal.0.lock().unwrap_or_else(|p| p.into_inner()).iter() {
        println!("hook > {line}");
    }
    Ok(())
}

//! The quickstart: a bot with a few commands.
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! Without `DISCORD_TOKEN` it runs offline: it starts an embedded `bot-sandbox`, runs the bot
//! against it, has a scripted user invoke the commands with a random value, prints the exchange
//! and exits. With `DISCORD_TOKEN` it connects to Discord (or to `DISCORD_API_BASE`, if set) and
//! runs until Ctrl-C.

use bot_core::prelude::*;
use futures_util::StreamExt;
use std::time::Duration;

/// Replies with pong.
#[slash_command]
async fn ping(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("pong").await?;
    Ok(())
}

/// Doubles a number.
#[slash_command]
async fn double(
    ctx: &ApplicationContext,
    /// The number to double
    #[min = -1000000]
    #[max = 1000000]
    number: i64,
) -> CommandResult {
    ctx.respond(format!("{number} doubled is {}", number * 2))
        .await?;
    Ok(())
}

/// Greets someone.
#[slash_command]
async fn greet(
    ctx: &ApplicationContext,
    /** Who to greet */
    user: User,
) -> CommandResult {
    ctx.respond(Reply::new(format!("Hello, {}!", user.username)))
        .await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    match std::env::var("DISCORD_TOKEN") {
        Ok(token) => online(token).await,
        Err(_) => offline().await,
    }
}

/// Connects to Discord (or `DISCORD_API_BASE`) and runs until Ctrl-C.
async fn online(token: String) -> Result<(), Box<dyn std::error::Error>> {
    let mut builder = Bot::builder().token(token).intents(Intents::default());
    if let Ok(base) = std::env::var("DISCORD_API_BASE") {
        builder = builder.api_base(base);
    }
    builder.build()?.run().await?;
    Ok(())
}

/// Runs the bot against an embedded sandbox and plays a user.
async fn offline() -> Result<(), Box<dyn std::error::Error>> {
    println!("No DISCORD_TOKEN: running against an embedded bot-sandbox (a local Discord).");
    let sandbox = bot_sandbox::Sandbox::builder().start().await?;
    let world = sandbox.default_guild().ok_or("the sandbox seeds a guild")?;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .build()?;
    let mut events = bot.events();
    let runner = bot.clone();
    let running = tokio::spawn(async move { runner.start().await });
    tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(event) = events.next().await {
            if let Event::Ready(ready) = event {
                println!(
                    "Logged in as {} and synced {} commands.",
                    ready.user.username,
                    bot.registry().commands().len()
                );
                break;
            }
        }
    })
    .await?;

    let number: i64 = rand::random_range(-1000..=1000);
    let user = sandbox.user(world.member);
    let exchanges = [
        ("ping", serde_json::json!({})),
        ("double", serde_json::json!({ "number": number })),
        ("greet", serde_json::json!({ "user": world.owner })),
    ];
    let count = exchanges.len();
    for (command, options) in exchanges {
        let shown = options.as_object().map_or(String::new(), |o| {
            o.iter().map(|(k, v)| format!(" {k}:{v}")).collect()
        });
        println!("bob > /{command}{shown}");
        let mut invocation = user.slash(world.channel, command, options).await?;
        let response = invocation.response().await?;
        println!("bot > {}", response.content().unwrap_or("(no text)"));
    }
    bot.close();
    running.await??;
    println!("Done: the bot answered {count} commands offline.");
    Ok(())
}

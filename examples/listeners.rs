//! Listening to events, offline against an embedded `bot-sandbox`:
//!
//! ```text
//! cargo run --example listeners
//! ```
//!
//! `#[listen]` functions by the event's type and by Pycord's name, a `once` listener, a listener
//! added while the bot runs, `wait_for` with a check and a timeout, and `stream` with a limit.
//! A scripted user writes in `#general`; the example prints what each part saw, then exits.

use bot_core::event::{Event, GuildCreate, MessageCreate, MessageDelete, Received, WaitError};
use bot_core::{Bot, Context, Intents, listen};
use futures_util::StreamExt;
use std::time::Duration;

/// By type: the parameter's type says which event.
#[listen]
async fn log_messages(message: &MessageCreate) {
    println!(
        "[listener] {} wrote {:?}",
        message.author.username, message.content
    );
}

/// By Pycord's name, with the bot to answer through.
#[listen("on_message")]
async fn answer_ping(ctx: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
    if message.content == "!ping" {
        message.channel_id.send(ctx, "pong").await?;
    }
    Ok(())
}

/// Once: the first guild only.
#[listen(once)]
async fn first_guild(guild: &GuildCreate) {
    println!("[once] first guild: {}", guild.name);
}

/// Every event, by its name on the wire.
#[listen]
async fn every_event(event: &Event) {
    if matches!(event, Event::Ready(_)) {
        println!("[every event] {}", event.name());
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = bot_sandbox::Sandbox::builder().start().await?;
    let world = sandbox.default_guild().ok_or("the sandbox seeds a guild")?;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::MESSAGE_CONTENT)
        .build()?;
    let running = tokio::spawn({
        let bot = bot.clone();
        async move { bot.start().await }
    });
    bot.wait_until_ready().await?;
    println!("ready");

    // A listener added at run time, removed later.
    let added = bot.add_listener(|message: Received<MessageCreate>| async move {
        if message.content.starts_with("vote") {
            println!("[added] a vote: {}", message.content);
        }
    });

    let bob = sandbox.user(world.member);

    // wait_for: registered before the message is sent, with a check and a timeout.
    let answer = bot.wait_for::<MessageCreate>(
        |m| m.content == "yes" || m.content == "no",
        Duration::from_secs(5),
    );
    bob.send_message(world.channel, "hello").await?;
    bob.send_message(world.channel, "yes").await?;
    println!("[wait_for] bob answered {:?}", answer.await?.content);

    // A timeout is a typed error.
    let nothing = bot
        .wait_for::<MessageDelete>(|_| true, Duration::from_millis(200))
        .await;
    if let Err(WaitError::Timeout(after)) = nothing {
        println!("[wait_for] no deletion within {after:?}");
    }

    // stream: the first three votes.
    let votes =
        bot.stream::<MessageCreate>(|m| m.content.starts_with("vote"), Duration::from_secs(5), 3);
    for text in [
        "vote rust",
        "chatter",
        "vote python",
        "vote rust",
        "vote go",
    ] {
        bob.send_message(world.channel, text).await?;
    }
    let counted: Vec<String> = votes
        .filter_map(|vote| async move { vote.ok().map(|v| v.content.clone()) })
        .collect()
        .await;
    println!("[stream] first three votes: {counted:?}");

    bob.send_message(world.channel, "!ping").await?;
    let pong = bot
        .wait_for::<MessageCreate>(|m| m.content == "pong", Duration::from_secs(5))
        .await?;
    println!("[wait_for] the bot answered {:?}", pong.content);

    bot.remove_listener(added);
    bot.close();
    running.await??;
    Ok(())
}

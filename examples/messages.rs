//! Messages, offline against an embedded `bot-sandbox`:
//!
//! ```text
//! cargo run --example messages
//! ```
//!
//! A listener answers `!report` with the everyday calls on what it was given: "typing…" while it
//! works, the channel's history, a reply with a file, a reaction, a pin, a thread, and a DM to
//! whoever asked. A scripted user writes in `#general` (after a seeded history); the example
//! prints what the local Discord then holds, and exits.

use bot_core::event::MessageCreate;
use bot_core::http::MessagesFrom;
use bot_core::model::{AttachmentFile, CreateMessage, Id, Permissions};
use bot_core::{Bot, Context, Intents, listen};
use futures_util::TryStreamExt;
use std::time::Duration;

/// Answers `!report` with the last messages of the channel, as a file.
#[listen("on_message")]
async fn report(ctx: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
    if message.content != "!report" {
        return Ok(());
    }
    // "SandboxBot is typing…" until the guard is dropped (re-sent every 8 s meanwhile).
    let typing = message.channel_id.typing(ctx).await?;

    // The history before the request, newest first, read lazily page by page.
    let recent: Vec<_> = message
        .channel_id
        .history(ctx, MessagesFrom::Before(message.id), Some(5))
        .try_collect()
        .await?;
    let lines: Vec<String> = recent
        .iter()
        .rev()
        .map(|m| format!("{}: {}", m.author.username, m.content))
        .collect();

    // A reply with a file, then a reaction, a pin and a thread on it.
    let answer = CreateMessage::new()
        .content(format!(
            "The last {} messages are in the file.",
            recent.len()
        ))
        .file(AttachmentFile::new("history.txt", lines.join("\n")));
    let sent = message.reply(ctx, answer).await?;
    drop(typing);
    sent.add_reaction(ctx, "📄").await?;
    sent.pin(ctx).await?;
    let thread = sent.create_thread(ctx, "Report discussion").await?;
    thread
        .id
        .send(ctx, "Questions about the report go here.")
        .await?;

    // And a word in private to whoever asked.
    message
        .author
        .send(ctx, "Your report is ready, and pinned in #general.")
        .await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = bot_sandbox::Sandbox::builder().start().await?;
    let world = sandbox.default_guild().ok_or("the sandbox seeds a guild")?;

    // As a guild's admin would: a role that lets the bot pin, upload and start threads.
    let allowed = Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::READ_MESSAGE_HISTORY
        | Permissions::ATTACH_FILES
        | Permissions::ADD_REACTIONS
        | Permissions::MANAGE_MESSAGES
        | Permissions::CREATE_PUBLIC_THREADS
        | Permissions::SEND_MESSAGES_IN_THREADS;
    let role = sandbox
        .add_role(world.guild, "bot", allowed.bits())
        .ok_or("the guild")?;
    sandbox.add_member(world.guild, sandbox.bot_user_id(), &[role]);
    // A history that existed before the bot looked.
    sandbox.seed_messages(world.channel, world.owner, 12, "standup note ");

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

    println!("bob > !report");
    sandbox
        .user(world.member)
        .send_message(world.channel, "!report")
        .await?;
    let dm = sandbox.dm_channel(world.member).ok_or("bob's DM")?;
    let answered = tokio::time::timeout(Duration::from_secs(10), async {
        while sandbox.messages(dm).is_empty() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    answered.map_err(|_| "the bot did not answer within 10 s")?;

    // What the local Discord holds now, read back through the bot's client.
    let channel = Id::new(world.channel);
    let http = bot.http();
    let reply = channel
        .history(&bot, MessagesFrom::Latest, Some(10))
        .try_filter(|m| std::future::ready(m.author.bot && m.message_reference.is_some()))
        .try_next()
        .await?
        .ok_or("the reply")?;
    println!("bot > (replying to bob) {}", reply.content);
    for attachment in &reply.attachments {
        let text = uploaded_text(&sandbox, attachment.id.get());
        println!("      [{}]\n{text}", attachment.filename);
    }
    for reaction in &reply.reactions {
        let emoji = reaction.emoji.name.as_deref().unwrap_or("?");
        println!("reaction: {emoji} x{}", reaction.count);
    }
    let pins: Vec<_> = http.pins(channel, None).try_collect().await?;
    println!(
        "pinned: {} message(s), the reply: {}",
        pins.len(),
        pins[0].message.id == reply.id
    );
    let thread = bot.fetch_channel(reply.id.cast()).await?;
    let opening: Vec<_> = thread
        .id
        .history(&bot, MessagesFrom::Latest, None)
        .try_collect()
        .await?;
    println!(
        "thread: {} ({} message: {:?})",
        thread.name.as_deref().unwrap_or("?"),
        opening.len(),
        opening[0].content
    );
    for message in sandbox.messages(dm) {
        println!("DM to bob: {}", message["content"].as_str().unwrap_or(""));
    }

    bot.close();
    running.await??;
    println!("Done: history, a file, a reaction, a pin, a thread and a DM, offline.");
    Ok(())
}

/// An uploaded file's text, as the sandbox received it.
fn uploaded_text(sandbox: &bot_sandbox::SandboxHandle, attachment: u64) -> String {
    let bytes = sandbox.attachment_bytes(attachment).unwrap_or_default();
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(|line| format!("        {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

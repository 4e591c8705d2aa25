//! The everyday calls (`bot_core::calls`) against the sandbox, through a running bot's
//! `Context`, the `Bot` and a bare `Http`: each on its success path and an error path; the
//! events they make reach the bot's listeners; a command's reply with a file over the guild's
//! `attachment_size_limit` is refused before sending.

mod common;

use bot_core::command::{CommandRegistry, ResponseError};
use bot_core::event::{
    ChannelPinsUpdate, MessageCreate, MessageReactionAdd, Received, ThreadCreate, TypingStart,
};
use bot_core::http::{Http, HttpError, MessagesFrom, Token};
use bot_core::model::{
    AllowedMentions, AttachmentFile, ChannelType, CreateMessage, CreateThread, Id, MessageFlags,
    MessageProblem, MessageReference, RequestProblem,
};
use bot_core::prelude::*;
use bot_core::{Bot, Context, listen};
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle, Timings};
use common::{eventually, message_bot_builder, started, stop};
use futures_util::TryStreamExt;
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Every permission these tests need, for the bot's role: channels, reactions, messages,
/// history, files, pins (manage messages), threads.
const BOT_PERMISSIONS: u64 = (1 << 4)
    | (1 << 6)
    | (1 << 10)
    | (1 << 11)
    | (1 << 13)
    | (1 << 15)
    | (1 << 16)
    | (1 << 28)
    | (1 << 34)
    | (1 << 35)
    | (1 << 36)
    | (1 << 38);

/// A sandbox without per-route windows, the bot a member with `BOT_PERMISSIONS`.
async fn sandbox() -> (SandboxHandle, DefaultGuild) {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            message_create_window: Duration::ZERO,
            reaction_window: Duration::ZERO,
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let role = sandbox
        .add_role(world.guild, "bot", BOT_PERMISSIONS)
        .expect("the guild");
    assert!(sandbox.add_member(world.guild, sandbox.bot_user_id(), &[role]));
    (sandbox, world)
}

/// The sandbox and a running bot that reads messages.
async fn running() -> (SandboxHandle, DefaultGuild, Bot, common::Running) {
    let (sandbox, world) = sandbox().await;
    let bot = message_bot_builder(&sandbox)
        .allowed_mentions(AllowedMentions::none())
        .build()
        .expect("a valid bot");
    let task = started(&bot).await;
    (sandbox, world, bot, task)
}

/// Replies to `!ping` from a listener, with the everyday calls on what it was given.
#[listen("on_message")]
async fn ping(ctx: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
    if message.content == "!ping" {
        let typing = message.channel_id.typing(ctx).await?;
        let pong = message.reply(ctx, "pong").await?;
        drop(typing);
        pong.add_reaction(ctx, "🏓").await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listener_answers_with_the_calls_on_what_it_was_given() {
    let (sandbox, world, bot, task) = running().await;
    let said = sandbox
        .user(world.member)
        .send_message(world.channel, "!ping")
        .await
        .expect("bob writes");
    let asked = said["id"].as_str().expect("an id").to_owned();
    let answered = eventually(Duration::from_secs(10), || {
        sandbox.messages(world.channel).iter().any(|m| {
            let id: u64 = m["id"].as_str().and_then(|id| id.parse().ok()).unwrap_or(0);
            let shown = sandbox.message(world.channel, id).unwrap_or_default();
            m["content"] == "pong"
                && m["message_reference"]["message_id"] == asked.as_str()
                && shown["reactions"][0]["emoji"]["name"] == "🏓"
        })
    })
    .await;
    assert!(
        answered,
        "the reply, with its reaction: {:?}",
        sandbox.messages(world.channel)
    );
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channel_calls_send_read_history_start_threads_and_type() {
    let (sandbox, world, bot, task) = running().await;
    let ctx = bot.context();
    let channel = Id::new(world.channel);

    // send: text, then a whole message (files, a reply reference that tolerates a missing
    // message, silent).
    let hello = channel.send(ctx, "hello").await.expect("sent");
    assert_eq!(hello.content, "hello");
    let rich = CreateMessage::new()
        .content("the report")
        .file(AttachmentFile::new("report.txt", b"all good".to_vec()))
        .message_reference(MessageReference::reply(Id::new(1)).fail_if_not_exists(false))
        .silent();
    let report = channel.send(ctx, rich).await.expect("sent with a file");
    assert!(report.flags.contains(MessageFlags::SUPPRESS_NOTIFICATIONS));
    assert!(
        report.message_reference.is_none(),
        "a reply to a missing message is sent without its reference"
    );
    assert_eq!(
        sandbox.attachment_bytes(report.attachments[0].id.get()),
        Some(b"all good".to_vec())
    );
    let embed = EmbedBuilder::new().title("Nightly build").build().unwrap();
    let embedded = channel.send(ctx, embed).await.expect("an embed alone");
    assert_eq!(embedded.embeds[0].title.as_deref(), Some("Nightly build"));
    let reply = Reply::new("the same message as a command's reply").silent();
    let replied = channel.send(ctx, reply).await.expect("a Reply");
    assert!(replied.flags.contains(MessageFlags::SUPPRESS_NOTIFICATIONS));
    let unknown = Id::new(1).send(ctx, "hello").await.unwrap_err();
    assert_eq!(unknown.code(), Some(10003));
    let empty = channel.send(ctx, CreateMessage::new()).await.unwrap_err();
    assert!(matches!(empty, HttpError::Invalid(_)), "{empty:?}");

    // history: lazily, by pages, newest first; through the bot or a bare client alike.
    let seeded = sandbox.seed_messages(world.channel, world.member, 150, "old ");
    let newest: Vec<u64> = channel
        .history(
            &bot,
            MessagesFrom::Before(Id::new(seeded[149] + 1)),
            Some(120),
        )
        .map_ok(|m| m.id.get())
        .try_collect()
        .await
        .expect("the history");
    assert_eq!(
        newest,
        seeded[30..].iter().rev().copied().collect::<Vec<_>>()
    );
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let oldest: Vec<_> = channel
        .history(&http, MessagesFrom::After(Id::new(seeded[0] - 1)), Some(3))
        .try_collect()
        .await
        .expect("the history");
    let contents: Vec<&str> = oldest.iter().map(|m| m.content.as_str()).collect();
    assert_eq!(contents, ["old 0", "old 1", "old 2"]);
    let missing = Id::new(1)
        .history(ctx, MessagesFrom::Latest, None)
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Some(10003));

    // create_thread without a message: private unless said otherwise, as Discord does.
    let private = channel
        .create_thread(ctx, "moderators")
        .await
        .expect("a thread");
    assert_eq!(private.kind, ChannelType::PrivateThread);
    let public = channel
        .create_thread(
            ctx,
            CreateThread::new("release notes").kind(ChannelType::PublicThread),
        )
        .await
        .expect("a public thread");
    assert_eq!(public.kind, ChannelType::PublicThread);
    let (served, _) = sandbox.request_counts();
    let long = channel
        .create_thread(ctx, "x".repeat(101))
        .await
        .unwrap_err();
    assert!(
        matches!(long, HttpError::Refused(RequestProblem::Length { .. })),
        "{long:?}"
    );
    assert_eq!(sandbox.request_counts().0, served, "refused before sending");

    // typing: sent at once, kept up by the guard; an unknown channel is Discord's 10003.
    let typing = channel.typing(ctx).await.expect("typing");
    assert!(typing.is_active());
    assert_eq!(typing.channel(), channel);
    typing.stop();
    let refused = Id::new(1).typing(ctx).await.unwrap_err();
    assert_eq!(refused.code(), Some(10003));
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn message_calls_reply_edit_react_pin_thread_and_delete() {
    let (sandbox, world, bot, task) = running().await;
    let ctx = bot.context();
    let channel = Id::new(world.channel);
    let theirs_id = sandbox.seed_messages(world.channel, world.member, 1, "question")[0];
    let theirs = ctx
        .http()
        .message(channel, Id::new(theirs_id))
        .await
        .expect("bob's message");

    // reply: a reference to the message; to one deleted meanwhile, refused unless it may be
    // missing.
    let reply = theirs.reply(ctx, "an answer").await.expect("replied");
    assert_eq!(
        reply.message_reference.as_ref().and_then(|r| r.message_id),
        Some(theirs.id)
    );
    // edit: the bot's own message; someone else's is Discord's 50005.
    let edited = reply.edit(ctx, "a better answer").await.expect("edited");
    assert_eq!(edited.content, "a better answer");
    assert!(edited.edited_timestamp.is_some());
    let refused = theirs.edit(ctx, "not mine").await.unwrap_err();
    assert_eq!((refused.status(), refused.code()), (Some(403), Some(50005)));

    // add_reaction and pin, on the sandbox's copy.
    theirs.add_reaction(ctx, "🔥").await.expect("reacted");
    theirs.pin(ctx).await.expect("pinned");
    let shown = sandbox.message(world.channel, theirs_id).expect("kept");
    assert_eq!(shown["reactions"][0]["emoji"]["name"], "🔥");
    assert_eq!(shown["pinned"], true);

    // create_thread from the message: the thread's id is the message's.
    let thread = theirs
        .create_thread(ctx, "discussion")
        .await
        .expect("a thread");
    assert_eq!(thread.id.get(), theirs_id);
    assert_eq!(thread.kind, ChannelType::PublicThread);
    let long = theirs
        .create_thread(ctx, CreateThread::new("y".repeat(101)))
        .await
        .unwrap_err();
    assert!(matches!(long, HttpError::Refused(_)), "{long:?}");

    // delete; then every call on the deleted message is Discord's 10008, and a reply to it is
    // refused (50035) unless it may be missing.
    theirs.delete(ctx).await.expect("deleted");
    assert!(sandbox.message(world.channel, theirs_id).is_none());
    for error in [
        theirs.delete(ctx).await.unwrap_err(),
        theirs.add_reaction(ctx, "🔥").await.unwrap_err(),
        theirs.pin(ctx).await.unwrap_err(),
    ] {
        assert_eq!(error.code(), Some(10008), "{error:?}");
    }
    let gone = theirs.reply(ctx, "late").await.unwrap_err();
    assert_eq!(gone.code(), Some(50035));
    let tolerant = CreateMessage::new()
        .content("late, but sent")
        .message_reference(MessageReference::reply(theirs.id).fail_if_not_exists(false));
    let sent = theirs.reply(ctx, tolerant).await.expect("sent anyway");
    assert!(sent.message_reference.is_none());
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_channels_and_dms_are_fetched_and_messaged() {
    let (sandbox, world, bot, task) = running().await;
    let ctx = bot.context();
    let bob = ctx.fetch_user(Id::new(world.member)).await.expect("bob");
    assert_eq!(&*bob.username, "bob");
    assert_eq!(
        bot.fetch_user(Id::new(1)).await.unwrap_err().code(),
        Some(10013)
    );
    let general = bot
        .fetch_channel(Id::new(world.channel))
        .await
        .expect("#general");
    assert_eq!(general.kind, ChannelType::GuildText);
    assert_eq!(
        ctx.fetch_channel(Id::new(1)).await.unwrap_err().code(),
        Some(10003)
    );

    let dm = ctx.create_dm(bob.id).await.expect("a DM");
    assert_eq!(dm.kind, ChannelType::Dm);
    assert_eq!(bot.create_dm(bob.id).await.expect("the same DM").id, dm.id);
    assert_eq!(
        ctx.create_dm(Id::new(1)).await.unwrap_err().code(),
        Some(10013)
    );
    let sent = bob.send(ctx, "hi bob").await.expect("a DM message");
    assert_eq!(sent.channel_id, dm.id);
    assert!(
        sandbox
            .messages(dm.id.get())
            .iter()
            .any(|m| m["content"] == "hi bob")
    );
    let mut stranger = bob.clone();
    stranger.id = Id::new(1);
    assert_eq!(
        stranger.send(ctx, "hello?").await.unwrap_err().code(),
        Some(10013)
    );
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_events_of_the_calls_reach_the_listeners() {
    let (sandbox, world, bot, task) = running().await;
    let ctx = bot.context().clone();
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let note = |seen: &Arc<Mutex<Vec<String>>>, what: String| {
        seen.lock().unwrap().push(what);
    };
    let log = seen.clone();
    ctx.add_listener(move |m: Received<MessageCreate>| {
        let log = log.clone();
        async move { note(&log, format!("message {}", m.content)) }
    });
    let log = seen.clone();
    ctx.add_listener(move |r: Received<MessageReactionAdd>| {
        let log = log.clone();
        async move {
            let emoji = r.emoji.name.clone().unwrap_or_default();
            note(&log, format!("reaction {emoji}"));
        }
    });
    let log = seen.clone();
    ctx.add_listener(move |p: Received<ChannelPinsUpdate>| {
        let log = log.clone();
        async move { note(&log, format!("pins {}", p.channel_id)) }
    });
    let log = seen.clone();
    ctx.add_listener(move |t: Received<ThreadCreate>| {
        let log = log.clone();
        async move {
            let name = t.thread.name.clone().unwrap_or_default();
            note(&log, format!("thread {name}"));
        }
    });
    let log = seen.clone();
    ctx.add_listener(move |t: Received<TypingStart>| {
        let log = log.clone();
        async move { note(&log, format!("typing {}", t.channel_id)) }
    });

    let channel = Id::new(world.channel);
    let _typing = channel.typing(&ctx).await.expect("typing");
    let sent = channel.send(&ctx, "announcement").await.expect("sent");
    sent.add_reaction(&ctx, "📣").await.expect("reacted");
    sent.pin(&ctx).await.expect("pinned");
    sent.create_thread(&ctx, "follow-up")
        .await
        .expect("a thread");
    let expected = [
        format!("typing {channel}"),
        "message announcement".to_owned(),
        "reaction 📣".to_owned(),
        format!("pins {channel}"),
        "thread follow-up".to_owned(),
    ];
    let all_seen = eventually(Duration::from_secs(10), || {
        let seen = seen.lock().unwrap();
        expected.iter().all(|e| seen.contains(e))
    })
    .await;
    assert!(all_seen, "{:?}", seen.lock().unwrap());
    let _ = sandbox;
    stop(&bot, task).await;
}

// Tries a file over the interaction's `attachment_size_limit`, then one within it, and says
// what happened to the first; the same with a follow-up.
/// Uploads files of every size.
#[slash_command]
async fn upload(ctx: &ApplicationContext) -> CommandResult {
    let limit = ctx.interaction().attachment_size_limit.unwrap_or(0) as usize;
    let too_big = Reply::new("big").file(AttachmentFile::new("big.bin", vec![0; limit + 1]));
    let refused = match ctx.respond(too_big).await {
        Err(ResponseError::Invalid(error)) => error
            .problems
            .iter()
            .any(|p| matches!(p, MessageProblem::FileTooLarge { .. })),
        _ => false,
    };
    let fits = Reply::new(format!("refused before sending: {refused}"))
        .file(AttachmentFile::new("small.bin", vec![1; 1024]));
    ctx.respond(fits).await?;
    let follow_up = Reply::new("again").file(AttachmentFile::new("big.bin", vec![0; limit + 1]));
    let refused = matches!(
        ctx.followup(follow_up).await,
        Err(ResponseError::Invalid(_))
    );
    ctx.followup(format!("follow-up refused: {refused}"))
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_with_a_file_over_the_guild_limit_is_refused_before_sending() {
    let (sandbox, world) = sandbox().await;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::collect().expect("the commands fit together"))
        .build()
        .expect("a valid bot");
    let task = started(&bot).await;
    let mut invocation = sandbox
        .user(world.member)
        .slash(world.channel, "upload", json!({}))
        .await
        .expect("invoked");
    let response = invocation.response().await.expect("answered");
    assert_eq!(response.content(), Some("refused before sending: true"));
    let followed = eventually(Duration::from_secs(10), || {
        invocation
            .followups()
            .iter()
            .any(|m| m["content"] == "follow-up refused: true")
    })
    .await;
    assert!(followed, "{:?}", invocation.followups());
    assert!(
        invocation
            .followups()
            .iter()
            .all(|m| m["content"] != "again"),
        "the oversized follow-up never went"
    );
    stop(&bot, task).await;
}

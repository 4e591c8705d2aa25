//! The channel, message, reaction, thread and user calls of `Http` against the sandbox: each on
//! its success path and an error path, history in pages, uploads, audit-log reasons, bounded
//! rate-limit state and the invalid-request counter.

use bot_core::http::{Http, HttpError, MessagesFrom, Method, ReactionEmoji, Token};
use bot_core::model::{
    AttachmentFile, ChannelType, CreateForumThread, CreateMessage, CreateThread, EditChannel, Id,
    PermissionOverwrite, Permissions, RequestProblem,
};
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle, Timings};
use futures_util::TryStreamExt;
use std::time::Duration;

/// Every permission these tests need, for the bot's role.
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

async fn start() -> (SandboxHandle, DefaultGuild, Http) {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            message_create_window: Duration::ZERO,
            reaction_window: Duration::ZERO,
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
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    (sandbox, world, http)
}

fn code(error: &HttpError) -> Option<u64> {
    error.code()
}

#[tokio::test]
async fn history_reads_in_pages_by_before_and_after_and_around() {
    let (sandbox, world, http) = start().await;
    let ids = sandbox.seed_messages(world.channel, world.member, 250, "m");
    assert_eq!(ids.len(), 250);
    let channel = Id::new(world.channel);
    let newest_first: Vec<u64> = http
        .messages(channel, MessagesFrom::Latest, None)
        .map_ok(|m| m.id.get())
        .try_collect()
        .await
        .expect("the history");
    let mut expected: Vec<u64> = ids.iter().rev().copied().collect();
    assert_eq!(
        newest_first, expected,
        "250 messages, newest first, by before"
    );
    let oldest_first: Vec<u64> = http
        .messages(channel, MessagesFrom::After(Id::new(ids[0] - 1)), None)
        .map_ok(|m| m.id.get())
        .try_collect()
        .await
        .expect("the history");
    expected.reverse();
    assert_eq!(
        oldest_first, expected,
        "250 messages, oldest first, by after"
    );
    let some: Vec<u64> = http
        .messages(channel, MessagesFrom::Before(Id::new(ids[100])), Some(30))
        .map_ok(|m| m.id.get())
        .try_collect()
        .await
        .expect("a part");
    assert_eq!(some, ids[70..100].iter().rev().copied().collect::<Vec<_>>());
    let around = http
        .messages_around(channel, Id::new(ids[125]), 11)
        .await
        .expect("around");
    assert_eq!(around.len(), 11);
    assert!(around.iter().any(|m| m.id.get() == ids[125]));
    let refused = http
        .messages_around(channel, Id::new(ids[0]), 101)
        .await
        .unwrap_err();
    assert!(matches!(
        refused,
        HttpError::Refused(RequestProblem::OutOfRange { .. })
    ));
    let unknown = http
        .messages(Id::new(1), MessagesFrom::Latest, None)
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(code(&unknown), Some(10003));
}

#[tokio::test]
async fn messages_are_created_edited_pinned_and_deleted_with_reasons() {
    let (sandbox, world, http) = start().await;
    let channel = Id::new(world.channel);
    let sent = http
        .create_message(channel, &CreateMessage::new().content("hello"))
        .await
        .expect("sent");
    let fetched = http.message(channel, sent.id).await.expect("fetched");
    assert_eq!(fetched.content, "hello");
    let edited = http
        .edit_message(
            channel,
            sent.id,
            &CreateMessage::new().content("hello, edited"),
        )
        .await
        .expect("edited");
    assert_eq!(edited.content, "hello, edited");
    assert!(edited.edited_timestamp.is_some());
    http.pin_message(channel, sent.id, Some("keep this"))
        .await
        .expect("pinned");
    let pins: Vec<_> = http.pins(channel, None).try_collect().await.expect("pins");
    assert_eq!(pins.len(), 1);
    assert_eq!(pins[0].message.id, sent.id);
    assert!(http.message(channel, sent.id).await.unwrap().pinned);
    http.unpin_message(channel, sent.id, None)
        .await
        .expect("unpinned");
    http.delete_message(channel, sent.id, Some("spam, again: ✓"))
        .await
        .expect("deleted");
    let gone = http.message(channel, sent.id).await.unwrap_err();
    assert_eq!((gone.status(), code(&gone)), (Some(404), Some(10008)));
    let reasons = sandbox.audit_reasons();
    assert!(
        reasons
            .iter()
            .any(|(route, reason)| route.starts_with("PUT ") && reason == "keep this")
    );
    assert!(
        reasons
            .iter()
            .any(|(route, reason)| route.starts_with("DELETE ") && reason == "spam, again: ✓")
    );
    let long = http
        .delete_message(channel, sent.id, Some(&"x".repeat(513)))
        .await
        .unwrap_err();
    assert!(matches!(
        long,
        HttpError::Refused(RequestProblem::Length { .. })
    ));

    // Someone else's message: the bot may delete it with MANAGE_MESSAGES, never edit it.
    let theirs = sandbox.seed_messages(world.channel, world.member, 3, "x");
    let refused = http
        .edit_message(
            channel,
            Id::new(theirs[0]),
            &CreateMessage::new().content("no"),
        )
        .await
        .unwrap_err();
    assert_eq!((refused.status(), code(&refused)), (Some(403), Some(50005)));
    http.delete_messages(
        channel,
        &[Id::new(theirs[0]), Id::new(theirs[1])],
        Some("cleanup"),
    )
    .await
    .expect("bulk deleted");
    assert!(sandbox.message(world.channel, theirs[0]).is_none());
    let one = http
        .delete_messages(channel, &[Id::new(theirs[2])], None)
        .await
        .unwrap_err();
    assert!(matches!(
        one,
        HttpError::Refused(RequestProblem::Count { .. })
    ));
    let old = Id::new(1 << 22);
    let too_old = http
        .delete_messages(channel, &[old, Id::new(theirs[2])], None)
        .await
        .unwrap_err();
    assert!(matches!(
        too_old,
        HttpError::Refused(RequestProblem::TooOld { .. })
    ));
    let twice = http
        .delete_messages(channel, &[Id::new(theirs[2]), Id::new(theirs[2])], None)
        .await
        .unwrap_err();
    assert!(matches!(
        twice,
        HttpError::Refused(RequestProblem::Duplicate { .. })
    ));
}

#[tokio::test]
async fn a_multipart_upload_comes_back_unchanged() {
    let (sandbox, world, http) = start().await;
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let message = CreateMessage::new()
        .content("the report")
        .file(AttachmentFile::new("report.bin", bytes.clone()).description("binary"))
        .file(
            AttachmentFile::from_reader("notes.txt", &b"plain text"[..])
                .await
                .unwrap(),
        );
    let sent = http
        .create_message(Id::new(world.channel), &message)
        .await
        .expect("uploaded");
    assert_eq!(sent.attachments.len(), 2);
    assert_eq!(sent.attachments[0].filename, "report.bin");
    assert_eq!(
        sandbox.attachment_bytes(sent.attachments[0].id.get()),
        Some(bytes.clone())
    );
    let served = reqwest::get(&sent.attachments[0].url)
        .await
        .expect("served")
        .bytes()
        .await
        .expect("read");
    assert_eq!(served.as_ref(), bytes.as_slice());
    let eleven = (0..11).fold(CreateMessage::new(), |m, i| {
        m.file(AttachmentFile::new(format!("{i}.txt"), vec![b'x']))
    });
    let refused = http
        .create_message(Id::new(world.channel), &eleven)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, HttpError::Invalid(_)),
        "refused before sending"
    );
}

#[tokio::test]
async fn reactions_are_added_listed_and_cleared() {
    let (sandbox, world, http) = start().await;
    let channel = Id::new(world.channel);
    let message = sandbox.seed_messages(world.channel, world.member, 1, "react")[0];
    let message = Id::new(message);
    let fire = ReactionEmoji::from("🔥");
    http.add_reaction(channel, message, &fire)
        .await
        .expect("reacted");
    assert!(sandbox.react(world.member, world.channel, message.get(), "🔥"));
    let users: Vec<_> = http
        .reaction_users(channel, message, &fire, None)
        .try_collect()
        .await
        .expect("users");
    assert_eq!(users.len(), 2);
    let shown = http.message(channel, message).await.unwrap();
    assert_eq!(shown.reactions[0].count, 2);
    http.remove_user_reaction(channel, message, &fire, Id::new(world.member))
        .await
        .expect("removed theirs");
    http.remove_own_reaction(channel, message, &fire)
        .await
        .expect("removed mine");
    assert!(
        http.message(channel, message)
            .await
            .unwrap()
            .reactions
            .is_empty()
    );
    http.add_reaction(channel, message, &"👍".into())
        .await
        .unwrap();
    http.clear_reaction(channel, message, &"👍".into())
        .await
        .unwrap();
    http.add_reaction(channel, message, &"👍".into())
        .await
        .unwrap();
    http.clear_reactions(channel, message).await.unwrap();
    assert!(
        http.message(channel, message)
            .await
            .unwrap()
            .reactions
            .is_empty()
    );
    let unknown = http
        .add_reaction(channel, Id::new(1), &fire)
        .await
        .unwrap_err();
    assert_eq!(code(&unknown), Some(10008));

    // A thousand different emojis leave no per-emoji state behind.
    for n in 0..1000u32 {
        let emoji = ReactionEmoji::custom(format!("e{n}"), Id::new(u64::from(n) + 1));
        let _ = http.remove_own_reaction(channel, message, &emoji).await;
    }
    let state = http.tracked_state();
    assert!(state.buckets <= 16, "{state:?}");
    assert!(state.limits <= 16, "{state:?}");
    assert_eq!(state.queues, 0);
}

#[tokio::test]
async fn permissions_are_checked_as_discord_does() {
    let (sandbox, world, http) = start().await;
    let channel = Id::new(world.channel);
    // Deny the bot ADD_REACTIONS and SEND_MESSAGES in this channel with a member overwrite.
    let bot = sandbox.bot_user_id();
    let deny = Permissions::from_bits_retain((1 << 6) | (1 << 11));
    http.set_permission_overwrite(
        channel,
        &PermissionOverwrite::member(Id::new(bot), Permissions::empty(), deny),
        Some("lock the bot"),
    )
    .await
    .expect("overwrite set");
    let refused = http
        .create_message(channel, &CreateMessage::new().content("x"))
        .await
        .unwrap_err();
    assert_eq!((refused.status(), code(&refused)), (Some(403), Some(50013)));
    let message = Id::new(sandbox.seed_messages(world.channel, world.member, 1, "m")[0]);
    let refused = http
        .add_reaction(channel, message, &"🔥".into())
        .await
        .unwrap_err();
    assert_eq!(code(&refused), Some(50013));
    http.delete_permission_overwrite(channel, Id::new(bot), None)
        .await
        .expect("overwrite removed");
    http.create_message(channel, &CreateMessage::new().content("x"))
        .await
        .expect("allowed again");
    http.trigger_typing(channel).await.expect("typing");
    let unknown = http.trigger_typing(Id::new(1)).await.unwrap_err();
    assert_eq!(code(&unknown), Some(10003));
}

#[tokio::test]
async fn channels_and_threads() {
    let (sandbox, world, http) = start().await;
    let channel = Id::new(world.channel);
    let edited = http
        .edit_channel(
            channel,
            &EditChannel::new().name("renamed").topic("t"),
            Some("tidy"),
        )
        .await
        .expect("edited");
    assert_eq!(edited.name.as_deref(), Some("renamed"));
    assert_eq!(
        http.channel(channel).await.unwrap().topic.as_deref(),
        Some("t")
    );
    let refused = http
        .edit_channel(channel, &EditChannel::new().name(""), None)
        .await
        .unwrap_err();
    assert!(matches!(refused, HttpError::Refused(_)));

    let message = Id::new(sandbox.seed_messages(world.channel, world.member, 1, "m")[0]);
    let thread = http
        .create_thread_from_message(channel, message, &CreateThread::new("talk"), None)
        .await
        .expect("a thread");
    assert_eq!(thread.kind, ChannelType::PublicThread);
    assert_eq!(thread.id.get(), message.get());
    http.add_thread_member(thread.id, Id::new(world.member))
        .await
        .expect("added");
    let members: Vec<_> = http
        .thread_members(thread.id, None)
        .try_collect()
        .await
        .expect("members");
    assert_eq!(members.len(), 2);
    let member = http
        .thread_member(thread.id, Id::new(world.member), true)
        .await
        .expect("a member");
    assert!(member.member.is_some());
    http.remove_thread_member(thread.id, Id::new(world.member))
        .await
        .unwrap();
    http.leave_thread(thread.id).await.unwrap();
    http.join_thread(thread.id).await.unwrap();
    assert_eq!(
        sandbox.thread_members(thread.id.get()),
        vec![sandbox.bot_user_id()]
    );
    http.create_message(thread.id, &CreateMessage::new().content("in the thread"))
        .await
        .expect("a message in the thread");
    http.edit_channel(thread.id, &EditChannel::new().archived(true), None)
        .await
        .expect("archived");
    let archived: Vec<_> = http
        .public_archived_threads(channel, None)
        .try_collect()
        .await
        .expect("archived threads");
    assert_eq!(archived.len(), 1);
    let private = http
        .create_thread(
            channel,
            &CreateThread::new("secret").kind(ChannelType::PrivateThread),
            None,
        )
        .await
        .expect("a private thread");
    assert_eq!(private.kind, ChannelType::PrivateThread);
    let bad = http
        .create_thread(
            channel,
            &CreateThread::new("x").kind(ChannelType::GuildText),
            None,
        )
        .await
        .unwrap_err();
    assert!(matches!(
        bad,
        HttpError::Refused(RequestProblem::NotAllowed { .. })
    ));

    let forum = sandbox
        .add_channel(world.guild, "ideas", 15)
        .expect("a forum");
    let post = http
        .create_forum_thread(
            Id::new(forum),
            &CreateForumThread::new("Idea", CreateMessage::new().content("first")),
            None,
        )
        .await
        .expect("a forum post");
    let first: Vec<_> = http
        .messages(post.id, MessagesFrom::Latest, None)
        .try_collect()
        .await
        .expect("the post's messages");
    assert_eq!(first[0].content, "first");

    let deleted = http
        .delete_channel(private.id, Some("done"))
        .await
        .expect("deleted");
    assert_eq!(deleted.id, private.id);
    let gone = http.channel(private.id).await.unwrap_err();
    assert_eq!(code(&gone), Some(10003));
}

#[tokio::test]
async fn users_and_dms() {
    let (sandbox, world, http) = start().await;
    let me = http.current_user().await.expect("me");
    assert_eq!(me.id.get(), sandbox.bot_user_id());
    let bob = http.user(Id::new(world.member)).await.expect("bob");
    assert_eq!(&*bob.username, "bob");
    let unknown = http.user(Id::new(1)).await.unwrap_err();
    assert_eq!(code(&unknown), Some(10013));
    let dm = http.create_dm(Id::new(world.member)).await.expect("a DM");
    assert_eq!(dm.kind, ChannelType::Dm);
    assert_eq!(Some(dm.id.get()), sandbox.dm_channel(world.member));
    http.create_message(dm.id, &CreateMessage::new().content("hi bob"))
        .await
        .expect("a DM message");
    let edited = http
        .edit_current_user(&bot_core::model::EditCurrentUser::new().username("renamed-bot"))
        .await
        .expect("renamed");
    assert_eq!(&*edited.username, "renamed-bot");
    let guilds: Vec<_> = http
        .current_user_guilds(bot_core::http::GuildsFrom::First, None, false)
        .try_collect()
        .await
        .expect("guilds");
    assert_eq!(guilds.len(), 1);
    assert!(http.current_user_connections().await.unwrap().is_empty());
    let raw = http
        .request(Method::GET, "/users/@me", bot_core::http::Body::Empty)
        .await
        .expect("the raw escape hatch");
    assert!(raw.is_some());
}

#[tokio::test]
async fn invalid_requests_are_counted_and_never_cross_the_limit() {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let http = Http::builder(sandbox.rest_url(), Token::new("bad.token.value"))
        .invalid_request_limit(5)
        .build()
        .expect("a client");
    for _ in 0..5 {
        let error = http.current_user().await.unwrap_err();
        assert_eq!(error.status(), Some(401));
    }
    assert_eq!(http.invalid_requests().count, 5);
    let (served, _) = sandbox.request_counts();
    let refused = http.current_user().await.unwrap_err();
    assert!(
        matches!(
            refused,
            HttpError::InvalidRequestLimit {
                count: 5,
                limit: 5,
                ..
            }
        ),
        "{refused:?}"
    );
    assert_eq!(sandbox.request_counts().0, served, "nothing was sent");
}

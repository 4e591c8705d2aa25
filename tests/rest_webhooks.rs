//! The webhook calls of `Http` and their Pycord-style calls on a `Webhook` against the sandbox
//! (issue 26, its webhook part): each on its success path and an error path — an unknown
//! webhook, a wrong token, a missing permission, a thread of another channel, a limit refused
//! before sending — a message sent into a thread and waited for, forum posts started by a
//! webhook, the gateway events a bot receives, and the webhook's token kept out of the logs.

mod common;

use bot_core::gateway::Event;
use bot_core::http::{Http, HttpError, Token};
use bot_core::model::{
    AttachmentFile, ChannelType, CreateMessage, CreateThread, CreateWebhook, EditWebhook,
    ExecuteWebhook, Id, Intents, Permissions, RequestProblem, Webhook,
};
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle};

/// View, send, read history, manage webhooks (threads: @everyone's defaults).
fn webhook_manager() -> Permissions {
    Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::READ_MESSAGE_HISTORY
        | Permissions::MANAGE_WEBHOOKS
}

async fn start(sandbox: bot_sandbox::SandboxBuilder) -> (SandboxHandle, DefaultGuild, Http) {
    let sandbox = sandbox.start().await.expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let role = sandbox
        .add_role(world.guild, "bot", webhook_manager().bits())
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    (sandbox, world, http)
}

/// A webhook named `name` the bot makes in `channel`.
async fn webhook(http: &Http, channel: u64, name: &str) -> Webhook {
    http.create_webhook(Id::new(channel), &CreateWebhook::new(name), None)
        .await
        .expect("a webhook")
}

fn api(error: &HttpError) -> (Option<u16>, Option<u64>) {
    (error.status(), error.code())
}

#[tokio::test]
async fn webhooks_are_read_listed_changed_moved_and_deleted() {
    let (sandbox, world, http) = start(Sandbox::builder()).await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS | Intents::GUILD_WEBHOOKS);
    let (task, mut events) = common::started_with_events(&bot).await;
    let made = webhook(&http, world.channel, "Deploys").await;
    assert!(
        common::next_named(&mut events, "WEBHOOKS_UPDATE")
            .await
            .is_some()
    );
    let token = made.token.clone().expect("an incoming webhook's token");

    // By id with the bot's token, and through the bot and its context.
    let fetched = bot.fetch_webhook(made.id).await.expect("the webhook");
    assert_eq!(fetched.name.as_deref(), Some("Deploys"));
    assert!(
        fetched.user.is_some(),
        "read with the bot's token: who made it"
    );
    let unknown = http.webhook(Id::new(1)).await.unwrap_err();
    assert_eq!(api(&unknown), (Some(404), Some(10015)), "Unknown Webhook");

    // By token: no `user`; another token is 401 / 50027.
    let by_token = http.webhook_with_token(made.id, &token).await.unwrap();
    assert_eq!(by_token.id, made.id);
    assert!(by_token.user.is_none());
    let wrong = http.webhook_with_token(made.id, "nope").await.unwrap_err();
    assert_eq!(
        api(&wrong),
        (Some(401), Some(50027)),
        "Invalid Webhook Token"
    );

    // The guild's webhooks.
    let other = sandbox.add_text_channel(world.guild, "releases").unwrap();
    webhook(&http, other, "Releases").await;
    let guild = Id::new(world.guild);
    let listed = http.guild_webhooks(guild).await.unwrap();
    assert_eq!(listed.len(), 2);

    // Renamed and moved with a reason; WEBHOOKS_UPDATE for both channels.
    let moved = http
        .edit_webhook(
            made.id,
            &EditWebhook::new()
                .name("Deploys v2")
                .channel(Id::new(other)),
            Some("one channel for releases"),
        )
        .await
        .unwrap();
    assert_eq!(moved.channel_id, Some(Id::new(other)));
    assert_eq!(
        sandbox.webhook(made.id.get()).unwrap()["name"],
        "Deploys v2"
    );
    assert!(
        common::next_named(&mut events, "WEBHOOKS_UPDATE")
            .await
            .is_some()
    );
    assert!(
        common::next_named(&mut events, "WEBHOOKS_UPDATE")
            .await
            .is_some()
    );
    assert!(sandbox.audit_reasons().iter().any(|(route, reason)| {
        route == &format!("PATCH /webhooks/{}", made.id) && reason == "one channel for releases"
    }));
    // A name Discord refuses never leaves the SDK; another guild's channel is refused.
    let refused = http
        .edit_webhook(made.id, &EditWebhook::new().name("my clyde"), None)
        .await
        .unwrap_err();
    assert!(matches!(
        refused,
        HttpError::Refused(RequestProblem::NotAllowed { field: "name", .. })
    ));
    let owner = sandbox.add_user("owner");
    let elsewhere = sandbox.add_guild("elsewhere", owner);
    let far = sandbox.add_text_channel(elsewhere, "far").unwrap();
    let far_move = http
        .edit_webhook(made.id, &EditWebhook::new().channel(Id::new(far)), None)
        .await
        .unwrap_err();
    assert_eq!(
        far_move.status(),
        Some(403),
        "the bot cannot manage it there"
    );

    // With the token: renamed, but never moved (refused before sending).
    let renamed = http
        .edit_webhook_with_token(made.id, &token, &EditWebhook::new().name("Hook"))
        .await
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("Hook"));
    assert!(renamed.user.is_none());
    let no_move = http
        .edit_webhook_with_token(
            made.id,
            &token,
            &EditWebhook::new().channel(Id::new(world.channel)),
        )
        .await
        .unwrap_err();
    assert!(matches!(no_move, HttpError::Refused(_)), "{no_move:?}");

    // Pycord's `webhook.edit` and `webhook.delete`, then by token; deleted is unknown.
    let pycord_style = webhook(&http, world.channel, "Pycord").await;
    let edited = pycord_style
        .edit(
            &http,
            &EditWebhook::new().avatar(Some("data:image/png;base64,AAAA".into())),
        )
        .await
        .unwrap();
    assert!(edited.avatar.is_some());
    pycord_style.delete(&http).await.unwrap();
    assert!(sandbox.webhook(pycord_style.id.get()).is_none());
    http.delete_webhook_with_token(made.id, &token)
        .await
        .unwrap();
    let gone = http
        .delete_webhook(made.id, Some("again"))
        .await
        .unwrap_err();
    assert_eq!(api(&gone), (Some(404), Some(10015)));

    // Without MANAGE_WEBHOOKS: 50013 for the bot's token, the token still works.
    let kept = webhook(&http, world.channel, "Kept").await;
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[]));
    let denied = http.webhook(kept.id).await.unwrap_err();
    assert_eq!(api(&denied), (Some(403), Some(50013)));
    let denied = http.guild_webhooks(guild).await.unwrap_err();
    assert_eq!(api(&denied), (Some(403), Some(50013)));
    let kept_token = kept.token.clone().unwrap();
    assert!(http.webhook_with_token(kept.id, &kept_token).await.is_ok());
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn a_webhook_sends_into_a_thread_with_its_name_and_waits_for_the_message() {
    let (sandbox, world, http) = start(Sandbox::builder()).await;
    let bot = common::bot_with_intents(
        &sandbox,
        Intents::GUILDS | Intents::GUILD_MESSAGES | Intents::MESSAGE_CONTENT,
    );
    let (task, mut events) = common::started_with_events(&bot).await;
    let hook = webhook(&http, world.channel, "Deploys").await;
    let thread = http
        .create_thread(
            Id::new(world.channel),
            &CreateThread::new("release 1.2").kind(ChannelType::PublicThread),
            None,
        )
        .await
        .expect("a thread");

    // Pycord's `webhook.send(content, username=, avatar_url=, thread=, wait=True)`.
    let sent = hook
        .send(
            &http,
            ExecuteWebhook::new("deployed")
                .username("CI")
                .avatar_url("https://example.com/ci.png")
                .thread(thread.id)
                .wait(true),
        )
        .await
        .unwrap()
        .expect("waited for: the message");
    assert_eq!(sent.webhook_id, Some(hook.id));
    assert_eq!(&*sent.author.username, "CI");
    assert_eq!(
        sent.author.id.get(),
        hook.id.get(),
        "the author is the webhook"
    );
    assert!(sent.author.bot);
    assert!(sent.author.avatar.is_some(), "the avatar_url's");
    assert_eq!(sent.channel_id, thread.id);
    assert!(sent.member.is_none());
    let stored = sandbox.message(thread.id.get(), sent.id.get()).unwrap();
    assert_eq!(stored["webhook_id"], hook.id.to_string());
    assert!(stored.get("member").is_none());
    match common::next_named(&mut events, "MESSAGE_CREATE").await {
        Some(Event::MessageCreate(created)) => {
            assert_eq!(created.webhook_id, Some(hook.id));
            assert_eq!(created.content, "deployed");
        }
        other => panic!("MESSAGE_CREATE reaches the bot: {other:?}"),
    }

    // Not waited for: nothing answered, the message is there with the webhook's own name.
    let quiet = hook.send(&http, "no wait").await.unwrap();
    assert!(quiet.is_none());
    let last = sandbox.messages(world.channel).last().cloned().unwrap();
    assert_eq!(
        (&last["content"], &last["author"]["username"]),
        (&"no wait".into(), &"Deploys".into())
    );

    // A file goes as multipart.
    let with_file = hook
        .send(
            &http,
            ExecuteWebhook::new(
                CreateMessage::new()
                    .content("the log")
                    .file(AttachmentFile::new("build.log", b"ok".to_vec())),
            )
            .wait(true),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(with_file.attachments.len(), 1);

    // Errors: a thread of another channel, a name Discord refuses, a wrong token, no token.
    let other = sandbox.add_text_channel(world.guild, "other").unwrap();
    let foreign = http
        .create_thread(
            Id::new(other),
            &CreateThread::new("elsewhere").kind(ChannelType::PublicThread),
            None,
        )
        .await
        .unwrap();
    let error = hook
        .send(
            &http,
            ExecuteWebhook::new("x").thread(foreign.id).wait(true),
        )
        .await
        .unwrap_err();
    assert_eq!(api(&error), (Some(404), Some(10003)));
    let error = hook
        .send(&http, ExecuteWebhook::new("x").username("Discord"))
        .await
        .unwrap_err();
    assert!(matches!(error, HttpError::Refused(_)), "{error:?}");
    let error = http
        .execute_webhook(hook.id, "wrong", &ExecuteWebhook::new("x"))
        .await
        .unwrap_err();
    assert_eq!(api(&error), (Some(401), Some(50027)));
    let mut tokenless = hook.clone();
    tokenless.token = None;
    let error = tokenless.send(&http, "x").await.unwrap_err();
    assert!(matches!(error, HttpError::Refused(_)), "{error:?}");
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn a_webhooks_messages_are_fetched_edited_and_deleted() {
    let (sandbox, world, http) = start(Sandbox::builder()).await;
    let hook = webhook(&http, world.channel, "Deploys").await;
    let token = hook.token.clone().unwrap();
    let thread = http
        .create_thread(
            Id::new(world.channel),
            &CreateThread::new("t").kind(ChannelType::PublicThread),
            None,
        )
        .await
        .unwrap();
    let sent = hook
        .send(
            &http,
            ExecuteWebhook::new("v1").thread(thread.id).wait(true),
        )
        .await
        .unwrap()
        .unwrap();

    let fetched = hook
        .fetch_message(&http, sent.id, Some(thread.id))
        .await
        .unwrap();
    assert_eq!(fetched.content, "v1");
    // In a thread, the message is found only with its thread.
    let missing = hook.fetch_message(&http, sent.id, None).await.unwrap_err();
    assert_eq!(api(&missing), (Some(404), Some(10008)));
    let edited = hook
        .edit_message(&http, sent.id, Some(thread.id), "v2")
        .await
        .unwrap();
    assert_eq!(edited.content, "v2");
    assert!(edited.edited_timestamp.is_some());
    assert_eq!(
        sandbox.message(thread.id.get(), sent.id.get()).unwrap()["content"],
        "v2"
    );
    // The bot's own message is not the webhook's.
    let own = http
        .create_message(Id::new(world.channel), &CreateMessage::new().content("bot"))
        .await
        .unwrap();
    let not_its = http
        .webhook_message(hook.id, &token, own.id, None)
        .await
        .unwrap_err();
    assert_eq!(api(&not_its), (Some(404), Some(10008)));
    hook.delete_message(&http, sent.id, Some(thread.id))
        .await
        .unwrap();
    assert!(sandbox.message(thread.id.get(), sent.id.get()).is_none());
    let again = http
        .delete_webhook_message(hook.id, &token, sent.id, Some(thread.id))
        .await
        .unwrap_err();
    assert_eq!(api(&again), (Some(404), Some(10008)));
}

#[tokio::test]
async fn a_webhook_starts_forum_posts_by_name() {
    let (sandbox, world, http) = start(Sandbox::builder()).await;
    let forum = sandbox
        .add_channel(world.guild, "announcements", 15)
        .unwrap();
    let hook = webhook(&http, forum, "Poster").await;
    let post = hook
        .send(
            &http,
            ExecuteWebhook::new("Release 1.2 is out")
                .thread_name("Release 1.2")
                .wait(true),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        post.channel_id.get(),
        post.id.get(),
        "the starter message's id is the post's"
    );
    let channel = http.channel(post.channel_id).await.unwrap();
    assert_eq!(channel.name.as_deref(), Some("Release 1.2"));
    assert_eq!(channel.parent_id, Some(Id::new(forum)));
    let error = hook.send(&http, "no post").await.unwrap_err();
    assert_eq!(api(&error), (Some(400), Some(220001)));
    let plain = webhook(&http, world.channel, "Plain").await;
    let error = plain
        .send(&http, ExecuteWebhook::new("x").thread_name("post"))
        .await
        .unwrap_err();
    assert_eq!(api(&error), (Some(400), Some(220003)));
}

/// The webhook's token is in the paths of its routes: the SDK's logs (a retried request) and
/// the sandbox's traffic log name the route with the token replaced.
#[tokio::test]
async fn a_webhooks_token_stays_out_of_the_logs() {
    let (logs, _guard) = common::capture_logs();
    let (_sandbox, world, http) = start(Sandbox::builder().log_traffic(true)).await;
    let hook = webhook(&http, world.channel, "Secretive").await;
    let token = hook.token.clone().unwrap();
    hook.send(&http, ExecuteWebhook::new("hello").wait(true))
        .await
        .unwrap();
    http.webhook_with_token(hook.id, &token).await.unwrap();
    // A server that closes every connection: the idempotent GET is retried with warnings.
    let closing = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = closing.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((socket, _)) = closing.accept().await {
            drop(socket);
        }
    });
    let failing = Http::new(format!("http://{addr}/api/v10"), Token::new("a.b.c"));
    let error = failing
        .webhook_message(hook.id, &token, Id::new(5), None)
        .await
        .unwrap_err();
    for shown in [error.to_string(), format!("{error:?}"), format!("{hook:?}")] {
        assert!(!shown.contains(&*token), "{shown}");
    }
    let text = logs.text();
    assert!(text.contains("retrying"), "the retries were logged: {text}");
    assert!(
        text.contains(&format!("/webhooks/{}/[redacted]", hook.id)),
        "the sandbox logged the route: {text}"
    );
    assert!(!text.contains(&*token), "the token is in the logs:\n{text}");
}

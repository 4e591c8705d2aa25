//! The other channel calls of `Http` against the sandbox: invites, webhooks, following an
//! announcement channel, poll voters and ending a poll, voice-channel status and soundboard
//! sounds, group-DM recipients. Each on its success path and an error path, with the gateway events a bot holding
//! the right intents receives.

mod common;

use bot_core::http::{Http, HttpError, Token};
use bot_core::model::{CreateInvite, CreateMessage, CreatePoll, CreateWebhook, Id, Intents};
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle, Timings};
use futures_util::TryStreamExt;
use std::time::Duration;

/// View, send, read history; create invites, manage channels, manage webhooks; speak, the
/// soundboard, the voice-channel status.
const BOT_PERMISSIONS: u64 = 1
    | (1 << 4)
    | (1 << 10)
    | (1 << 11)
    | (1 << 16)
    | (1 << 20)
    | (1 << 21)
    | (1 << 29)
    | (1 << 42)
    | (1 << 48);

async fn start() -> (SandboxHandle, DefaultGuild, Http) {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            message_create_window: Duration::ZERO,
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
async fn invites_are_created_listed_and_announced() {
    let (sandbox, world, http) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS | Intents::GUILD_INVITES);
    let (task, mut events) = common::started_with_events(&bot).await;
    let channel = Id::new(world.channel);
    let invite = http
        .create_channel_invite(
            channel,
            &CreateInvite::new().max_age(3600).max_uses(5),
            Some("for friends"),
        )
        .await
        .expect("an invite");
    assert_eq!(invite.code.len(), 8);
    assert_eq!(invite.max_uses, Some(5));
    assert_eq!(invite.max_age, Some(3600));
    assert!(invite.expires_at.is_some());
    assert_eq!(
        invite.channel.as_ref().map(|c| c.id.get()),
        Some(world.channel)
    );
    assert!(
        common::next_named(&mut events, "INVITE_CREATE")
            .await
            .is_some(),
        "INVITE_CREATE reaches a bot with GUILD_INVITES"
    );
    // Without `unique`, the same settings give the same invite again, and no event.
    let again = http
        .create_channel_invite(
            channel,
            &CreateInvite::new().max_age(3600).max_uses(5),
            None,
        )
        .await
        .expect("the same invite");
    assert_eq!(again.code, invite.code);
    let unique = http
        .create_channel_invite(channel, &CreateInvite::new().max_age(0).unique(true), None)
        .await
        .expect("a new invite");
    assert_ne!(unique.code, invite.code);
    assert_eq!(unique.expires_at, None, "max_age 0 never expires");
    let listed = http.channel_invites(channel).await.expect("the invites");
    let codes: Vec<&str> = listed.iter().map(|i| &*i.code).collect();
    assert_eq!(codes, [&*invite.code, &*unique.code]);
    assert_eq!(sandbox.channel_invites(world.channel).len(), 2);
    assert!(
        sandbox
            .audit_reasons()
            .iter()
            .any(|(route, reason)| route.ends_with("/invites") && reason == "for friends")
    );
    // A limit refused before sending, a missing permission, an unknown channel.
    let too_many = http
        .create_channel_invite(channel, &CreateInvite::new().max_uses(101), None)
        .await
        .expect_err("more than 100 uses");
    assert!(matches!(too_many, HttpError::Refused(_)), "{too_many:?}");
    sandbox.set_overwrite(world.channel, sandbox.bot_user_id(), 1, 0, 1 | (1 << 4));
    let refused = http
        .create_channel_invite(channel, &CreateInvite::new(), None)
        .await
        .expect_err("without CREATE_INSTANT_INVITE");
    assert_eq!(code(&refused), Some(50013));
    let refused = http
        .channel_invites(channel)
        .await
        .expect_err("without MANAGE_CHANNELS");
    assert_eq!(code(&refused), Some(50013));
    let unknown = http
        .create_channel_invite(Id::new(1), &CreateInvite::new(), None)
        .await
        .expect_err("an unknown channel");
    assert_eq!(code(&unknown), Some(10003));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn webhooks_are_created_listed_and_followed() {
    let (sandbox, world, http) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS | Intents::GUILD_WEBHOOKS);
    let (task, mut events) = common::started_with_events(&bot).await;
    let channel = Id::new(world.channel);
    let webhook = http
        .create_webhook(channel, &CreateWebhook::new("Deploys"), Some("ci"))
        .await
        .expect("a webhook");
    assert_eq!(webhook.name.as_deref(), Some("Deploys"));
    assert_eq!(webhook.channel_id, Some(channel));
    assert_eq!(webhook.guild_id.map(Id::get), Some(world.guild));
    assert!(webhook.token.is_some(), "an incoming webhook has a token");
    assert_eq!(
        webhook.user.as_ref().map(|u| u.id.get()),
        Some(sandbox.bot_user_id())
    );
    assert!(
        common::next_named(&mut events, "WEBHOOKS_UPDATE")
            .await
            .is_some()
    );
    let listed = http.channel_webhooks(channel).await.expect("the webhooks");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, webhook.id);

    // Following an announcement channel makes a follower webhook (type 2) in the target.
    let news = sandbox
        .create_channel(world.guild, "news", 5)
        .expect("an announcement channel");
    let followed = http
        .follow_announcement_channel(Id::new(news), channel, None)
        .await
        .expect("followed");
    assert_eq!(followed.channel_id.get(), news);
    let hooks = sandbox.channel_webhooks(world.channel);
    let follower = hooks
        .iter()
        .find(|w| w["id"].as_str().and_then(|s| s.parse().ok()) == Some(followed.webhook_id.get()))
        .expect("the follower webhook");
    assert_eq!(follower["type"], 2);
    assert_eq!(follower["source_channel"]["id"], news.to_string());
    assert!(
        common::next_named(&mut events, "WEBHOOKS_UPDATE")
            .await
            .is_some()
    );
    let not_news = http
        .follow_announcement_channel(channel, channel, None)
        .await
        .expect_err("a text channel cannot be followed");
    assert_eq!(code(&not_news), Some(50024));

    // A name refused before sending, a missing permission, an unknown channel.
    let bad = http
        .create_webhook(channel, &CreateWebhook::new("my clyde"), None)
        .await
        .expect_err("a reserved name");
    assert!(matches!(bad, HttpError::Refused(_)), "{bad:?}");
    let unknown = http
        .channel_webhooks(Id::new(1))
        .await
        .expect_err("unknown");
    assert_eq!(code(&unknown), Some(10003));
    sandbox.set_overwrite(world.channel, sandbox.bot_user_id(), 1, 0, 1 << 29);
    let refused = http
        .create_webhook(channel, &CreateWebhook::new("Deploys"), None)
        .await
        .expect_err("without MANAGE_WEBHOOKS");
    assert_eq!(code(&refused), Some(50013));
    let refused = http
        .channel_webhooks(channel)
        .await
        .expect_err("listing too");
    assert_eq!(code(&refused), Some(50013));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn polls_keep_their_votes_and_end() {
    let (sandbox, world, http) = start().await;
    let intents = Intents::GUILDS | Intents::GUILD_MESSAGES | Intents::GUILD_MESSAGE_POLLS;
    let bot = common::bot_with_intents(&sandbox, intents);
    let (task, mut events) = common::started_with_events(&bot).await;
    let channel = Id::new(world.channel);
    let message = http
        .create_message(
            channel,
            &CreateMessage::new().poll(CreatePoll::new("Tea?").answer("yes").answer("no")),
        )
        .await
        .expect("a poll");
    // A poll Discord refuses, sent raw: 50035.
    let refused = http
        .request(
            bot_core::http::Method::POST,
            &format!("/channels/{}/messages", world.channel),
            bot_core::http::Body::Json(serde_json::json!({
                "poll": {"question": {"text": "Empty?"}, "answers": []}
            })),
        )
        .await
        .expect_err("a poll without answers");
    assert_eq!(code(&refused), Some(50035));
    let poll = message.poll.as_ref().expect("the poll is kept");
    assert_eq!(poll.answers.len(), 2);
    let id = message.id.get();
    let users: Vec<u64> = (0..3)
        .map(|n| {
            let user = sandbox.add_user(&format!("voter{n}"));
            assert!(sandbox.add_member(world.guild, user, &[]));
            user
        })
        .collect();
    for user in &users {
        assert!(sandbox.vote_poll(*user, world.channel, id, 1));
    }
    assert!(sandbox.vote_poll(world.member, world.channel, id, 2));
    assert!(
        common::next_named(&mut events, "MESSAGE_POLL_VOTE_ADD")
            .await
            .is_some(),
        "MESSAGE_POLL_VOTE_ADD reaches a bot with GUILD_MESSAGE_POLLS"
    );
    assert!(sandbox.unvote_poll(users[2], world.channel, id, 1));
    assert!(
        common::next_named(&mut events, "MESSAGE_POLL_VOTE_REMOVE")
            .await
            .is_some()
    );
    assert!(
        !sandbox.vote_poll(users[0], world.channel, id, 7),
        "no answer 7"
    );

    // Voters, paged by `after`.
    let voters: Vec<u64> = http
        .poll_answer_voters(channel, message.id, 1, None)
        .map_ok(|u| u.id.get())
        .try_collect()
        .await
        .expect("the voters");
    assert_eq!(voters, users[..2]);
    let first: Vec<u64> = http
        .poll_answer_voters(channel, message.id, 1, Some(1))
        .map_ok(|u| u.id.get())
        .try_collect()
        .await
        .expect("one voter");
    assert_eq!(first, users[..1]);
    let unknown = http
        .poll_answer_voters(channel, Id::new(1), 1, None)
        .try_collect::<Vec<_>>()
        .await
        .expect_err("an unknown message");
    assert_eq!(code(&unknown), Some(10008));

    // Ending it: MESSAGE_UPDATE with the results finalized; only the bot's own poll.
    let ended = http.end_poll(channel, message.id).await.expect("ended");
    let results = ended
        .poll
        .as_ref()
        .and_then(|p| p.results.clone())
        .expect("results");
    assert!(results.is_finalized);
    assert!(
        common::next_named(&mut events, "MESSAGE_UPDATE")
            .await
            .is_some()
    );
    assert!(
        !sandbox.vote_poll(users[2], world.channel, id, 1),
        "an ended poll"
    );
    let seeded = sandbox.seed_messages(world.channel, world.member, 1, "not mine");
    let refused = http
        .end_poll(channel, Id::new(seeded[0]))
        .await
        .expect_err("another user's message");
    assert_eq!(code(&refused), Some(50005));
    let plain = http
        .create_message(channel, &CreateMessage::new().content("no poll"))
        .await
        .expect("a message");
    let refused = http.end_poll(channel, plain.id).await.expect_err("no poll");
    assert_eq!(code(&refused), Some(520006));
    // A deleted poll message takes its votes with it.
    http.delete_message(channel, message.id, None)
        .await
        .expect("deleted");
    let gone = http
        .poll_answer_voters(channel, message.id, 1, None)
        .try_collect::<Vec<_>>()
        .await
        .expect_err("a deleted message");
    assert_eq!(code(&gone), Some(10008));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn voice_status_and_soundboard_sounds() {
    let (sandbox, world, http) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS | Intents::GUILD_VOICE_STATES);
    let (task, mut events) = common::started_with_events(&bot).await;
    let voice = sandbox
        .create_channel(world.guild, "lounge", 2)
        .expect("a voice channel");
    let channel = Id::new(voice);
    http.set_voice_status(channel, Some("playing chess"), None)
        .await
        .expect("a status");
    assert_eq!(
        sandbox.voice_status(voice).as_deref(),
        Some("playing chess")
    );
    assert!(
        common::next_named(&mut events, "VOICE_CHANNEL_STATUS_UPDATE")
            .await
            .is_some()
    );
    http.set_voice_status(channel, None, None)
        .await
        .expect("cleared");
    assert_eq!(sandbox.voice_status(voice), None);
    let long = "x".repeat(501);
    let too_long = http
        .set_voice_status(channel, Some(&long), None)
        .await
        .expect_err("refused before sending");
    assert!(matches!(too_long, HttpError::Refused(_)), "{too_long:?}");
    let text = http
        .set_voice_status(Id::new(world.channel), Some("x"), None)
        .await
        .expect_err("a text channel");
    assert_eq!(code(&text), Some(50024));

    // A sound needs the bot in the channel.
    let sound = Id::new(42);
    let refused = http
        .send_soundboard_sound(channel, sound, None)
        .await
        .expect_err("the bot is not connected");
    assert_eq!(code(&refused), Some(40032));
    assert!(sandbox.join_voice(world.guild, sandbox.bot_user_id(), voice));
    http.send_soundboard_sound(channel, sound, None)
        .await
        .expect("played");
    assert!(
        common::next_named(&mut events, "VOICE_CHANNEL_EFFECT_SEND")
            .await
            .is_some()
    );
    sandbox.set_overwrite(voice, sandbox.bot_user_id(), 1, 0, 1 << 42);
    let refused = http
        .send_soundboard_sound(channel, sound, None)
        .await
        .expect_err("without USE_SOUNDBOARD");
    assert_eq!(code(&refused), Some(50013));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn group_dm_recipients_are_added_with_their_grant_and_removed() {
    let (sandbox, world, http) = start().await;
    let carol = sandbox.add_user("carol");
    let group = sandbox.add_group_dm(&[world.member]).expect("a group DM");
    let channel = Id::new(group);
    let fetched = http.channel(channel).await.expect("the group DM");
    assert_eq!(fetched.kind, bot_core::model::ChannelType::GroupDm);

    let token = sandbox.grant_gdm_join(carol);
    let added = http
        .add_group_dm_recipient(channel, Id::new(carol), &token, Some("Caro"))
        .await
        .expect("added");
    assert!(added.is_some(), "201 with the group");
    assert_eq!(sandbox.group_dm_recipients(group), [world.member, carol]);
    let again = http
        .add_group_dm_recipient(channel, Id::new(carol), &token, None)
        .await
        .expect("already in");
    assert!(again.is_none(), "204 when already in it");

    // Another user's token, a channel that is no group DM, an unknown channel.
    let other = sandbox.grant_gdm_join(world.owner);
    let refused = http
        .add_group_dm_recipient(channel, Id::new(carol), &other, None)
        .await
        .expect_err("not carol's token");
    assert_eq!(code(&refused), Some(50025));
    let refused = http
        .add_group_dm_recipient(Id::new(world.channel), Id::new(carol), &token, None)
        .await
        .expect_err("a guild channel");
    assert_eq!(code(&refused), Some(50024));
    let refused = http
        .remove_group_dm_recipient(Id::new(1), Id::new(carol))
        .await
        .expect_err("an unknown channel");
    assert_eq!(code(&refused), Some(10003));

    http.remove_group_dm_recipient(channel, Id::new(carol))
        .await
        .expect("removed");
    assert_eq!(sandbox.group_dm_recipients(group), [world.member]);
    let refused = http
        .remove_group_dm_recipient(channel, Id::new(carol))
        .await
        .expect_err("no longer in it");
    assert_eq!(code(&refused), Some(10013));
    // The bot closes its group DM.
    http.delete_channel(channel, None).await.expect("closed");
    let gone = http.channel(channel).await.expect_err("closed");
    assert_eq!(code(&gone), Some(10003));
}

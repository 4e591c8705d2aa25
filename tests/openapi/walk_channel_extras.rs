//! The walk of the other channel routes: invites, webhooks, following an announcement channel,
//! poll voters and ending a poll, voice-channel status and soundboard sounds, group-DM
//! recipients; every typed call
//! once through the proxy, so that its requests and the sandbox's answers are validated.

use bot_core::http::Http;
use bot_core::model::{CreateInvite, CreateMessage, CreatePoll, CreateWebhook, Id};
use bot_sandbox::{DefaultGuild, SandboxHandle};
use futures_util::TryStreamExt;

/// What the bot may do here: view, send, read history, create invites, manage channels and
/// webhooks, speak, the soundboard, the voice-channel status.
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

/// Calls every channel-extras route through `http` (the SDK, through the proxy).
pub async fn channel_extras(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let role = sandbox
        .add_role(world.guild, "extras", BOT_PERMISSIONS)
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let text = sandbox
        .add_text_channel(world.guild, "extras")
        .expect("the guild");
    let channel = Id::new(text);

    http.create_channel_invite(channel, &CreateInvite::new().max_age(600), Some("walk"))
        .await
        .expect("an invite");
    let invites = http.channel_invites(channel).await.expect("invites");
    assert_eq!(invites.len(), 1);

    http.create_webhook(channel, &CreateWebhook::new("Walker"), None)
        .await
        .expect("a webhook");
    let news = sandbox
        .add_channel(world.guild, "extras-news", 5)
        .expect("the guild");
    http.follow_announcement_channel(Id::new(news), channel, None)
        .await
        .expect("followed");
    let webhooks = http.channel_webhooks(channel).await.expect("webhooks");
    assert_eq!(webhooks.len(), 2);

    let poll = http
        .create_message(
            channel,
            &CreateMessage::new().poll(CreatePoll::new("Walk on?").answer("yes").answer("no")),
        )
        .await
        .expect("a poll");
    assert!(sandbox.vote_poll(world.member, text, poll.id.get(), 1));
    let voters: Vec<_> = http
        .poll_answer_voters(channel, poll.id, 1, None)
        .try_collect()
        .await
        .expect("voters");
    assert_eq!(voters.len(), 1);
    http.end_poll(channel, poll.id).await.expect("ended");

    let voice = sandbox
        .add_channel(world.guild, "extras-voice", 2)
        .expect("the guild");
    http.set_voice_status(Id::new(voice), Some("walking"), None)
        .await
        .expect("a status");
    assert!(sandbox.join_voice(world.guild, sandbox.bot_user_id(), voice));
    http.send_soundboard_sound(Id::new(voice), Id::new(1), None)
        .await
        .expect("a sound");

    let group = sandbox.add_group_dm(&[world.member]).expect("a group DM");
    let carol = sandbox.add_user("carol");
    let token = sandbox.grant_gdm_join(carol);
    let added = http
        .add_group_dm_recipient(Id::new(group), Id::new(carol), &token, Some("Caro"))
        .await
        .expect("added");
    assert!(added.is_some());
    http.remove_group_dm_recipient(Id::new(group), Id::new(carol))
        .await
        .expect("removed");
}

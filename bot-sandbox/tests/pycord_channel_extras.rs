//! An unmodified py-cord bot (PyPI `py-cord` 2.8, `tests/pycord/channel_extras_bot.py`) makes
//! an invite and a webhook in a channel and lists them (`create_invite`, `invites`,
//! `create_webhook`, `webhooks`), sets a voice channel's status and sends a poll; a user votes,
//! py-cord reads the answer's voters and ends the poll. Each step is checked in the sandbox's
//! world, and the events it emits (INVITE_CREATE, WEBHOOKS_UPDATE, MESSAGE_POLL_VOTE_ADD) reach
//! py-cord's handlers.

mod pycord_support;

use bot_sandbox::Sandbox;
use pycord_support::{PyBot, python_or_skip};

/// VIEW_CHANNEL, SEND_MESSAGES, READ_MESSAGE_HISTORY, CREATE_INSTANT_INVITE, MANAGE_CHANNELS,
/// MANAGE_WEBHOOKS, SET_VOICE_CHANNEL_STATUS.
const BOT_PERMISSIONS: u64 =
    (1 << 10) | (1 << 11) | (1 << 16) | 1 | (1 << 4) | (1 << 29) | (1 << 48);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_makes_invites_webhooks_a_voice_status_and_a_poll() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let g = world.guild;
    let role = sandbox.add_role(g, "extras", BOT_PERMISSIONS).unwrap();
    assert!(sandbox.add_member(g, sandbox.bot_user_id(), &[role]));
    let extras = sandbox.add_text_channel(g, "extras").unwrap();
    let lounge = sandbox.add_channel(g, "lounge", 2).unwrap();

    let mut bot = PyBot::start(&python, "channel_extras_bot.py", &sandbox, g);
    bot.expect(&[
        "INVITE 3600 3 8",
        "EVENT_INVITE 3",
        "INVITES same",
        "WEBHOOK Deploys incoming True",
        "EVENT_WEBHOOKS extras",
        "WEBHOOKS Deploys",
        "STATUS",
    ]);
    let poll: u64 = bot.line_after("POLL ").parse().expect("the poll's id");

    let invites = sandbox.channel_invites(extras);
    assert_eq!(invites.len(), 1);
    assert_eq!(invites[0]["max_uses"], 3);
    assert_eq!(
        invites[0]["inviter"]["id"],
        sandbox.bot_user_id().to_string()
    );
    let webhooks = sandbox.channel_webhooks(extras);
    assert_eq!(webhooks.len(), 1);
    assert_eq!(
        (&webhooks[0]["name"], &webhooks[0]["type"]),
        (&"Deploys".into(), &1.into())
    );
    assert_eq!(sandbox.voice_status(lounge).as_deref(), Some("chess night"));
    assert!(
        sandbox
            .audit_reasons()
            .iter()
            .any(|(route, reason)| route.ends_with("/invites") && reason == "for friends")
    );
    let message = sandbox.message(extras, poll).expect("the poll message");
    assert_eq!(message["poll"]["question"]["text"], "Tea?");

    assert!(sandbox.vote_poll(world.member, extras, poll, 2));
    bot.expect(&["VOTE 2", "VOTERS bob", "ENDED True"]);
    let message = sandbox.message(extras, poll).expect("the poll message");
    assert_eq!(message["poll"]["results"]["is_finalized"], true);
    assert_eq!(message["poll"]["results"]["answer_counts"][0]["id"], 2);
}

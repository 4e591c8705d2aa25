//! An unmodified py-cord bot (PyPI `py-cord` 2.8, `tests/pycord/members_bot.py`) with the
//! members, voice-states and guilds intents and its member cache follows a guild as the test
//! changes it, by script and over REST: members join, change and leave (on_member_join,
//! on_member_update, on_user_update, on_member_remove), roles and channels come and go
//! (on_guild_role_create/update/delete, on_guild_channel_create/delete), members move through
//! voice channels (on_voice_state_update, and the voice states of GUILD_CREATE in its cache). The
//! bot answers some events with REST calls of its own (a nickname and a role for a newcomer, a
//! kick, a role rename, a channel, a server mute), whose effects come back to it as events, and
//! estimates a prune of the members the test made inactive.

mod common;
mod pycord_support;
mod support;

use bot_sandbox::{MemberUpdate, ProfileUpdate, RoleUpdate, Sandbox};
use pycord_support::{PyBot, python_or_skip};
use reqwest::Method;
use serde_json::json;
use std::time::Duration;
use support::Rest;

/// Every moderation permission the bot's REST answers need, and VIEW_CHANNEL, CONNECT.
const BOT_PERMISSIONS: u64 = (1 << 1) // KICK_MEMBERS
    | (1 << 2) // BAN_MEMBERS
    | (1 << 4) // MANAGE_CHANNELS
    | (1 << 5) // MANAGE_GUILD (a prune estimate)
    | (1 << 10) // VIEW_CHANNEL
    | (1 << 20) // CONNECT
    | (1 << 22) // MUTE_MEMBERS
    | (1 << 26) // CHANGE_NICKNAME
    | (1 << 27) // MANAGE_NICKNAMES
    | (1 << 28) // MANAGE_ROLES
    | (1 << 40); // MODERATE_MEMBERS

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_follows_members_roles_channels_and_voice() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let (g, alice, bob) = (world.guild, world.owner, world.member);
    let bot_role = sandbox.add_role(g, "moderation", BOT_PERMISSIONS).unwrap();
    assert!(sandbox.add_member(g, sandbox.bot_user_id(), &[bot_role]));
    let hall = sandbox.add_channel(g, "hall", 2).unwrap();
    assert!(
        sandbox.join_voice(g, bob, hall),
        "in voice before the bot connects"
    );
    let rest = Rest::new(&sandbox);

    let mut bot = PyBot::start(&python, "members_bot.py", &sandbox, g);
    tokio::task::block_in_place(|| {
        bot.wait_for_lines(&["READY 3 bob@hall"], Duration::from_secs(60))
    });
    // Its own nickname (PATCH /guilds/{guild}/members/@me) comes back as its member update.
    bot.expect(&["NICK SandboxBot None Moderator"]);

    // A member joins: py-cord's own PATCH (nickname) and PUT (role) come back as updates.
    let carol = sandbox.add_user("carol");
    assert!(sandbox.join_member(g, carol, &[]));
    bot.expect(&[
        "JOIN carol",
        "NICK carol None carol!",
        "ROLES carol moderators",
    ]);
    // A scripted nickname, and py-cord's kick (DELETE) in answer.
    assert!(sandbox.update_member(g, carol, MemberUpdate::default().nick(Some("kickme"))));
    bot.expect(&["NICK carol carol! kickme", "REMOVE carol"]);
    assert_eq!(sandbox.member(g, carol), None, "kicked");
    // py-cord's timeout (PATCH communication_disabled_until) and ban (PUT), in answer to
    // scripted nicknames.
    let dave = sandbox.add_user("dave");
    assert!(sandbox.join_member(g, dave, &[]));
    bot.expect(&["JOIN dave", "NICK dave None dave!"]);
    assert!(sandbox.update_member(g, dave, MemberUpdate::default().nick(Some("timeme"))));
    bot.expect(&["NICK dave dave! timeme", "TIMEOUT dave True"]);
    let timed = sandbox.member(g, dave).expect("still a member");
    assert!(timed["communication_disabled_until"].is_string(), "{timed}");
    assert!(sandbox.update_member(g, dave, MemberUpdate::default().nick(Some("banme"))));
    bot.expect(&["NICK dave timeme banme", "REMOVE dave", "BAN dave"]);
    assert_eq!(sandbox.member(g, dave), None, "banned");
    let reasons = sandbox.audit_reasons();
    assert!(
        reasons
            .iter()
            .any(|(route, reason)| route.starts_with("PUT /guilds/")
                && route.contains("/bans/")
                && reason == "asked for a ban"),
        "{reasons:?}"
    );
    // A nickname over REST, and a profile change (GUILD_MEMBER_UPDATE with the new user).
    let (status, body) = rest
        .send(
            Method::PATCH,
            &format!("/guilds/{g}/members/{bob}"),
            Some(json!({"nick": "bobby"})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(sandbox.update_profile(bob, ProfileUpdate::default().global_name(Some("Bob B."))));
    bot.expect(&["NICK bob None bobby", "USER None Bob B."]);

    // A role: created by script, renamed by py-cord (PATCH), deleted over REST.
    let helpers = sandbox
        .create_role(g, RoleUpdate::default().name("helpers"))
        .unwrap();
    bot.expect(&["ROLE_CREATE helpers", "ROLE_UPDATE helpers helpers! True"]);
    let (status, _) = rest
        .send(
            Method::DELETE,
            &format!("/guilds/{g}/roles/{helpers}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    bot.expect(&["ROLE_DELETE helpers!"]);

    // A voice channel by script; py-cord answers with a text channel (POST, 201).
    let lounge = sandbox.create_channel(g, "lounge", 2).unwrap();
    bot.expect(&[
        "CHANNEL_CREATE lounge voice",
        "CHANNEL_CREATE lounge-chat text",
    ]);
    let (_, channels) = rest.get(&format!("/guilds/{g}/channels")).await;
    let chat = channels
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "lounge-chat")
        .expect("py-cord created it");
    assert_eq!(chat["topic"], "about the lounge");

    // Voice: alice joins (py-cord server-mutes her: PATCH), mutes herself; bob moves over; the
    // lounge is deleted with both in it.
    assert!(sandbox.join_voice(g, alice, lounge));
    bot.expect(&[
        "VOICE alice None lounge mute=False self_mute=False",
        "VOICE alice lounge lounge mute=True self_mute=False",
    ]);
    assert!(sandbox.set_voice_self(g, alice, true, false, false));
    bot.expect(&["VOICE alice lounge lounge mute=True self_mute=True"]);
    assert!(sandbox.join_voice(g, bob, lounge));
    bot.expect(&["VOICE bob hall lounge mute=False self_mute=False"]);
    let (status, _) = rest
        .send(Method::DELETE, &format!("/channels/{lounge}"), None)
        .await;
    assert_eq!(status, 200);
    bot.expect(&[
        "VOICE alice lounge None mute=True self_mute=True",
        "VOICE bob lounge None mute=False self_mute=False",
        "CHANNEL_DELETE lounge",
    ]);
    assert_eq!(sandbox.voice_states(g), Vec::<serde_json::Value>::new());

    // A prune estimate (GET /guilds/{id}/prune, `include_roles`): erin, idle with no role;
    // frank, idle in the "idle crew"; bob, active.
    let crew = sandbox
        .create_role(g, RoleUpdate::default().name("idle crew"))
        .unwrap();
    bot.expect(&["ROLE_CREATE idle crew"]);
    let (erin, frank) = (sandbox.add_user("erin"), sandbox.add_user("frank"));
    assert!(sandbox.add_member(g, erin, &[]));
    assert!(sandbox.add_member(g, frank, &[crew]));
    for idle in [erin, frank] {
        assert!(sandbox.set_inactive_days(g, idle, Some(10)));
    }
    sandbox
        .create_role(g, RoleUpdate::default().name("estimate"))
        .unwrap();
    bot.expect(&["ROLE_CREATE estimate", "PRUNE_ESTIMATE 1 2"]);
}

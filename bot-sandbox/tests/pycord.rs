//! An unmodified py-cord bot (PyPI `py-cord` 2.8) runs against the sandbox: it logs in, syncs a
//! slash command, a scripted user invokes it, and py-cord's reply arrives. A second start against
//! the same world makes zero command writes: py-cord's own diff finds the commands as it left
//! them, with Discord's defaults. A second bot's commands carry py-cord's built-in checks, which
//! pass and fail in guilds and in DMs from what the sandbox sends. A third reads a channel's
//! history, sends, reacts, pins, opens a thread, replies, edits and sends a DM, each checked in
//! the sandbox's world. A fourth is an `AutoShardedBot` of 4 shards.
//!
//! Python comes from `PYCORD_PYTHON`, else `.venv-pycord/bin/python` at the workspace root (made
//! by `.ci/run`). With `CI=true` a missing interpreter fails the test; elsewhere it skips with a
//! printed reason.

mod pycord_support;

use bot_sandbox::{Sandbox, SandboxHandle, TeamRole};
use pycord_support::{PyBot as Bot, python_or_skip};
use serde_json::{Value, json};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_logs_in_syncs_answers_and_does_not_rewrite_on_restart() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();

    let mut bot = Bot::start(&python, "ping_bot.py", &sandbox, world.guild);
    tokio::task::block_in_place(|| bot.wait_for_line("SYNCED", Duration::from_secs(60)));
    let commands = sandbox.commands(Some(world.guild));
    assert_eq!(commands.len(), 1, "{commands:?}");
    assert_eq!(commands[0]["name"], "ping");
    let writes_after_first_start = sandbox.command_writes();
    assert_eq!(
        writes_after_first_start, 1,
        "the first start registers with one bulk PUT"
    );

    let mut invocation = sandbox
        .user(world.member)
        .slash(world.channel, "ping", json!({"number": 21}))
        .await
        .expect("the command py-cord registered accepts the option");
    let response = invocation
        .response()
        .await
        .expect("py-cord answers in time");
    assert_eq!(response.kind, 4);
    assert_eq!(response.content(), Some("pong 42"));
    drop(bot);

    let mut bot = Bot::start(&python, "ping_bot.py", &sandbox, world.guild);
    tokio::task::block_in_place(|| bot.wait_for_line("SYNCED", Duration::from_secs(60)));
    assert_eq!(
        sandbox.command_writes(),
        writes_after_first_start,
        "py-cord's diff finds nothing to write on the second start"
    );
    let mut again = sandbox
        .user(world.owner)
        .slash(world.channel, "ping", json!({"number": 5}))
        .await
        .unwrap();
    assert_eq!(again.response().await.unwrap().content(), Some("pong 10"));
}

/// What py-cord's bot answered to `user` invoking `command` in `channel` (`None`: their DM).
async fn answer(sandbox: &SandboxHandle, user: u64, channel: Option<u64>, command: &str) -> String {
    let scripted = sandbox.user(user);
    let invoked = match channel {
        Some(channel) => scripted.slash(channel, command, json!({})).await,
        None => scripted.slash_in_dm(command, json!({})).await,
    };
    let mut invocation = invoked.unwrap_or_else(|e| panic!("/{command}: {e}"));
    let response = invocation
        .response()
        .await
        .unwrap_or_else(|e| panic!("/{command}: {e}"));
    response.content().unwrap_or_default().to_owned()
}

// py-cord's built-in checks (`discord.ext.commands`: is_owner, guild_only, dm_only,
// has_permissions, bot_has_permissions, has_role, has_any_role, is_nsfw) decide from what the
// sandbox sends: the application's team, the interaction's place, roles and permissions, the
// bot's `app_permissions`, and channels' `nsfw` from GUILD_CREATE and CHANNEL_UPDATE.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_checks_decide_from_what_the_sandbox_sends() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let (alice, bob, general, moderators) = (world.owner, world.member, world.channel, world.role);
    let carol = sandbox.add_user("carol");
    let admins = sandbox.add_role(world.guild, "admins", 1 << 3).unwrap();
    assert!(sandbox.add_member(world.guild, carol, &[admins]));
    let lounge = sandbox.add_nsfw_channel(world.guild, "lounge").unwrap();
    sandbox.set_team("Sandbox Devs", alice, &[bob]).unwrap();
    assert!(sandbox.set_team_member(carol, TeamRole::ReadOnly));

    let mut bot = Bot::start(&python, "checks_bot.py", &sandbox, world.guild);
    tokio::task::block_in_place(|| bot.wait_for_line("SYNCED", Duration::from_secs(60)));
    assert_eq!(
        sandbox.commands(None).len(),
        8,
        "{:?}",
        sandbox.commands(None)
    );

    let cases: &[(u64, Option<u64>, &str, &str)] = &[
        (alice, Some(general), "owner", "ok owner"),
        (bob, Some(general), "owner", "ok owner"),
        (carol, Some(general), "owner", "denied NotOwner"),
        (bob, Some(general), "guildonly", "ok guildonly"),
        (bob, None, "guildonly", "denied NoPrivateMessage"),
        (bob, None, "dmonly", "ok dmonly"),
        (bob, Some(general), "dmonly", "denied PrivateMessageOnly"),
        (bob, Some(general), "perms", "denied MissingPermissions"),
        (carol, Some(general), "perms", "ok perms"),
        (alice, Some(general), "perms", "ok perms"),
        (bob, None, "perms", "ok perms"),
        (
            bob,
            Some(general),
            "botperms",
            "denied BotMissingPermissions",
        ),
        (bob, None, "botperms", "ok botperms"),
        (bob, Some(general), "role", "denied MissingRole"),
        (bob, None, "role", "denied NoPrivateMessage"),
        (carol, Some(general), "anyrole", "ok anyrole"),
        (alice, Some(general), "anyrole", "denied MissingAnyRole"),
        (bob, Some(general), "nsfw", "denied NSFWChannelRequired"),
        (bob, Some(lounge), "nsfw", "ok nsfw"),
        (bob, None, "nsfw", "ok nsfw"),
    ];
    for (user, channel, command, expected) in cases {
        let said = answer(&sandbox, *user, *channel, command).await;
        assert_eq!(said, *expected, "/{command} by {user} in {channel:?}");
    }

    // Changes reach py-cord as Discord sends them: GUILD_MEMBER_UPDATE, CHANNEL_UPDATE, and the
    // next interaction's `member` and `app_permissions`.
    assert!(sandbox.set_member_roles(world.guild, bob, &[moderators]));
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[moderators]));
    assert!(sandbox.set_channel_nsfw(general, true));
    for (command, expected) in [
        ("perms", "ok perms"),
        ("role", "ok role"),
        ("anyrole", "ok anyrole"),
        ("botperms", "ok botperms"),
        ("nsfw", "ok nsfw"),
    ] {
        assert_eq!(
            answer(&sandbox, bob, Some(general), command).await,
            expected
        );
    }
    let dm = sandbox.dm_channel(bob).unwrap();
    let replies: Vec<&str> = sandbox
        .messages(dm)
        .iter()
        .filter_map(|m| m["content"].as_str())
        .map(|c| if c.starts_with("ok") { "ok" } else { "denied" })
        .collect();
    assert_eq!(
        replies.len(),
        6,
        "bob's DM holds the replies to his DM invocations"
    );
    drop(bot);
}

// py-cord's everyday message calls (`channel.history`, `typing`, `send`, `add_reaction`, `pin`,
// `pins`, `create_thread`, `reply`, `edit`, `fetch_user`, `user.send`) against the sandbox, each
// checked in its world.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_sends_reacts_pins_and_opens_a_thread() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    // VIEW_CHANNEL, SEND_MESSAGES, MANAGE_MESSAGES, READ_MESSAGE_HISTORY, ADD_REACTIONS,
    // CREATE_PUBLIC_THREADS, SEND_MESSAGES_IN_THREADS.
    let allowed = (1 << 10) | (1 << 11) | (1 << 13) | (1 << 16) | (1 << 6) | (1 << 35) | (1 << 38);
    let role = sandbox.add_role(world.guild, "bot", allowed).unwrap();
    assert!(sandbox.add_member(world.guild, sandbox.bot_user_id(), &[role]));
    sandbox.seed_messages(world.channel, world.member, 5, "note ");

    let env = [
        ("SANDBOX_CHANNEL", world.channel.to_string()),
        ("SANDBOX_MEMBER", world.member.to_string()),
    ];
    let mut bot = Bot::start_with(&python, "messages_bot.py", &sandbox, world.guild, &env);
    let wait = Duration::from_secs(60);
    let mut value = |key: &str| tokio::task::block_in_place(|| bot.wait_for_value(key, wait));
    assert_eq!(value("HISTORY"), "note 4|note 3|note 2", "newest first");
    let sent_id = value("SENT");
    let sent: u64 = sent_id.parse().unwrap();
    let shown = sandbox
        .message(world.channel, sent)
        .expect("the message is in the world");
    assert_eq!(shown["content"], "hello from py-cord");
    assert_eq!(shown["author"]["id"], sandbox.bot_user_id().to_string());

    assert_eq!(value("REACTED"), sent.to_string());
    let shown = sandbox.message(world.channel, sent).unwrap();
    assert_eq!(shown["reactions"][0]["emoji"]["name"], "\u{1F44D}");
    assert_eq!(shown["reactions"][0]["count"], 1);
    assert_eq!(shown["reactions"][0]["me"], true);

    assert_eq!(
        value("PINNED"),
        format!("1 {sent}"),
        "py-cord reads the pin back"
    );
    assert_eq!(
        sandbox.message(world.channel, sent).unwrap()["pinned"],
        true
    );
    assert!(
        sandbox
            .audit_reasons()
            .iter()
            .any(|(route, reason)| route.starts_with("PUT ") && reason == "py-cord pins it"),
        "{:?}",
        sandbox.audit_reasons()
    );

    let thread: u64 = value("THREAD").parse().unwrap();
    assert_eq!(thread, sent, "a thread started from a message takes its id");
    assert!(
        sandbox
            .thread_members(thread)
            .contains(&sandbox.bot_user_id())
    );
    let in_thread: Vec<Value> = sandbox.messages(thread);
    assert!(
        in_thread
            .iter()
            .any(|m| m["content"] == "inside the thread"),
        "{in_thread:?}"
    );

    assert_eq!(value("REPLIED"), sent.to_string());
    assert_eq!(value("EDITED"), "an edited reply");
    let reply = sandbox
        .messages(world.channel)
        .into_iter()
        .find(|m| m["message_reference"]["message_id"].as_str() == Some(sent_id.as_str()))
        .expect("the reply is in the world");
    assert_eq!(reply["content"], "an edited reply");

    let dm: u64 = value("DM").parse().unwrap();
    assert_eq!(Some(dm), sandbox.dm_channel(world.member));
    assert!(
        sandbox
            .messages(dm)
            .iter()
            .any(|m| m["content"] == "hello bob, from py-cord")
    );
    tokio::task::block_in_place(|| bot.wait_for_line("DONE", wait));
    drop(bot);
}

// An unmodified py-cord `AutoShardedBot` against a sandbox of 4 shards: it takes the shard
// count from `GET /gateway/bot`, its 4 shards identify (each `[i, 4]`, with no INVALID_SESSION),
// each becomes ready, and a command is answered from a guild of shard 0 and one of shard 2.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_auto_sharded_bot_with_four_shards_gets_ready_and_answers() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().shards(4).start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let guilds = sandbox.guild_ids();
    assert_eq!(guilds.len(), 4, "one guild seeded on each shard");
    let listed = guilds
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let mut bot = Bot::start_with(
        &python,
        "sharded_bot.py",
        &sandbox,
        world.guild,
        &[("SANDBOX_GUILDS", listed)],
    );
    // py-cord waits 5 s before each IDENTIFY after the first (its `before_identify_hook`).
    tokio::task::block_in_place(|| {
        bot.wait_for_lines(
            &[
                "SHARD_CONNECT 0",
                "SHARD_CONNECT 1",
                "SHARD_CONNECT 2",
                "SHARD_CONNECT 3",
                "SHARD_READY 0",
                "SHARD_READY 1",
                "SHARD_READY 2",
                "SHARD_READY 3",
                "READY 4 4 4",
                "SYNCED",
            ],
            Duration::from_secs(90),
        )
    });
    let gateway = sandbox.gateway();
    let mut shards: Vec<[u64; 2]> = gateway.identifies().iter().map(|r| r.shard).collect();
    shards.sort_unstable();
    assert_eq!(shards, [[0, 4], [1, 4], [2, 4], [3, 4]]);
    assert_eq!(gateway.invalid_sessions_sent(), 0);

    let on_zero = answer(&sandbox, world.member, Some(world.channel), "where").await;
    assert_eq!(on_zero, "shard 0 of 4");
    let guild_two = *guilds
        .iter()
        .find(|g| (**g >> 22) % 4 == 2)
        .expect("a guild on shard 2");
    let channel = sandbox
        .create_channel(guild_two, "where", 0)
        .expect("a channel");
    let on_two = answer(&sandbox, world.member, Some(channel), "where").await;
    assert_eq!(on_two, "shard 2 of 4");
}

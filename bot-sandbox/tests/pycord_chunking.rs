//! An unmodified py-cord bot (PyPI `py-cord` 2.8.1) with the members intent and
//! `chunk_guilds_at_startup=True` becomes ready against a sandbox whose guild has 2 500 members,
//! with every one of them cached: GUILD_CREATE (without GUILD_PRESENCES) lists only the bot, so
//! py-cord sends one Request Guild Members for the whole list and gathers the three chunks before
//! `on_ready`.
//!
//! Python comes from `PYCORD_PYTHON`, else `.venv-pycord/bin/python` at the workspace root (made
//! by `.ci/run`). With `CI=true` a missing interpreter fails the test; elsewhere it skips with a
//! printed reason.

mod pycord_support;

use bot_sandbox::Sandbox;
use pycord_support::{PyBot as Bot, python_or_skip};
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_chunks_a_2500_member_guild_before_on_ready() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    // Beside alice, bob and the bot: 2 500 members.
    let seeded = sandbox.seed_members(world.guild, 2497, "member");
    assert_eq!(seeded.len(), 2497);

    let mut bot = Bot::start(&python, "chunking_bot.py", &sandbox, world.guild);
    let line =
        tokio::task::block_in_place(|| bot.line_starting("MEMBERS ", Duration::from_secs(90)));
    assert_eq!(
        line, "MEMBERS 2500 2500 True",
        "len(guild.members), guild.member_count, guild.chunked in on_ready"
    );

    let requests = sandbox.gateway().member_requests();
    assert_eq!(
        requests.len(),
        1,
        "one request for the whole list: {requests:?}"
    );
    // py-cord sends the guild id as a number.
    assert_eq!(requests[0]["guild_id"], json!(world.guild));
    assert_eq!(requests[0]["query"], "");
    assert_eq!(requests[0]["limit"], 0);
    drop(bot);
}

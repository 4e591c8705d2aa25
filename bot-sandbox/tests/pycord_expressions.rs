//! An unmodified py-cord bot (PyPI `py-cord` 2.8, `tests/pycord/expressions_bot.py`) makes a
//! guild's expressions and events against the sandbox: a custom emoji from bytes
//! (`guild.create_custom_emoji`, `fetch_emojis`, `delete_emoji`, with `on_guild_emojis_update`),
//! an application emoji (`client.create_emoji`, `fetch_emojis`, `delete_emoji`), and an external
//! scheduled event (`guild.create_scheduled_event`, `fetch_scheduled_events`, `event.delete`,
//! with `on_scheduled_event_create`). The world is checked after each.

mod pycord_support;

use bot_sandbox::Sandbox;
use pycord_support::{PyBot, python_or_skip};

/// CREATE_GUILD_EXPRESSIONS, MANAGE_GUILD_EXPRESSIONS, CREATE_EVENTS, MANAGE_EVENTS.
const BOT_PERMISSIONS: u64 = (1 << 43) | (1 << 30) | (1 << 44) | (1 << 33);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_makes_emojis_and_scheduled_events() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let g = world.guild;
    let role = sandbox.add_role(g, "expressive", BOT_PERMISSIONS).unwrap();
    assert!(sandbox.add_member(g, sandbox.bot_user_id(), &[role]));

    let mut bot = PyBot::start(&python, "expressions_bot.py", &sandbox, g);
    bot.expect(&[
        "EMOJI wave False",
        "EMOJIS 1",
        "EMOJIS_UPDATE 0 1",
        "DELETED_EMOJI",
        "APP_EMOJI logo",
        "APP_EMOJIS 1",
        "APP_DELETED 0",
        "SCHEDULED_CREATE Picnic",
        "EVENT Picnic The_park",
        "EVENTS 1 0",
        "EVENT_DELETED",
    ]);
    assert!(sandbox.guild_emojis(g).is_empty(), "the emoji is deleted");
    assert!(
        sandbox.scheduled_events(g).is_empty(),
        "the event is deleted"
    );
}

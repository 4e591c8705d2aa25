//! An unmodified py-cord bot (PyPI `py-cord` 2.8, `tests/pycord/fetches_bot.py`) fetches what
//! the sandbox serves outside guilds and channels: an invite by its link with counts
//! (`fetch_invite`), a stage it started (`fetch_stage_instance`), the sticker packs and one of
//! their stickers (`fetch_premium_sticker_packs`, `fetch_sticker`), the default sounds
//! (`fetch_default_sounds`) and its guilds (`fetch_guilds`); then it revokes the invite
//! (`delete_invite`) and INVITE_DELETE reaches its handler. Each step is checked in the
//! sandbox's world too.

mod pycord_support;

use bot_sandbox::Sandbox;
use pycord_support::{PyBot, python_or_skip};

/// VIEW_CHANNEL, CREATE_INSTANT_INVITE, MANAGE_CHANNELS, MUTE_MEMBERS, MOVE_MEMBERS.
const BOT_PERMISSIONS: u64 = (1 << 10) | 1 | (1 << 4) | (1 << 22) | (1 << 24);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_fetches_invites_stages_stickers_sounds_and_guilds() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let g = world.guild;
    let role = sandbox.add_role(g, "fetcher", BOT_PERMISSIONS).unwrap();
    assert!(sandbox.add_member(g, sandbox.bot_user_id(), &[role]));
    let stage = sandbox.add_channel(g, "town-hall", 13).unwrap();

    let mut bot = PyBot::start(&python, "fetches_bot.py", &sandbox, g);
    bot.expect(&[
        "FETCHED True 3",
        "STAGE Town hall",
        "PACKS 2 Wumpus_Beyond",
        "STICKER Hi",
        "SOUNDS 6 True",
        "GUILDS 1",
        "REVOKED",
        "EVENT_INVITE_DELETE True",
    ]);
    assert!(
        sandbox.channel_invites(world.channel).is_empty(),
        "the invite is revoked"
    );
    assert!(
        sandbox.stage_instance(stage).is_none(),
        "the stage py-cord started is ended"
    );
}

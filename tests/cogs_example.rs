//! The cogs example runs offline in a fresh process: a stateful cog with a group, a cooldown,
//! hooks and an error handler; an extension loaded, reloaded with new configuration (no write)
//! and unloaded.

mod common;

use common::run_example;

#[test]
fn the_cogs_example_shares_state_and_loads_extensions() {
    let stdout = run_example("cogs");
    for line in [
        "added cog [\"todo\"] (1 write)",
        "/add > added write docs",
        "/add > todo: You are on cooldown. Try again in ",
        "/list show > to do: write docs",
        "/list done > done: write docs",
        "/list done > todo: nothing to do (only you)",
        "/motd > ship it\n",
        "reloaded motd (0 writes: the command did not change)",
        "/motd > ship it twice",
        "extensions after unload: []",
        "cogs after remove: []",
        "hook > before /add\nhook > after /add\nhook > before /list show\nhook > after /list show",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
}

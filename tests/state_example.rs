//! The state example runs offline in a fresh process: state shared across invocations, a bot
//! refused without it, a command added and removed at run time with one write each, and an
//! `#[event] on_error` receiving a listener's failure.

mod common;

use common::run_example;

#[test]
fn the_state_example_shares_state_and_changes_commands_at_run_time() {
    let stdout = run_example("state");
    for line in [
        "refused: the bot lacks state its handlers ask for",
        "/visit > visit #1; guestbook: bob",
        "/visit > visit #2; guestbook: bob, alice",
        "/visit > visit #3; guestbook: bob, alice, bob",
        "added /roll (1 write); commands: [\"roll\", \"visit\"]",
        "/roll > you rolled 4",
        "removed /roll (2 writes in all)",
        "on_error > state::strict failed on MESSAGE_CREATE: cannot stand typos",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
}

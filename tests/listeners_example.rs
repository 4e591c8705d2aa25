//! The listeners example runs offline in a fresh process and prints what each part saw.

mod common;

use common::run_example;

#[test]
fn the_listeners_example_shows_each_way_to_listen() {
    let stdout = run_example("listeners");
    for line in [
        "ready",
        "[every event] READY",
        "[once] first guild: ",
        "[listener] bob wrote \"hello\"",
        "[wait_for] bob answered \"yes\"",
        "[wait_for] no deletion within 200ms",
        "[added] a vote: vote rust",
        "[stream] first three votes: [\"vote rust\", \"vote python\", \"vote rust\"]",
        "[wait_for] the bot answered \"pong\"",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
    assert_eq!(stdout.matches("[once]").count(), 1, "{stdout}");
}

//! The listeners example runs offline in a fresh process and prints what each part saw.

mod common;

use common::example;
use std::process::Command;

#[test]
fn the_listeners_example_shows_each_way_to_listen() {
    let output = Command::new(example("listeners"))
        .output()
        .expect("the listeners example was built by cargo test");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "exit {:?}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
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

//! The messages example runs offline in a fresh process: a listener answers with the history as
//! a file, a reaction, a pin, a thread and a DM, and the example prints them back.

mod common;

use common::run_example;

#[test]
fn the_messages_example_reads_history_uploads_reacts_pins_threads_and_dms() {
    let stdout = run_example("messages");
    for line in [
        "bob > !report",
        "bot > (replying to bob) The last 5 messages are in the file.",
        "      [history.txt]",
        "        alice: standup note 7",
        "        alice: standup note 11",
        "reaction: 📄 x1",
        "pinned: 1 message(s), the reply: true",
        "thread: Report discussion (1 message: \"Questions about the report go here.\")",
        "DM to bob: Your report is ready, and pinned in #general.",
        "Done: history, a file, a reaction, a pin, a thread and a DM, offline.",
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "{line:?} not in:\n{stdout}"
        );
    }
    assert!(
        !stdout.contains("standup note 6"),
        "five messages, not more:\n{stdout}"
    );
}

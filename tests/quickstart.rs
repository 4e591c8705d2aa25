//! The quickstart runs offline in a fresh process: its output holds the reply computed from the
//! random value its scripted user sent.

use std::path::PathBuf;
use std::process::Command;

/// `cargo test` builds the examples next to the test binaries: `target/<profile>/examples`.
fn example(name: &str) -> PathBuf {
    let test_binary = std::env::current_exe().expect("the test binary's path");
    let profile_dir = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps/<test>");
    profile_dir.join("examples").join(name)
}

#[test]
fn the_quickstart_answers_the_random_number_offline() {
    let output = Command::new(example("quickstart"))
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_BASE")
        .output()
        .expect("the quickstart example was built by cargo test");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "exit {:?}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let number: i64 = stdout
        .lines()
        .find_map(|line| line.strip_prefix("bob > /double number:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("the random number is printed");
    let expected = format!("bot > {number} doubled is {}", number * 2);
    assert!(
        stdout.lines().any(|line| line == expected),
        "{expected:?} not in:\n{stdout}"
    );
    assert!(stdout.contains("bot > pong"));
}

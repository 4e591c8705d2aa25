//! The quickstart runs offline in a fresh process: its output holds the reply computed from the
//! random value its scripted user sent.

mod common;

use common::example;
use std::process::Command;

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

/// Runs the quickstart online against `sandbox` until its gateway session is up, then kills it.
async fn run_quickstart_against(sandbox: &bot_sandbox::SandboxHandle) {
    let mut child = Command::new(example("quickstart"))
        .env("DISCORD_TOKEN", sandbox.token())
        .env("DISCORD_API_BASE", sandbox.rest_url())
        .spawn()
        .expect("the quickstart example was built by cargo test");
    let connected = sandbox
        .gateway()
        .wait_for_connected(1, std::time::Duration::from_secs(20))
        .await;
    let _ = child.kill();
    let _ = child.wait();
    assert!(connected, "the quickstart connected to the gateway");
    assert!(
        sandbox
            .gateway()
            .wait_for_connected(0, std::time::Duration::from_secs(5))
            .await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fresh_process_syncs_once_and_a_restart_writes_nothing() {
    let sandbox = bot_sandbox::Sandbox::builder()
        .timings(bot_sandbox::Timings {
            identify_window: std::time::Duration::ZERO,
            ..Default::default()
        })
        .start()
        .await
        .unwrap();
    run_quickstart_against(&sandbox).await;
    assert_eq!(
        sandbox.command_writes(),
        1,
        "the first start makes one PUT for its one scope"
    );
    let names: Vec<String> = sandbox
        .commands(None)
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["double", "greet", "ping"]);
    run_quickstart_against(&sandbox).await;
    assert_eq!(sandbox.command_writes(), 1, "a second start writes nothing");
}

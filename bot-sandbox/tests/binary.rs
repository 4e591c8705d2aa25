//! `bot-sandbox --port PORT` prints how to point a bot at it and serves REST and the gateway.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[tokio::test]
async fn the_binary_prints_its_urls_and_serves_them() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bot-sandbox"))
        .args(["--port", "0", "--quiet"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .take_while(|line| !line.contains("Ctrl-C"))
        .collect();
    let rest = lines
        .iter()
        .find_map(|l| {
            l.trim()
                .strip_prefix("REST API:")
                .map(|u| u.trim().to_owned())
        })
        .expect("the REST URL is printed");
    assert!(lines.iter().any(|l| l.contains("gateway:")));
    assert!(
        lines.iter().any(|l| l.contains("API_BASE_URL")),
        "py-cord recipe printed"
    );
    let gateway: serde_json::Value = reqwest::get(format!("{rest}/gateway"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        gateway["url"]
            .as_str()
            .unwrap()
            .starts_with("ws://127.0.0.1:")
    );
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn bad_arguments_are_refused_with_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_bot-sandbox"))
        .args(["--port", "eighty"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a port number"));
}

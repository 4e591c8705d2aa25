//! `examples/mesh.rs` runs offline in a fresh process and exits 0: a SEND answered by a SEND,
//! a BROADCAST by metadata, discovery, a proxied request, and a reconnect with metadata restored.

mod common;

use common::example;
use std::process::Command;

#[test]
fn the_mesh_example_runs_offline() {
    let output = Command::new(example("mesh"))
        .output()
        .expect("the mesh example was built by cargo test");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "exit {:?}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    for step in [
        r#"apps tagged music: ["my-bot"]"#,
        r#"shard 1 said {"guilds":20} to {"ask":"guild_count"}"#,
        r#"broadcast reached shard 1: "rebalance""#,
        r#"proxied GET /stats: 200 {"guilds":20,"shard":1}"#,
        "routing by the restored metadata works",
        "closed: true true",
    ] {
        assert!(stdout.contains(step), "missing {step:?} in\n{stdout}");
    }
}

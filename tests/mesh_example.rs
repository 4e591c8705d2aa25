//! `examples/mesh.rs` runs offline in a fresh process and exits 0: a SEND answered by a SEND,
//! a BROADCAST by metadata, discovery, a proxied request, and a reconnect with metadata restored.

mod common;

use common::run_example;

#[test]
fn the_mesh_example_runs_offline() {
    let stdout = run_example("mesh");
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

//! Interop with the real client: shinkei 0.1.6 from PyPI, unmodified, under Python 3.7, talks
//! to the Rust client through the sandbox's mesh server. Both set metadata, exchange SEND and
//! BROADCAST with queries on the other's metadata, discover each other's tags; the Rust client's
//! proxied request reaches an HTTP service, and shinkei's form-encoded one (B2) is refused as
//! singyeong refuses it.
//!
//! Python comes from `SHINKEI_PYTHON`, else `.venv-shinkei/bin/python` at the workspace root
//! (made by `.ci/run`). With `CI=true` a missing interpreter fails the test; elsewhere it skips
//! with a printed reason.

mod common;

use bot_mesh::{Event, EventKind, Metadata, ProxyMethod, Query};
use bot_sandbox::mesh::MeshServer;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const WAIT: Option<Duration> = Some(Duration::from_secs(30));

fn python() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("SHINKEI_PYTHON") {
        return Some(PathBuf::from(path));
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.venv-shinkei/bin/python");
    venv.exists().then_some(venv)
}

/// The running script, killed on drop.
struct Shinkei {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Shinkei {
    fn start(python: &PathBuf, url: &str, auth: &str) -> Shinkei {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/shinkei/interop.py");
        let mut child = Command::new(python)
            .arg(script)
            .env("MESH_URL", url)
            .env("MESH_AUTH", auth)
            .env("PYTHONUNBUFFERED", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Shinkei { child, lines }
    }

    /// The rest of the next line that starts with `step`.
    fn expect(&self, step: &str) -> String {
        let timeout = Duration::from_secs(30);
        tokio::task::block_in_place(|| {
            loop {
                match self.lines.recv_timeout(timeout) {
                    Ok(line) => match line.strip_prefix(step) {
                        Some(rest) => return rest.trim().to_owned(),
                        None => println!("shinkei: {line}"),
                    },
                    Err(_) => panic!("shinkei did not print {step} within {timeout:?}"),
                }
            }
        })
    }
}

impl Drop for Shinkei {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn with_nonce(nonce: &'static str) -> impl FnMut(&Event) -> bool + Send + 'static {
    move |event| matches!(event, Event::Data(message) if message.nonce_str() == Some(nonce))
}

fn payload(event: Event) -> Value {
    match event {
        Event::Data(message) => message.payload,
        other => panic!("expected data, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shinkei_and_the_rust_client_talk_through_the_sandbox() {
    let Some(python) = python() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("CI=true but no shinkei interpreter: .ci/run must create .venv-shinkei");
        }
        println!("skipped: no SHINKEI_PYTHON and no .venv-shinkei; run .ci/run to create it");
        return;
    };
    let mesh = MeshServer::start(common::config().no_route_retries(3, Duration::from_millis(200)))
        .await
        .unwrap();
    let service = common::echo_service().await;
    let rust = common::builder(&mesh, "interop", "rust-1")
        .tags(["rust", "bot"])
        .ip(service.to_string())
        .connect()
        .await
        .unwrap();
    let metadata = Metadata::new().with("lang", "rust").with("shard_id", 2);
    rust.update_metadata(metadata, true).await.unwrap();
    let from_python_send = rust.wait_for(EventKind::Data, WAIT, with_nonce("py-send"));
    let from_python_broadcast = rust.wait_for(EventKind::Data, WAIT, with_nonce("py-broadcast"));

    let shinkei = Shinkei::start(&python, &mesh.url(), "s3cret");
    shinkei.expect("READY");
    common::eventually("shinkei's metadata", Duration::from_secs(10), || {
        mesh.metadata("interop", "py-1")
            .is_some_and(|m| m.contains_key("features"))
    })
    .await;
    let stored = mesh.metadata("interop", "py-1").unwrap();
    assert_eq!(stored["version"], "1.2.3");
    assert_eq!(stored["load"], json!(0.5));
    assert_eq!(stored["restricted"], false, "shinkei sent the password");
    assert_eq!(
        rust.discover(["python"]).await.unwrap(),
        ["interop"],
        "the Rust client found shinkei's tags"
    );

    // Rust → shinkei by shinkei's metadata, and shinkei's reply by ours.
    let python_shard = Query::new("interop").eq("lang", "python").gt("load", 0.1);
    rust.send(&json!({"n": 1}), &python_shard, Some("rust-send"))
        .await
        .unwrap();
    let got: Value = serde_json::from_str(&shinkei.expect("GOT_SEND")).unwrap();
    assert_eq!(got, json!({"n": 1}));
    let reply = payload(from_python_send.await.unwrap());
    assert_eq!(reply, json!({"reply": {"n": 1}}));

    // BROADCAST both ways.
    let has_feature = Query::new("interop").contains("features", "a");
    rust.broadcast(&"hello", &has_feature, Some("rust-broadcast"))
        .await
        .unwrap();
    assert_eq!(shinkei.expect("GOT_BROADCAST"), r#""hello""#);
    assert_eq!(
        payload(from_python_broadcast.await.unwrap()),
        json!([1, 2, 3])
    );

    // Discovery both ways.
    let found: Value = serde_json::from_str(&shinkei.expect("DISCOVER")).unwrap();
    assert_eq!(
        found,
        json!(["interop"]),
        "shinkei found the Rust client's tags"
    );

    // shinkei's proxy request is form-encoded (B2): its query arrives as a string and the
    // server fails with 500, as singyeong does.
    assert_eq!(shinkei.expect("PROXY_REJECTED"), "500");
    shinkei.expect("DONE");

    // The Rust client's proxy request reaches the HTTP service beside the server.
    let response = rust
        .proxy_request(
            ProxyMethod::Post,
            "/stats",
            &Query::new("interop").eq("lang", "rust"),
            Some(json!({"from": "rust"})),
            &[("x-token", "t")],
        )
        .await
        .unwrap();
    let echoed: Value = response.json().unwrap();
    assert_eq!(echoed["path"], "stats");
    assert_eq!(echoed["body"], r#"{"from":"rust"}"#);
    assert_eq!(echoed["x_token"], "t");
    rust.close().await;
}

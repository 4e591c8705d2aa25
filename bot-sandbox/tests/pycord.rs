//! An unmodified py-cord bot (PyPI `py-cord` 2.8) runs against the sandbox: it logs in, syncs a
//! slash command, a scripted user invokes it, and py-cord's reply arrives. A second start against
//! the same world makes zero command writes: py-cord's own diff finds the commands as it left
//! them, with Discord's defaults.
//!
//! Python comes from `PYCORD_PYTHON`, else `.venv-pycord/bin/python` at the workspace root (made
//! by `.ci/run`). With `CI=true` a missing interpreter fails the test; elsewhere it skips with a
//! printed reason.

use bot_sandbox::{Sandbox, SandboxHandle};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn python() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("PYCORD_PYTHON") {
        return Some(PathBuf::from(path));
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.venv-pycord/bin/python");
    venv.exists().then_some(venv)
}

/// A running py-cord bot, killed on drop.
struct Bot {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Bot {
    fn start(python: &PathBuf, sandbox: &SandboxHandle, guild: u64) -> Bot {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pycord/ping_bot.py");
        let mut child = Command::new(python)
            .arg(script)
            .env("SANDBOX_API_BASE", sandbox.api_base())
            .env("SANDBOX_TOKEN", sandbox.token())
            .env("SANDBOX_GUILD", guild.to_string())
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
        Bot { child, lines }
    }

    fn wait_for_line(&self, wanted: &str, timeout: Duration) {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.trim() == wanted => return,
                Ok(_) => continue,
                Err(_) => panic!("py-cord did not print {wanted} within {timeout:?}"),
            }
        }
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_logs_in_syncs_answers_and_does_not_rewrite_on_restart() {
    let Some(python) = python() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("CI=true but no py-cord interpreter: .ci/run must create .venv-pycord");
        }
        println!("skipped: no PYCORD_PYTHON and no .venv-pycord; run .ci/run to create it");
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();

    let bot = Bot::start(&python, &sandbox, world.guild);
    tokio::task::block_in_place(|| bot.wait_for_line("SYNCED", Duration::from_secs(60)));
    let commands = sandbox.commands(Some(world.guild));
    assert_eq!(commands.len(), 1, "{commands:?}");
    assert_eq!(commands[0]["name"], "ping");
    let writes_after_first_start = sandbox.command_writes();
    assert_eq!(
        writes_after_first_start, 1,
        "the first start registers with one bulk PUT"
    );

    let mut invocation = sandbox
        .user(world.member)
        .slash(world.channel, "ping", json!({"number": 21}))
        .await
        .expect("the command py-cord registered accepts the option");
    let response = invocation
        .response()
        .await
        .expect("py-cord answers in time");
    assert_eq!(response.kind, 4);
    assert_eq!(response.content(), Some("pong 42"));
    drop(bot);

    let bot = Bot::start(&python, &sandbox, world.guild);
    tokio::task::block_in_place(|| bot.wait_for_line("SYNCED", Duration::from_secs(60)));
    assert_eq!(
        sandbox.command_writes(),
        writes_after_first_start,
        "py-cord's diff finds nothing to write on the second start"
    );
    let mut again = sandbox
        .user(world.owner)
        .slash(world.channel, "ping", json!({"number": 5}))
        .await
        .unwrap();
    assert_eq!(again.response().await.unwrap().content(), Some("pong 10"));
}

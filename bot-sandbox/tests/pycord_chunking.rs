//! An unmodified py-cord bot (PyPI `py-cord` 2.8.1) with the members intent and
//! `chunk_guilds_at_startup=True` becomes ready against a sandbox whose guild has 2 500 members,
//! with every one of them cached: GUILD_CREATE (without GUILD_PRESENCES) lists only the bot, so
//! py-cord sends one Request Guild Members for the whole list and gathers the three chunks before
//! `on_ready`.
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
use std::time::{Duration, Instant};

fn python() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("PYCORD_PYTHON") {
        return Some(PathBuf::from(path));
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.venv-pycord/bin/python");
    venv.exists().then_some(venv)
}

/// The interpreter; `None` (the test skips, saying why) when there is none outside CI.
fn python_or_skip() -> Option<PathBuf> {
    let found = python();
    if found.is_none() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("CI=true but no py-cord interpreter: .ci/run must create .venv-pycord");
        }
        println!("skipped: no PYCORD_PYTHON and no .venv-pycord; run .ci/run to create it");
    }
    found
}

/// A running py-cord bot, killed on drop.
struct Bot {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Bot {
    fn start(python: &PathBuf, script: &str, sandbox: &SandboxHandle, guild: u64) -> Bot {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/pycord")
            .join(script);
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

    /// The first line printed that starts with `prefix`.
    fn line_starting(&self, prefix: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.starts_with(prefix) => return line.trim().to_owned(),
                Ok(_) => continue,
                Err(_) => panic!("py-cord printed no {prefix}line within {timeout:?}"),
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
async fn pycord_chunks_a_2500_member_guild_before_on_ready() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    // Beside alice, bob and the bot: 2 500 members.
    let seeded = sandbox.seed_members(world.guild, 2497, "member");
    assert_eq!(seeded.len(), 2497);

    let bot = Bot::start(&python, "chunking_bot.py", &sandbox, world.guild);
    let line =
        tokio::task::block_in_place(|| bot.line_starting("MEMBERS ", Duration::from_secs(90)));
    assert_eq!(
        line, "MEMBERS 2500 2500 True",
        "len(guild.members), guild.member_count, guild.chunked in on_ready"
    );

    let requests = sandbox.gateway().member_requests();
    assert_eq!(
        requests.len(),
        1,
        "one request for the whole list: {requests:?}"
    );
    // py-cord sends the guild id as a number.
    assert_eq!(requests[0]["guild_id"], json!(world.guild));
    assert_eq!(requests[0]["query"], "");
    assert_eq!(requests[0]["limit"], 0);
    drop(bot);
}

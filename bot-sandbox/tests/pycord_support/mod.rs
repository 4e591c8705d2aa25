//! Running an unmodified py-cord bot (a script of `tests/pycord/`) against a sandbox and reading
//! the lines it prints.
//!
//! Python comes from `PYCORD_PYTHON`, else `.venv-pycord/bin/python` at the workspace root (made
//! by `.ci/run`). With `CI=true` a missing interpreter fails the test; elsewhere it skips with a
//! printed reason.
#![allow(dead_code)]

use bot_sandbox::SandboxHandle;
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
pub fn python_or_skip() -> Option<PathBuf> {
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
pub struct PyBot {
    child: Child,
    lines: mpsc::Receiver<String>,
    /// Every line read so far, for the failure message.
    seen: Vec<String>,
}

impl PyBot {
    /// Starts `tests/pycord/{script}` with the sandbox's API base, token and `guild`.
    pub fn start(python: &PathBuf, script: &str, sandbox: &SandboxHandle, guild: u64) -> PyBot {
        PyBot::start_with(python, script, sandbox, guild, &[])
    }

    /// [`PyBot::start`] with more environment variables for the script.
    pub fn start_with(
        python: &PathBuf,
        script: &str,
        sandbox: &SandboxHandle,
        guild: u64,
        env: &[(&str, String)],
    ) -> PyBot {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/pycord")
            .join(script);
        let mut child = Command::new(python)
            .arg(script)
            .envs(env.iter().map(|(k, v)| (k, v)))
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
        PyBot {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Reads lines until each of `wanted` was printed (in any order, other lines skipped);
    /// panics with every line read if one is missing after `timeout`.
    pub fn wait_for_lines(&mut self, wanted: &[&str], timeout: Duration) {
        let deadline = Instant::now() + timeout;
        let mut missing: Vec<&str> = wanted.to_vec();
        while !missing.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let line = line.trim().to_owned();
                    missing.retain(|w| *w != line);
                    self.seen.push(line);
                }
                Err(_) => panic!(
                    "py-cord did not print {missing:?} within {timeout:?}; it printed {:#?}",
                    self.seen
                ),
            }
        }
    }

    /// Reads lines until `wanted` was printed.
    pub fn wait_for_line(&mut self, wanted: &str, timeout: Duration) {
        self.wait_for_lines(&[wanted], timeout);
    }

    /// The first line printed (from now) that starts with `prefix`, trimmed.
    pub fn line_starting(&mut self, prefix: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let line = line.trim().to_owned();
                    self.seen.push(line.clone());
                    if line.starts_with(prefix) {
                        return line;
                    }
                }
                Err(_) => panic!(
                    "py-cord printed no {prefix:?} line within {timeout:?}; it printed {:#?}",
                    self.seen
                ),
            }
        }
    }

    /// The rest of the next line `KEY rest` the script prints.
    pub fn wait_for_value(&mut self, key: &str, timeout: Duration) -> String {
        let prefix = format!("{key} ");
        let line = self.line_starting(&prefix, timeout);
        line.strip_prefix(&prefix).unwrap_or_default().to_owned()
    }

    /// [`PyBot::wait_for_lines`] from a multi-threaded tokio test.
    pub fn expect(&mut self, wanted: &[&str]) {
        tokio::task::block_in_place(|| self.wait_for_lines(wanted, Duration::from_secs(30)));
    }
}

impl Drop for PyBot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl PyBot {
    /// Reads lines until one starts with `prefix` (others kept for the failure message), and
    /// returns the rest of it, trimmed; panics after 30 s.
    pub fn line_after(&mut self, prefix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = tokio::task::block_in_place(|| self.lines.recv_timeout(left));
            match line {
                Ok(line) => {
                    let line = line.trim().to_owned();
                    self.seen.push(line.clone());
                    if let Some(rest) = line.strip_prefix(prefix) {
                        return rest.trim().to_owned();
                    }
                }
                Err(_) => panic!(
                    "py-cord printed no line starting {prefix:?}; it printed {:#?}",
                    self.seen
                ),
            }
        }
    }
}

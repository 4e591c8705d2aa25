//! `Bot::run` closes gracefully on Ctrl-C (SIGINT) and on SIGTERM, during `start` as well as
//! once connected. The test signals its own process, so it has a test binary of its own and does
//! both in one test: nothing else in the process may see the signals.
#![cfg(unix)]

use bot_core::command::CommandRegistry;
use bot_core::prelude::*;
use bot_sandbox::{Sandbox, Timings};
use futures_util::StreamExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::net::TcpListener;

fn signal_self(signal: &str) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(std::process::id().to_string())
        .status()
        .expect("kill runs");
    assert!(status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_during_start_and_sigterm_once_connected_close_gracefully() {
    // 1. SIGINT while `start` is stuck logging in against a REST server that never answers.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let rest = listener.local_addr().unwrap();
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            held.push(stream);
        }
    });
    let bot = Bot::builder()
        .token("MTIz.abc.def")
        .api_base(format!("http://{rest}/api/v10"))
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.run().await });
    while accepted.load(Ordering::SeqCst) == 0 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    signal_self("INT");
    let result = tokio::time::timeout(Duration::from_secs(2), task)
        .await
        .expect("Ctrl-C during login ends run within 2 s")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
    assert!(bot.is_closed());

    // 2. SIGTERM once connected: the shard closes and run returns Ok(()).
    let sandbox = Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let mut events = bot.events();
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.run().await });
    let ready = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(event) = events.next().await {
            if matches!(event, Event::Ready(_)) {
                return;
            }
        }
    })
    .await;
    assert!(ready.is_ok(), "the bot reached READY");
    signal_self("TERM");
    let result = tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("SIGTERM ends run within 5 s")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
    let closed = tokio::time::timeout(Duration::from_secs(2), async {
        while sandbox.gateway().connected() > 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(closed.is_ok(), "the shard's connection is closed");
}

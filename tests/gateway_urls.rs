//! The SDK reaches a gateway whatever the shape of the URL it is given, for `url` and for
//! `resume_gateway_url`: no path (Discord's `resume_gateway_url`), a root path, a path, a query
//! of a proxy's own. A recording proxy in front of the sandbox's gateway shows the request line.

mod common;

use bot_sandbox::GatewayUrlShape;
use common::{bot_without_commands, resumed, sandbox_with_shape, started_with_events, stop};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A TCP proxy that records the request line of every connection and forwards it to the
/// sandbox.
struct RecordingProxy {
    lines: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl RecordingProxy {
    /// Serves on `listener` (bound first, so the sandbox can advertise its address).
    fn start(listener: TcpListener, target: SocketAddr) -> Self {
        let lines = Arc::new(Mutex::new(Vec::new()));
        let recorded = lines.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(forward(client, target, recorded.clone()));
            }
        });
        RecordingProxy { lines, task }
    }

    fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }
}

async fn forward(mut client: TcpStream, target: SocketAddr, lines: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n") && head.len() < 8192 {
        match client.read(&mut byte).await {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    lines
        .lock()
        .unwrap()
        .push(String::from_utf8_lossy(&head).trim_end().to_owned());
    let Ok(mut server) = TcpStream::connect(target).await else {
        return;
    };
    if server.write_all(&head).await.is_err() {
        return;
    }
    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
}

/// Connects, makes the bot resume once, and returns the request lines the proxy saw.
async fn connect_and_resume(advertised: impl FnOnce(SocketAddr) -> String) -> Vec<String> {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_addr = listener.local_addr().unwrap();
    let sandbox = sandbox_with_shape(GatewayUrlShape::Custom(advertised(proxy_addr))).await;
    let proxy = RecordingProxy::start(listener, sandbox.addr());
    let bot = bot_without_commands(&sandbox);
    let (task, mut events) = started_with_events(&bot).await;
    sandbox.gateway().send_reconnect();
    assert!(
        resumed(&mut events).await,
        "the bot resumed on resume_gateway_url"
    );
    assert_eq!(
        sandbox.gateway().session_ids().len(),
        1,
        "one session, resumed"
    );
    stop(&bot, task).await;
    proxy.lines()
}

const QUERY: &str = "v=10&encoding=json&compress=zlib-stream";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_url_without_a_path_is_requested_at_the_root() {
    let lines = connect_and_resume(|addr| format!("ws://{addr}")).await;
    let expected = format!("GET /?{QUERY} HTTP/1.1");
    assert_eq!(lines, [expected.clone(), expected], "connect, then resume");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_url_with_a_root_path_is_requested_at_the_root() {
    let lines = connect_and_resume(|addr| format!("ws://{addr}/")).await;
    let expected = format!("GET /?{QUERY} HTTP/1.1");
    assert_eq!(lines, [expected.clone(), expected]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_url_with_a_path_keeps_it() {
    let lines = connect_and_resume(|addr| format!("ws://{addr}/gateway")).await;
    let expected = format!("GET /gateway?{QUERY} HTTP/1.1");
    assert_eq!(lines, [expected.clone(), expected]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_url_with_a_query_keeps_it_and_sets_ours() {
    let lines = connect_and_resume(|addr| format!("ws://{addr}/?shard_hint=0&v=9")).await;
    let expected = format!("GET /?shard_hint=0&{QUERY} HTTP/1.1");
    assert_eq!(lines, [expected.clone(), expected]);
}

/// The sandbox's own shapes, served directly: the bot reaches READY and resumes on each.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_shape_the_sandbox_advertises_is_reached() {
    for shape in [
        GatewayUrlShape::Bare,
        GatewayUrlShape::TrailingSlash,
        GatewayUrlShape::Path,
        GatewayUrlShape::Query("proxy=sandbox".to_owned()),
    ] {
        let sandbox = sandbox_with_shape(shape.clone()).await;
        let bot = bot_without_commands(&sandbox);
        let (task, mut events) = started_with_events(&bot).await;
        sandbox.gateway().send_reconnect();
        assert!(resumed(&mut events).await, "{shape:?}: resumed");
        stop(&bot, task).await;
    }
}

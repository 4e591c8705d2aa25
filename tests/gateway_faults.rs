//! The bot's lifecycle under gateway faults, through the public API: `close()` before or during
//! `start()`, a gateway that accepts and never answers, one that refuses every IDENTIFY (4002),
//! a shard task that panics, and builder settings that would overflow a clock.
//!
//! REST is `bot-sandbox`; the gateway is the sandbox's behind a counting proxy, or a small local
//! server that misbehaves in a way the sandbox cannot. Windows are short and real: a paused clock
//! would auto-advance while the sockets wait.

mod common;

use bot_core::command::CommandRegistry;
use bot_core::prelude::*;
use bot_sandbox::{GatewayUrlShape, Sandbox};
use common::{bot_without_commands, sandbox_with_shape};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};

/// A TCP server that counts the connections it accepts and does what `serve` says with each.
struct Server {
    addr: SocketAddr,
    accepted: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    async fn start<F, Fut>(serve: F) -> Server
    where
        F: Fn(TcpStream) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Server::on(listener, serve)
    }

    fn on<F, Fut>(listener: TcpListener, serve: F) -> Server
    where
        F: Fn(TcpStream) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let addr = listener.local_addr().unwrap();
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = accepted.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(serve(stream));
            }
        });
        Server {
            addr,
            accepted,
            task,
        }
    }

    /// Accepts and never answers: holds the socket open and reads nothing.
    async fn silent() -> Server {
        Server::start(|stream| async move {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            drop(stream);
        })
        .await
    }

    fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }

    async fn wait_for_accepted(&self, count: usize) {
        let waited = tokio::time::timeout(Duration::from_secs(10), async {
            while self.accepted() < count {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await;
        assert!(waited.is_ok(), "{count} connections within 10 s");
    }
}

/// Forwards every connection to `target`.
async fn forward(mut client: TcpStream, target: SocketAddr) {
    if let Ok(mut server) = TcpStream::connect(target).await {
        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
    }
}

type Running = tokio::task::JoinHandle<Result<(), bot_core::Error>>;

fn spawn_start(bot: &Bot) -> Running {
    let runner = bot.clone();
    tokio::spawn(async move { runner.start().await })
}

/// Closes the bot and returns how long `start` took to return, which must be `Ok(())`.
async fn close_and_time(bot: &Bot, task: Running) -> Duration {
    let asked = Instant::now();
    bot.close();
    let result = tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("start returns within 5 s of close()")
        .expect("the task did not panic");
    assert!(result.is_ok(), "{result:?}");
    asked.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_before_start_makes_start_return_at_once() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let bot = bot_without_commands(&sandbox);
    bot.close();
    let result = tokio::time::timeout(Duration::from_secs(3), bot.start()).await;
    assert!(
        matches!(result, Ok(Ok(()))),
        "start after close returns Ok(()) at once: {result:?}"
    );
    assert_eq!(
        sandbox.gateway().connected(),
        0,
        "no shard stayed connected"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_during_login_is_honoured() {
    // REST that accepts and never answers: `start` is stuck in `login`.
    let rest = Server::silent().await;
    let bot = Bot::builder()
        .token("MTIz.abc.def")
        .api_base(format!("http://{}/api/v10", rest.addr))
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let task = spawn_start(&bot);
    rest.wait_for_accepted(1).await;
    let took = close_and_time(&bot, task).await;
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_interrupts_a_pending_gateway_connect() {
    // A gateway that accepts TCP and never answers the WebSocket upgrade.
    let gateway = Server::silent().await;
    let sandbox =
        sandbox_with_shape(GatewayUrlShape::Custom(format!("ws://{}", gateway.addr))).await;
    let bot = bot_without_commands(&sandbox);
    let task = spawn_start(&bot);
    gateway.wait_for_accepted(1).await;
    let took = close_and_time(&bot, task).await;
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_interrupts_a_back_off_sleep() {
    // A gateway that accepts TCP and drops it: every connect fails and the shard backs off.
    let gateway = Server::start(|stream| async move { drop(stream) }).await;
    let sandbox =
        sandbox_with_shape(GatewayUrlShape::Custom(format!("ws://{}", gateway.addr))).await;
    let bot = bot_without_commands(&sandbox);
    let task = spawn_start(&bot);
    gateway.wait_for_accepted(3).await;
    // The shard now waits at least half a second before the fourth try.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let took = close_and_time(&bot, task).await;
    assert!(took < Duration::from_millis(300), "took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_oversized_identify_is_retried_with_growing_waits() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_addr = listener.local_addr().unwrap();
    let sandbox = sandbox_with_shape(GatewayUrlShape::Custom(format!("ws://{proxy_addr}"))).await;
    let target = sandbox.addr();
    let proxy = Server::on(listener, move |stream| forward(stream, target));
    // IDENTIFY over Discord's 4096 bytes: the gateway closes with 4002 every time.
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .activity(Activity::playing("x".repeat(5000)))
        .build()
        .unwrap();
    let task = spawn_start(&bot);
    proxy.wait_for_accepted(1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let connections = proxy.accepted();
    assert!(
        (2..=5).contains(&connections),
        "{connections} connections in 2 s: retried, with growing waits"
    );
    close_and_time(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_that_accepts_and_closes_is_retried_with_growing_waits() {
    // Completes the WebSocket upgrade, then closes at once.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_addr = listener.local_addr().unwrap();
    let sandbox = sandbox_with_shape(GatewayUrlShape::Custom(format!("ws://{proxy_addr}"))).await;
    let target = sandbox.addr();
    let closing = Server::on(listener, move |client| async move {
        // Forward the upgrade to the sandbox, then cut both sides after its answer.
        if let Ok(mut server) = TcpStream::connect(target).await {
            let mut client = client;
            let _ = tokio::time::timeout(
                Duration::from_millis(50),
                tokio::io::copy_bidirectional(&mut client, &mut server),
            )
            .await;
        }
    });
    let bot = bot_without_commands(&sandbox);
    let task = spawn_start(&bot);
    closing.wait_for_accepted(1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let connections = closing.accepted();
    assert!(
        (2..=5).contains(&connections),
        "{connections} connections in 2 s: retried, with growing waits"
    );
    close_and_time(&bot, task).await;
}

/// A tracing layer that panics on the first warning the gateway logs: the only way to make a
/// shard task panic from outside.
struct PanicOnGatewayWarning;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for PanicOnGatewayWarning {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        let meta = event.metadata();
        if *meta.level() == tracing::Level::WARN && meta.target().starts_with("bot_core::gateway") {
            panic!("a layer that panics inside the shard task");
        }
    }
}

#[tokio::test]
async fn a_shard_that_panics_makes_start_return_an_error() {
    use tracing_subscriber::layer::SubscriberExt;
    // A current-thread runtime: every task runs on this thread, under this subscriber.
    let _guard = tracing::subscriber::set_default(
        tracing_subscriber::registry().with(PanicOnGatewayWarning),
    );
    // Every connect fails, so the shard logs a warning and panics.
    let gateway = Server::start(|stream| async move { drop(stream) }).await;
    let sandbox =
        sandbox_with_shape(GatewayUrlShape::Custom(format!("ws://{}", gateway.addr))).await;
    let bot = bot_without_commands(&sandbox);
    // A generous guard: under a loaded CI machine the first connect (TLS set-up included) may be
    // slow; what matters is that `start` returns with the shard's panic, not how fast.
    let result = tokio::time::timeout(Duration::from_secs(30), bot.start())
        .await
        .expect("start returns once its only shard is gone");
    let error = result.expect_err("a panicked shard is an error");
    assert!(error.to_string().contains("panicked"), "{error}");
}

#[test]
fn a_heartbeat_timeout_that_overflows_the_clock_is_a_builder_error() {
    let built = Bot::builder()
        .token("MTIz.abc.def")
        .registry(CommandRegistry::default())
        .heartbeat_timeout(Duration::MAX)
        .build();
    let error = built.expect_err("Duration::MAX cannot be added to an Instant");
    assert!(error.to_string().contains("heartbeat_timeout"), "{error}");
    let zero = Bot::builder()
        .token("MTIz.abc.def")
        .registry(CommandRegistry::default())
        .heartbeat_timeout(Duration::ZERO)
        .build();
    assert!(zero.is_err(), "every heartbeat would time out at once");
    let fine = Bot::builder()
        .token("MTIz.abc.def")
        .registry(CommandRegistry::default())
        .heartbeat_timeout(Duration::from_secs(60))
        .build();
    assert!(fine.is_ok());
}

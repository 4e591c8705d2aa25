//! No subscriber configuration lets a secret into a log record. Under the most common setup —
//! `tracing_subscriber::fmt()` with `EnvFilter::new("trace")`, whose `init()` installs the `log`
//! bridge — with no target turned off, a bot that identifies, receives an interaction (over
//! zlib-stream and over uncompressed text frames) and answers it, and a mesh client that
//! identifies with a password, leave neither the bot token, an interaction token nor the mesh
//! password in any record, in clear or hex-encoded; neither do the `Debug` output of the bot,
//! its client, its contexts or its errors, nor a failing transport's errors and retry warnings.
//!
//! The sandboxes run on a runtime of their own whose threads are named `sandbox`: the records
//! those threads make (the test server's, with its own WebSocket library) are kept apart, and
//! every other record of the process — the SDK's and its dependencies' — is checked.

mod common;

use bot_core::command::CommandRegistry;
use bot_core::prelude::*;
use futures_util::StreamExt;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Echoes its text back.
#[slash_command]
async fn echo(
    ctx: &ApplicationContext,
    /** What to say */
    text: String,
) -> CommandResult {
    tracing::trace!(?ctx, "echo called");
    ctx.respond(text).await?;
    Ok(())
}

/// The name of the sandbox runtime's threads.
const SANDBOX_THREADS: &str = "sandbox";

/// Log output, split by the thread that wrote the record.
#[derive(Clone, Default)]
struct Capture {
    sdk: Arc<Mutex<Vec<u8>>>,
    sandbox: Arc<Mutex<Vec<u8>>>,
}

impl Capture {
    fn sdk(&self) -> String {
        String::from_utf8_lossy(&self.sdk.lock().unwrap()).into_owned()
    }
}

/// Where one record goes: chosen on the thread that makes it.
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Sink;

    fn make_writer(&'a self) -> Sink {
        let on_sandbox = std::thread::current().name() == Some(SANDBOX_THREADS);
        Sink(if on_sandbox { &self.sandbox } else { &self.sdk }.clone())
    }
}

/// A runtime of its own for the test servers.
struct SandboxRuntime(Option<tokio::runtime::Runtime>);

impl SandboxRuntime {
    fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name(SANDBOX_THREADS)
            .enable_all()
            .build()
            .unwrap();
        SandboxRuntime(Some(runtime))
    }

    /// Runs `future` on the sandbox's threads.
    async fn run<T: Send + 'static>(&self, future: impl Future<Output = T> + Send + 'static) -> T {
        let runtime = self.0.as_ref().unwrap();
        runtime.spawn(future).await.unwrap()
    }
}

impl Drop for SandboxRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

/// Runs a bot on `sandbox` until it answered one `/echo`; the interaction's token.
async fn invoke_echo(
    runtime: &SandboxRuntime,
    sandbox: &Arc<bot_sandbox::SandboxHandle>,
) -> String {
    let world = sandbox.default_guild().unwrap();
    let token = sandbox.token();
    let bot = Bot::builder()
        .token(token.clone())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::collect().unwrap())
        .build()
        .unwrap();
    let (task, mut events) = common::started_with_events(&bot).await;
    let user = sandbox.user(world.member);
    let channel = world.channel;
    let mut invocation = runtime
        .run(async move {
            user.slash(channel, "echo", serde_json::json!({"text": "hi"}))
                .await
                .unwrap()
        })
        .await;
    let interaction_token = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(event) = events.next().await {
            if let Event::InteractionCreate(interaction) = event {
                let shown = format!("{interaction:?}");
                assert!(!shown.contains(&interaction.token), "{shown}");
                return interaction.token.clone();
            }
        }
        panic!("the event stream ended");
    })
    .await
    .unwrap();
    let response = runtime
        .run(async move { invocation.response().await.unwrap() })
        .await;
    assert_eq!(response.content(), Some("hi"));
    bot.close();
    task.await.unwrap().unwrap();
    for shown in [format!("{bot:?}"), format!("{:?}", bot.http())] {
        assert!(!shown.contains(&token), "{shown}");
    }
    interaction_token
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trace_logs_and_debug_output_never_contain_secrets() {
    let capture = Capture::default();
    // The README's logging setup at TRACE: every target on, the `log` bridge installed.
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
        .with_writer(capture.clone())
        .with_ansi(false)
        .try_init()
        .expect("no other subscriber or log bridge in this test binary");
    log::trace!(target: "a_log_crate_user", "records of the log crate reach the subscriber");

    let runtime = SandboxRuntime::new();
    const PASSWORD: &str = "mesh-password-0f9e8d";
    let mesh = bot_sandbox::mesh::MeshConfig::default().password(PASSWORD);
    let compressed = runtime
        .run(async move {
            bot_sandbox::Sandbox::builder()
                .log_traffic(true)
                .mesh(mesh)
                .start()
                .await
                .unwrap()
        })
        .await;
    let compressed = Arc::new(compressed);
    let plain = runtime
        .run(async {
            bot_sandbox::Sandbox::builder()
                .log_traffic(true)
                .compression(false)
                .start()
                .await
                .unwrap()
        })
        .await;
    let plain = Arc::new(plain);
    let mut secrets = vec![compressed.token(), plain.token(), PASSWORD.to_owned()];

    // A bot over zlib-stream, then one whose gateway sends text frames.
    secrets.push(invoke_echo(&runtime, &compressed).await);
    secrets.push(invoke_echo(&runtime, &plain).await);

    // A mesh client identifies with the password, sends metadata and closes.
    let dsn = compressed.mesh().unwrap().dsn("my-bot");
    assert!(dsn.contains(PASSWORD), "the DSN carries the password");
    let client = bot_core::mesh::Client::builder(&dsn, "shard-0")
        .unwrap()
        .connect()
        .await
        .unwrap();
    client
        .update_metadata(bot_core::mesh::Metadata::new().with("shard_id", 0), true)
        .await
        .unwrap();
    assert!(!format!("{client:?}").contains(PASSWORD));
    client.close().await;

    // The handler logs "handled" just after its response reached the user: wait for the line.
    for _ in 0..40 {
        if capture.sdk().matches("handled").count() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let logs = capture.sdk();
    assert!(logs.contains("echo called"), "TRACE output was captured");
    let handled = logs
        .lines()
        .find(|l| l.contains("handled"))
        .expect("the interaction was logged");
    assert!(
        handled.contains("interaction{command=echo}"),
        "span with the command path: {handled}"
    );
    assert!(
        handled.contains("first_response_ms="),
        "latency to the first response: {handled}"
    );
    assert!(
        logs.contains("records of the log crate reach the subscriber"),
        "the log bridge is installed"
    );

    // A transport that fails: a server that closes every connection at once. The request goes to
    // a webhook route whose path holds the interaction token; idempotent, so it is retried with
    // a warning each time.
    let interaction_token = secrets[3].clone();
    let closing = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = closing.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((socket, _)) = closing.accept().await {
            drop(socket);
        }
    });
    let http = bot_core::http::Http::new(
        format!("http://{addr}/api/v10"),
        bot_core::http::Token::new(secrets[0].clone()),
    );
    let path = format!("/webhooks/1/{interaction_token}/messages/@original");
    let failed = http
        .request(
            reqwest::Method::PATCH,
            &path,
            bot_core::http::Body::Json(serde_json::json!({"content": "x"})),
        )
        .await
        .unwrap_err();
    for shown in [failed.to_string(), format!("{failed:?}")] {
        assert!(!shown.contains(&interaction_token), "{shown}");
    }

    let logs = capture.sdk();
    assert!(logs.contains("retrying"), "the retries were logged");
    assert!(
        !capture.sandbox.lock().unwrap().is_empty(),
        "the sandbox's records were told apart, not lost"
    );
    for secret in &secrets {
        assert!(!secret.is_empty());
        let hex: String = secret.bytes().map(|b| format!("{b:02x}")).collect();
        assert!(!logs.contains(secret.as_str()), "a secret is in the logs");
        assert!(!logs.contains(&hex), "a hex-encoded secret is in the logs");
    }
    drop((compressed, plain));
}

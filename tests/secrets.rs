//! At TRACE level, with the README's subscriber setup (the `log` bridge installed, so records of
//! crates that log through `log`, tungstenite among them, are captured too), the logs never
//! contain the bot token or an interaction token, in clear or hex-encoded; neither do the `Debug`
//! output of the bot, its client, its contexts or its errors, nor a failing transport's errors
//! and retry warnings.

mod common;

use bot_core::command::CommandRegistry;
use bot_core::prelude::*;
use common::Captured;
use futures_util::StreamExt;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trace_logs_and_debug_output_never_contain_tokens() {
    let captured = Captured::default();
    let writer = captured.clone();
    // The README's logging setup, at TRACE, writing into `captured`.
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::prelude::*;
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(move || writer.clone())
                .with_ansi(false),
        )
        .with(
            Targets::new()
                .with_default(LevelFilter::TRACE)
                .with_target("tungstenite", LevelFilter::OFF)
                .with_target("tokio_tungstenite", LevelFilter::OFF),
        )
        .try_init()
        .expect("no other subscriber or log bridge in this test binary");
    log::trace!(target: "a_log_crate_user", "records of the log crate reach the subscriber");

    let sandbox = bot_sandbox::Sandbox::builder()
        .log_traffic(true)
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    let token = sandbox.token();
    let bot = Bot::builder()
        .token(token.clone())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::collect().unwrap())
        .build()
        .unwrap();
    let mut events = bot.events();
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.start().await });
    let mut interaction_token = String::new();
    let mut invocation = None;
    tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(event) = events.next().await {
            match event {
                Event::Ready(_) => {
                    invocation = Some(
                        sandbox
                            .user(world.member)
                            .slash(world.channel, "echo", serde_json::json!({"text": "hi"}))
                            .await
                            .unwrap(),
                    );
                }
                Event::InteractionCreate(interaction) => {
                    interaction_token = interaction.token.clone();
                    let shown = format!("{interaction:?}");
                    assert!(!shown.contains(&interaction_token), "{shown}");
                    break;
                }
                _ => {}
            }
        }
    })
    .await
    .unwrap();
    let response = invocation.unwrap().response().await.unwrap();
    assert_eq!(response.content(), Some("hi"));
    bot.close();
    task.await.unwrap().unwrap();

    for shown in [format!("{bot:?}"), format!("{:?}", bot.http())] {
        assert!(!shown.contains(&token), "{shown}");
    }
    // The handler logs "handled" just after its response reached the user: wait for the line.
    let logged = || captured.text();
    for _ in 0..40 {
        if logged().contains("handled") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let logs = logged();
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
    assert!(!interaction_token.is_empty());

    // A transport that fails: a server that closes every connection at once. The request goes to
    // a webhook route whose path holds the interaction token; idempotent, so it is retried with
    // a warning each time.
    let closing = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = closing.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((socket, _)) = closing.accept().await {
            drop(socket);
        }
    });
    let http = bot_core::http::Http::new(
        format!("http://{addr}/api/v10"),
        bot_core::http::Token::new(token.clone()),
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
    let logs = logged();
    assert!(logs.contains("retrying"), "the retries were logged");
    for secret in [&token, &interaction_token] {
        let hex: String = secret.bytes().map(|b| format!("{b:02x}")).collect();
        assert!(!logs.contains(secret.as_str()), "a token is in the logs");
        assert!(!logs.contains(&hex), "a hex-encoded token is in the logs");
    }
}

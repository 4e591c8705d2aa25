//! The runtime's less common paths: the session start limit, 429s and 5xx answers, individual
//! sync, and zombie connections.

mod common;

use bot_core::command::CommandRegistry;
use bot_core::http::{Body, Http, HttpError, Token};
use bot_core::prelude::*;
use bot_core::spec::CommandSpec;
use bot_core::sync::{SyncMethod, SyncOptions};
use bot_sandbox::{RouteName, Sandbox, Timings};
use common::{started, started_with_events, stop};
use futures_util::StreamExt;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

fn empty() -> CommandRegistry {
    CommandRegistry::from_specs([]).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_refuses_when_the_session_start_limit_is_spent() {
    // Spent for the day, and the bot may wait a minute at most for the reset: it refuses at once
    // (by default it would wait for `reset_after`).
    let sandbox = Sandbox::builder()
        .session_start_limit(0)
        .start()
        .await
        .unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(empty())
        .session_start_max_wait(Duration::from_secs(60))
        .build()
        .unwrap();
    let error = bot.start().await.unwrap_err();
    assert!(
        matches!(
            error,
            bot_core::Error::SessionStartLimit {
                remaining: 0,
                needed: 1
            }
        ),
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_is_waited_out_and_retried() {
    let sandbox = Sandbox::builder()
        .rate_limit(RouteName::CreateMessage, 1, Duration::from_millis(300))
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    // Two clients that do not share what they learned: the second meets the limit unawares.
    let first = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let second = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    first
        .create_message(world.channel.into(), &CreateMessage::new().content("one"))
        .await
        .unwrap();
    second
        .create_message(world.channel.into(), &CreateMessage::new().content("two"))
        .await
        .unwrap();
    assert_eq!(
        sandbox.request_counts().1,
        1,
        "exactly one 429, then the retry succeeded"
    );
    let contents: Vec<_> = sandbox
        .messages(world.channel)
        .iter()
        .map(|m| m["content"].clone())
        .collect();
    assert_eq!(contents, [json!("one"), json!("two")]);
}

/// A server that always answers 500, counting requests.
async fn failing_server() -> (String, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let app = axum::Router::new().fallback(move || {
        let counter = counter.clone();
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            (
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "{\"message\": \"boom\", \"code\": 0}",
            )
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/v10", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, hits)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_retry_idempotent_requests_and_never_posts() {
    let (base, hits) = failing_server().await;
    let http = Http::new(base, Token::new("t.t.t"));
    let error = http
        .request(reqwest::Method::GET, "/users/@me", Body::Empty)
        .await
        .unwrap_err();
    assert!(
        matches!(error, HttpError::Api { status: 500, .. }),
        "{error}"
    );
    assert_eq!(hits.load(Ordering::SeqCst), 4, "one try and three retries");
    hits.store(0, Ordering::SeqCst);
    let error = http
        .create_message(1.into(), &CreateMessage::new().content("x"))
        .await
        .unwrap_err();
    assert!(matches!(error, HttpError::OutcomeUnknown { .. }), "{error}");
    assert_eq!(hits.load(Ordering::SeqCst), 1, "a POST is not retried");
    assert!(error.to_string().contains("/channels/{id}/messages"));
}

fn spec(name: &str, description: &str) -> CommandSpec<'static> {
    let mut spec = CommandSpec::chat_input("", "");
    spec.name = name.to_owned().into();
    spec.description = description.to_owned().into();
    spec
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn individual_sync_touches_only_what_differs() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let bot = |specs: Vec<CommandSpec<'static>>| {
        Bot::builder()
            .token(sandbox.token())
            .api_base(sandbox.rest_url())
            .registry(CommandRegistry::from_specs(specs).unwrap())
            .build()
            .unwrap()
    };
    let first = bot(vec![spec("a", "A"), spec("b", "B"), spec("c", "C")]);
    first.login().await.unwrap();
    first.sync_commands().await.unwrap();
    let ids: Vec<_> = sandbox
        .commands(None)
        .iter()
        .map(|c| c["id"].clone())
        .collect();
    let second = bot(vec![spec("a", "A"), spec("b", "B, changed")]);
    second.login().await.unwrap();
    let options = SyncOptions {
        method: SyncMethod::Individual,
        delete_existing: false,
        ..SyncOptions::default()
    };
    let report = second.register_commands(options).await.unwrap();
    assert_eq!(report.writes, 1, "only `b` is written");
    let after = sandbox.commands(None);
    assert_eq!(after.len(), 3, "`c` stays: delete_existing is off");
    assert_eq!(
        after.iter().map(|c| c["id"].clone()).collect::<Vec<_>>(),
        ids,
        "ids are kept"
    );
    assert_eq!(sandbox.command_writes(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zombie_connection_is_closed_and_resumed() {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            heartbeat_interval: Duration::from_millis(300),
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .heartbeat_timeout(Duration::from_millis(150))
        .registry(empty())
        .build()
        .unwrap();
    let (task, mut events) = started_with_events(&bot).await;
    sandbox.gateway().acknowledge_heartbeats(false);
    tokio::time::sleep(Duration::from_millis(700)).await;
    sandbox.gateway().acknowledge_heartbeats(true);
    let resumed = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(event) = events.next().await {
            if matches!(event, Event::Resumed(_)) {
                return true;
            }
        }
        false
    })
    .await;
    assert_eq!(
        resumed,
        Ok(true),
        "the zombie connection was replaced and the session resumed"
    );
    let measured = tokio::time::timeout(Duration::from_secs(3), async {
        while bot.latency().is_none() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(
        measured.is_ok(),
        "heartbeats are acknowledged again and latency is measured"
    );
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_is_answered_with_no_choices_and_never_reaches_a_handler() {
    use bot_core::spec::{OptionKind, OptionSpec};
    let sandbox = Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    let search = spec("search", "Search").option(
        OptionSpec::new(OptionKind::String, "query", "What to look for")
            .required(true)
            .autocomplete(true),
    );
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::from_specs([search]).unwrap())
        .build()
        .unwrap();
    let task = started(&bot).await;
    let mut typing = sandbox
        .user(world.member)
        .autocomplete(world.channel, "search", json!({"query": "ru"}), "query")
        .await
        .unwrap();
    let answer = typing.response().await.unwrap();
    assert_eq!(answer.kind, 8);
    assert_eq!(answer.data["choices"], json!([]));
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn multipart_bodies_and_typed_field_errors() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let body = Body::Multipart {
        payload: json!({"content": "with a file"}),
        files: vec![("notes.txt".to_owned(), b"hello".to_vec())],
    };
    let path = format!("/channels/{}/messages", world.channel);
    let sent = http
        .request(reqwest::Method::POST, &path, body)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sent["content"], "with a file");

    let invalid = [json!({"name": "Bad Name", "description": ""})];
    let error = http
        .bulk_overwrite_commands(sandbox.application_id().into(), None, &invalid)
        .await
        .unwrap_err();
    let HttpError::Api {
        status,
        code,
        errors,
        ..
    } = &error
    else {
        panic!("{error}")
    };
    assert_eq!((*status, *code), (400, 50035));
    let errors = errors.as_ref().unwrap();
    assert_eq!(
        errors["0"]["name"]["_errors"][0]["code"],
        "APPLICATION_COMMAND_INVALID_NAME"
    );
    assert_eq!(error.code(), Some(50035));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn routes_sharing_a_bucket_share_its_limit() {
    let sandbox = Sandbox::builder()
        .rate_limit(RouteName::Webhooks, 2, Duration::from_millis(500))
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let app = sandbox.application_id();
    http.bulk_overwrite_commands(
        app.into(),
        None,
        &[json!({"name": "ping", "description": "Ping"})],
    )
    .await
    .unwrap();
    let invocation = sandbox
        .user(world.member)
        .slash(world.channel, "ping", json!({}))
        .await
        .unwrap();
    let token = sandbox.interaction_token(invocation.id()).unwrap();
    http.interaction_callback(
        invocation.id().into(),
        &token,
        &InteractionResponse::Message(CreateMessage::new().content("0")),
    )
    .await
    .unwrap();
    // Follow-ups (POST) and edits (PATCH) are different routes in one bucket, per token.
    for i in 1..=3 {
        http.create_followup(
            app.into(),
            &token,
            &CreateMessage::new().content(format!("f{i}")),
        )
        .await
        .unwrap();
        http.edit_original_response(
            app.into(),
            &token,
            &CreateMessage::new().content(format!("e{i}")),
        )
        .await
        .unwrap();
    }
    assert_eq!(
        sandbox.request_counts().1,
        0,
        "the shared bucket was waited for, never exceeded"
    );
    assert_eq!(invocation.followups().len(), 3);
    assert_eq!(invocation.original_message().unwrap()["content"], "e3");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_command_is_answered_and_never_triggers_a_write() {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    // Discord still has a command this program no longer defines.
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    http.bulk_overwrite_commands(
        sandbox.application_id().into(),
        None,
        &[json!({"name": "old", "description": "Gone"})],
    )
    .await
    .unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .auto_sync_commands(false)
        .registry(empty())
        .build()
        .unwrap();
    let task = started(&bot).await;
    let writes = sandbox.command_writes();
    let mut invocation = sandbox
        .user(world.member)
        .slash(world.channel, "old", json!({}))
        .await
        .unwrap();
    let answer = invocation.response().await.unwrap();
    assert_eq!(answer.content(), Some("This command is not available."));
    assert!(answer.ephemeral());
    assert_eq!(sandbox.command_writes(), writes, "no write");
    stop(&bot, task).await;
}

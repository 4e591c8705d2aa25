//! The REST client under faults a faithful sandbox does not make: small local servers that stall,
//! send odd rate-limit values, answer with a proxy's HTML page or a global 429, and a run of
//! 10,000 interactions after which the client holds no per-interaction state.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bot_core::http::{Body, Http, HttpError, Token};
use bot_core::model::{CreateMessage, InteractionResponse};
use reqwest::Method;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Serves `app` on a free port; returns the API base URL.
async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/api/v10")
}

fn limited(bucket: &'static str, remaining: &'static str, reset_after: &'static str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("x-ratelimit-bucket", bucket.parse().unwrap());
    headers.insert("x-ratelimit-limit", "5".parse().unwrap());
    headers.insert("x-ratelimit-remaining", remaining.parse().unwrap());
    headers.insert("x-ratelimit-reset-after", reset_after.parse().unwrap());
    headers
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_interactions_leave_no_state_behind() {
    let app = Router::new()
        .route(
            "/api/v10/interactions/{id}/{token}/callback",
            post(|| async { (StatusCode::NO_CONTENT, limited("callback", "4", "0.05")) }),
        )
        .route(
            "/api/v10/webhooks/{app}/{token}",
            post(|| async {
                (
                    limited("followup", "4", "0.05"),
                    axum::Json(json!({"id": "1", "channel_id": "2", "content": "more",
                                      "author": {"id": "3", "username": "bot"}})),
                )
            }),
        );
    let http = Http::new(serve(app).await, Token::new("bot.token.here"));
    let largest = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for worker in 0..8u64 {
        let http = http.clone();
        let largest = largest.clone();
        workers.push(tokio::spawn(async move {
            for i in 0..1250u64 {
                let id = worker * 10_000 + i;
                let token = format!("aW50ZXJhY3Rpb246{id}:secret");
                http.interaction_callback(id.into(), &token, &InteractionResponse::deferred(false))
                    .await
                    .unwrap();
                http.create_followup(1.into(), &token, &CreateMessage::new().content("more"))
                    .await
                    .unwrap();
                let state = http.tracked_state();
                largest.fetch_max(state.queues + state.limits, Ordering::Relaxed);
            }
        }));
    }
    for worker in workers {
        worker.await.unwrap();
    }
    let state = http.tracked_state();
    assert_eq!(state.queues, 0, "no request is queued: no queue is kept");
    assert_eq!(
        state.buckets, 2,
        "one bucket per route, not per interaction"
    );
    let largest = largest.load(Ordering::Relaxed);
    assert!(
        largest < 1000,
        "at most the windows still open are kept, not 20,000 entries: {largest}"
    );
    // Windows last 50 ms; closed ones are swept at least once a second.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    http.interaction_callback(1.into(), "last", &InteractionResponse::deferred(false))
        .await
        .unwrap();
    assert!(
        http.tracked_state().limits <= 1,
        "closed windows are dropped: {:?}",
        http.tracked_state()
    );
}

/// A server that accepts connections and never answers.
async fn stalled() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    format!("http://{addr}/api/v10")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_request_times_out_and_frees_its_route() {
    let http = Http::builder(stalled().await, Token::new("t.t.t"))
        .request_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = Instant::now();
    let post = http
        .create_message(1.into(), &CreateMessage::new().content("hello"))
        .await;
    assert!(
        matches!(post, Err(HttpError::OutcomeUnknown { .. })),
        "{post:?}"
    );
    // The same route is free again: the next request gets its own answer.
    let again = http
        .create_message(1.into(), &CreateMessage::new().content("again"))
        .await;
    assert!(
        matches!(again, Err(HttpError::OutcomeUnknown { .. })),
        "{again:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let get = http.current_user().await;
    assert!(matches!(get, Err(HttpError::Timeout { .. })), "{get:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn odd_rate_limit_values_never_panic() {
    let calls = Arc::new(AtomicUsize::new(0));
    let app = Router::new()
        .route(
            "/api/v10/users/@me",
            get(|State(calls): State<Arc<AtomicUsize>>| async move {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                let mut headers = HeaderMap::new();
                headers.insert("x-ratelimit-remaining", "NaN".parse().unwrap());
                headers.insert("x-ratelimit-reset-after", "inf".parse().unwrap());
                if n == 0 {
                    headers.insert("retry-after", "inf".parse().unwrap());
                    let body = json!({"message": "You are being rate limited.",
                                      "retry_after": -5.0, "global": false});
                    return (StatusCode::TOO_MANY_REQUESTS, headers, axum::Json(body))
                        .into_response();
                }
                (headers, axum::Json(json!({"id": "1", "username": "bot"}))).into_response()
            }),
        )
        .with_state(calls.clone());
    let http = Http::new(serve(app).await, Token::new("t.t.t"));
    let me = tokio::time::timeout(Duration::from_secs(5), http.current_user())
        .await
        .expect("a negative retry_after is no wait");
    assert_eq!(me.unwrap().id.get(), 1);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxys_html_error_page_keeps_its_status() {
    let app = Router::new().route(
        "/api/v10/users/@me",
        get(|| async {
            let mut response = (
                StatusCode::FORBIDDEN,
                "<html><body><h1>403 Forbidden</h1>by proxy</body></html>",
            )
                .into_response();
            response
                .headers_mut()
                .insert("content-type", "text/html".parse().unwrap());
            response
        }),
    );
    let http = Http::new(serve(app).await, Token::new("t.t.t"));
    let error = http.current_user().await.unwrap_err();
    assert_eq!(error.status(), Some(403), "{error:?}");
    assert!(error.to_string().contains("403 Forbidden"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interaction_routes_are_exempt_from_the_global_limit() {
    #[derive(Clone, Default)]
    struct Seen {
        calls: Arc<AtomicUsize>,
        callback_auth: Arc<Mutex<Option<bool>>>,
    }
    let seen = Seen::default();
    let app = Router::new()
        .route(
            "/api/v10/users/@me",
            get(|State(seen): State<Seen>| async move {
                if seen.calls.fetch_add(1, Ordering::SeqCst) == 0 {
                    let body = json!({"message": "You are being rate limited.",
                                      "retry_after": 1.5, "global": true});
                    let mut headers = HeaderMap::new();
                    headers.insert("x-ratelimit-global", "true".parse().unwrap());
                    return (StatusCode::TOO_MANY_REQUESTS, headers, axum::Json(body))
                        .into_response();
                }
                axum::Json(json!({"id": "1", "username": "bot"})).into_response()
            }),
        )
        .route(
            "/api/v10/interactions/{id}/{token}/callback",
            post(|State(seen): State<Seen>, headers: HeaderMap| async move {
                *seen.callback_auth.lock().unwrap() = Some(headers.contains_key("authorization"));
                Response::builder()
                    .status(StatusCode::NO_CONTENT)
                    .body(axum::body::Body::empty())
                    .unwrap()
            }),
        )
        .with_state(seen.clone());
    let http = Http::new(serve(app).await, Token::new("t.t.t"));
    let limited = {
        let http = http.clone();
        tokio::spawn(async move { http.current_user().await })
    };
    while seen.calls.load(Ordering::SeqCst) == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // The global limit is now in force for 1.5 s; an interaction answer must not wait for it.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let started = Instant::now();
    http.request(
        Method::POST,
        "/interactions/1/token/callback",
        Body::Json(json!({"type": 5})),
    )
    .await
    .unwrap();
    assert!(
        started.elapsed() < Duration::from_millis(700),
        "the callback waited {:?}",
        started.elapsed()
    );
    assert_eq!(
        *seen.callback_auth.lock().unwrap(),
        Some(false),
        "a token route carries no bot token"
    );
    assert_eq!(limited.await.unwrap().unwrap().id.get(), 1);
}

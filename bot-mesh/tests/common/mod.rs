//! Helpers shared by the end-to-end tests: a mesh server with short windows, clients, and an
//! HTTP service for proxied requests.
#![allow(dead_code)]

pub mod forwarder;
pub mod recorder;

use axum::extract::Path;
use axum::http::HeaderMap;
use axum::routing::any;
use axum::{Json, Router};
use bot_mesh::{Client, ClientBuilder};
use bot_sandbox::mesh::{MeshConfig, MeshHandle, MeshServer};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::Duration;

/// Short windows: heartbeats every 200 ms, one retry of an unroutable message after 20 ms.
pub fn config() -> MeshConfig {
    MeshConfig::default()
        .password("s3cret")
        .heartbeat_interval(Duration::from_millis(200))
        .no_route_retries(1, Duration::from_millis(20))
}

pub async fn mesh() -> MeshHandle {
    MeshServer::start(config())
        .await
        .expect("the mesh server starts")
}

pub fn builder(mesh: &MeshHandle, app: &str, id: &str) -> ClientBuilder {
    Client::builder(&mesh.dsn(app), id)
        .expect("the DSN parses")
        .backoff(Duration::from_millis(20), Duration::from_millis(200))
        .connect_timeout(Duration::from_secs(5))
}

pub async fn client(mesh: &MeshHandle, app: &str, id: &str) -> Client {
    builder(mesh, app, id)
        .connect()
        .await
        .expect("the client connects")
}

/// Polls `check` every 10 ms until it holds; panics after `limit`.
pub async fn eventually(what: &str, limit: Duration, mut check: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + limit;
    while !check() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "not within {limit:?}: {what}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// An HTTP service that echoes what it received: `{method, path, body, header}`.
pub async fn echo_service() -> SocketAddr {
    async fn echo(
        method: axum::http::Method,
        Path(path): Path<String>,
        headers: HeaderMap,
        body: String,
    ) -> Json<Value> {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        Json(json!({
            "method": method.as_str(),
            "path": path,
            "body": body,
            "x_token": header("x-token"),
            "forwarded_for": header("x-forwarded-for"),
        }))
    }
    let app = Router::new().route("/{*path}", any(echo));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    addr
}

/// Gives `client` (application `app`, id `id`) the metadata `role: sink` and waits until the
/// server stored it, so a query on it finds the client.
pub async fn make_sink(mesh: &MeshHandle, client: &Client, app: &str, id: &str) {
    client
        .update_metadata(bot_mesh::Metadata::new().with("role", "sink"), true)
        .await
        .unwrap();
    eventually("the sink's metadata stored", Duration::from_secs(5), || {
        mesh.metadata(app, id)
            .is_some_and(|stored| stored.get("role") == Some(&json!("sink")))
    })
    .await;
}

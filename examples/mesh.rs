//! Two processes of one bot on a service mesh, offline: the sandbox's singyeong-compatible
//! server, two clients, a SEND with a reply, a BROADCAST by metadata query, discovery by tags,
//! a proxied HTTP request, and a reconnect after GOODBYE with the metadata restored.
//!
//! ```text
//! cargo run --example mesh
//! ```

use axum::Json;
use axum::routing::get;
use bot_core::mesh::{Client, Event, EventKind, Metadata, ProxyMethod, Query};
use bot_sandbox::Sandbox;
use bot_sandbox::mesh::{MeshConfig, MeshHandle};
use serde_json::json;
use std::time::Duration;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

const WAIT: Option<Duration> = Some(Duration::from_secs(5));

async fn shard(mesh: &MeshHandle, id: u32, http: Option<String>) -> Result<Client> {
    let mut builder = Client::builder(&mesh.dsn("my-bot"), format!("shard-{id}"))?
        .tags(["music", "bot"])
        .backoff(Duration::from_millis(50), Duration::from_secs(1));
    if let Some(address) = http {
        builder = builder.ip(address);
    }
    let client = builder.connect().await?;
    let metadata = Metadata::new()
        .with("shard_id", id)
        .with("guilds", 10 * (id + 1));
    client.update_metadata(metadata, true).await?;
    Ok(client)
}

/// A stats endpoint served by shard 1's process, reached through the mesh's proxy.
async fn stats_service() -> Result<String> {
    let app = axum::Router::new().route(
        "/stats",
        get(|| async { Json(json!({"shard": 1, "guilds": 20})) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?.to_string();
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(address)
}

#[tokio::main]
async fn main() -> Result<()> {
    let sandbox = Sandbox::builder()
        .mesh(MeshConfig::default().password("s3cret"))
        .start()
        .await?;
    let mesh = sandbox.mesh().ok_or("the sandbox started a mesh server")?;
    println!("mesh server on {}", mesh.addr());

    let stats = stats_service().await?;
    let shard0 = shard(mesh, 0, None).await?;
    let shard1 = shard(mesh, 1, Some(stats)).await?;

    // Discovery by tags.
    println!("apps tagged music: {:?}", shard0.discover(["music"]).await?);

    // SEND to the shard with id 1; it answers with a SEND of its own, matched by nonce.
    let question = shard1.wait_for(EventKind::Data, WAIT, |_| true);
    let to_shard1 = Query::new("my-bot").eq("shard_id", 1);
    shard0
        .send(&json!({"ask": "guild_count"}), &to_shard1, Some("q-1"))
        .await?;
    let Event::Data(asked) = question.await? else {
        return Err("wait_for(Data) returns data".into());
    };
    let answer = shard0.wait_for(
        EventKind::Data,
        WAIT,
        |event| matches!(event, Event::Data(m) if m.nonce_str() == Some("q-1")),
    );
    let to_shard0 = Query::new("my-bot").eq("shard_id", 0);
    shard1
        .send(&json!({"guilds": 20}), &to_shard0, asked.nonce_str())
        .await?;
    if let Event::Data(reply) = answer.await? {
        println!("shard 1 said {} to {}", reply.payload, asked.payload);
    }

    // BROADCAST to every shard with more than 15 guilds.
    let busy = shard1.wait_for(EventKind::Data, WAIT, |_| true);
    let big_shards = Query::new("my-bot").gt("guilds", 15);
    shard0.broadcast(&"rebalance", &big_shards, None).await?;
    if let Event::Data(message) = busy.await? {
        println!("broadcast reached shard 1: {}", message.payload);
    }

    // An HTTP request to shard 1's process, routed by metadata.
    let response = shard0
        .proxy_request(ProxyMethod::Get, "/stats", &to_shard1, None, &[])
        .await?;
    println!("proxied GET /stats: {} {}", response.status, response.body);

    // GOODBYE: both reconnect and re-send their cached metadata.
    let ready = shard0.wait_for(EventKind::Ready, WAIT, |_| true);
    mesh.goodbye_all();
    ready.await?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let restored = loop {
        let stored = mesh.metadata("my-bot", "shard-0");
        if stored.as_ref().is_some_and(|m| m.contains_key("guilds")) {
            break stored;
        }
        if tokio::time::Instant::now() > deadline {
            return Err("metadata was not restored after the reconnect".into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    println!("after GOODBYE shard 0 is back with {restored:?}");
    let again = shard1.wait_for(EventKind::Data, WAIT, |_| true);
    shard0.send(&"still there?", &to_shard1, None).await?;
    again.await?;
    println!("routing by the restored metadata works");

    shard0.close().await;
    shard1.close().await;
    println!("closed: {} {}", shard0.is_closed(), shard1.is_closed());
    Ok(())
}

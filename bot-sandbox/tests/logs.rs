//! The sandbox's traffic log never contains the bot token or an interaction token: not from
//! `Authorization`, not from IDENTIFY or RESUME, not from interaction or webhook paths.

mod common;

use bot_sandbox::Sandbox;
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn traffic_logs_redact_every_token() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let sandbox = Sandbox::builder().log_traffic(true).start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let token = sandbox.token();
    let http = reqwest::Client::new();
    let commands = format!(
        "{}/applications/{}/commands",
        sandbox.rest_url(),
        sandbox.application_id()
    );
    http.put(&commands)
        .header("Authorization", format!("Bot {token}"))
        .json(&json!([{"name": "ping", "description": "Ping"}]))
        .send()
        .await
        .unwrap();

    let mut client =
        common::Client::connect(&format!("{}/?v=10", sandbox.gateway_url()), false).await;
    client.payload().await;
    client.send(common::identify(&token, 1)).await;
    let ready = client.until(0, Some("READY")).await;
    let session = ready["d"]["session_id"].as_str().unwrap().to_owned();

    let invocation = sandbox
        .user(world.member)
        .slash(world.channel, "ping", json!({}))
        .await
        .unwrap();
    let interaction_token = sandbox.interaction_token(invocation.id()).unwrap();
    let callback = format!(
        "{}/interactions/{}/{interaction_token}/callback",
        sandbox.rest_url(),
        invocation.id()
    );
    http.post(&callback)
        .json(&json!({"type": 4, "data": {"content": "pong"}}))
        .send()
        .await
        .unwrap();
    let webhook = format!(
        "{}/webhooks/{}/{interaction_token}",
        sandbox.rest_url(),
        sandbox.application_id()
    );
    http.post(&webhook)
        .json(&json!({"content": "more"}))
        .send()
        .await
        .unwrap();
    client.close().await;
    let mut resumed =
        common::Client::connect(&format!("{}/?v=10", sandbox.gateway_url()), false).await;
    resumed.payload().await;
    resumed
        .send(json!({"op": 6, "d": {"token": token, "session_id": session, "seq": 1}}))
        .await;
    resumed.until(0, Some("RESUMED")).await;

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("PUT /api/v10/applications/"),
        "the traffic is logged:\n{logs}"
    );
    assert!(
        logs.contains("/interactions/") && logs.contains("[redacted]"),
        "{logs}"
    );
    assert!(
        logs.contains("receive op 2") && logs.contains("receive op 6"),
        "{logs}"
    );
    assert!(!logs.contains(&token), "the bot token leaked into the log");
    assert!(
        !logs.contains(&interaction_token),
        "an interaction token leaked into the log"
    );
}

//! Raw REST calls and a raw gateway session for the tests of what command checks need.
#![allow(dead_code)]

use crate::common::{Client, identify};
use bot_sandbox::SandboxHandle;
use reqwest::Method;
use serde_json::Value;

/// REST with the bot token, no SDK code.
pub struct Rest {
    http: reqwest::Client,
    base: String,
    token: String,
    app: u64,
}

impl Rest {
    pub fn new(sandbox: &SandboxHandle) -> Rest {
        Rest {
            http: reqwest::Client::new(),
            base: sandbox.rest_url(),
            token: sandbox.token(),
            app: sandbox.application_id(),
        }
    }

    /// The status and JSON body (`null` when there is none).
    pub async fn send(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header("Authorization", format!("Bot {}", self.token));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("the sandbox answers");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.send(Method::GET, path, None).await
    }

    /// Bulk-overwrites the global commands (`guild: None`) or a guild's.
    pub async fn register(&self, guild: Option<u64>, commands: Value) -> Value {
        let path = match guild {
            Some(g) => format!("/applications/{}/guilds/{g}/commands", self.app),
            None => format!("/applications/{}/commands", self.app),
        };
        let (status, body) = self.send(Method::PUT, &path, Some(commands)).await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Answers an interaction with a message (callback type 4, `with_response=true`).
    pub async fn answer(&self, sandbox: &SandboxHandle, interaction: u64, content: &str) -> Value {
        let token = sandbox
            .interaction_token(interaction)
            .expect("a live interaction");
        let (status, body) = self
            .send(
                Method::POST,
                &format!("/interactions/{interaction}/{token}/callback?with_response=true"),
                Some(serde_json::json!({"type": 4, "data": {"content": content}})),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }
}

/// GUILDS | GUILD_MEMBERS | GUILD_PRESENCES | DIRECT_MESSAGES: GUILD_PRESENCES so GUILD_CREATE
/// lists every member of these small guilds (without it, only the bot and members in voice).
const INTENTS: u64 = 1 | (1 << 1) | (1 << 8) | (1 << 12);

/// A gateway session that has read READY and every GUILD_CREATE (keyed by guild id).
pub async fn session(sandbox: &SandboxHandle) -> (Client, Vec<Value>) {
    let url = format!(
        "{}/?v=10&encoding=json",
        sandbox.gateway_url().trim_end_matches('/')
    );
    let mut client = Client::connect(&url, false).await;
    assert_eq!(client.payload().await["op"], 10, "HELLO first");
    client.send(identify(&sandbox.token(), INTENTS)).await;
    let ready = client.until(0, Some("READY")).await;
    let count = ready["d"]["guilds"].as_array().map_or(0, Vec::len);
    let mut guilds = Vec::new();
    for _ in 0..count {
        guilds.push(client.until(0, Some("GUILD_CREATE")).await["d"].clone());
    }
    (client, guilds)
}

/// The next INTERACTION_CREATE's `d`.
pub async fn next_interaction(client: &mut Client) -> Value {
    client.until(0, Some("INTERACTION_CREATE")).await["d"].clone()
}

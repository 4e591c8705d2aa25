//! The walk: what the SDK and plain HTTP do through the proxy so that every REST route of the
//! sandbox answers, with a success and with each kind of error.

use super::proxy::RAW_CLIENT;
use bot_core::command::SyncConfig;
use bot_core::http::Http;
use bot_core::model::Id;
use bot_core::prelude::*;
use bot_core::spec::{CommandSpec, Scope};
use bot_sandbox::{DefaultGuild, Invocation, SandboxHandle};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Plain HTTP through the proxy, for the routes the SDK has no call for and for error answers.
pub struct Raw {
    pub client: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Raw {
    /// A request with the bot token: the status and the JSON body (`null` when there is none).
    pub async fn send(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        self.send_as(&format!("Bot {}", self.token), method, path, body)
            .await
    }

    async fn send_as(
        &self,
        authorization: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header(RAW_CLIENT, "1")
            .header("authorization", authorization);
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let response = request.send().await.expect("the proxy answers");
        let status = response.status().as_u16();
        let bytes = response.bytes().await.unwrap_or_default();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }
}

fn guild_spec(name: &str, description: &str, guild: u64) -> CommandSpec<'static> {
    let mut spec = CommandSpec::chat_input("", "");
    spec.name = name.to_owned().into();
    spec.description = description.to_owned().into();
    spec.scope = Scope::Guilds(vec![guild].into());
    spec
}

fn id_of(value: &Value) -> u64 {
    value["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an id in {value}"))
}

/// Waits until `done` holds, up to 5 s.
async fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(5);
    while !done() {
        assert!(Instant::now() < until, "{what} within 5 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A bot with this binary's commands answers `/reply` and `/think`; the routes the SDK has no
/// call for are read by hand with the interaction's token.
pub async fn interactions(sandbox: &SandboxHandle, world: DefaultGuild, raw: &Raw, bot: &Bot) {
    let app = sandbox.application_id();
    let bob = sandbox.user(world.member);
    let mut answered = bob
        .slash(world.channel, "reply", json!({}))
        .await
        .expect("the bot registered /reply");
    answered.response().await.expect("/reply is answered");
    let edited = answered
        .wait_for_edit("first, edited", Duration::from_secs(5))
        .await;
    assert!(edited.is_some(), "the SDK edited its answer");
    let followups = answered.wait_for_followups(1, Duration::from_secs(5)).await;
    let followup = id_of(followups.first().expect("the SDK followed up"));
    let token = sandbox
        .interaction_token(answered.id())
        .expect("a live token");
    let webhook = format!("/webhooks/{app}/{token}");
    let (status, _) = raw
        .send(Method::GET, &format!("{webhook}/messages/@original"), None)
        .await;
    assert_eq!(status, 200);
    let (status, _) = raw
        .send(Method::GET, &format!("{webhook}/messages/{followup}"), None)
        .await;
    assert_eq!(status, 200);
    let (status, _) = raw
        .send(
            Method::PATCH,
            &format!("{webhook}/messages/{followup}"),
            Some(json!({"content": "second, edited"})),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = raw
        .send(
            Method::DELETE,
            &format!("{webhook}/messages/{followup}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, _) = raw
        .send(Method::GET, &format!("{webhook}/messages/{followup}"), None)
        .await;
    assert_eq!(status, 404, "a deleted follow-up is gone");

    let mut thought = bob
        .slash(world.channel, "think", json!({}))
        .await
        .expect("the bot registered /think");
    thought.response().await.expect("/think is deferred");
    thought.wait_for_followups(1, Duration::from_secs(5)).await;
    eventually("the SDK deletes its answer", || {
        thought.original_message().is_none()
    })
    .await;

    bot.http()
        .create_message(
            Id::from(world.channel),
            &CreateMessage::new().content("hello from the SDK"),
        )
        .await
        .expect("the SDK posts a message");
}

/// Answers an interaction by hand, as py-cord does (`with_response=true`), and provokes the
/// callback's errors.
pub async fn callback_by_hand(
    sandbox: &SandboxHandle,
    world: DefaultGuild,
    raw: &Raw,
) -> Invocation {
    let invocation = sandbox
        .user(world.member)
        .slash(world.channel, "reply", json!({}))
        .await
        .expect("/reply is still registered");
    let token = sandbox
        .interaction_token(invocation.id())
        .expect("a live token");
    let path = format!("/interactions/{}/{token}/callback", invocation.id());
    let answer = json!({"type": 4, "data": {"content": "answered by hand"}});
    let (status, body) = raw
        .send(
            Method::POST,
            &format!("{path}?with_response=true"),
            Some(answer.clone()),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = raw.send(Method::POST, &path, Some(answer.clone())).await;
    assert_eq!((status, body["code"].clone()), (400, json!(40060)));
    let (status, body) = raw
        .send(
            Method::POST,
            &format!("/interactions/1/{token}/callback"),
            Some(answer),
        )
        .await;
    assert_eq!((status, body["code"].clone()), (404, json!(10062)));
    invocation
}

/// The command routes: bulk and single writes through the SDK's `Http`, the rest by hand.
pub async fn commands(sandbox: &SandboxHandle, world: DefaultGuild, raw: &Raw, http: &Http) {
    let app = sandbox.application_id();
    let guild = world.guild;
    let registry = CommandRegistry::from_specs([
        guild_spec("alpha", "The first", guild),
        guild_spec("beta", "The second", guild),
    ])
    .expect("valid specs");
    let payloads = registry.payloads(&SyncConfig::default()).expect("payloads");
    let body = payloads.values().next().expect("one guild scope").clone();
    http.commands(Id::from(app), Some(Id::from(guild)))
        .await
        .expect("the SDK lists guild commands");
    let roles = http
        .guild_roles(Id::from(guild))
        .await
        .expect("the SDK lists the guild's roles");
    assert!(
        roles.iter().any(|role| role.id.get() == guild),
        "@everyone is listed"
    );
    let stored = http
        .bulk_overwrite_commands(
            Id::from(app),
            Some(Id::from(guild)),
            body.as_array().expect("a list of commands"),
        )
        .await
        .expect("the SDK overwrites guild commands");
    let beta = stored
        .iter()
        .find(|c| c["name"] == "beta")
        .map(id_of)
        .expect("beta was stored");
    let mut gamma = body[0].clone();
    gamma["name"] = json!("gamma");
    let gamma = http
        .upsert_command(Id::from(app), Some(Id::from(guild)), &gamma)
        .await
        .expect("the SDK creates a guild command");
    let commands = format!("/applications/{app}/guilds/{guild}/commands");
    let (status, _) = raw
        .send(Method::GET, &format!("{commands}/{}", id_of(&gamma)), None)
        .await;
    assert_eq!(status, 200);
    let (status, _) = raw
        .send(
            Method::PATCH,
            &format!("{commands}/{}", id_of(&gamma)),
            Some(json!({"description": "The third, edited"})),
        )
        .await;
    assert_eq!(status, 200);
    http.delete_command(Id::from(app), Some(Id::from(guild)), Id::from(beta))
        .await
        .expect("the SDK deletes a guild command");

    let global = format!("/applications/{app}/commands");
    let (status, listed) = raw
        .send(
            Method::GET,
            &format!("{global}?with_localizations=false"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    let echo = listed
        .as_array()
        .and_then(|all| all.iter().find(|c| c["name"] == "echo"))
        .map(id_of)
        .expect("the bot registered /echo");
    let (status, _) = raw
        .send(Method::GET, &format!("{global}/{echo}"), None)
        .await;
    assert_eq!(status, 200);
    let (status, _) = raw
        .send(
            Method::PATCH,
            &format!("{global}/{echo}"),
            Some(json!({"description": "Repeat something, edited"})),
        )
        .await;
    assert_eq!(status, 200);
    let delta = json!({"name": "delta", "type": 1, "description": "The fourth"});
    let created = http
        .upsert_command(Id::from(app), None, &delta)
        .await
        .expect("the SDK creates a global command");
    http.delete_command(Id::from(app), None, Id::from(id_of(&created)))
        .await
        .expect("the SDK deletes a global command");
    // Rejected for a rule the spec cannot express (names are lowercase: §9.4 item 1), with
    // Discord's 50035 field errors.
    let (status, body) = raw
        .send(
            Method::POST,
            &global,
            Some(json!({"name": "Shout", "type": 1, "description": "Upper case"})),
        )
        .await;
    assert_eq!((status, body["code"].clone()), (400, json!(50035)));
    let (status, _) = raw.send(Method::GET, &format!("{global}/1"), None).await;
    assert_eq!(status, 404);
}

/// The other routes the SDK has no call for, and the 401, 404, 400 and 429 answers.
pub async fn by_hand(sandbox: &SandboxHandle, world: DefaultGuild, raw: &Raw) {
    let gets = [
        "/gateway".to_owned(),
        "/oauth2/applications/@me".to_owned(),
        "/soundboard-default-sounds".to_owned(),
        format!("/users/{}", world.owner),
        format!("/guilds/{}", world.guild),
        format!("/channels/{}", world.channel),
        format!("/channels/{}/messages?limit=50", world.channel),
    ];
    for path in &gets {
        let (status, body) = raw.send(Method::GET, path, None).await;
        assert_eq!(status, 200, "GET {path}: {body}");
    }
    for (path, code) in [
        ("/users/1", 10013),
        ("/guilds/1", 10004),
        ("/guilds/1/roles", 10004),
        ("/channels/1", 10003),
    ] {
        let (status, body) = raw.send(Method::GET, path, None).await;
        assert_eq!((status, body["code"].clone()), (404, json!(code)), "{path}");
    }
    let (status, _) = raw
        .send_as("Bot not-the-token", Method::GET, "/users/@me", None)
        .await;
    assert_eq!(status, 401);
    // A channel of its own, so the SDK's message above does not share its one-request window.
    let channel = sandbox
        .add_text_channel(world.guild, "limits")
        .expect("the default guild");
    let messages = format!("/channels/{channel}/messages");
    let (status, body) = raw
        .send(
            Method::POST,
            &messages,
            Some(json!({"content": "x".repeat(2001)})),
        )
        .await;
    assert_eq!((status, body["code"].clone()), (400, json!(50035)));
    let (status, _) = raw
        .send(Method::POST, &messages, Some(json!({"content": "again"})))
        .await;
    assert_eq!(status, 429);
}

//! Both sides of every REST route the sandbox serves, against Discord's own OpenAPI description
//! (`../shared/spec/discord-openapi.json`): the SDK (and, for routes the SDK has no call for,
//! plain HTTP) talks to the sandbox through a recording proxy; every request body must match the
//! operation's request schema and every response body the schema of its status.

mod common;
mod openapi;

use bot_core::command::SyncConfig;
use bot_core::http::Http;
use bot_core::model::Id;
use bot_core::prelude::*;
use bot_core::spec::{CommandSpec, Scope};
use bot_sandbox::{DefaultGuild, Invocation, RouteName, Sandbox, SandboxHandle, Timings};
use common::{started, stop};
use openapi::proxy::{Exchange, Proxy, RAW_CLIENT, Sender};
use openapi::routes::{SANDBOX_ROUTES, declared_in_source};
use openapi::spec::{Spec, best_template};
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// Answers, follows up, then edits its answer.
#[slash_command]
async fn reply(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("first").await?;
    ctx.followup("second").await?;
    ctx.edit_response("first, edited").await?;
    Ok(())
}

/// Thinks, answers, whispers, then takes the answer back.
#[slash_command]
async fn think(ctx: &ApplicationContext) -> CommandResult {
    ctx.defer(false).await?;
    ctx.respond("thought").await?;
    ctx.followup(Reply::new("psst").ephemeral()).await?;
    ctx.delete_response().await?;
    Ok(())
}

/// How loud.
#[derive(Choice)]
enum Volume {
    /// Whispered.
    #[choice(name = "Quiet", name_localized("fr", "Doux"))]
    Quiet,
    /// Shouted.
    #[choice(name = "Loud", value = "loud")]
    Loud,
}

/// Repeat something (a command with options of many kinds, for the request schemas).
#[slash_command(
    name_localized("fr", "repeter"),
    description_localized("fr", "Répéter quelque chose"),
    default_member_permissions = 1 << 11
)]
async fn echo(
    ctx: &ApplicationContext,
    /// What to say
    #[min_length = 1]
    #[max_length = 100]
    text: String,
    /// How often
    #[min = 1]
    #[max = 5]
    times: Option<i64>,
    /// How loud
    volume: Option<Volume>,
    /// Where
    channel: Option<TextChannel>,
    /// Who
    target: Option<User>,
    /// A ratio
    #[min = 0.5]
    ratio: Option<f64>,
) -> CommandResult {
    let _ = (ctx, text, times, volume, channel, target, ratio);
    Ok(())
}

/// Tools.
#[slash_group(contexts = [Guild], integration_types = [GuildInstall])]
mod tools {
    use super::*;

    /// Count members.
    #[slash_command]
    async fn count(
        ctx: &ApplicationContext,
        /** Whose */
        role: Option<Role>,
    ) -> CommandResult {
        let _ = (ctx, role);
        Ok(())
    }
}

#[user_command(name = "Wave at", name_localized("de", "Zuwinken"))]
async fn wave(ctx: &ApplicationContext, user: User) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

#[message_command(name = "Pin it")]
async fn pin(ctx: &ApplicationContext, message: Message) -> CommandResult {
    let _ = (ctx, message);
    Ok(())
}

/// Plain HTTP through the proxy, for the routes the SDK has no call for and for error answers.
struct Raw {
    client: reqwest::Client,
    base: String,
    token: String,
}

impl Raw {
    async fn send(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
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
async fn interactions(sandbox: &SandboxHandle, world: DefaultGuild, raw: &Raw, bot: &Bot) {
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
            json!({"content": "hello from the SDK"}),
        )
        .await
        .expect("the SDK posts a message");
}

/// Answers an interaction by hand, as py-cord does (`with_response=true`), and provokes the
/// callback's errors.
async fn callback_by_hand(sandbox: &SandboxHandle, world: DefaultGuild, raw: &Raw) -> Invocation {
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
async fn commands(sandbox: &SandboxHandle, world: DefaultGuild, raw: &Raw, http: &Http) {
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
    let stored = http
        .bulk_overwrite_commands(Id::from(app), Some(Id::from(guild)), body.clone())
        .await
        .expect("the SDK overwrites guild commands");
    let beta = stored
        .as_array()
        .and_then(|all| all.iter().find(|c| c["name"] == "beta"))
        .map(id_of)
        .expect("beta was stored");
    let mut gamma = body[0].clone();
    gamma["name"] = json!("gamma");
    let gamma = http
        .upsert_command(Id::from(app), Some(Id::from(guild)), gamma)
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
        .upsert_command(Id::from(app), None, delta)
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
async fn by_hand(sandbox: &SandboxHandle, world: DefaultGuild, raw: &Raw) {
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

/// The routes the SDK has a call for: each must have been used by the SDK itself, so that its
/// own request bodies were validated.
const SDK_ROUTES: &[(&str, &str)] = &[
    ("GET", "/users/@me"),
    ("GET", "/applications/@me"),
    ("GET", "/gateway/bot"),
    ("GET", "/applications/{app}/commands"),
    ("PUT", "/applications/{app}/commands"),
    ("POST", "/applications/{app}/commands"),
    ("DELETE", "/applications/{app}/commands/{id}"),
    ("GET", "/applications/{app}/guilds/{guild}/commands"),
    ("PUT", "/applications/{app}/guilds/{guild}/commands"),
    ("POST", "/applications/{app}/guilds/{guild}/commands"),
    ("DELETE", "/applications/{app}/guilds/{guild}/commands/{id}"),
    ("POST", "/channels/{channel}/messages"),
    ("POST", "/interactions/{id}/{token}/callback"),
    ("POST", "/webhooks/{app}/{token}"),
    ("PATCH", "/webhooks/{app}/{token}/messages/{message}"),
    ("DELETE", "/webhooks/{app}/{token}/messages/{message}"),
];

/// The sandbox route (method, template) an exchange used.
fn sandbox_route(exchange: &Exchange) -> Option<(&'static str, &'static str)> {
    let templates = SANDBOX_ROUTES
        .iter()
        .filter(|(method, _)| *method == exchange.method)
        .map(|(_, template)| *template);
    let template = best_template(templates, &exchange.path)?;
    SANDBOX_ROUTES
        .iter()
        .copied()
        .find(|(method, t)| *method == exchange.method && *t == template)
}

#[test]
fn the_route_list_is_the_sandboxs_router() {
    let source = include_str!("../bot-sandbox/src/rest/mod.rs");
    let declared: BTreeSet<(String, String)> = declared_in_source(source).into_iter().collect();
    let listed: BTreeSet<(String, String)> = SANDBOX_ROUTES
        .iter()
        .map(|(m, t)| ((*m).to_owned(), (*t).to_owned()))
        .collect();
    assert!(!declared.is_empty(), "routes found in the router's source");
    assert_eq!(
        declared, listed,
        "SANDBOX_ROUTES (and the walk in this file) must list exactly the router's REST routes"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_matches_discords_openapi_description() {
    let spec = Spec::load();
    let sandbox = Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .rate_limit(RouteName::CreateMessage, 1, Duration::from_secs(60))
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let proxy = Proxy::start(sandbox.addr()).await;
    let raw = Raw {
        client: reqwest::Client::new(),
        base: proxy.rest_url(),
        token: sandbox.token(),
    };
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(proxy.rest_url())
        .registry(CommandRegistry::collect().expect("this binary's commands"))
        .build()
        .expect("a bot");
    let (task, _events) = started(&bot).await;
    interactions(&sandbox, world, &raw, &bot).await;
    stop(&bot, task).await;
    callback_by_hand(&sandbox, world, &raw).await;
    commands(&sandbox, world, &raw, bot.http()).await;
    by_hand(&sandbox, world, &raw).await;

    let exchanges = proxy.exchanges();
    let findings = openapi::check(&spec, &exchanges);
    let seen: BTreeSet<(&str, &str)> = exchanges
        .iter()
        .filter(|e| (200..300).contains(&e.status))
        .filter_map(sandbox_route)
        .collect();
    let missing: Vec<String> = SANDBOX_ROUTES
        .iter()
        .filter(|route| !seen.contains(*route))
        .map(|(method, template)| format!("{method} {template}"))
        .collect();
    let by_sdk: BTreeSet<(&str, &str)> = exchanges
        .iter()
        .filter(|e| e.sender == Sender::Sdk)
        .filter_map(sandbox_route)
        .collect();
    let not_by_sdk: Vec<String> = SDK_ROUTES
        .iter()
        .filter(|route| !by_sdk.contains(*route))
        .map(|(method, template)| format!("{method} {template}"))
        .collect();
    let statuses: BTreeSet<u16> = exchanges.iter().map(|e| e.status).collect();
    let mut problems = Vec::new();
    if !findings.is_empty() {
        problems.push(format!(
            "{} violation(s) of Discord's OpenAPI description:\n  {}",
            findings.len(),
            findings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n  ")
        ));
    }
    if !missing.is_empty() {
        problems.push(format!(
            "routes never answered with a 2xx: {}",
            missing.join(", ")
        ));
    }
    if !not_by_sdk.is_empty() {
        problems.push(format!(
            "routes the SDK has a call for but never used: {}",
            not_by_sdk.join(", ")
        ));
    }
    for status in [400, 401, 404, 429] {
        if !statuses.contains(&status) {
            problems.push(format!("no {status} answer was validated"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} exchanges checked; the spec was amended at: {}\n{}",
        exchanges.len(),
        openapi::spec::amendments()
            .map(|(pointer, why)| format!("{pointer} ({why})"))
            .collect::<Vec<_>>()
            .join("; "),
        problems.join("\n")
    );
}

//! The sandbox renders what Discord renders: optional fields Discord omits are omitted, never
//! `null` (hikari 2.7 refuses `"webhook_id": null`); the messages an interaction's webhook sends
//! name the application and describe the interaction (MSG "Message Object",
//! "Message Interaction Metadata Object"; RR "Interaction Callback Object").

use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle};
use reqwest::{Client, Method};
use serde_json::{Value, json};

/// Keys whose value Discord sends as `null` when unset (they are always present).
const NULLABLE: &[&str] = &[
    "edited_timestamp",
    "avatar",
    "global_name",
    "primary_guild",
    "email",
    "nick",
    "banner",
    "premium_since",
    "contexts",
    "default_member_permissions",
    "name_localizations",
    "description_localizations",
];

/// Every `null` in `value` whose key is not one Discord sends as `null`, as a JSON path.
fn stray_nulls(value: &Value, path: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                let at = format!("{path}/{key}");
                if item.is_null() && !NULLABLE.contains(&key.as_str()) {
                    found.push(at);
                } else {
                    stray_nulls(item, &at, found);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                stray_nulls(item, &format!("{path}/{i}"), found);
            }
        }
        _ => {}
    }
}

fn assert_no_stray_null(what: &str, value: &Value) {
    let mut found = Vec::new();
    stray_nulls(value, "", &mut found);
    assert!(found.is_empty(), "{what} has null at {found:?}: {value}");
}

struct Api {
    http: Client,
    base: String,
    token: String,
}

impl Api {
    fn new(sandbox: &SandboxHandle) -> Api {
        Api {
            http: Client::new(),
            base: sandbox.rest_url(),
            token: sandbox.token(),
        }
    }

    async fn send(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header("Authorization", format!("Bot {}", self.token));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

/// A sandbox whose application id differs from the bot user's, so a field holding the
/// application's id cannot hold the bot's by accident.
async fn sandbox() -> (SandboxHandle, DefaultGuild, Api) {
    let sandbox = Sandbox::builder()
        .distinct_application_id()
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    let api = Api::new(&sandbox);
    (sandbox, world, api)
}

async fn register(api: &Api, sandbox: &SandboxHandle, commands: Value) {
    let path = format!("/applications/{}/commands", sandbox.application_id());
    let (status, body) = api.send(Method::PUT, &path, Some(commands)).await;
    assert_eq!(status, 200, "{body}");
}

/// Answers an interaction by hand with `with_response=true`; returns the callback's body.
async fn answer(api: &Api, sandbox: &SandboxHandle, interaction: u64, content: &str) -> Value {
    let token = sandbox.interaction_token(interaction).unwrap();
    let (status, body) = api
        .send(
            Method::POST,
            &format!("/interactions/{interaction}/{token}/callback?with_response=true"),
            Some(json!({"type": 4, "data": {"content": content}})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test]
async fn a_channel_message_has_no_null_webhook_id_or_nonce() {
    let (_sandbox, world, api) = sandbox().await;
    let path = format!("/channels/{}/messages", world.channel);
    let (status, plain) = api
        .send(Method::POST, &path, Some(json!({"content": "hello"})))
        .await;
    assert_eq!(status, 200, "{plain}");
    for absent in [
        "webhook_id",
        "nonce",
        "application_id",
        "interaction_metadata",
        "interaction",
    ] {
        assert!(plain.get(absent).is_none(), "{absent} in {plain}");
    }
    assert_no_stray_null("a message", &plain);
    let (status, with_nonce) = api
        .send(
            Method::POST,
            &path,
            Some(json!({"content": "again", "nonce": "n-1"})),
        )
        .await;
    assert_eq!(status, 200, "{with_nonce}");
    assert_eq!(with_nonce["nonce"], "n-1", "a nonce sent is echoed");
    let (status, listed) = api
        .send(Method::GET, &format!("{path}?limit=10"), None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(listed.as_array().map(Vec::len), Some(2));
    assert_no_stray_null("the message list", &listed);
}

#[tokio::test]
async fn a_message_author_is_shown_without_private_fields() {
    let (sandbox, world, api) = sandbox().await;
    let (_, message) = api
        .send(
            Method::POST,
            &format!("/channels/{}/messages", world.channel),
            Some(json!({"content": "hello"})),
        )
        .await;
    let (_, by_id) = api
        .send(
            Method::GET,
            &format!("/users/{}", sandbox.bot_user_id()),
            None,
        )
        .await;
    let (_, me) = api.send(Method::GET, "/users/@me", None).await;
    for (what, user) in [
        ("the author", &message["author"]),
        ("GET /users/{bot}", &by_id),
    ] {
        assert_eq!(user["id"], sandbox.bot_user_id().to_string());
        for private in ["email", "verified", "mfa_enabled", "locale"] {
            assert!(
                user.get(private).is_none(),
                "{what} shows {private}: {user}"
            );
        }
        assert_eq!(user["primary_guild"], Value::Null, "{what}: {user}");
        assert_eq!(user["flags"], 0, "{what}: {user}");
    }
    assert_eq!(me["verified"], true, "the bot sees its own private fields");
}

#[tokio::test]
async fn an_interaction_reply_names_the_application_and_the_interaction() {
    let (sandbox, world, api) = sandbox().await;
    register(
        &api,
        &sandbox,
        json!([{"name": "ping", "type": 1, "description": "Pong"}]),
    )
    .await;
    let invocation = sandbox
        .user(world.member)
        .slash(world.channel, "ping", json!({}))
        .await
        .unwrap();
    let callback = answer(&api, &sandbox, invocation.id(), "pong").await;
    assert_no_stray_null("the callback response", &callback);
    let interaction = &callback["interaction"];
    assert_eq!(interaction["id"], invocation.id().to_string());
    assert_eq!(interaction["type"], 2);
    assert!(
        interaction.get("activity_instance_id").is_none(),
        "{callback}"
    );
    let original = &callback["resource"]["message"];
    assert_eq!(interaction["response_message_id"], original["id"]);
    let app = sandbox.application_id().to_string();
    assert_ne!(app, sandbox.bot_user_id().to_string());
    assert_eq!(original["webhook_id"], app, "{original}");
    assert_eq!(original["application_id"], app, "{original}");
    assert_eq!(original["author"]["id"], sandbox.bot_user_id().to_string());
    assert_eq!(original["type"], 20, "CHAT_INPUT_COMMAND");
    assert_eq!(
        original["interaction_metadata"],
        json!({
            "id": invocation.id().to_string(),
            "type": 2,
            "user": original["interaction_metadata"]["user"].clone(),
            "authorizing_integration_owners": {"0": world.guild.to_string()},
        })
    );
    assert_eq!(
        original["interaction_metadata"]["user"]["id"],
        world.member.to_string()
    );
    assert_eq!(original["interaction"]["name"], "ping");
    assert_eq!(
        original["interaction"]["user"]["id"],
        world.member.to_string()
    );
    assert_eq!(
        invocation.original_message().as_ref(),
        Some(original),
        "the stored original is the one returned"
    );

    let token = sandbox.interaction_token(invocation.id()).unwrap();
    let (status, followup) = api
        .send(
            Method::POST,
            &format!("/webhooks/{app}/{token}"),
            Some(json!({"content": "and more"})),
        )
        .await;
    assert_eq!(status, 200, "{followup}");
    assert_no_stray_null("a follow-up", &followup);
    assert_eq!(followup["webhook_id"], app);
    assert_eq!(followup["application_id"], app);
    let metadata = &followup["interaction_metadata"];
    assert_eq!(metadata["id"], invocation.id().to_string());
    assert_eq!(metadata["original_response_message_id"], original["id"]);
}

#[tokio::test]
async fn context_menu_replies_name_their_target() {
    let (sandbox, world, api) = sandbox().await;
    register(
        &api,
        &sandbox,
        json!([{"name": "Wave", "type": 2}, {"name": "Quote", "type": 3}]),
    )
    .await;
    let bob = sandbox.user(world.member);
    let waved = bob
        .user_command(world.channel, "Wave", world.owner)
        .await
        .unwrap();
    let reply = answer(&api, &sandbox, waved.id(), "hi").await["resource"]["message"].clone();
    assert_eq!(reply["type"], 23, "CONTEXT_MENU_COMMAND");
    assert_eq!(
        reply["interaction_metadata"]["target_user"]["id"],
        world.owner.to_string()
    );
    assert!(
        reply["interaction_metadata"]
            .get("target_message_id")
            .is_none()
    );

    let said = sandbox
        .user(world.owner)
        .send_message(world.channel, "quote me")
        .await
        .unwrap();
    let target: u64 = said["id"].as_str().unwrap().parse().unwrap();
    let quoted = bob
        .message_command(world.channel, "Quote", target)
        .await
        .unwrap();
    let reply = answer(&api, &sandbox, quoted.id(), "quoted").await["resource"]["message"].clone();
    assert_no_stray_null("a message command's reply", &reply);
    assert_eq!(reply["type"], 23);
    assert_eq!(
        reply["interaction_metadata"]["target_message_id"],
        target.to_string()
    );
    assert_eq!(reply["message_reference"]["message_id"], target.to_string());
    assert_eq!(reply["referenced_message"]["id"], target.to_string());
}

#[tokio::test]
async fn a_deferred_reply_keeps_its_interaction_metadata() {
    let (sandbox, world, api) = sandbox().await;
    register(
        &api,
        &sandbox,
        json!([{"name": "slow", "type": 1, "description": "Thinks"}]),
    )
    .await;
    let invocation = sandbox
        .user(world.member)
        .slash(world.channel, "slow", json!({}))
        .await
        .unwrap();
    let token = sandbox.interaction_token(invocation.id()).unwrap();
    let (status, _) = api
        .send(
            Method::POST,
            &format!("/interactions/{}/{token}/callback", invocation.id()),
            Some(json!({"type": 5})),
        )
        .await;
    assert_eq!(status, 204);
    let app = sandbox.application_id();
    let (status, answered) = api
        .send(
            Method::POST,
            &format!("/webhooks/{app}/{token}"),
            Some(json!({"content": "done"})),
        )
        .await;
    assert_eq!(status, 200, "{answered}");
    assert_eq!(answered["content"], "done");
    assert_eq!(answered["webhook_id"], app.to_string());
    assert_eq!(
        answered["interaction_metadata"]["id"],
        invocation.id().to_string()
    );
    assert!(
        answered["interaction_metadata"]
            .get("original_response_message_id")
            .is_none(),
        "the first follow-up after a defer is the original response: {answered}"
    );
    let (status, edited) = api
        .send(
            Method::PATCH,
            &format!("/webhooks/{app}/{token}/messages/@original"),
            Some(json!({"content": "done, edited"})),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        edited["interaction_metadata"],
        answered["interaction_metadata"]
    );
    assert_eq!(edited["webhook_id"], app.to_string());
}

#[tokio::test]
async fn guild_commands_omit_integration_types() {
    let (sandbox, world, api) = sandbox().await;
    let guild = format!(
        "/applications/{}/guilds/{}/commands",
        sandbox.application_id(),
        world.guild
    );
    let (status, stored) = api
        .send(
            Method::PUT,
            &guild,
            Some(json!([{"name": "local", "type": 1, "description": "Here only"}])),
        )
        .await;
    assert_eq!(status, 200, "{stored}");
    let command = &stored[0];
    assert!(command.get("integration_types").is_none(), "{command}");
    assert_eq!(command["contexts"], Value::Null);
    assert_eq!(command["guild_id"], world.guild.to_string());
    assert_no_stray_null("a guild command", command);
    register(
        &api,
        &sandbox,
        json!([{"name": "everywhere", "type": 1, "description": "Global"}]),
    )
    .await;
    let (_, global) = api
        .send(
            Method::GET,
            &format!("/applications/{}/commands", sandbox.application_id()),
            None,
        )
        .await;
    assert_eq!(global[0]["integration_types"], json!([0]));
}

#[tokio::test]
async fn the_application_and_guild_carry_discords_fields() {
    let (sandbox, world, api) = sandbox().await;
    let (_, app) = api.send(Method::GET, "/applications/@me", None).await;
    for field in [
        "type",
        "flags_new",
        "redirect_uris",
        "interactions_endpoint_url",
        "role_connections_verification_url",
        "approximate_guild_count",
        "approximate_user_install_count",
        "approximate_user_authorization_count",
        "explicit_content_filter",
        "eligible_oauth2_scopes",
    ] {
        assert!(app.get(field).is_some(), "the application lacks {field}");
    }
    assert_eq!(app["bot"]["id"], sandbox.bot_user_id().to_string());
    assert!(app["bot"].get("email").is_none(), "{app}");
    assert_eq!(app["owner"]["id"], world.owner.to_string());
    let (_, guild) = api
        .send(Method::GET, &format!("/guilds/{}", world.guild), None)
        .await;
    for field in [
        "home_header",
        "region",
        "widget_channel_id",
        "max_presences",
        "max_stage_video_channel_users",
        "nsfw",
        "incidents_data",
    ] {
        assert!(guild.get(field).is_some(), "the guild lacks {field}");
    }
}

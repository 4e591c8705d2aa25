//! REST conformance with raw `reqwest`: users and application, gateway discovery, application
//! commands with Discord's validation and limits, the interaction callback, follow-ups, channel
//! messages and rate limits (REF, RL, AC, RR).

use bot_sandbox::{RouteName, Sandbox, SandboxHandle, Timings};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use std::time::Duration;

struct Api {
    http: Client,
    base: String,
    token: String,
    app: u64,
}

impl Api {
    fn new(sandbox: &SandboxHandle) -> Api {
        Api {
            http: Client::new(),
            base: sandbox.rest_url(),
            token: sandbox.token(),
            app: sandbox.application_id(),
        }
    }

    fn auth(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        request.header("Authorization", format!("Bot {}", self.token))
    }

    async fn get(&self, path: &str) -> Response {
        self.auth(self.http.get(format!("{}{path}", self.base)))
            .send()
            .await
            .unwrap()
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> Response {
        self.auth(self.http.request(method, format!("{}{path}", self.base)))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    fn commands(&self, guild: Option<u64>) -> String {
        match guild {
            Some(g) => format!("/applications/{}/guilds/{g}/commands", self.app),
            None => format!("/applications/{}/commands", self.app),
        }
    }
}

async fn json_of(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.json().await.unwrap_or(Value::Null);
    if !body.is_null() {
        assert_eq!(
            content_type.as_deref(),
            Some("application/json"),
            "exact Content-Type"
        );
    }
    (status, body)
}

fn fixture(name: &str) -> Value {
    let all: Value = serde_json::from_str(include_str!("fixtures/rest_examples.json")).unwrap();
    all[name]["payload"].clone()
}

// REF L109-128; conformance notes: the bot user, 401 on a bad token, exact Content-Type.
#[tokio::test]
async fn users_me_and_unauthorized() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let api = Api::new(&sandbox);
    let (status, me) = json_of(api.get("/users/@me").await).await;
    assert_eq!(status, 200);
    for field in [
        "id",
        "username",
        "discriminator",
        "global_name",
        "avatar",
        "bot",
        "mfa_enabled",
        "flags",
        "public_flags",
        "locale",
        "verified",
    ] {
        assert!(me.get(field).is_some(), "GET /users/@me lacks {field}");
    }
    assert_eq!(me["discriminator"], "0");
    let response = api
        .http
        .get(format!("{}/users/@me", api.base))
        .header("Authorization", "Bot wrong")
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(response).await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], 0);
    assert!(body["message"].is_string());
}

// The application id equals the bot user's by default and can differ.
#[tokio::test]
async fn application_ids() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let api = Api::new(&sandbox);
    for path in ["/applications/@me", "/oauth2/applications/@me"] {
        let (status, app) = json_of(api.get(path).await).await;
        assert_eq!(status, 200);
        assert_eq!(app["id"], sandbox.bot_user_id().to_string());
        for field in [
            "name",
            "description",
            "icon",
            "bot_public",
            "bot_require_code_grant",
            "owner",
            "verify_key",
            "flags",
            "team",
        ] {
            assert!(app.get(field).is_some(), "{path} lacks {field}");
        }
    }
    let older = Sandbox::builder()
        .distinct_application_id()
        .start()
        .await
        .unwrap();
    assert_ne!(older.application_id(), older.bot_user_id());
    let (_, app) = json_of(Api::new(&older).get("/applications/@me").await).await;
    assert_eq!(app["id"], older.application_id().to_string());
}

// Conformance notes: gateway discovery and the default sounds py-cord waits for (a 404 there
// stops its `on_ready`).
#[tokio::test]
async fn gateway_discovery_and_default_sounds() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let api = Api::new(&sandbox);
    let (_, gateway) = json_of(
        api.http
            .get(format!("{}/gateway", api.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(gateway["url"], sandbox.gateway_url());
    let (_, bot) = json_of(api.get("/gateway/bot").await).await;
    assert_eq!(bot["shards"], 1);
    let limit = &bot["session_start_limit"];
    assert!(limit["total"].as_u64().unwrap() >= limit["remaining"].as_u64().unwrap());
    assert!(limit["reset_after"].is_u64() && limit["max_concurrency"].is_u64());
    // A small default set, each as the spec's `SoundboardSoundResponse` has it, of no guild.
    let (status, sounds) = json_of(api.get("/soundboard-default-sounds").await).await;
    assert_eq!(status, StatusCode::OK);
    let sounds = sounds.as_array().expect("a list");
    assert!(sounds.len() >= 5);
    for sound in sounds {
        for key in [
            "name",
            "sound_id",
            "volume",
            "emoji_id",
            "emoji_name",
            "available",
        ] {
            assert!(sound.get(key).is_some(), "{key} in {sound}");
        }
        assert!(sound.get("guild_id").is_none());
    }
}

// AC L1179-1420: bulk PUT with stable ids, GET with localizations and Discord's defaults.
#[tokio::test]
async fn bulk_overwrite_keeps_ids_and_returns_discords_defaults() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let api = Api::new(&sandbox);
    let blep = fixture("slash_command_create_blep");
    let (status, first) = json_of(
        api.send(reqwest::Method::PUT, &api.commands(None), json!([blep]))
            .await,
    )
    .await;
    assert_eq!(status, 200);
    let command = &first[0];
    assert_eq!(command["name"], "blep");
    assert_eq!(
        command["application_id"],
        sandbox.application_id().to_string()
    );
    assert_eq!(command["contexts"], Value::Null);
    assert_eq!(command["integration_types"], json!([0]));
    assert_eq!(command["nsfw"], false);
    assert_eq!(command["default_member_permissions"], Value::Null);
    assert!(command["version"].is_string());

    let mut changed = blep.clone();
    changed["description"] = json!("A new description");
    let (_, second) = json_of(
        api.send(reqwest::Method::PUT, &api.commands(None), json!([changed]))
            .await,
    )
    .await;
    assert_eq!(
        second[0]["id"], command["id"],
        "same name and type keep their id"
    );
    assert_ne!(second[0]["version"], command["version"]);

    let (_, listed) = json_of(
        api.get(&format!("{}?with_localizations=true", api.commands(None)))
            .await,
    )
    .await;
    assert_eq!(listed[0]["description"], "A new description");
    assert!(listed[0].get("name_localizations").is_some());
    let (_, plain) = json_of(api.get(&api.commands(None)).await).await;
    assert!(plain[0].get("name_localizations").is_none());
    assert_eq!(sandbox.commands(None).len(), 1);
}

// AC L15-126, REF L38-106: invalid bodies get 50035 with field paths, indexed per command.
#[tokio::test]
async fn invalid_commands_get_discords_50035_with_paths() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let api = Api::new(&sandbox);
    let body = json!([
        {"name": "ok", "description": "fine"},
        {"name": "Bad", "description": "x", "options": [
            {"type": 3, "name": "a", "description": "d"},
            {"type": 3, "name": "b", "description": "d", "required": true}
        ]}
    ]);
    let (status, error) = json_of(
        api.send(reqwest::Method::PUT, &api.commands(None), body)
            .await,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(error["code"], 50035);
    assert_eq!(error["message"], "Invalid Form Body");
    assert_eq!(
        error["errors"]["1"]["name"]["_errors"][0]["code"],
        "APPLICATION_COMMAND_INVALID_NAME"
    );
    assert_eq!(
        error["errors"]["1"]["options"]["1"]["_errors"][0]["code"],
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID"
    );
    assert!(error["errors"].get("0").is_none());
    assert_eq!(sandbox.command_writes(), 0, "nothing was written");

    let long: Vec<Value> = (0..25)
        .map(|i| json!({"type": 3, "name": format!("o{i}"), "description": "d".repeat(100),
                        "choices": (0..25).map(|j| json!({"name": format!("{j:0>100}"), "value": format!("{j:0>100}")})).collect::<Vec<_>>()}))
        .collect();
    let (_, error) = json_of(
        api.send(
            reqwest::Method::POST,
            &api.commands(None),
            json!({"name": "big", "description": "d", "options": long}),
        )
        .await,
    )
    .await;
    assert_eq!(
        error["errors"]["_errors"][0]["code"],
        fixture("error_50035_request")["errors"]["_errors"][0]["code"]
    );
    assert_eq!(
        error["errors"]["_errors"][0]["message"],
        "Command exceeds maximum size (8000)"
    );
}

// AC L273-281: POST upserts by name and type (201 new, 200 existing); PATCH; DELETE 204.
#[tokio::test]
async fn post_upserts_patch_edits_delete_removes() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let api = Api::new(&sandbox);
    let path = api.commands(Some(world.guild));
    let create = api
        .send(
            reqwest::Method::POST,
            &path,
            json!({"name": "ping", "description": "Ping"}),
        )
        .await;
    assert_eq!(create.status(), 201);
    let (_, created) = json_of(create).await;
    assert_eq!(created["guild_id"], world.guild.to_string());
    let again = api
        .send(
            reqwest::Method::POST,
            &path,
            json!({"name": "ping", "description": "Ping!"}),
        )
        .await;
    assert_eq!(again.status(), 200);
    let (_, again) = json_of(again).await;
    assert_eq!(again["id"], created["id"]);
    let id = created["id"].as_str().unwrap();
    let (status, patched) = json_of(
        api.send(
            reqwest::Method::PATCH,
            &format!("{path}/{id}"),
            json!({"description": "Edited"}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, patched["description"].as_str()),
        (StatusCode::OK, Some("Edited"))
    );
    let deleted = api
        .auth(api.http.delete(format!("{}{path}/{id}", api.base)))
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    let (status, missing) = json_of(api.get(&format!("{path}/{id}")).await).await;
    assert_eq!(
        (status, missing["code"].as_u64()),
        (StatusCode::NOT_FOUND, Some(10063))
    );
    let (status, guild) = json_of(api.get(&api.commands(Some(42))).await).await;
    assert_eq!(
        (status, guild["code"].as_u64()),
        (StatusCode::NOT_FOUND, Some(10004))
    );
}

// AC L167-178: 100 slash commands per scope (30032); 200 new commands per scope per day (30034).
#[tokio::test]
async fn count_limit_and_daily_create_budget() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let api = Api::new(&sandbox);
    let named = |prefix: &str, n: usize| -> Value {
        (0..n)
            .map(|i| json!({"name": format!("{prefix}{i}"), "description": "d"}))
            .collect()
    };
    let (status, body) = json_of(
        api.send(reqwest::Method::PUT, &api.commands(None), named("a", 101))
            .await,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_u64()),
        (StatusCode::BAD_REQUEST, Some(30032))
    );
    assert_eq!(
        api.send(reqwest::Method::PUT, &api.commands(None), named("a", 100))
            .await
            .status(),
        200
    );
    assert_eq!(
        api.send(reqwest::Method::PUT, &api.commands(None), named("a", 100))
            .await
            .status(),
        200,
        "no new names: free"
    );
    assert_eq!(
        api.send(reqwest::Method::PUT, &api.commands(None), named("b", 100))
            .await
            .status(),
        200
    );
    let (status, body) = json_of(
        api.send(reqwest::Method::PUT, &api.commands(None), named("c", 1))
            .await,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_u64()),
        (StatusCode::BAD_REQUEST, Some(30034))
    );
}

async fn registered_interaction(sandbox: &SandboxHandle) -> bot_sandbox::Invocation {
    let world = sandbox.default_guild().unwrap();
    let api = Api::new(sandbox);
    api.send(
        reqwest::Method::PUT,
        &api.commands(None),
        json!([{"name": "ping", "description": "Ping"}]),
    )
    .await;
    sandbox
        .user(world.member)
        .slash(world.channel, "ping", json!({}))
        .await
        .unwrap()
}

/// `/interactions/{id}/{token}/callback` of a live interaction, with `query` appended.
fn callback_url(
    sandbox: &SandboxHandle,
    invocation: &bot_sandbox::Invocation,
    query: &str,
) -> String {
    format!(
        "{}/interactions/{}/{}/callback{query}",
        sandbox.rest_url(),
        invocation.id(),
        token_of(sandbox, invocation)
    )
}

fn token_of(sandbox: &SandboxHandle, invocation: &bot_sandbox::Invocation) -> String {
    sandbox
        .interaction_token(invocation.id())
        .expect("a live interaction")
}

// RR L266-453: the callback takes JSON, urlencoded and multipart `payload_json`; with_response.
#[tokio::test]
async fn interaction_callback_forms_and_with_response() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let http = Client::new();
    for form in ["json", "urlencoded", "multipart"] {
        let mut invocation = registered_interaction(&sandbox).await;
        let url = callback_url(&sandbox, &invocation, "?with_response=true");
        let body = json!({"type": 4, "data": {"content": format!("via {form}")}});
        let request = match form {
            "json" => http.post(&url).json(&body),
            "urlencoded" => http.post(&url).form(&[("payload_json", body.to_string())]),
            _ => http
                .post(&url)
                .multipart(reqwest::multipart::Form::new().text("payload_json", body.to_string())),
        };
        let response = request.send().await.unwrap();
        assert!(
            response.headers().get("x-ratelimit-bucket").is_none(),
            "no bucket headers on the callback"
        );
        let (status, answer) = json_of(response).await;
        assert_eq!(status, 200, "{form}: {answer}");
        assert_eq!(answer["interaction"]["id"], invocation.id().to_string());
        assert_eq!(
            answer["resource"]["message"]["content"],
            format!("via {form}")
        );
        let response = invocation.response().await.unwrap();
        assert_eq!(response.content(), Some(format!("via {form}").as_str()));
    }
    let invocation = registered_interaction(&sandbox).await;
    let url = callback_url(&sandbox, &invocation, "");
    let response = http
        .post(&url)
        .json(&json!({"type": 5}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204, "without with_response");
    let (status, twice) = json_of(
        http.post(&url)
            .json(&json!({"type": 4, "data": {"content": "x"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, twice["code"].as_u64()),
        (StatusCode::BAD_REQUEST, Some(40060))
    );
}

// RR L351: a callback after the deadline gets 10062, and the invocation reports the deadline.
#[tokio::test]
async fn a_late_callback_is_unknown_interaction() {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            interaction_deadline: Duration::from_millis(100),
            ..Timings::default()
        })
        .start()
        .await
        .unwrap();
    let mut invocation = registered_interaction(&sandbox).await;
    assert!(
        invocation.response().await.is_err(),
        "no answer within the deadline"
    );
    let url = callback_url(&sandbox, &invocation, "");
    let (status, body) = json_of(
        Client::new()
            .post(&url)
            .json(&json!({"type": 4, "data": {"content": "late"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_u64()),
        (StatusCode::NOT_FOUND, Some(10062))
    );
}

// RR L434-494: follow-ups (the first after a defer edits the loading message), @original edits.
#[tokio::test]
async fn followups_and_original_edits() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let http = Client::new();
    let mut invocation = registered_interaction(&sandbox).await;
    let token = token_of(&sandbox, &invocation);
    let base = sandbox.rest_url();
    let app = sandbox.application_id();
    let callback = format!("{base}/interactions/{}/{token}/callback", invocation.id());
    http.post(&callback)
        .json(&json!({"type": 5, "data": {"flags": 64}}))
        .send()
        .await
        .unwrap();
    assert_eq!(invocation.response().await.unwrap().kind, 5);
    let webhook = format!("{base}/webhooks/{app}/{token}");
    let (status, first) = json_of(
        http.post(&webhook)
            .json(&json!({"content": "done"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        first["flags"].as_u64().unwrap() & 64,
        64,
        "keeps the defer's ephemerality"
    );
    assert_eq!(invocation.original_message().unwrap()["content"], "done");
    assert!(
        invocation.followups().is_empty(),
        "it edited the loading message"
    );
    let (_, second) = json_of(
        http.post(&webhook)
            .json(&json!({"content": "more"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(invocation.followups().len(), 1);
    let (status, edited) = json_of(
        http.patch(format!("{webhook}/messages/@original"))
            .json(&json!({"content": "edited"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, edited["content"].as_str()),
        (StatusCode::OK, Some("edited"))
    );
    let (_, fetched) = json_of(
        http.get(format!(
            "{webhook}/messages/{}",
            second["id"].as_str().unwrap()
        ))
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(fetched["content"], "more");
    assert_eq!(
        http.delete(format!("{webhook}/messages/@original"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert!(invocation.original_message().is_none());
    let (status, gone) = json_of(
        http.post(format!("{base}/webhooks/{app}/nope"))
            .json(&json!({"content": "x"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, gone["code"].as_u64()),
        (StatusCode::NOT_FOUND, Some(10015))
    );
}

// RL L24-118: headers on limited routes; over the limit, Discord's 429 with body and headers.
#[tokio::test]
async fn rate_limits_send_headers_and_discords_429() {
    let sandbox = Sandbox::builder()
        .rate_limit(RouteName::CreateMessage, 2, Duration::from_secs(10))
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    let api = Api::new(&sandbox);
    let path = format!("/channels/{}/messages", world.channel);
    let first = api
        .send(reqwest::Method::POST, &path, json!({"content": "1"}))
        .await;
    for header in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-ratelimit-reset-after",
        "x-ratelimit-bucket",
    ] {
        assert!(first.headers().get(header).is_some(), "missing {header}");
    }
    assert_eq!(first.headers()["x-ratelimit-remaining"], "1");
    api.send(reqwest::Method::POST, &path, json!({"content": "2"}))
        .await;
    let limited = api
        .send(reqwest::Method::POST, &path, json!({"content": "3"}))
        .await;
    assert_eq!(limited.status(), 429);
    for header in ["retry-after", "x-ratelimit-scope", "via"] {
        assert!(
            limited.headers().get(header).is_some(),
            "429 lacks {header}"
        );
    }
    let (_, body) = json_of(limited).await;
    assert!(body["retry_after"].is_f64() && body["global"] == false && body["message"].is_string());
    assert_eq!(sandbox.messages(world.channel).len(), 2);
    let (requests, limited) = sandbox.request_counts();
    assert_eq!(limited, 1);
    assert!(requests >= 3);
}

// OP L136-390: unknown ids and routes are 404s with Discord's codes; an empty message is 50006.
#[tokio::test]
async fn unknown_ids_and_empty_messages() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let api = Api::new(&sandbox);
    let (status, body) = json_of(
        api.send(
            reqwest::Method::POST,
            "/channels/1/messages",
            json!({"content": "x"}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_u64()),
        (StatusCode::NOT_FOUND, Some(10003))
    );
    let world = sandbox.default_guild().unwrap();
    let (status, body) = json_of(
        api.send(
            reqwest::Method::POST,
            &format!("/channels/{}/messages", world.channel),
            json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_u64()),
        (StatusCode::BAD_REQUEST, Some(50006))
    );
    let (status, _) = json_of(api.get("/no/such/route").await).await;
    assert_eq!(status, 404);
    let http = Client::new();
    let (status, body) = json_of(
        http.post(format!("{}/interactions/1/t/callback", sandbox.rest_url()))
            .json(&json!({"type": 4}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_u64()),
        (StatusCode::NOT_FOUND, Some(10062))
    );
}

//! What a bot sends, typed, against `bot-sandbox`: every typed route answers its model; replies
//! with embeds, components, files and modals arrive as sent; a message over Discord's limits is
//! refused before any request is made.

mod common;

use bot_core::command::{CommandRegistry, ResponseError};
use bot_core::http::{Http, HttpError, Token};
use bot_core::model::{Id, Label, MessageProblem, Modal, TextInput, TextInputStyle};
use bot_core::prelude::*;
use bot_sandbox::{Sandbox, SandboxHandle, Timings};
use common::{started, stop};
use serde_json::json;
use std::time::Duration;

/// An embed description one character over Discord's 4,096.
fn too_long_embed() -> Embed {
    EmbedBuilder::new()
        .description("x".repeat(4097))
        .build_unchecked()
}

/// Tries to answer with an embed over the limits, then says what happened.
#[slash_command]
async fn oversized(ctx: &ApplicationContext) -> CommandResult {
    let refused = ctx.respond(Reply::new("big").embed(too_long_embed())).await;
    let answer = match refused {
        Err(ResponseError::Invalid(error)) => format!("refused: {error}"),
        other => format!("unexpected: {other:?}"),
    };
    ctx.respond(answer).await?;
    Ok(())
}

async fn sandbox() -> SandboxHandle {
    Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_over_the_limits_fails_before_sending() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::collect().unwrap())
        .build()
        .unwrap();
    let task = started(&bot).await;
    let mut invocation = sandbox
        .user(world.member)
        .slash(world.channel, "oversized", json!({}))
        .await
        .unwrap();
    let response = invocation.response().await.unwrap();
    assert_eq!(response.kind, 4);
    let content = response.content().unwrap();
    assert!(
        content.starts_with("refused: ") && content.contains("4097"),
        "the first answer is the refusal, so the oversized one never went: {content}"
    );
    assert!(invocation.followups().is_empty());
    stop(&bot, task).await;

    // The same through `Http` directly: a typed error, and no request reaches the sandbox.
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let too_big = CreateMessage::new().embed(too_long_embed());
    let before = sandbox.request_counts().0;
    let messages = sandbox.messages(world.channel);
    assert!(
        messages.iter().all(|m| m["content"] != "big"),
        "{messages:?}"
    );
    let error = http
        .create_message(world.channel.into(), &too_big)
        .await
        .unwrap_err();
    let HttpError::Invalid(invalid) = &error else {
        panic!("{error:?}")
    };
    assert!(
        matches!(invalid.problems[..], [MessageProblem::Embed(_)]),
        "{invalid}"
    );
    let answer = InteractionResponse::Message(too_big.clone());
    let error = http
        .interaction_callback(Id::new(1), "token", &answer)
        .await
        .unwrap_err();
    assert!(matches!(error, HttpError::Invalid(_)), "{error:?}");
    let error = http
        .create_followup(Id::new(1), "token", &CreateMessage::new())
        .await
        .unwrap_err();
    assert!(
        matches!(error, HttpError::Invalid(_)),
        "an empty follow-up: {error:?}"
    );
    assert_eq!(sandbox.request_counts().0, before, "no request was made");
    assert_eq!(sandbox.messages(world.channel), messages);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_typed_routes_answer_their_models() {
    let sandbox = sandbox().await;
    let world = sandbox.default_guild().unwrap();
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));

    let me = http.current_user().await.unwrap();
    assert_eq!(me.id, sandbox.bot_user_id().into());
    let application = http.application_info().await.unwrap();
    assert_eq!(application.id, sandbox.application_id().into());
    let gateway = http.gateway_bot().await.unwrap();
    assert!(gateway.url.starts_with("ws"), "{}", gateway.url);
    assert!(gateway.shards >= 1);
    assert!(gateway.session_start_limit.remaining >= 1);

    let report = EmbedBuilder::new().title("Report").build().unwrap();
    let sent = http
        .create_message(
            world.channel.into(),
            &CreateMessage::new()
                .content("with a file")
                .embed(report)
                .file(AttachmentFile::new("notes.txt", b"hello".to_vec()))
                .allowed_mentions(AllowedMentions::none()),
        )
        .await
        .unwrap();
    assert_eq!(sent.content, "with a file");
    assert_eq!(sent.channel_id, world.channel.into());
    assert_eq!(sent.author.id, me.id);
    assert_eq!(sent.embeds[0].title.as_deref(), Some("Report"));
    assert_eq!(sandbox.messages(world.channel)[0]["content"], "with a file");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interaction_responses_arrive_as_sent() {
    let sandbox = sandbox().await;
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
    let user = sandbox.user(world.member);

    // A message with an embed and a row of buttons, then a follow-up and an edit.
    let mut invocation = user.slash(world.channel, "ping", json!({})).await.unwrap();
    let token = sandbox.interaction_token(invocation.id()).unwrap();
    let answer = InteractionResponse::Message(
        CreateMessage::new()
            .content("pong")
            .embed(EmbedBuilder::new().title("Latency").build().unwrap())
            .component(ActionRow::buttons([Button::primary("again", "Again")])),
    );
    http.interaction_callback(invocation.id().into(), &token, &answer)
        .await
        .unwrap();
    let response = invocation.response().await.unwrap();
    assert_eq!((response.kind, response.content()), (4, Some("pong")));
    assert_eq!(response.embeds()[0]["title"], "Latency");
    assert_eq!(
        response.components()[0]["components"][0]["custom_id"],
        "again"
    );
    let followup = http
        .create_followup(app.into(), &token, &CreateMessage::new().content("more"))
        .await
        .unwrap();
    assert_eq!(followup.content, "more");
    let edited = http
        .edit_original_response(app.into(), &token, &CreateMessage::new().content("edited"))
        .await
        .unwrap();
    assert_eq!(edited.content, "edited");
    assert_eq!(invocation.original_message().unwrap()["content"], "edited");

    // An ephemeral deferral.
    let mut deferred = user.slash(world.channel, "ping", json!({})).await.unwrap();
    let token = sandbox.interaction_token(deferred.id()).unwrap();
    http.interaction_callback(
        deferred.id().into(),
        &token,
        &InteractionResponse::deferred(true),
    )
    .await
    .unwrap();
    let response = deferred.response().await.unwrap();
    assert_eq!((response.kind, response.ephemeral()), (5, true));

    // A modal.
    let mut asked = user.slash(world.channel, "ping", json!({})).await.unwrap();
    let token = sandbox.interaction_token(asked.id()).unwrap();
    let modal = Modal::new("feedback", "Tell us").component(Label::new(
        "What went well?",
        TextInput::new("good", TextInputStyle::Paragraph),
    ));
    http.interaction_callback(
        asked.id().into(),
        &token,
        &InteractionResponse::Modal(modal),
    )
    .await
    .unwrap();
    let response = asked.response().await.unwrap();
    assert_eq!(response.kind, 9);
    assert_eq!(response.data["custom_id"], "feedback");
    assert_eq!(
        response.data["components"][0]["component"]["custom_id"],
        "good"
    );
}

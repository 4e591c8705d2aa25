//! The walk of the webhook routes: every typed webhook call of the SDK once through the proxy
//! — a guild's webhooks, one by id and by token (read, changed, moved, deleted), messages sent
//! through one (waited for or not, into a thread, with a name, an avatar, a file and
//! components, starting a forum post), read, edited and deleted again, and an interaction's
//! original response read on the same paths — so that its requests and the sandbox's answers
//! are validated, with the errors a wrong token and an unknown webhook give.

use bot_core::http::{Http, HttpError};
use bot_core::model::{
    ActionRow, AttachmentFile, Button, ChannelType, CreateMessage, CreateThread, CreateWebhook,
    EditWebhook, ExecuteWebhook, Id, InteractionResponse, Permissions,
};
use bot_sandbox::{DefaultGuild, SandboxHandle};
use serde_json::json;

/// What the bot may do in the walk's guild.
fn manager() -> Permissions {
    Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::READ_MESSAGE_HISTORY
        | Permissions::MANAGE_WEBHOOKS
        | Permissions::CREATE_PUBLIC_THREADS
}

fn code(error: HttpError) -> Option<u64> {
    error.code()
}

/// Calls every webhook route through `http` (the SDK, through the proxy).
pub async fn webhooks(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let role = sandbox
        .add_role(world.guild, "webhook-walker", manager().bits())
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let text = sandbox
        .add_text_channel(world.guild, "hooks")
        .expect("the guild");
    let other = sandbox
        .add_text_channel(world.guild, "hooks-moved")
        .expect("the guild");
    let channel = Id::new(text);
    let hook = http
        .create_webhook(channel, &CreateWebhook::new("Walker"), Some("walk"))
        .await
        .expect("a webhook");
    let token = hook.token.clone().expect("its token");

    let listed = http
        .guild_webhooks(Id::new(world.guild))
        .await
        .expect("the guild's webhooks");
    assert!(listed.iter().any(|w| w.id == hook.id));
    http.webhook(hook.id).await.expect("by id");
    assert_eq!(
        code(http.webhook(Id::new(1)).await.unwrap_err()),
        Some(10015)
    );
    http.webhook_with_token(hook.id, &token)
        .await
        .expect("by token");
    assert_eq!(
        code(http.webhook_with_token(hook.id, "wrong").await.unwrap_err()),
        Some(50027)
    );
    http.edit_webhook(
        hook.id,
        &EditWebhook::new().name("Walker 2").channel(Id::new(other)),
        Some("moved"),
    )
    .await
    .expect("moved");
    http.edit_webhook(hook.id, &EditWebhook::new().channel(channel), None)
        .await
        .expect("moved back");
    http.edit_webhook_with_token(
        hook.id,
        &token,
        &EditWebhook::new().avatar(Some("data:image/png;base64,AAAA".to_owned())),
    )
    .await
    .expect("an avatar");

    // Messages: not waited for (204), waited for into a thread with a name and an avatar,
    // with a file (multipart) and components.
    let quiet = http
        .execute_webhook(hook.id, &token, &ExecuteWebhook::new("walking"))
        .await
        .expect("sent");
    assert!(quiet.is_none());
    let thread = http
        .create_thread(
            channel,
            &CreateThread::new("walk thread").kind(ChannelType::PublicThread),
            None,
        )
        .await
        .expect("a thread");
    let button = Button::link("https://example.com", "Docs");
    let message = CreateMessage::new()
        .content("in the thread")
        .file(AttachmentFile::new("walk.txt", b"walked".to_vec()))
        .component(ActionRow::new([button.into()]));
    let sent = http
        .execute_webhook(
            hook.id,
            &token,
            &ExecuteWebhook::new(message)
                .username("Walker CI")
                .avatar_url("https://example.com/ci.png")
                .thread(thread.id)
                .wait(true),
        )
        .await
        .expect("sent")
        .expect("waited for");
    http.webhook_message(hook.id, &token, sent.id, Some(thread.id))
        .await
        .expect("read");
    http.edit_webhook_message(
        hook.id,
        &token,
        sent.id,
        Some(thread.id),
        &CreateMessage::new().content("edited"),
    )
    .await
    .expect("edited");
    http.delete_webhook_message(hook.id, &token, sent.id, Some(thread.id))
        .await
        .expect("deleted");

    // A forum post started by name.
    let forum = sandbox
        .add_channel(world.guild, "hooks-forum", 15)
        .expect("the guild");
    let poster = http
        .create_webhook(Id::new(forum), &CreateWebhook::new("Poster"), None)
        .await
        .expect("a forum's webhook");
    let poster_token = poster.token.clone().expect("its token");
    http.execute_webhook(
        poster.id,
        &poster_token,
        &ExecuteWebhook::new("a post")
            .thread_name("Walked")
            .wait(true),
    )
    .await
    .expect("a post");
    http.delete_webhook_with_token(poster.id, &poster_token)
        .await
        .expect("deleted by token");
    http.delete_webhook(hook.id, Some("walked"))
        .await
        .expect("deleted");

    // An interaction's original response, on the same paths.
    let invocation = sandbox
        .user(world.member)
        .slash(world.channel, "reply", json!({}))
        .await
        .expect("/reply is registered");
    let interaction_token = sandbox
        .interaction_token(invocation.id())
        .expect("a live token");
    http.interaction_callback(
        Id::new(invocation.id()),
        &interaction_token,
        &InteractionResponse::Message(CreateMessage::new().content("answered")),
    )
    .await
    .expect("answered");
    let original = http
        .original_response(Id::new(sandbox.application_id()), &interaction_token)
        .await
        .expect("the original response");
    assert_eq!(&*original.content, "answered");
}

//! An unmodified py-cord bot (PyPI `py-cord` 2.8, `tests/pycord/webhooks_bot.py`) sends through
//! webhooks: one it makes (`channel.create_webhook`, then `webhook.send("...",
//! username="...", wait=True)`, into a thread with `thread=`, `webhook.edit_message`,
//! `webhook.delete`) and one made beforehand through the world API (`client.fetch_webhook`,
//! `webhook.send` without waiting). Each message is checked in the sandbox's world: sent by the
//! webhook (`webhook_id`), under the name py-cord chose.

mod pycord_support;

use bot_sandbox::Sandbox;
use pycord_support::{PyBot, python_or_skip};
use serde_json::Value;

/// VIEW_CHANNEL, SEND_MESSAGES, READ_MESSAGE_HISTORY, MANAGE_WEBHOOKS, CREATE_PUBLIC_THREADS.
const BOT_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 16) | (1 << 29) | (1 << 35);

fn find<'a>(messages: &'a [Value], id: &str) -> &'a Value {
    messages
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("message {id} in {messages:#?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pycord_sends_through_a_webhook_with_its_own_name() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let g = world.guild;
    let role = sandbox.add_role(g, "hooks", BOT_PERMISSIONS).unwrap();
    assert!(sandbox.add_member(g, sandbox.bot_user_id(), &[role]));
    let hooks = sandbox.add_text_channel(g, "hooks").unwrap();
    let (made, _token) = sandbox
        .create_webhook(hooks, "Announcer")
        .expect("a webhook made through the world API");

    let mut bot = PyBot::start_with(
        &python,
        "webhooks_bot.py",
        &sandbox,
        g,
        &[("SANDBOX_WEBHOOK", made.to_string())],
    );
    bot.expect(&["CREATED Deploys"]);
    let sent = bot.line_after("SENT ");
    let parts: Vec<&str> = sent.splitn(3, ' ').collect();
    let (message, webhook) = (parts[0], parts[1]);
    assert_eq!(parts[2], "CI Runner", "py-cord reads the name it chose");
    let stored = find(&sandbox.messages(hooks), message).clone();
    assert_eq!(stored["webhook_id"], webhook);
    assert_eq!(stored["author"]["username"], "CI Runner");
    assert_eq!(stored["author"]["id"], webhook);
    assert_eq!(stored["author"]["bot"], true);
    assert!(stored.get("member").is_none());

    let thread = bot.line_after("THREAD ");
    let (in_thread, channel) = thread.split_once(' ').unwrap();
    let channel: u64 = channel.parse().unwrap();
    let stored = find(&sandbox.messages(channel), in_thread).clone();
    assert_eq!(stored["webhook_id"], webhook);
    assert_eq!(stored["author"]["username"], "Deploys");

    bot.expect(&["FETCHED Announcer", "QUIET None"]);
    let quiet = sandbox
        .messages(hooks)
        .into_iter()
        .find(|m| m["content"] == "no wait")
        .expect("the message sent without waiting");
    assert_eq!(quiet["webhook_id"], made.to_string());
    assert_eq!(quiet["author"]["username"], "Announcer");

    bot.expect(&["EDITED deployed (edited)", "DELETED"]);
    assert_eq!(
        find(&sandbox.messages(hooks), message)["content"],
        "deployed (edited)"
    );
    let webhook: u64 = webhook.parse().unwrap();
    assert!(sandbox.webhook(webhook).is_none(), "py-cord deleted it");
    assert!(sandbox.webhook(made).is_some());
}

//! `#[listen]` functions are collected with `inventory`, each with its event, name and options,
//! and their `call` runs the function for its event only.

use bot_core::__private::{Arc, ListenerDef, inventory};
use bot_core::event::payload::{MessageDelete, Ready};
use bot_core::event::{Event, EventKind, MessageCreate};
use bot_core::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static DELETES: AtomicUsize = AtomicUsize::new(0);
static LAST_DELETED: AtomicUsize = AtomicUsize::new(0);
static WITH_BOT: AtomicUsize = AtomicUsize::new(0);

#[listen]
async fn count_deletes(deleted: &MessageDelete) {
    DELETES.fetch_add(1, Ordering::SeqCst);
    let id = usize::try_from(deleted.id.get()).unwrap();
    LAST_DELETED.store(id, Ordering::SeqCst);
}

#[listen("on_message", concurrent)]
async fn named(bot: &Context, message: &MessageCreate) -> Result<(), std::io::Error> {
    let _ = (bot, message);
    Err(std::io::Error::other("listener failed"))
}

#[listen(once)]
async fn first_ready(ready: &Ready) {
    let _ = ready;
}

#[listen("on_raw_message_delete", once, concurrent)]
async fn with_bot(bot: &Context, event: &Event) {
    let _ = bot;
    if event.kind() == Some(EventKind::MessageDelete) {
        WITH_BOT.fetch_add(1, Ordering::SeqCst);
    }
}

mod nested {
    use bot_core::prelude::*;

    #[listen]
    pub(super) async fn everything(event: &Event) {
        let _ = event;
    }
}

fn find(name: &str) -> &'static ListenerDef {
    let path = format!("listeners_collected::{name}");
    let found: Vec<&ListenerDef> = inventory::iter::<ListenerDef>
        .into_iter()
        .filter(|def| def.path == path)
        .collect();
    assert_eq!(found.len(), 1, "{path} is collected once");
    found[0]
}

fn bot() -> Context {
    Bot::builder()
        .token("x.y.z")
        .api_base("http://127.0.0.1:9/api/v10")
        .build()
        .unwrap()
        .context()
        .clone()
}

fn delete_event() -> Arc<Event> {
    Arc::new(Event::from_dispatch_json(
        "MESSAGE_DELETE",
        r#"{"id":"2","channel_id":"1"}"#,
    ))
}

fn create_event() -> Arc<Event> {
    Arc::new(Event::from_dispatch_json(
        "MESSAGE_CREATE",
        r#"{"id":"3","channel_id":"1","author":{"id":"4","username":"a","discriminator":"0","avatar":null},"content":"hi","timestamp":"2024-01-01T00:00:00+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0}"#,
    ))
}

#[test]
fn every_listener_is_collected_with_its_options() {
    let all: Vec<&str> = inventory::iter::<ListenerDef>
        .into_iter()
        .map(|def| def.path)
        .collect();
    assert_eq!(all.len(), 5, "{all:?}");

    let deletes = find("count_deletes");
    assert_eq!(deletes.event, Some(EventKind::MessageDelete));
    assert_eq!(deletes.name, None);
    assert!(!deletes.once && !deletes.concurrent);

    let named = find("named");
    assert_eq!(named.event, Some(EventKind::MessageCreate));
    assert_eq!(named.name, Some("on_message"));
    assert!(!named.once && named.concurrent);

    let ready = find("first_ready");
    assert_eq!(ready.event, Some(EventKind::Ready));
    assert_eq!(ready.name, None);
    assert!(ready.once && !ready.concurrent);

    let with_bot = find("with_bot");
    assert_eq!(with_bot.event, None);
    assert_eq!(with_bot.name, Some("on_raw_message_delete"));
    assert!(with_bot.once && with_bot.concurrent);

    let everything = find("nested::everything");
    assert_eq!(everything.event, None);
    assert_eq!(everything.name, None);
    assert!(!everything.once && !everything.concurrent);
}

#[tokio::test]
async fn call_runs_the_function_for_its_event_only() {
    let deletes = find("count_deletes");
    assert_eq!(DELETES.load(Ordering::SeqCst), 0);

    (deletes.call)(bot(), delete_event()).await.unwrap();
    assert_eq!(DELETES.load(Ordering::SeqCst), 1);
    assert_eq!(LAST_DELETED.load(Ordering::SeqCst), 2);

    // Another kind of event: the call does nothing.
    let create = create_event();
    assert_eq!(create.kind(), Some(EventKind::MessageCreate));
    (deletes.call)(bot(), create.clone()).await.unwrap();
    (deletes.call)(bot(), Arc::new(Event::from_dispatch_json("RESUMED", "{}")))
        .await
        .unwrap();
    assert_eq!(DELETES.load(Ordering::SeqCst), 1);

    // The 2-parameter form gets the bot; a `&Event` listener gets every event.
    let with_bot = find("with_bot");
    (with_bot.call)(bot(), delete_event()).await.unwrap();
    (with_bot.call)(bot(), create.clone()).await.unwrap();
    assert_eq!(WITH_BOT.load(Ordering::SeqCst), 1);

    // A listener's error comes out of its call; for another kind, `Ok`.
    let named = find("named");
    let error = (named.call)(bot(), create).await.unwrap_err();
    assert_eq!(error.to_string(), "listener failed");
    (named.call)(bot(), delete_event()).await.unwrap();
}

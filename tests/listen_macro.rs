//! `#[listen]` functions run against the sandbox: by type, by Pycord's name, `once`, with the
//! bot as first parameter, and on every event; several on one event each get it.

mod common;

use bot_core::event::{Event, MessageCreate};
use bot_core::{Context, listen};
use common::{message_bot_builder, started, stop};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

static BY_TYPE: Mutex<Vec<String>> = Mutex::new(Vec::new());
static BY_NAME: AtomicUsize = AtomicUsize::new(0);
static ONCE: Mutex<Vec<String>> = Mutex::new(Vec::new());
static EVERY: AtomicUsize = AtomicUsize::new(0);

#[listen]
async fn by_type(message: &MessageCreate) {
    BY_TYPE.lock().unwrap().push(message.content.clone());
}

#[listen("on_message")]
async fn by_name(bot: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
    assert!(bot.application_id().is_some(), "the bot is logged in");
    if message.content.starts_with("msg") {
        BY_NAME.fetch_add(1, Ordering::SeqCst);
    }
    Ok(())
}

#[listen(once)]
async fn only_the_first(message: &MessageCreate) {
    ONCE.lock().unwrap().push(message.content.clone());
}

#[listen]
async fn every_event(event: &Event) {
    if matches!(event, Event::MessageCreate(_)) {
        EVERY.fetch_add(1, Ordering::SeqCst);
    }
}

#[tokio::test]
async fn listen_functions_by_type_by_name_and_once_each_get_their_events() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = message_bot_builder(&sandbox).build().unwrap();
    assert_eq!(bot.event_consumers(), 4, "every #[listen] function");
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    for text in ["msg 1", "msg 2", "msg 3"] {
        user.send_message(world.channel, text).await.unwrap();
    }
    let all = tokio::time::timeout(Duration::from_secs(5), async {
        while BY_TYPE.lock().unwrap().len() < 3
            || BY_NAME.load(Ordering::SeqCst) < 3
            || EVERY.load(Ordering::SeqCst) < 3
        {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(all.is_ok(), "every listener got every message");
    assert_eq!(
        *BY_TYPE.lock().unwrap(),
        ["msg 1", "msg 2", "msg 3"],
        "in order"
    );
    assert_eq!(*ONCE.lock().unwrap(), ["msg 1"], "once");
    assert_eq!(bot.event_consumers(), 3, "the once listener is gone");
    stop(&bot, task).await;
}

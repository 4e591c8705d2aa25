//! Two `#[event]` functions for one event, in different modules, compile; building a bot then
//! fails with a typed error naming both (never a panic). One test binary of its own: every
//! `#[event]` function applies to every bot of the program.

use bot_core::command::CommandRegistry;
use bot_core::{Bot, Error};

mod first {
    use bot_core::{Context, event};

    #[event]
    async fn on_ready(_bot: &Context) {}
}

mod second {
    use bot_core::{Context, event};

    #[event]
    async fn on_ready(_bot: &Context) {}

    /// Another event, once: not a duplicate.
    #[event]
    async fn on_connect(_bot: &Context, _connected: &bot_core::event::Connected) {}
}

#[test]
fn build_refuses_two_handlers_of_one_event_and_names_both() {
    let built = Bot::builder()
        .token("MTIz.abc.def")
        .registry(CommandRegistry::default())
        .build();
    let Err(Error::DuplicateEventHandler { event, paths }) = &built else {
        panic!("expected DuplicateEventHandler, got {built:?}");
    };
    assert_eq!(*event, "on_ready");
    assert_eq!(
        paths,
        &[
            "event_duplicate::first::on_ready",
            "event_duplicate::second::on_ready"
        ]
    );
    let message = built.unwrap_err().to_string();
    assert!(
        message.contains("`event_duplicate::first::on_ready`")
            && message.contains("`event_duplicate::second::on_ready`"),
        "{message}"
    );
}

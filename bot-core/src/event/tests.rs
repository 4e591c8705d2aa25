use super::*;
use crate::model::{Id, test_fixture};
use serde_json::json;

/// A fixture's dispatch: its name and data.
fn dispatch(file: &str) -> (String, serde_json::Value) {
    let frame = test_fixture(file, "");
    (
        frame["t"].as_str().unwrap_or_default().to_owned(),
        frame["d"].clone(),
    )
}

/// The event of a dispatch whose data is `data`'s text, as the shard decodes it.
fn decoded(name: &str, data: &serde_json::Value) -> Event {
    Event::from_dispatch_json(name, &data.to_string())
}

#[test]
fn every_fixture_dispatch_decodes_into_its_typed_event() {
    for file in ["guild_create.composed.json", "message_create.composed.json"] {
        let (name, data) = dispatch(file);
        let event = decoded(&name, &data);
        assert_eq!(
            event.kind(),
            EventKind::from_dispatch(&name),
            "{file}: {event:?}"
        );
    }
    for file in [
        "interaction_create.chat_input.json",
        "interaction_create.user_command.json",
    ] {
        let event = decoded("INTERACTION_CREATE", &test_fixture(file, ""));
        assert!(matches!(event, Event::InteractionCreate(_)), "{file}");
    }
}

#[test]
fn ready_decodes_once_the_placeholders_are_values() {
    // The composed READY marks two values the server generates with placeholder strings.
    let (name, mut data) = dispatch("ready.composed.json");
    data["application"]["id"] = json!("80351110224678913");
    let Event::Ready(ready) = decoded(&name, &data) else {
        panic!("READY decodes")
    };
    assert_eq!(ready.application_id(), Id::new(80351110224678913));
    assert_eq!(ready.guilds[0].id, Id::new(41771983423143937));
    assert!(ready.guilds[0].unavailable);
    assert_eq!(ready.shard, Some([0, 1]));
    assert_eq!(&*ready.user.username, "Nelly");
}

#[test]
fn small_dispatches_decode() {
    let cases = [
        ("MESSAGE_DELETE", json!({"id": "2", "channel_id": "1"})),
        (
            "MESSAGE_REACTION_ADD",
            json!({"user_id": "1", "channel_id": "2", "message_id": "3", "guild_id": "4",
                   "emoji": {"id": null, "name": "🔥"}, "burst": false, "type": 0}),
        ),
        (
            "GUILD_ROLE_DELETE",
            json!({"guild_id": "1", "role_id": "2"}),
        ),
        (
            "TYPING_START",
            json!({"channel_id": "1", "user_id": "2", "timestamp": 1700000000}),
        ),
        (
            "MESSAGE_POLL_VOTE_ADD",
            json!({"user_id": "1", "channel_id": "2", "message_id": "3", "answer_id": 1}),
        ),
        (
            "THREAD_DELETE",
            json!({"id": "1", "guild_id": "2", "parent_id": "3", "type": 11}),
        ),
        (
            "GUILD_MEMBER_REMOVE",
            json!({"guild_id": "1", "user": {"id": "2", "username": "ann"}}),
        ),
        (
            "VOICE_SERVER_UPDATE",
            json!({"token": "voice-secret", "guild_id": "1", "endpoint": null}),
        ),
        (
            "WEBHOOKS_UPDATE",
            json!({"guild_id": "1", "channel_id": "2"}),
        ),
        (
            "RATE_LIMITED",
            json!({"opcode": 8, "retry_after": 2.5, "meta": {"guild_id": "1", "nonce": "n"}}),
        ),
    ];
    for (name, data) in cases {
        let event = decoded(name, &data);
        assert_eq!(
            event.kind(),
            EventKind::from_dispatch(name),
            "{name}: {event:?}"
        );
        assert_eq!(event.name(), name);
    }
    let voice = Event::from_dispatch_json(
        "VOICE_SERVER_UPDATE",
        r#"{"token": "voice-secret", "guild_id": "1", "endpoint": "x"}"#,
    );
    assert!(!format!("{voice:?}").contains("voice-secret"));
}

#[test]
fn unknown_and_malformed_dispatches_stay_raw() {
    let event = Event::from_dispatch_json("SOMETHING_NEW", r#"{"x": 1}"#);
    assert!(
        matches!(&event, Event::Unknown(raw) if raw.name == "SOMETHING_NEW" && raw.data == json!({"x": 1})),
        "{event:?}"
    );
    assert_eq!(event.name(), "SOMETHING_NEW");
    let broken = Event::from_dispatch_json("MESSAGE_DELETE", r#"{"id": "not a number"}"#);
    assert!(
        matches!(&broken, Event::Unknown(raw) if raw.name == "MESSAGE_DELETE" && raw.data["id"] == "not a number"),
        "{broken:?}"
    );
}

#[test]
fn data_that_is_not_json_stays_raw_with_null_data() {
    for name in ["MESSAGE_DELETE", "SOMETHING_NEW"] {
        let event = Event::from_dispatch_json(name, "{not json");
        let Event::Unknown(raw) = &event else {
            panic!("{name}: {event:?}")
        };
        assert_eq!(
            (raw.name.as_str(), &raw.data),
            (name, &serde_json::Value::Null)
        );
    }
}

#[test]
fn an_odd_optional_field_does_not_fail_the_event() {
    let event = Event::from_dispatch_json(
        "MESSAGE_DELETE",
        r#"{"id": "2", "channel_id": "1", "guild_id": {"odd": true}}"#,
    );
    let Event::MessageDelete(deleted) = event else {
        panic!("decoded without the odd field")
    };
    assert_eq!(deleted.guild_id, None);
}

#[test]
fn an_unreadable_interaction_keeps_no_token() {
    let event = Event::from_dispatch_json(
        "INTERACTION_CREATE",
        r#"{"id": "5", "type": "not a number", "token": "aW50ZXJhY3Rpb24.secret"}"#,
    );
    let Event::Unknown(raw) = &event else {
        panic!("an unreadable interaction stays raw")
    };
    assert_eq!(raw.name, "INTERACTION_CREATE");
    assert_eq!(raw.data["id"], "5");
    assert!(!format!("{event:?}").contains("aW50ZXJhY3Rpb24.secret"));
}

use super::*;
use crate::model::{
    ActionRow, Button, Component, CreatePoll, EmbedBuilder, EmbedProblem, Id, MessageFlags,
    MessageReference, Nonce, TextDisplay,
};
use serde_json::json;

#[test]
fn create_message_round_trips_discords_request_shape() {
    let sent = json!({
        "content": "Hello <@1>",
        "nonce": "n-1",
        "enforce_nonce": true,
        "tts": true,
        "embeds": [{"title": "Report", "type": "rich"}],
        "allowed_mentions": {"parse": [], "users": ["1"], "replied_user": true},
        "message_reference": {"message_id": "42", "fail_if_not_exists": false},
        "components": [{"type": 1, "components": [
            {"type": 2, "style": 1, "label": "Ok", "custom_id": "ok"}]}],
        "sticker_ids": ["7"],
        "attachments": [{"id": "0", "filename": "a.txt", "description": "notes",
                         "is_spoiler": true}],
        "flags": 4096,
        "poll": {"question": {"text": "Lunch?"}, "answers": [{"poll_media": {"text": "Pizza"}}]}
    });
    let decoded: CreateMessage = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(serde_json::to_value(&decoded).unwrap(), sent);

    let built = CreateMessage::new()
        .content("Hello <@1>")
        .nonce("n-1", true)
        .tts(true)
        .embed(EmbedBuilder::new().title("Report").build().unwrap())
        .allowed_mentions(AllowedMentions::none().user(Id::new(1)).replied_user(true))
        .message_reference(MessageReference::reply(Id::new(42)).fail_if_not_exists(false))
        .component(ActionRow::buttons([Button::primary("ok", "Ok")]))
        .sticker(Id::new(7))
        .file(
            AttachmentFile::new("a.txt", b"hello".to_vec())
                .description("notes")
                .spoiler(true),
        )
        .flags(MessageFlags::SUPPRESS_NOTIFICATIONS)
        .poll(CreatePoll::new("Lunch?").answer("Pizza"));
    assert_eq!(serde_json::to_value(&built).unwrap(), sent);
    assert_eq!(built.files.len(), 1);
    assert_eq!(built.files[0].bytes, b"hello");
    assert!(format!("{:?}", built.files[0]).contains("[5 bytes]"));
    assert_eq!(built.nonce, Some(Nonce::String("n-1".into())));
    built.check().unwrap();
}

#[test]
fn an_empty_message_is_an_empty_object() {
    assert_eq!(
        serde_json::to_value(CreateMessage::new()).unwrap(),
        json!({})
    );
    let error = CreateMessage::new().check().unwrap_err();
    assert_eq!(error.problems, [MessageProblem::Empty]);
    assert_eq!(
        error.to_string(),
        "message cannot be sent: the message is empty"
    );
}

#[test]
fn allowed_mentions_round_trip_and_stay_consistent() {
    for sent in [
        json!({"parse": []}),
        json!({"parse": ["users", "roles", "everyone"]}),
        json!({"parse": ["everyone"], "users": ["1", "2"], "roles": ["3"], "replied_user": true}),
    ] {
        let decoded: AllowedMentions = serde_json::from_value(sent.clone()).unwrap();
        assert_eq!(serde_json::to_value(&decoded).unwrap(), sent);
    }
    let all = AllowedMentions::all();
    assert_eq!(
        serde_json::to_value(&all).unwrap(),
        json!({"parse": ["roles", "users", "everyone"], "replied_user": true})
    );
    // Listing a user stops parsing every user, and parsing users drops the list.
    let listed = AllowedMentions::all().user(Id::new(1));
    assert_eq!(listed.parse, [MentionType::Roles, MentionType::Everyone]);
    let parsed = listed.parse(MentionType::Users);
    assert!(parsed.users.is_empty());
    let unknown: AllowedMentions = serde_json::from_value(json!({"parse": ["pets"]})).unwrap();
    assert_eq!(unknown.parse[0].as_str(), "pets");
}

#[test]
fn every_problem_is_listed() {
    let big = EmbedBuilder::new()
        .description("x".repeat(4000))
        .build()
        .unwrap();
    let mut message = CreateMessage::new()
        .content("c".repeat(2001))
        .embeds([big.clone(), big]);
    for i in 0..11 {
        message = message.file(AttachmentFile::new(format!("{i}.txt"), Vec::new()));
    }
    for i in 0..4 {
        message = message.sticker(Id::new(i + 1));
    }
    for _ in 0..6 {
        message = message.component(ActionRow::buttons([Button::primary("a", "A")]));
    }
    assert_eq!(
        message.check().unwrap_err().problems,
        [
            MessageProblem::ContentTooLong { length: 2001 },
            MessageProblem::Embed(EmbedProblem::TotalTooLong { length: 8000 }),
            MessageProblem::TooManyAttachments { count: 11 },
            MessageProblem::TooManyStickers { count: 4 },
            MessageProblem::TooManyComponents { count: 6, limit: 5 },
        ]
    );
}

#[test]
fn components_v2_messages_are_checked() {
    let mut message = CreateMessage::new()
        .flags(MessageFlags::IS_COMPONENTS_V2)
        .content("not allowed");
    for _ in 0..41 {
        message = message.component(TextDisplay::new("t"));
    }
    assert_eq!(
        message.check().unwrap_err().problems,
        [
            MessageProblem::TooManyComponents {
                count: 41,
                limit: 40
            },
            MessageProblem::ComponentsV2WithContent,
        ]
    );
    let nested = CreateMessage::new()
        .flags(MessageFlags::IS_COMPONENTS_V2)
        .component(Component::from(ActionRow::buttons([Button::primary(
            "a", "A",
        )])));
    nested.check().unwrap();
}

use super::*;
use crate::model::{
    ActionRow, Button, EmbedBuilder, InteractionCallbackType, Label, MessageFlags, TextInput,
    TextInputStyle,
};
use bot_spec::ChoiceSpec;
use serde_json::{Value, json};

/// Encodes, decodes, encodes again: the same JSON, and the same value.
fn round_trip(response: &InteractionResponse) -> Value {
    let json = serde_json::to_value(response).unwrap();
    let back: InteractionResponse = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(&back, response, "{json}");
    assert_eq!(serde_json::to_value(&back).unwrap(), json);
    json
}

#[test]
fn every_kind_round_trips_with_its_type() {
    let message = CreateMessage::new()
        .content("hi")
        .embed(EmbedBuilder::new().title("t").build().unwrap())
        .component(ActionRow::buttons([Button::primary("a", "A")]))
        .allowed_mentions(AllowedMentions::none());
    let cases = [
        (InteractionResponse::Pong, json!({"type": 1})),
        (
            InteractionResponse::Message(CreateMessage::new().content("pong")),
            json!({"type": 4, "data": {"content": "pong"}}),
        ),
        (InteractionResponse::deferred(false), json!({"type": 5})),
        (
            InteractionResponse::deferred(true),
            json!({"type": 5, "data": {"flags": 64}}),
        ),
        (InteractionResponse::DeferredUpdate, json!({"type": 6})),
        (
            InteractionResponse::UpdateMessage(CreateMessage::new().content("edited")),
            json!({"type": 7, "data": {"content": "edited"}}),
        ),
        (
            InteractionResponse::Autocomplete(vec![
                ChoiceSpec::string("Rust", "rust"),
                ChoiceSpec::integer("Seven", 7),
            ]),
            json!({"type": 8, "data": {"choices": [
                {"name": "Rust", "value": "rust"}, {"name": "Seven", "value": 7}
            ]}}),
        ),
        (
            InteractionResponse::Autocomplete(Vec::new()),
            json!({"type": 8, "data": {"choices": []}}),
        ),
        (InteractionResponse::LaunchActivity, json!({"type": 12})),
    ];
    for (response, expected) in cases {
        assert_eq!(round_trip(&response), expected);
    }
    let rich = round_trip(&InteractionResponse::Message(message));
    assert_eq!(rich["type"], 4);
    assert_eq!(
        rich["data"]["components"][0]["components"][0]["custom_id"],
        "a"
    );
    assert_eq!(rich["data"]["allowed_mentions"], json!({"parse": []}));
}

#[test]
fn a_modal_round_trips() {
    let modal = Modal::new("feedback", "Tell us").component(Label::new(
        "What went well?",
        TextInput::new("good", TextInputStyle::Paragraph),
    ));
    let json = round_trip(&InteractionResponse::Modal(modal));
    assert_eq!(json["type"], 9);
    assert_eq!(json["data"]["custom_id"], "feedback");
    assert_eq!(json["data"]["components"][0]["component"]["style"], 2);
}

#[test]
fn kinds_and_their_values() {
    assert_eq!(
        InteractionResponse::deferred(true).kind(),
        InteractionCallbackType::DeferredChannelMessageWithSource
    );
    assert_eq!(InteractionCallbackType::Modal.value(), 9);
    assert_eq!(
        InteractionCallbackType::from_value(13),
        InteractionCallbackType::Unknown(13)
    );
    assert!(serde_json::from_value::<InteractionResponse>(json!({"type": 13})).is_err());
    let deferred: InteractionResponse =
        serde_json::from_value(json!({"type": 5, "data": {}})).unwrap();
    assert_eq!(
        deferred,
        InteractionResponse::DeferredMessage {
            flags: MessageFlags::empty()
        }
    );
}

#[test]
fn the_check_covers_messages_updates_and_choices() {
    let empty = InteractionResponse::Message(CreateMessage::new());
    assert_eq!(empty.check().unwrap_err().problems, [MessageProblem::Empty]);
    InteractionResponse::UpdateMessage(CreateMessage::new())
        .check()
        .expect("an update may change nothing but the flags");
    let long = InteractionResponse::UpdateMessage(CreateMessage::new().content("x".repeat(2001)));
    assert_eq!(
        long.check().unwrap_err().problems,
        [MessageProblem::ContentTooLong { length: 2001 }]
    );
    let choices = (0..26).map(|i| ChoiceSpec::integer("n", i)).collect();
    assert_eq!(
        InteractionResponse::Autocomplete(choices)
            .check()
            .unwrap_err()
            .problems,
        [MessageProblem::TooManyChoices { count: 26 }]
    );
    assert!(InteractionResponse::Pong.check().is_ok());
}

#[test]
fn files_stay_out_of_the_json() {
    let message = CreateMessage::new().file(AttachmentFile::new("a.txt", b"abc".to_vec()));
    let response = InteractionResponse::Message(message);
    let json = serde_json::to_value(&response).unwrap();
    assert_eq!(json["data"]["attachments"][0]["filename"], "a.txt");
    assert_eq!(response.message().unwrap().files[0].bytes, b"abc");
}

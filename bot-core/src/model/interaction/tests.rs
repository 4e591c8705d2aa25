use super::*;
use crate::model::ComponentType;
use bot_spec::OptionKind;
use serde_json::json;

fn interaction(kind: u8, data: serde_json::Value) -> Interaction {
    serde_json::from_value(json!({
        "id": "1", "application_id": "2", "type": kind, "token": "secret-token",
        "channel_id": "5", "user": {"id": "10", "username": "ana"}, "data": data
    }))
    .unwrap()
}

#[test]
fn option_values_are_typed() {
    let command = interaction(
        2,
        json!({"id": "3", "name": "every", "type": 1, "options": [
            {"name": "s", "type": 3, "value": "text"},
            {"name": "i", "type": 4, "value": -5},
            {"name": "n", "type": 10, "value": 2.5},
            {"name": "whole", "type": 10, "value": 2},
            {"name": "b", "type": 5, "value": true},
            {"name": "u", "type": 6, "value": "80351110224678912"},
            {"name": "big", "type": 4, "value": 18446744073709551615u64}
        ]}),
    );
    let data = command.command_data().unwrap();
    let values: Vec<&OptionValue> = data
        .options
        .iter()
        .map(|o| o.value.as_ref().unwrap())
        .collect();
    assert_eq!(
        values,
        [
            &OptionValue::String("text".to_owned()),
            &OptionValue::Integer(-5),
            &OptionValue::Number(2.5),
            &OptionValue::Integer(2),
            &OptionValue::Boolean(true),
            &OptionValue::String("80351110224678912".to_owned()),
            &OptionValue::Number(u64::MAX as f64),
        ]
    );
    assert_eq!(
        values[3].as_f64(),
        Some(2.0),
        "an integral number reads as f64"
    );
    assert_eq!(values[0].to_string(), "\"text\"");
    assert_eq!(data.options[0].kind, OptionKind::String);
}

#[test]
fn option_values_round_trip_and_refuse_objects() {
    for value in [json!("x"), json!(-7), json!(0.25), json!(false)] {
        let typed: OptionValue = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(serde_json::to_value(&typed).unwrap(), value);
    }
    assert!(serde_json::from_value::<OptionValue>(json!({"a": 1})).is_err());
    assert!(serde_json::from_value::<OptionValue>(json!([1])).is_err());
}

#[test]
fn a_subcommand_has_no_value() {
    let command = interaction(
        2,
        json!({"id": "3", "name": "perm", "type": 1, "options": [
            {"name": "get", "type": 1, "options": [{"name": "id", "type": 4, "value": 7}]}
        ]}),
    );
    let data = command.command_data().unwrap();
    assert_eq!(data.options[0].value, None);
    assert_eq!(
        data.options[0].options[0].value,
        Some(OptionValue::Integer(7))
    );
    let encoded = serde_json::to_value(&command).unwrap();
    assert!(encoded["data"]["options"][0].get("value").is_none());
}

#[test]
fn component_data_is_read_by_the_interaction_type() {
    let click = interaction(
        3,
        json!({"custom_id": "colour", "component_type": 3, "values": ["red", "blue"]}),
    );
    let data = click.component_data().unwrap();
    assert_eq!(data.custom_id, "colour");
    assert_eq!(data.component_type, ComponentType::StringSelect);
    assert_eq!(data.values, ["red", "blue"]);
    assert_eq!(
        click.command_data(),
        Err(InteractionDataError::NotACommand(
            InteractionType::MessageComponent
        ))
    );
    assert!(click.modal_data().is_none());
}

#[test]
fn modal_submit_data_keeps_the_values() {
    let submit = interaction(
        5,
        json!({"custom_id": "feedback", "components": [
            {"type": 18, "id": 1, "component": {"type": 4, "id": 2, "custom_id": "good",
                                                "value": "all of it"}},
            {"type": 1, "components": [{"type": 4, "custom_id": "bad", "value": ""}]},
            {"type": 18, "id": 5, "component": {"type": 23, "id": 6, "custom_id": "agree",
                                                "value": true}},
            {"type": 18, "id": 7, "component": {"type": 3, "id": 8, "custom_id": "size",
                                                "values": ["L"]}}
        ]}),
    );
    let data = submit.modal_data().unwrap();
    assert_eq!(data.custom_id, "feedback");
    assert_eq!(data.text("good"), Some("all of it"));
    assert_eq!(data.text("bad"), Some(""));
    assert_eq!(
        data.input("agree").unwrap().value,
        Some(OptionValue::Boolean(true))
    );
    assert_eq!(data.input("size").unwrap().values, ["L"]);
    assert_eq!(
        data.input("size").unwrap().kind,
        ComponentType::StringSelect
    );
    assert!(data.input("nothing").is_none());
}

#[test]
fn data_of_the_wrong_shape_fails_with_its_path_and_a_ping_has_none() {
    let error = serde_json::from_value::<Interaction>(json!({
        "id": "1", "type": 2, "token": "secret-token", "data": {"name": "no id"}
    }))
    .unwrap_err();
    assert!(error.to_string().starts_with("data:"), "{error}");
    assert!(!error.to_string().contains("secret-token"), "{error}");
    let ping = interaction(1, json!({"anything": true}));
    assert_eq!(ping.data, None);
    assert_eq!(
        ping.command_data(),
        Err(InteractionDataError::NotACommand(InteractionType::Ping))
    );
    let missing: Interaction =
        serde_json::from_value(json!({"id": "1", "type": 2, "token": "t"})).unwrap();
    assert_eq!(missing.command_data(), Err(InteractionDataError::Missing));
}

#[test]
fn debug_never_shows_the_token_and_encoding_round_trips() {
    let command = interaction(
        4,
        json!({"id": "3", "name": "search", "type": 1, "options": [
            {"name": "query", "type": 3, "value": "ru", "focused": true}
        ]}),
    );
    assert!(!format!("{command:?}").contains("secret-token"));
    let again: Interaction =
        serde_json::from_value(serde_json::to_value(&command).unwrap()).unwrap();
    assert_eq!(again, command);
    assert!(again.command_data().unwrap().options[0].focused);
}

#[test]
fn the_attachment_size_limit_is_read_and_kept() {
    let mut wire = json!({
        "id": "1", "type": 2, "token": "t", "attachment_size_limit": 10_485_760,
        "data": {"id": "3", "name": "upload", "type": 1}
    });
    let read: Interaction = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(read.attachment_size_limit, Some(10_485_760));
    let again: Interaction = serde_json::from_value(serde_json::to_value(&read).unwrap()).unwrap();
    assert_eq!(again, read);
    wire.as_object_mut()
        .unwrap()
        .remove("attachment_size_limit");
    let without: Interaction = serde_json::from_value(wire).unwrap();
    assert_eq!(without.attachment_size_limit, None);
}

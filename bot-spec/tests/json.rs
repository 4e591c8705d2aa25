//! The JSON form: exactly what Discord's create and bulk-overwrite endpoints take, read back
//! leniently from what Discord returns. Fixtures: `tests/fixtures/rest_examples.json`, copied from
//! Discord's API docs.

use bot_spec::{
    ChannelType, ChoiceSpec, ChoiceValue, CommandKind, CommandSpec, FieldPath, FormBodyError,
    IntegrationType, InteractionContextType, NumericValue, OptionKind, OptionSpec, Permissions,
    validate_command,
};
use serde_json::{Value, json};
use std::borrow::Cow;

fn fixture(name: &str) -> Value {
    let all: Value = serde_json::from_str(include_str!("fixtures/rest_examples.json"))
        .expect("the fixture file is JSON");
    all[name]["payload"].clone()
}

/// The docs' `blep` command (AC L458-490), written as the macros will write it: a `static`.
static BLEP: CommandSpec<'static> = CommandSpec {
    name: Cow::Borrowed("blep"),
    description: Cow::Borrowed("Send a random adorable animal photo"),
    options: Cow::Borrowed(&[
        OptionSpec {
            kind: OptionKind::String,
            name: Cow::Borrowed("animal"),
            description: Cow::Borrowed("The type of animal"),
            required: true,
            choices: Cow::Borrowed(&[
                ChoiceSpec::string("Dog", "animal_dog"),
                ChoiceSpec::string("Cat", "animal_cat"),
                ChoiceSpec::string("Penguin", "animal_penguin"),
            ]),
            ..OptionSpec::EMPTY
        },
        OptionSpec {
            kind: OptionKind::Boolean,
            name: Cow::Borrowed("only_smol"),
            description: Cow::Borrowed("Whether to show only baby animals"),
            ..OptionSpec::EMPTY
        },
    ]),
    ..CommandSpec::EMPTY
};

#[test]
fn blep_serializes_to_exactly_the_docs_payload() {
    assert_eq!(validate_command(&BLEP), Ok(()));
    assert_eq!(
        serde_json::to_value(&BLEP).unwrap(),
        fixture("slash_command_create_blep")
    );
}

#[test]
fn blep_built_at_run_time_serializes_the_same() {
    let built = CommandSpec::chat_input("blep", "Send a random adorable animal photo")
        .option(
            OptionSpec::new(OptionKind::String, "animal", "The type of animal")
                .required(true)
                .choice(ChoiceSpec::string("Dog", "animal_dog"))
                .choice(ChoiceSpec::string("Cat", "animal_cat"))
                .choice(ChoiceSpec::string("Penguin", "animal_penguin")),
        )
        .option(OptionSpec::new(
            OptionKind::Boolean,
            "only_smol",
            "Whether to show only baby animals",
        ));
    assert_eq!(built, BLEP);
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        fixture("slash_command_create_blep")
    );
}

#[test]
fn blep_round_trips() {
    let from_docs: CommandSpec<'static> =
        serde_json::from_value(fixture("slash_command_create_blep")).unwrap();
    assert_eq!(from_docs, BLEP);
    let text = serde_json::to_string(&from_docs).unwrap();
    let again: CommandSpec<'static> = serde_json::from_str(&text).unwrap();
    assert_eq!(again, BLEP);
}

#[test]
fn every_field_round_trips() {
    let cmd = CommandSpec::chat_input("tour", "Every field")
        .name_localization("fr", "visite")
        .description_localization("fr", "Chaque champ")
        .default_member_permissions(Permissions::from_bits(1 << 5))
        .contexts([InteractionContextType::Guild, InteractionContextType::BotDm])
        .integration_types([IntegrationType::GuildInstall])
        .nsfw(true)
        .option(
            OptionSpec::new(OptionKind::SubCommand, "values", "Value options")
                .option(
                    OptionSpec::new(OptionKind::Integer, "count", "How many")
                        .required(true)
                        .min_value(NumericValue::Integer(-5))
                        .max_value(NumericValue::Integer(5)),
                )
                .option(
                    OptionSpec::new(OptionKind::Number, "ratio", "A ratio")
                        .min_value(NumericValue::Number(-273.15))
                        .autocomplete(true),
                )
                .option(
                    OptionSpec::new(OptionKind::String, "word", "A word")
                        .min_length(0)
                        .max_length(6000)
                        .choice(ChoiceSpec::string("Hi", "hi").name_localization("de", "Hallo")),
                )
                .option(
                    OptionSpec::new(OptionKind::Channel, "where", "A channel")
                        .channel_types([ChannelType::GuildText, ChannelType::PublicThread]),
                )
                .option(
                    OptionSpec::new(OptionKind::Attachment, "file", "A file")
                        .file_types(["image", ".pdf"]),
                ),
        );
    assert_eq!(validate_command(&cmd), Ok(()));
    let json = serde_json::to_value(&cmd).unwrap();
    assert_eq!(json["default_member_permissions"], json!("32"));
    assert_eq!(json["contexts"], json!([0, 1]));
    assert_eq!(json["nsfw"], json!(true));
    assert_eq!(json["name_localizations"], json!({"fr": "visite"}));
    let sub = &json["options"][0];
    assert!(
        sub.get("required").is_none(),
        "subcommands carry no `required`"
    );
    assert_eq!(sub["options"][1]["min_value"], json!(-273.15));
    assert_eq!(sub["options"][1]["autocomplete"], json!(true));
    assert_eq!(sub["options"][3]["channel_types"], json!([0, 11]));
    let back: CommandSpec<'static> = serde_json::from_value(json).unwrap();
    assert_eq!(back, cmd);
}

/// What `GET /applications/{app}/commands` returns: ids, versions, `null` fields, deprecated
/// `dm_permission`, and `default_member_permissions` as a string.
#[test]
fn reads_a_command_as_discord_returns_it() {
    let response = json!({
        "id": "1234567890123456789",
        "application_id": "1111111111111111111",
        "version": "1234567890123456780",
        "type": 1,
        "name": "blep",
        "name_localizations": null,
        "description": "Send a random adorable animal photo",
        "description_localizations": null,
        "default_member_permissions": null,
        "dm_permission": true,
        "contexts": null,
        "integration_types": [0],
        "nsfw": false,
        "options": [{
            "type": 3, "name": "animal", "description": "The type of animal", "required": true,
            "choices": [
                {"name": "Dog", "value": "animal_dog", "name_localizations": null},
                {"name": "Cat", "value": "animal_cat"},
                {"name": "Penguin", "value": "animal_penguin"}
            ]
        }, {
            "type": 5, "name": "only_smol", "description": "Whether to show only baby animals"
        }]
    });
    let cmd: CommandSpec<'static> = serde_json::from_value(response).unwrap();
    let expected = CommandSpec {
        integration_types: Some(Cow::Owned(vec![IntegrationType::GuildInstall])),
        ..BLEP.clone()
    };
    assert_eq!(cmd, expected);
}

#[test]
fn lenient_input_keeps_what_it_does_not_know() {
    let body = json!({
        "name": "x",
        "description": "d",
        "default_member_permissions": 8,
        "options": [{"type": 42, "name": "o", "description": "d"}, {"name": "p", "description": "d"}]
    });
    let cmd: CommandSpec<'static> = serde_json::from_value(body).unwrap();
    assert_eq!(
        cmd.kind,
        CommandKind::ChatInput,
        "type defaults to CHAT_INPUT"
    );
    assert_eq!(cmd.default_member_permissions, Some(Permissions(8)));
    assert_eq!(cmd.options[0].kind, OptionKind::Unknown(42));
    assert_eq!(
        cmd.options[1].kind,
        OptionKind::Unknown(0),
        "a missing type reads as 0"
    );
    let errors = validate_command(&cmd).unwrap_err();
    let paths: Vec<_> = errors.iter().map(|v| v.path.to_string()).collect();
    assert_eq!(paths, ["options[0].type", "options[1].type"]);

    let values: Vec<ChoiceValue<'static>> =
        serde_json::from_value(json!(["s", 7, -7, 2.5, 18446744073709551615u64])).unwrap();
    assert_eq!(
        values,
        [
            ChoiceValue::String("s".into()),
            ChoiceValue::Integer(7),
            ChoiceValue::Integer(-7),
            ChoiceValue::Number(2.5),
            ChoiceValue::Number(18446744073709551615u64 as f64),
        ]
    );
}

#[test]
fn malformed_input_is_a_typed_error_not_a_panic() {
    for body in [
        json!({"name": 5}),
        json!({"name": "x", "options": {"name": "not an array"}}),
        json!({"name": "x", "default_member_permissions": "lots"}),
        json!({"name": "x", "default_member_permissions": -1}),
        json!({"name": "x", "type": 300}),
        json!({"name": "x", "name_localizations": ["fr"]}),
        json!([1, 2]),
    ] {
        let result = serde_json::from_value::<CommandSpec<'static>>(body.clone());
        assert!(result.is_err(), "{body} should not deserialize");
    }
}

/// REF L95-106: a request-level error sits directly under `errors._errors`.
#[test]
fn too_large_renders_as_the_docs_request_error() {
    let huge = CommandSpec::chat_input("big", "d").option((0..25).fold(
        OptionSpec::new(OptionKind::String, "o", "d"),
        |o, i| {
            o.choice(ChoiceSpec {
                name: format!("{i:0>100}").into(),
                value: ChoiceValue::String(format!("{i:0>100}").into()),
                name_localizations: Default::default(),
            })
        },
    ));
    let mut cmd = huge.clone();
    for k in 0..2 {
        let mut option = huge.options[0].clone();
        option.name = format!("o{k}").into();
        cmd = cmd.option(option);
    }
    let errors = validate_command(&cmd).unwrap_err();
    assert_eq!(errors.len(), 1);
    let body = serde_json::to_value(FormBodyError::from(&errors)).unwrap();
    assert_eq!(body, fixture("error_50035_request"));
}

/// REF L45-70: nested paths become objects, array indices string keys.
#[test]
fn nested_violations_render_as_discord_nests_them() {
    let cmd = CommandSpec::chat_input("c", "d").option(
        OptionSpec::new(OptionKind::String, "o", "d")
            .choice(ChoiceSpec::string("", "a"))
            .choice(ChoiceSpec::integer("b", 1)),
    );
    let errors = validate_command(&cmd).unwrap_err();
    let mut body = FormBodyError::default();
    body.add(&FieldPath::root().index(3), &errors);
    let json = serde_json::to_value(&body).unwrap();
    assert_eq!(json["code"], json!(50035));
    assert_eq!(json["message"], json!("Invalid Form Body"));
    let choices = &json["errors"]["3"]["options"]["0"]["choices"];
    assert_eq!(
        choices["0"]["name"]["_errors"][0]["code"],
        json!("BASE_TYPE_BAD_LENGTH")
    );
    assert_eq!(
        choices["1"]["value"]["_errors"][0]["code"],
        json!("STRING_TYPE_CONVERT")
    );
    assert_eq!(choices.as_object().unwrap().len(), 2);
}

/// AC L13-59: `default_member_permissions`, `nsfw`, `contexts` and `integration_types` belong to
/// the top-level command. `OptionSpec` has no field for them, so a subcommand or group cannot
/// carry them in the model; on the wire they are ignored like any other unknown key, and writing
/// the option back never emits them.
#[test]
fn top_level_only_fields_never_reach_a_subcommand() {
    let body = json!({
        "name": "cmd", "description": "d", "nsfw": true,
        "options": [{
            "type": 1, "name": "sub", "description": "d",
            "nsfw": true, "default_member_permissions": "8", "contexts": [0], "integration_types": [1]
        }]
    });
    let cmd: CommandSpec<'static> = serde_json::from_value(body).unwrap();
    assert!(cmd.nsfw);
    assert_eq!(
        cmd.options[0],
        OptionSpec::new(OptionKind::SubCommand, "sub", "d")
    );
    let written = serde_json::to_value(&cmd).unwrap();
    let sub = written["options"][0].as_object().unwrap();
    for key in [
        "nsfw",
        "default_member_permissions",
        "contexts",
        "integration_types",
    ] {
        assert!(!sub.contains_key(key), "a subcommand never carries {key}");
    }
}

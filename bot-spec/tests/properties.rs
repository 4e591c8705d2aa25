//! Properties: the validator never panics on any spec or any JSON, and every valid spec survives a
//! round trip through its JSON form unchanged.

use bot_spec::{
    ChannelType, ChoiceSpec, ChoiceValue, CommandKind, CommandSpec, FormBodyError, IntegrationType,
    InteractionContextType, Localizations, NumericValue, OptionKind, OptionSpec, Permissions,
    Scope, limits, validate_command,
};
use proptest::prelude::*;
use std::borrow::Cow;

// ---- arbitrary specs: any shape, any text, any number -------------------------------------------

/// Mostly short lists, sometimes ones just around Discord's 25-item limits.
fn some<T: std::fmt::Debug>(
    item: impl Strategy<Value = T> + Clone,
) -> impl Strategy<Value = Vec<T>> + Clone {
    prop_oneof![
        8 => prop::collection::vec(item.clone(), 0..3),
        1 => prop::collection::vec(item, 24..27),
    ]
}

fn any_text() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        "[a-z0-9_'-]{0,40}",
        "[A-Za-z ]{0,40}",
        "\\PC{0,120}",
        Just(String::new()),
    ]
}

fn any_localizations() -> impl Strategy<Value = Localizations<'static>> + Clone {
    prop::collection::vec(
        (prop_oneof!["fr|de|pt-BR|xx|", "\\PC{0,6}"], any_text()),
        0..4,
    )
    .prop_map(|entries| {
        Localizations(Cow::Owned(
            entries
                .into_iter()
                .map(|(locale, value)| bot_spec::Localized {
                    locale: locale.into(),
                    value: value.into(),
                })
                .collect(),
        ))
    })
}

fn any_numeric() -> impl Strategy<Value = NumericValue> + Clone {
    prop_oneof![
        any::<i64>().prop_map(NumericValue::Integer),
        any::<f64>().prop_map(NumericValue::Number),
    ]
}

fn any_choice() -> impl Strategy<Value = ChoiceSpec<'static>> + Clone {
    let value = prop_oneof![
        any_text().prop_map(|s| ChoiceValue::String(s.into())),
        any::<i64>().prop_map(ChoiceValue::Integer),
        any::<f64>().prop_map(ChoiceValue::Number),
    ];
    (any_text(), any_localizations(), value).prop_map(|(name, name_localizations, value)| {
        ChoiceSpec {
            name: name.into(),
            name_localizations,
            value,
        }
    })
}

fn any_leaf_option() -> impl Strategy<Value = OptionSpec<'static>> + Clone {
    (
        (
            any::<u8>(),
            any_text(),
            any_text(),
            any_localizations(),
            any::<bool>(),
        ),
        some(any_choice()),
        prop::collection::vec(any::<u8>(), 0..3),
        (
            prop::option::of(any_numeric()),
            prop::option::of(any_numeric()),
            prop::option::of(any::<i64>()),
            prop::option::of(-10i64..7000),
        ),
        (any::<bool>(), prop::collection::vec(any_text(), 0..12)),
    )
        .prop_map(
            |(
                (kind, name, description, name_localizations, required),
                choices,
                channels,
                (min_value, max_value, min_length, max_length),
                (autocomplete, file_types),
            )| OptionSpec {
                kind: OptionKind::from_value(kind % 13),
                name: name.into(),
                name_localizations,
                description: description.into(),
                required,
                choices: Cow::Owned(choices),
                channel_types: channels.into_iter().map(ChannelType::from_value).collect(),
                min_value,
                max_value,
                min_length,
                max_length,
                autocomplete,
                file_types: file_types.into_iter().map(Cow::Owned).collect(),
                ..OptionSpec::EMPTY
            },
        )
}

fn any_option() -> impl Strategy<Value = OptionSpec<'static>> + Clone {
    // Nested levels stay small; the 25-item limits are exercised at the top level.
    any_leaf_option().prop_recursive(3, 24, 3, |inner| {
        (any_leaf_option(), prop::collection::vec(inner, 0..4)).prop_map(|(mut o, children)| {
            o.options = Cow::Owned(children);
            o
        })
    })
}

fn any_command() -> impl Strategy<Value = CommandSpec<'static>> {
    (
        (
            any::<u8>(),
            any_text(),
            any_text(),
            any_localizations(),
            any_localizations(),
        ),
        some(any_option()),
        (
            prop::option::of(any::<u64>()),
            prop::option::of(prop::collection::vec(any::<u8>(), 0..4)),
            prop::option::of(prop::collection::vec(any::<u8>(), 0..3)),
            any::<bool>(),
            prop::option::of(prop::collection::vec(any::<u64>(), 0..3)),
        ),
    )
        .prop_map(
            |(
                (kind, name, description, name_localizations, description_localizations),
                options,
                (permissions, contexts, integration_types, nsfw, guilds),
            )| CommandSpec {
                kind: CommandKind::from_value(kind % 6),
                name: name.into(),
                name_localizations,
                description: description.into(),
                description_localizations,
                options: Cow::Owned(options),
                default_member_permissions: permissions.map(Permissions),
                contexts: contexts.map(|c| {
                    c.into_iter()
                        .map(InteractionContextType::from_value)
                        .collect()
                }),
                integration_types: integration_types
                    .map(|t| t.into_iter().map(IntegrationType::from_value).collect()),
                nsfw,
                scope: guilds.map_or(Scope::Global, |ids| Scope::Guilds(Cow::Owned(ids))),
            },
        )
}

// ---- arbitrary JSON -----------------------------------------------------------------------------

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 80, 8, |inner| {
        let keys = prop_oneof![
            Just("name".to_string()),
            Just("description".to_string()),
            Just("type".to_string()),
            Just("options".to_string()),
            Just("choices".to_string()),
            Just("value".to_string()),
            Just("required".to_string()),
            Just("min_value".to_string()),
            Just("name_localizations".to_string()),
            Just("default_member_permissions".to_string()),
            Just("contexts".to_string()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

// ---- plausible specs: mostly valid, for the round trip -------------------------------------------

fn plausible_value_option(index: usize) -> impl Strategy<Value = OptionSpec<'static>> {
    let kinds = prop::sample::select(vec![
        OptionKind::String,
        OptionKind::Integer,
        OptionKind::Number,
        OptionKind::Boolean,
        OptionKind::User,
        OptionKind::Channel,
        OptionKind::Role,
        OptionKind::Mentionable,
        OptionKind::Attachment,
    ]);
    (
        kinds,
        "[a-z][a-z0-9_]{0,10}",
        "[A-Za-z][A-Za-z ,.]{0,60}",
        any::<bool>(),
        prop::collection::vec(
            (
                "[A-Za-z ]{1,20}",
                "[a-z]{0,20}",
                -1000i64..1000,
                -1e6f64..1e6,
            ),
            0..5,
        ),
        (-1000i64..1000, 0i64..1000, any::<bool>()),
        (0i64..100, 1i64..6000),
        "fr|de|ja",
    )
        .prop_map(
            move |(
                kind,
                name,
                description,
                required,
                choices,
                (min, span, bounded),
                lengths,
                locale,
            )| {
                let mut o = OptionSpec::with_text(kind, format!("{name}{index}"), description)
                    .required(required)
                    .name_localization(locale, format!("n{index}"));
                // Each choice's value has the option's type.
                let value_of = |(_, text, n, x): &(String, String, i64, f64)| match kind {
                    OptionKind::String => Some(ChoiceValue::String(text.clone().into())),
                    OptionKind::Integer => Some(ChoiceValue::Integer(*n)),
                    OptionKind::Number => Some(ChoiceValue::Number(*x)),
                    _ => None,
                };
                for choice in &choices {
                    if let Some(value) = value_of(choice) {
                        o = o.choice(ChoiceSpec {
                            name: choice.0.clone().into(),
                            value,
                            name_localizations: Localizations::default(),
                        });
                    }
                }
                match kind {
                    OptionKind::String if bounded => {
                        o = o.min_length(lengths.0).max_length(lengths.0.max(lengths.1));
                    }
                    OptionKind::Integer if bounded => {
                        o = o
                            .min_value(NumericValue::Integer(min))
                            .max_value(NumericValue::Integer(min + span));
                    }
                    OptionKind::Number if bounded => {
                        o = o
                            .min_value(NumericValue::Number(min as f64 / 7.0))
                            .max_value(NumericValue::Number((min + span) as f64 / 7.0));
                    }
                    OptionKind::Number if choices.is_empty() => o = o.autocomplete(true),
                    OptionKind::Channel if bounded => {
                        o = o.channel_types([ChannelType::GuildText, ChannelType::GuildVoice]);
                    }
                    OptionKind::Attachment if bounded => o = o.file_types(["image", ".txt"]),
                    _ => {}
                }
                o
            },
        )
}

fn plausible_value_options() -> impl Strategy<Value = Vec<OptionSpec<'static>>> {
    (0usize..6)
        .prop_flat_map(|n| (0..n).map(plausible_value_option).collect::<Vec<_>>())
        .prop_map(|mut options| {
            options.sort_by_key(|o| !o.required);
            options
        })
}

fn plausible_command() -> impl Strategy<Value = CommandSpec<'static>> {
    let subcommand = |i: usize| {
        ("[a-z]{1,10}", plausible_value_options()).prop_map(move |(name, options)| OptionSpec {
            options: Cow::Owned(options),
            ..OptionSpec::with_text(OptionKind::SubCommand, format!("{name}{i}"), "A subcommand")
        })
    };
    let subcommands =
        (1usize..4).prop_flat_map(move |n| (0..n).map(subcommand).collect::<Vec<_>>());
    let options = prop_oneof![plausible_value_options(), subcommands];
    (
        "[a-z][a-z0-9-]{0,20}",
        "[A-Za-z][A-Za-z ]{0,80}",
        options,
        prop::option::of(0u64..(1 << 40)),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(name, description, options, permissions, nsfw, contexts)| {
                let mut cmd = CommandSpec::chat_input("", "").nsfw(nsfw);
                cmd.name = name.into();
                cmd.description = description.into();
                cmd.options = Cow::Owned(options);
                cmd.default_member_permissions = permissions.map(Permissions);
                if contexts {
                    cmd = cmd
                        .contexts([
                            InteractionContextType::Guild,
                            InteractionContextType::PrivateChannel,
                        ])
                        .integration_types([IntegrationType::UserInstall]);
                }
                cmd
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics_on_any_spec(cmd in any_command()) {
        let size = limits::command_size(&cmd);
        match validate_command(&cmd) {
            Ok(()) => prop_assert!(size <= limits::COMMAND_SIZE_MAX),
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                // Rendering the errors never panics either.
                let body = serde_json::to_value(FormBodyError::from(&errors));
                prop_assert!(body.is_ok());
                prop_assert!(!errors.to_string().is_empty());
            }
        }
        // Serializing any spec never panics (NaN becomes null).
        prop_assert!(serde_json::to_string(&cmd).is_ok());
    }

    #[test]
    fn any_json_body_reads_or_fails_cleanly(body in any_json()) {
        if let Ok(cmd) = serde_json::from_value::<CommandSpec<'static>>(body) {
            let _ = validate_command(&cmd);
        }
    }

    #[test]
    fn valid_specs_round_trip_through_json(cmd in plausible_command()) {
        prop_assume!(validate_command(&cmd).is_ok());
        let text = serde_json::to_string(&cmd).unwrap();
        let back: CommandSpec<'static> = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &cmd);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
    }
}

#[test]
fn plausible_commands_are_mostly_valid() {
    // Guards the round-trip property against filtering out everything.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = plausible_command();
    let valid = (0..200)
        .filter(|_| {
            let cmd = strategy.new_tree(&mut runner).unwrap().current();
            validate_command(&cmd).is_ok()
        })
        .count();
    assert!(
        valid >= 150,
        "only {valid} of 200 plausible commands were valid"
    );
}

//! Value options: choices, autocomplete, numeric and length bounds, channel and file types.
//! Citations: `AC` = developers/interactions/application-commands.mdx of discord/discord-api-docs
//! at c98d64bc.

mod common;

use bot_spec::ErrorCode::*;
use bot_spec::{ChannelType, ChoiceSpec, NumericValue, OptionKind, limits};
use common::*;

fn string_choices(n: usize) -> bot_spec::OptionSpec<'static> {
    (0..n).fold(opt(OptionKind::String), |o, i| {
        o.choice(ChoiceSpec {
            name: format!("choice {i}").into(),
            ..ChoiceSpec::string("", "v")
        })
    })
}

// AC L76: at most 25 choices.
#[test]
fn at_most_25_choices() {
    assert_valid(&with_option(string_choices(25)));
    assert_violations(
        &with_option(string_choices(26)),
        &[("options[0].choices", MaxLength)],
    );
}

// AC L76: choices only on STRING, INTEGER and NUMBER.
#[test]
fn choices_only_on_string_integer_number() {
    assert_valid(&with_option(
        opt(OptionKind::Integer).choice(ChoiceSpec::integer("one", 1)),
    ));
    assert_valid(&with_option(
        opt(OptionKind::Number).choice(ChoiceSpec::number("half", 0.5)),
    ));
    for kind in [
        OptionKind::Boolean,
        OptionKind::User,
        OptionKind::Channel,
        OptionKind::Role,
        OptionKind::Mentionable,
        OptionKind::Attachment,
    ] {
        assert_violations(
            &with_option(opt(kind).choice(ChoiceSpec::string("a", "a"))),
            &[("options[0].choices", FieldNotAllowed)],
        );
    }
}

// AC L114-126: choice names are 1–100 characters; string values at most 100 characters.
#[test]
fn choice_name_and_value_lengths() {
    let choice = |name: String, value: String| {
        with_option(opt(OptionKind::String).choice(ChoiceSpec {
            name: name.into(),
            ..ChoiceSpec {
                value: bot_spec::ChoiceValue::String(value.into()),
                ..ChoiceSpec::string("", "")
            }
        }))
    };
    assert_valid(&choice(text('n', 100), text('v', 100)));
    assert_valid(&choice(text('ñ', 100), text('ü', 100)));
    assert_violations(
        &choice(text('n', 101), "v".into()),
        &[("options[0].choices[0].name", BadLength)],
    );
    assert_violations(
        &choice(String::new(), "v".into()),
        &[("options[0].choices[0].name", BadLength)],
    );
    assert_violations(
        &choice("n".into(), text('v', 101)),
        &[("options[0].choices[0].value", MaxLength)],
    );
    // Localized choice names follow the same rule.
    let localized = with_option(
        opt(OptionKind::String)
            .choice(ChoiceSpec::string("Dog", "dog").name_localization("de", text('h', 101))),
    );
    assert_violations(
        &localized,
        &[("options[0].choices[0].name_localizations.de", BadLength)],
    );
}

// AC L114-126: a choice's value has the option's type.
#[test]
fn choice_value_type_matches_the_option() {
    assert_violations(
        &with_option(opt(OptionKind::String).choice(ChoiceSpec::integer("one", 1))),
        &[("options[0].choices[0].value", StringConvert)],
    );
    assert_violations(
        &with_option(opt(OptionKind::Integer).choice(ChoiceSpec::string("one", "1"))),
        &[("options[0].choices[0].value", NumberCoerce)],
    );
    assert_violations(
        &with_option(opt(OptionKind::Integer).choice(ChoiceSpec::number("half", 0.5))),
        &[("options[0].choices[0].value", NumberCoerce)],
    );
    // A NUMBER option accepts an integer value.
    assert_valid(&with_option(
        opt(OptionKind::Number).choice(ChoiceSpec::integer("one", 1)),
    ));
    // AC L97-111: INTEGER choices within ±(2^53−1).
    assert_valid(&with_option(
        opt(OptionKind::Integer).choice(ChoiceSpec::integer("max", limits::INTEGER_MAX)),
    ));
    assert_violations(
        &with_option(opt(OptionKind::Integer).choice(ChoiceSpec::integer("big", 1 << 53))),
        &[("options[0].choices[0].value", MaxValue)],
    );
}

// AC L83, L88: autocomplete only on STRING/INTEGER/NUMBER and never with choices.
#[test]
fn autocomplete_rules() {
    for kind in [OptionKind::String, OptionKind::Integer, OptionKind::Number] {
        assert_valid(&with_option(opt(kind).autocomplete(true)));
    }
    assert_violations(
        &with_option(opt(OptionKind::Boolean).autocomplete(true)),
        &[("options[0].autocomplete", FieldNotAllowed)],
    );
    assert_violations(
        &with_option(
            opt(OptionKind::String)
                .autocomplete(true)
                .choice(ChoiceSpec::string("a", "a")),
        ),
        &[("options[0].autocomplete", AutocompleteWithChoices)],
    );
}

// AC L97-111: INTEGER bounds within ±(2^53−1).
#[test]
fn integer_bounds_range() {
    let bounded = |min: i64, max: i64| {
        with_option(
            opt(OptionKind::Integer)
                .min_value(NumericValue::Integer(min))
                .max_value(NumericValue::Integer(max)),
        )
    };
    assert_valid(&bounded(limits::INTEGER_MIN, limits::INTEGER_MAX));
    assert_violations(
        &bounded(limits::INTEGER_MIN - 1, 0),
        &[("options[0].min_value", MinValue)],
    );
    assert_violations(
        &bounded(0, limits::INTEGER_MAX + 1),
        &[("options[0].max_value", MaxValue)],
    );
    assert_violations(
        &with_option(opt(OptionKind::Integer).min_value(NumericValue::Number(0.5))),
        &[("options[0].min_value", NumberCoerce)],
    );
}

// AC L97-111: NUMBER bounds are doubles within ±2^53.
#[test]
fn number_bounds_range() {
    let bounded = |min: f64, max: f64| {
        with_option(
            opt(OptionKind::Number)
                .min_value(NumericValue::Number(min))
                .max_value(NumericValue::Number(max)),
        )
    };
    assert_valid(&bounded(-limits::NUMBER_MAX, limits::NUMBER_MAX));
    let just_past = limits::NUMBER_MAX * (1.0 + f64::EPSILON);
    assert_violations(
        &bounded(-just_past, 0.0),
        &[("options[0].min_value", MinValue)],
    );
    assert_violations(
        &bounded(0.0, just_past),
        &[("options[0].max_value", MaxValue)],
    );
    assert_violations(
        &bounded(f64::NAN, 0.0),
        &[("options[0].min_value", NumberCoerce)],
    );
}

// AC L79-82 (and the issue): min_value ≤ max_value.
#[test]
fn min_value_not_above_max_value() {
    let bounded = |min: NumericValue, max: NumericValue| {
        with_option(opt(OptionKind::Number).min_value(min).max_value(max))
    };
    assert_valid(&bounded(NumericValue::Integer(3), NumericValue::Integer(3)));
    assert_valid(&bounded(
        NumericValue::Number(-273.15),
        NumericValue::Integer(0),
    ));
    assert_violations(
        &bounded(NumericValue::Integer(4), NumericValue::Integer(3)),
        &[("options[0].max_value", MinValue)],
    );
    assert_violations(
        &bounded(NumericValue::Number(3.5), NumericValue::Integer(3)),
        &[("options[0].max_value", MinValue)],
    );
}

// AC L79-82: min_value/max_value only on INTEGER and NUMBER.
#[test]
fn value_bounds_only_on_numbers() {
    assert_violations(
        &with_option(
            opt(OptionKind::String)
                .min_value(NumericValue::Integer(1))
                .max_value(NumericValue::Integer(0)),
        ),
        &[
            ("options[0].min_value", FieldNotAllowed),
            ("options[0].max_value", FieldNotAllowed),
        ],
    );
}

// AC L79-82: min_length 0–6000, max_length 1–6000, STRING only, min ≤ max.
#[test]
fn length_bounds() {
    let lengths = |min: Option<i64>, max: Option<i64>| {
        let mut o = opt(OptionKind::String);
        o.min_length = min;
        o.max_length = max;
        with_option(o)
    };
    assert_valid(&lengths(Some(0), Some(1)));
    assert_valid(&lengths(Some(6000), Some(6000)));
    assert_violations(
        &lengths(Some(-1), None),
        &[("options[0].min_length", MinValue)],
    );
    assert_violations(
        &lengths(Some(6001), None),
        &[("options[0].min_length", MaxValue)],
    );
    assert_violations(
        &lengths(None, Some(0)),
        &[("options[0].max_length", MinValue)],
    );
    assert_violations(
        &lengths(None, Some(6001)),
        &[("options[0].max_length", MaxValue)],
    );
    assert_valid(&lengths(Some(5), Some(5)));
    assert_violations(
        &lengths(Some(6), Some(5)),
        &[("options[0].max_length", MinValue)],
    );
    assert_violations(
        &with_option(opt(OptionKind::Integer).min_length(1)),
        &[("options[0].min_length", FieldNotAllowed)],
    );
}

// AC L78: channel_types only on CHANNEL options.
#[test]
fn channel_types_only_on_channel() {
    assert_valid(&with_option(
        opt(OptionKind::Channel).channel_types([ChannelType::GuildText, ChannelType::GuildForum]),
    ));
    assert_violations(
        &with_option(opt(OptionKind::String).channel_types([ChannelType::GuildText])),
        &[("options[0].channel_types", FieldNotAllowed)],
    );
    assert_violations(
        &with_option(opt(OptionKind::Channel).channel_types([ChannelType::Unknown(99)])),
        &[("options[0].channel_types[0]", Choices)],
    );
}

// AC L84: file_types only on ATTACHMENT: image, video, audio or .ext; at most 10.
#[test]
fn file_types_rules() {
    let ten = [
        "image", "video", "audio", ".pdf", ".png", ".txt", ".zip", ".mp3", ".wav", ".rs",
    ];
    assert_valid(&with_option(opt(OptionKind::Attachment).file_types(ten)));
    let eleven = ten.iter().copied().chain([".md"]);
    assert_violations(
        &with_option(opt(OptionKind::Attachment).file_types(eleven)),
        &[("options[0].file_types", MaxLength)],
    );
    assert_violations(
        &with_option(opt(OptionKind::Attachment).file_types(["pdf", "."])),
        &[
            ("options[0].file_types[0]", InvalidFileType),
            ("options[0].file_types[1]", InvalidFileType),
        ],
    );
    assert_violations(
        &with_option(opt(OptionKind::String).file_types(["image"])),
        &[("options[0].file_types", FieldNotAllowed)],
    );
}

// Subcommands carry no value fields at all.
#[test]
fn value_fields_not_on_subcommands() {
    let sub = with_option(
        opt(OptionKind::SubCommand)
            .autocomplete(true)
            .min_length(1)
            .choice(ChoiceSpec::string("a", "a")),
    );
    assert_violations(
        &sub,
        &[
            ("options[0].choices", FieldNotAllowed),
            ("options[0].autocomplete", FieldNotAllowed),
            ("options[0].min_length", FieldNotAllowed),
        ],
    );
}

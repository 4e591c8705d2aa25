//! Names, descriptions and localizations: vectors at each limit (valid) and one past it (invalid).
//! Citations: `AC` = developers/interactions/application-commands.mdx, `REF` = developers/reference.mdx
//! of discord/discord-api-docs at c98d64bc (see the project's protocol notes §5.2).

mod common;

use bot_spec::ErrorCode::*;
use bot_spec::{CommandSpec, LOCALES, OptionKind, OptionSpec};
use common::*;

// AC L15-18: CHAT_INPUT names match ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$.
#[test]
fn chat_input_name_is_1_to_32_characters() {
    assert_valid(&CommandSpec::chat_input(&text('a', 32), "d"));
    assert_valid(&CommandSpec::chat_input("a", "d"));
    assert_violations(
        &CommandSpec::chat_input(&text('a', 33), "d"),
        &[("name", BadLength)],
    );
    assert_violations(&CommandSpec::chat_input("", "d"), &[("name", Required)]);
}

// AC L15-18 ("Unicode mode"): lengths count characters, not bytes.
#[test]
fn name_length_counts_characters() {
    assert_valid(&CommandSpec::chat_input(&text('é', 32), "d"));
    assert_violations(
        &CommandSpec::chat_input(&text('é', 33), "d"),
        &[("name", BadLength)],
    );
}

// AC L15-18: letters, numbers, `-`, `_`, `'`, Devanagari and Thai; nothing else.
#[test]
fn chat_input_name_characters() {
    for name in [
        "with-dash_and'quote",
        "123",
        "日本語",
        "straße",
        "नमस्ते", // Devanagari with vowel signs (combining marks, not \p{L})
        "สวัสดี", // Thai with vowel and tone marks
        "٣٤",   // Arabic-Indic digits are \p{N}
    ] {
        assert_valid(&CommandSpec::chat_input(name, "d"));
    }
    for name in ["two words", "bang!", "emoji😀", "dot.dot", "tab\t"] {
        assert_violations(
            &CommandSpec::chat_input(name, "d"),
            &[("name", InvalidName)],
        );
    }
}

// AC L15-18: "If there is a lowercase variant of any letters used, you must use those."
#[test]
fn chat_input_and_option_names_are_lowercase() {
    assert_violations(
        &CommandSpec::chat_input("Blep", "d"),
        &[("name", InvalidName)],
    );
    assert_violations(&CommandSpec::chat_input("É", "d"), &[("name", InvalidName)]);
    assert_violations(
        &with_option(OptionSpec::new(OptionKind::String, "Animal", "d")),
        &[("options[0].name", InvalidName)],
    );
}

// AC L15-18: USER and MESSAGE names may be mixed case with spaces, 1–32 characters.
#[test]
fn context_menu_names_are_free_text_of_1_to_32() {
    assert_valid(&CommandSpec::user("Show Avatar"));
    assert_valid(&CommandSpec::message(&text('Q', 32)));
    assert_violations(&CommandSpec::user(&text('Q', 33)), &[("name", BadLength)]);
    assert_violations(&CommandSpec::message(""), &[("name", Required)]);
}

// AC L31: CHAT_INPUT descriptions are 1–100 characters.
#[test]
fn chat_input_description_is_1_to_100_characters() {
    assert_valid(&CommandSpec::chat_input("c", &text('d', 100)));
    assert_valid(&CommandSpec::chat_input("c", &text('é', 100)));
    assert_violations(
        &CommandSpec::chat_input("c", &text('d', 101)),
        &[("description", BadLength)],
    );
    assert_violations(
        &CommandSpec::chat_input("c", ""),
        &[("description", Required)],
    );
}

// AC L31: USER and MESSAGE commands have an empty description.
#[test]
fn context_menu_description_is_empty() {
    let mut cmd = CommandSpec::user("Avatar");
    cmd.description = "x".into();
    assert_violations(&cmd, &[("description", MaxLength)]);
    let cmd = CommandSpec::message("Quote").description_localization("fr", "Citer");
    assert_violations(&cmd, &[("description_localizations", FieldNotAllowed)]);
}

// AC L73: option descriptions are 1–100 characters.
#[test]
fn option_description_is_1_to_100_characters() {
    assert_valid(&with_option(OptionSpec::with_text(
        OptionKind::String,
        "o",
        text('d', 100),
    )));
    assert_violations(
        &with_option(OptionSpec::with_text(
            OptionKind::String,
            "o",
            text('d', 101),
        )),
        &[("options[0].description", BadLength)],
    );
    assert_violations(
        &with_option(OptionSpec::new(OptionKind::String, "o", "")),
        &[("options[0].description", Required)],
    );
}

// REF L555+ and spec AvailableLocalesEnum: 34 locale keys.
#[test]
fn localization_keys_are_discord_locales() {
    let every_locale = LOCALES
        .iter()
        .fold(CommandSpec::chat_input("c", "d"), |cmd, locale| {
            cmd.name_localization(*locale, "nom")
                .description_localization(*locale, "description")
        });
    assert_valid(&every_locale);
    assert_violations(
        &CommandSpec::chat_input("c", "d").name_localization("xx", "nom"),
        &[("name_localizations.xx", EnumCoerce)],
    );
    assert_violations(
        &CommandSpec::chat_input("c", "d").name_localization("pt-br", "nome"),
        &[("name_localizations.pt-br", EnumCoerce)],
    );
}

// AC L30-32: localized values follow the base field's rule.
#[test]
fn localized_values_follow_the_base_rule() {
    assert_violations(
        &CommandSpec::chat_input("c", "d").name_localization("de", "Hund"),
        &[("name_localizations.de", InvalidName)],
    );
    assert_violations(
        &CommandSpec::chat_input("c", "d").name_localization("de", text('h', 33)),
        &[("name_localizations.de", BadLength)],
    );
    assert_valid(&CommandSpec::chat_input("c", "d").name_localization("de", text('h', 32)));
    assert_violations(
        &CommandSpec::chat_input("c", "d").description_localization("de", text('b', 101)),
        &[("description_localizations.de", BadLength)],
    );
    assert_valid(&CommandSpec::chat_input("c", "d").description_localization("de", text('b', 100)));
    // USER names may be mixed case with spaces in every locale too.
    assert_valid(&CommandSpec::user("Avatar").name_localization("de", "Profilbild Zeigen"));
    assert_violations(
        &with_option(opt(OptionKind::String).name_localization("fr", "Animal")),
        &[("options[0].name_localizations.fr", InvalidName)],
    );
}

// A model built in code can list a locale twice; JSON cannot, so it is reported.
#[test]
fn a_locale_listed_twice_is_reported() {
    use bot_spec::{Localizations, Localized};
    use std::borrow::Cow;
    let mut cmd = CommandSpec::chat_input("c", "d");
    cmd.name_localizations = Localizations(Cow::Owned(vec![
        Localized::new("fr", "un"),
        Localized::new("fr", "deux"),
    ]));
    assert_violations(&cmd, &[("name_localizations.fr", DuplicateItem)]);
}

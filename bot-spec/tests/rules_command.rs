//! Command-level fields, the 8,000-character size, rules across a scope, and the `const fn`s.
//! Citations: `AC` = developers/interactions/application-commands.mdx, `REF` =
//! developers/reference.mdx of discord/discord-api-docs at c98d64bc.

mod common;

use bot_spec::ErrorCode::*;
use bot_spec::{
    ChoiceSpec, CommandKind, CommandSpec, IntegrationType, InteractionContextType, OptionKind,
    OptionSpec, Permissions, ScopeConflict, check_scope, limits,
};
use common::*;
use std::borrow::Cow;

// AC L38-39 (spec minItems 1, uniqueItems): contexts are non-empty, unique, global only.
#[test]
fn contexts_rules() {
    use InteractionContextType::*;
    let with = |contexts: &[InteractionContextType]| {
        CommandSpec::chat_input("c", "d").contexts(contexts.iter().copied())
    };
    assert_valid(&with(&[Guild, BotDm, PrivateChannel]));
    assert_violations(&with(&[]), &[("contexts", MinLength)]);
    assert_violations(&with(&[Guild, Guild]), &[("contexts[1]", DuplicateItem)]);
    assert_violations(&with(&[Guild, Unknown(3)]), &[("contexts[1]", Choices)]);
    assert_violations(
        &with(&[Guild]).guilds([1]),
        &[("contexts", FieldNotAllowed)],
    );
}

// AC L38-39: integration_types are non-empty, unique, global only.
#[test]
fn integration_types_rules() {
    use IntegrationType::*;
    let with = |types: &[IntegrationType]| {
        CommandSpec::chat_input("c", "d").integration_types(types.iter().copied())
    };
    assert_valid(&with(&[GuildInstall, UserInstall]));
    assert_violations(&with(&[]), &[("integration_types", MinLength)]);
    assert_violations(
        &with(&[UserInstall, UserInstall]),
        &[("integration_types[1]", DuplicateItem)],
    );
    assert_violations(
        &with(&[GuildInstall]).guilds([1, 2]),
        &[("integration_types", FieldNotAllowed)],
    );
}

// AC L380-392, spec maximum 2^54 − 1: default_member_permissions.
#[test]
fn default_member_permissions_range() {
    let with =
        |bits| CommandSpec::chat_input("c", "d").default_member_permissions(Permissions(bits));
    assert_valid(&with(0));
    assert_valid(&with(Permissions::MAX_BITS));
    assert_violations(
        &with(Permissions::MAX_BITS + 1),
        &[("default_member_permissions", MaxValue)],
    );
}

// AC L13-59: command types 1–4; PRIMARY_ENTRY_POINT cannot be a guild command (AC L167-174).
#[test]
fn command_type_rules() {
    let mut unknown = CommandSpec::chat_input("c", "d");
    unknown.kind = CommandKind::Unknown(9);
    assert_violations(&unknown, &[("type", Choices)]);
    let entry = CommandSpec::new(
        CommandKind::PrimaryEntryPoint,
        "Launch",
        "Launch the activity",
    );
    assert_valid(&entry);
    assert_violations(&entry.guilds([1]), &[("type", FieldNotAllowed)]);
}

/// A command whose size is exactly `total` characters (≥ 232), built from choices.
fn command_of_size(total: usize) -> CommandSpec<'static> {
    let mut remaining = total - 132; // name (32) + description (100)
    let mut cmd = CommandSpec::chat_input("", "").option(opt(OptionKind::String));
    cmd.name = text('c', 32).into();
    cmd.description = text('d', 100).into();
    remaining -= limits::option_size(&cmd.options[0]);
    let mut options = vec![];
    let mut current = OptionSpec::with_text(OptionKind::String, "o0", "x");
    remaining -= 3;
    while remaining > 0 {
        if current.choices.len() == limits::CHOICES_MAX {
            options.push(current);
            current = OptionSpec::with_text(OptionKind::String, format!("o{}", options.len()), "x");
            remaining -= limits::option_size(&current);
            continue;
        }
        let name = remaining.min(100);
        let value = (remaining - name).min(100);
        current = current.choice(ChoiceSpec {
            name: text('n', name).into(),
            value: bot_spec::ChoiceValue::String(text('v', value).into()),
            name_localizations: Default::default(),
        });
        remaining -= name + value;
    }
    options.push(current);
    let cmd = options.into_iter().fold(cmd, CommandSpec::option);
    assert_eq!(
        limits::command_size(&cmd),
        total,
        "helper builds the size it is asked for"
    );
    cmd
}

// AC L449-451, REF L91-106: at most 8,000 characters over names, descriptions and choices.
#[test]
fn command_size_limit() {
    assert_valid(&command_of_size(8000));
    assert_violations(&command_of_size(8001), &[("", TooLarge)]);
}

// AC L449-451: for a localized field only its longest variant counts.
#[test]
fn command_size_counts_the_longest_localized_variant() {
    let base = command_of_size(7990);
    // A localized variant no longer than its base field adds nothing …
    let same = base.clone().description_localization("de", text('b', 100));
    assert_eq!(limits::command_size(&same), 7990);
    // … a longer one counts instead of the base: "An option" (9) → 19 or 20 characters.
    let localize_first_option = |chars: usize| {
        let mut cmd = base.clone();
        let mut options = cmd.options.to_vec();
        options[0] = options[0]
            .clone()
            .description_localization("de", text('b', chars));
        cmd.options = Cow::Owned(options);
        cmd
    };
    assert_eq!(bot_spec::char_count(&base.options[0].description), 9);
    assert_valid(&localize_first_option(19));
    assert_violations(&localize_first_option(20), &[("", TooLarge)]);
}

// Every violation at once, in body order.
#[test]
fn all_violations_are_returned_at_once() {
    let mut cmd = CommandSpec::chat_input("Bad Name", "")
        .option(OptionSpec::new(OptionKind::String, "x", "d"))
        .option(OptionSpec::new(OptionKind::String, "x", "").required(true))
        .option(opt(OptionKind::Boolean).choice(ChoiceSpec::string("a", "a")));
    cmd.description = text('d', 101).into();
    assert_violations(
        &cmd,
        &[
            ("name", InvalidName),
            ("description", BadLength),
            ("options[1].name", DuplicateOptionName),
            ("options[1]", RequiredAfterOptional),
            ("options[1].description", Required),
            ("options[2].choices", FieldNotAllowed),
        ],
    );
}

// AC L155-174: names unique per type per scope; 100/15/15 per type.
#[test]
fn scope_rules() {
    let chat = |i: usize| CommandSpec::chat_input("", "d").name_owned(format!("c{i}"));
    let hundred: Vec<_> = (0..100).map(chat).collect();
    assert_eq!(check_scope(&hundred), Ok(()));
    let mut over = hundred.clone();
    over.push(chat(100));
    assert_eq!(
        check_scope(&over),
        Err(vec![ScopeConflict::TooMany {
            kind: CommandKind::ChatInput,
            count: 101,
            max: 100
        }])
    );
    let users: Vec<_> = (0..15)
        .map(|i| CommandSpec::user("").name_owned(format!("User {i}")))
        .collect();
    assert_eq!(check_scope(&users), Ok(()));
    let mut sixteen = users.clone();
    sixteen.push(CommandSpec::user("User 15"));
    assert!(matches!(
        check_scope(&sixteen).unwrap_err()[..],
        [ScopeConflict::TooMany {
            count: 16,
            max: 15,
            ..
        }]
    ));
    // A CHAT_INPUT and a USER command may share a name.
    let shared = [
        CommandSpec::chat_input("info", "d"),
        CommandSpec::user("info"),
    ];
    assert_eq!(check_scope(&shared), Ok(()));
}

trait NameOwned {
    fn name_owned(self, name: String) -> Self;
}

impl NameOwned for CommandSpec<'static> {
    fn name_owned(mut self, name: String) -> Self {
        self.name = name.into();
        self
    }
}

// The const fns give the same answers at compile time.
static SIZED: CommandSpec<'static> = CommandSpec {
    name: Cow::Borrowed("blep"),
    description: Cow::Borrowed("Send a random adorable animal photo"),
    options: Cow::Borrowed(&[OptionSpec {
        kind: OptionKind::String,
        name: Cow::Borrowed("animal"),
        description: Cow::Borrowed("The type of animal"),
        choices: Cow::Borrowed(&[ChoiceSpec::string("Dog", "animal_dog")]),
        ..OptionSpec::EMPTY
    }]),
    ..CommandSpec::EMPTY
};
const _: () = assert!(limits::command_size(&SIZED) == 4 + 35 + 6 + 18 + 3 + 10);
const _: () = assert!(limits::name_length_ok("abcdefghijklmnopqrstuvwxyz012345"));
const _: () = assert!(!limits::name_length_ok("abcdefghijklmnopqrstuvwxyz0123456"));
const _: () = assert!(limits::description_length_ok(CommandKind::User, ""));
const _: () = assert!(!limits::description_length_ok(CommandKind::ChatInput, ""));
const _: () = assert!(limits::option_count_ok(25) && !limits::option_count_ok(26));
const _: () = assert!(limits::choice_count_ok(25) && !limits::choice_count_ok(26));
const _: () = assert!(limits::integer_in_range(limits::INTEGER_MAX));
const _: () = assert!(!limits::integer_in_range(limits::INTEGER_MAX + 1));
const _: () =
    assert!(limits::number_in_range(-limits::NUMBER_MAX) && !limits::number_in_range(f64::NAN));
const _: () = assert!(limits::min_length_in_range(0) && !limits::min_length_in_range(-1));
const _: () = assert!(limits::max_length_in_range(6000) && !limits::max_length_in_range(6001));
const _: () = assert!(!limits::length_bounds_ordered(Some(2), Some(1)));

#[test]
fn const_fns_agree_with_the_validator() {
    assert_valid(&SIZED);
    assert_eq!(limits::command_size(&SIZED), 76);
}

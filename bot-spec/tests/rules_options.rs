//! Options arrays: counts, placement, uniqueness, order and nesting. Citations: `AC` =
//! developers/interactions/application-commands.mdx of discord/discord-api-docs at c98d64bc.

mod common;

use bot_spec::ErrorCode::*;
use bot_spec::{CommandSpec, OptionKind, OptionSpec};
use common::*;

fn numbered(kind: OptionKind, n: usize) -> Vec<OptionSpec<'static>> {
    (0..n)
        .map(|i| OptionSpec::with_text(kind, format!("o{i}"), "An option"))
        .collect()
}

fn command_with(options: Vec<OptionSpec<'static>>) -> CommandSpec<'static> {
    options.into_iter().fold(
        CommandSpec::chat_input("cmd", "A command"),
        CommandSpec::option,
    )
}

// AC L33: "up to 25" options per command.
#[test]
fn at_most_25_options_per_command() {
    assert_valid(&command_with(numbered(OptionKind::String, 25)));
    assert_violations(
        &command_with(numbered(OptionKind::String, 26)),
        &[("options", MaxLength)],
    );
}

// AC L77: "up to 25" options per subcommand or group.
#[test]
fn at_most_25_options_per_subcommand_and_group() {
    let sub = |n| {
        numbered(OptionKind::String, n)
            .into_iter()
            .fold(opt(OptionKind::SubCommand), OptionSpec::option)
    };
    assert_valid(&with_option(sub(25)));
    assert_violations(&with_option(sub(26)), &[("options[0].options", MaxLength)]);

    let group = |n| {
        numbered(OptionKind::SubCommand, n)
            .into_iter()
            .fold(opt(OptionKind::SubCommandGroup), OptionSpec::option)
    };
    assert_valid(&with_option(group(25)));
    assert_violations(
        &with_option(group(26)),
        &[("options[0].options", MaxLength)],
    );
}

// AC L43: options are only valid on CHAT_INPUT commands.
#[test]
fn options_only_on_chat_input() {
    let user = CommandSpec::user("Avatar").option(opt(OptionKind::User));
    assert_violations(&user, &[("options", FieldNotAllowed)]);
    let message = CommandSpec::message("Quote").option(opt(OptionKind::String));
    assert_violations(&message, &[("options", FieldNotAllowed)]);
}

// AC L86: option names are unique within one options array.
#[test]
fn option_names_unique_per_level() {
    let dup = CommandSpec::chat_input("cmd", "d")
        .option(opt(OptionKind::String))
        .option(opt(OptionKind::Integer));
    assert_violations(&dup, &[("options[1].name", DuplicateOptionName)]);

    // The same name at different levels is fine.
    let nested = CommandSpec::chat_input("cmd", "d").option(
        OptionSpec::new(OptionKind::SubCommand, "opt", "d").option(opt(OptionKind::String)),
    );
    assert_valid(&nested);
}

// AC L64-66: required options come before optional ones.
#[test]
fn required_before_optional() {
    let ok = CommandSpec::chat_input("cmd", "d")
        .option(OptionSpec::new(OptionKind::String, "a", "d").required(true))
        .option(OptionSpec::new(OptionKind::String, "b", "d").required(true))
        .option(OptionSpec::new(OptionKind::String, "c", "d"));
    assert_valid(&ok);
    let bad = CommandSpec::chat_input("cmd", "d")
        .option(OptionSpec::new(OptionKind::String, "a", "d"))
        .option(OptionSpec::new(OptionKind::String, "b", "d").required(true))
        .option(OptionSpec::new(OptionKind::String, "c", "d").required(true));
    assert_violations(
        &bad,
        &[
            ("options[1]", RequiredAfterOptional),
            ("options[2]", RequiredAfterOptional),
        ],
    );
    // Inside a subcommand too.
    let sub = with_option(
        opt(OptionKind::SubCommand)
            .option(OptionSpec::new(OptionKind::String, "a", "d"))
            .option(OptionSpec::new(OptionKind::String, "b", "d").required(true)),
    );
    assert_violations(&sub, &[("options[0].options[1]", RequiredAfterOptional)]);
}

// AC L75: `required` is not valid on SUB_COMMAND or SUB_COMMAND_GROUP.
#[test]
fn required_not_on_subcommands_or_groups() {
    let sub = with_option(opt(OptionKind::SubCommand).required(true));
    assert_violations(&sub, &[("options[0].required", FieldNotAllowed)]);
    let group = with_option(
        opt(OptionKind::SubCommandGroup)
            .required(true)
            .option(OptionSpec::new(OptionKind::SubCommand, "s", "d")),
    );
    assert_violations(&group, &[("options[0].required", FieldNotAllowed)]);
}

// AC L543-625: command → subcommands and/or groups → subcommands → value options.
#[test]
fn the_one_supported_nesting_is_valid() {
    let cmd = CommandSpec::chat_input("permissions", "Get or edit permissions")
        .option(
            OptionSpec::new(OptionKind::SubCommandGroup, "user", "User permissions")
                .option(
                    OptionSpec::new(OptionKind::SubCommand, "get", "Get permissions")
                        .option(
                            OptionSpec::new(OptionKind::User, "user", "The user").required(true),
                        )
                        .option(OptionSpec::new(
                            OptionKind::Channel,
                            "channel",
                            "The channel",
                        )),
                )
                .option(OptionSpec::new(
                    OptionKind::SubCommand,
                    "edit",
                    "Edit permissions",
                )),
        )
        .option(OptionSpec::new(
            OptionKind::SubCommand,
            "reset",
            "Reset everything",
        ));
    assert_valid(&cmd);
}

// AC L543-625: subcommands and groups exclude value options at the top level.
#[test]
fn subcommands_and_value_options_do_not_mix() {
    let cmd = CommandSpec::chat_input("cmd", "d")
        .option(OptionSpec::new(OptionKind::SubCommand, "sub", "d"))
        .option(OptionSpec::new(OptionKind::String, "text", "d"));
    assert_violations(&cmd, &[("options", InvalidNesting)]);
}

// AC L543-625: no group inside a group, nothing but subcommands inside a group.
#[test]
fn groups_hold_only_subcommands() {
    let nested_group = with_option(opt(OptionKind::SubCommandGroup).option(
        OptionSpec::new(OptionKind::SubCommandGroup, "inner", "d").option(OptionSpec::new(
            OptionKind::SubCommand,
            "s",
            "d",
        )),
    ));
    assert_violations(
        &nested_group,
        &[("options[0].options[0].type", InvalidNesting)],
    );
    let value_in_group =
        with_option(opt(OptionKind::SubCommandGroup).option(opt(OptionKind::String)));
    assert_violations(
        &value_in_group,
        &[("options[0].options[0].type", InvalidNesting)],
    );
    let empty_group = with_option(opt(OptionKind::SubCommandGroup));
    assert_violations(&empty_group, &[("options[0].options", MinLength)]);
}

// AC L543-625: no subcommand or group inside a subcommand, nothing inside a value option.
#[test]
fn subcommands_hold_only_value_options() {
    let sub_in_sub = with_option(opt(OptionKind::SubCommand).option(OptionSpec::new(
        OptionKind::SubCommand,
        "s",
        "d",
    )));
    assert_violations(
        &sub_in_sub,
        &[("options[0].options[0].type", InvalidNesting)],
    );
    let group_in_sub = with_option(opt(OptionKind::SubCommand).option(
        OptionSpec::new(OptionKind::SubCommandGroup, "g", "d").option(OptionSpec::new(
            OptionKind::SubCommand,
            "s",
            "d",
        )),
    ));
    assert_violations(
        &group_in_sub,
        &[("options[0].options[0].type", InvalidNesting)],
    );
    let in_value = with_option(opt(OptionKind::String).option(opt(OptionKind::String)));
    assert_violations(&in_value, &[("options[0].options", FieldNotAllowed)]);
}

// AC L97-111: option types are 1–11.
#[test]
fn unknown_option_type() {
    let cmd = with_option(opt(OptionKind::Unknown(12)));
    assert_violations(&cmd, &[("options[0].type", Choices)]);
}

//! Rules on an options array and on each option: counts, nesting, names, order (AC L61-95,
//! L543-625).

use super::fields::{NameRule, check_description, check_localizations, check_name, not_allowed};
use super::values::check_value_fields;
use super::{ErrorCode, FieldPath, ValidationErrors};
use crate::limits::OPTIONS_MAX;
use crate::model::{OptionKind, OptionSpec};

/// Which kind of container an options array belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Level {
    /// The command itself: subcommands and groups, or value options, never both.
    Command,
    /// A subcommand group: subcommands only.
    Group,
    /// A subcommand: value options only.
    SubCommand,
}

/// Checks one options array and every option in it.
pub(crate) fn check_level(
    out: &mut ValidationErrors,
    path: FieldPath,
    options: &[OptionSpec<'_>],
    level: Level,
) {
    if options.len() > OPTIONS_MAX {
        out.push(
            path.clone(),
            ErrorCode::MaxLength,
            format!(
                "Must be {OPTIONS_MAX} or fewer in length (got {}).",
                options.len()
            ),
        );
    }
    check_nesting(out, &path, options, level);

    let mut seen_optional = false;
    for (i, option) in options.iter().enumerate() {
        if options[..i]
            .iter()
            .any(|earlier| earlier.name == option.name)
        {
            out.push(
                path.index(i).key("name"),
                ErrorCode::DuplicateOptionName,
                format!(
                    "Option name {:?} is already used at this level; names must be unique (AC L86).",
                    option.name
                ),
            );
        }
        if is_value_option(option.kind) {
            if option.required && seen_optional {
                out.push(
                    path.index(i),
                    ErrorCode::RequiredAfterOptional,
                    "Required options must be placed before non-required options (AC L64-66).",
                );
            }
            seen_optional |= !option.required;
        }
        check_option(out, path.index(i), option);
    }
}

fn is_value_option(kind: OptionKind) -> bool {
    kind.is_known() && !kind.is_subcommand_like()
}

/// Only command → subcommands and/or groups → subcommands → value options is allowed.
fn check_nesting(
    out: &mut ValidationErrors,
    path: &FieldPath,
    options: &[OptionSpec<'_>],
    level: Level,
) {
    match level {
        Level::Command => {
            let nested = options.iter().any(|o| o.kind.is_subcommand_like());
            let values = options.iter().any(|o| is_value_option(o.kind));
            if nested && values {
                out.push(
                    path.clone(),
                    ErrorCode::InvalidNesting,
                    "Sub-command and sub-command group option types are mutually exclusive to all \
                     other types (AC L543-625).",
                );
            }
        }
        Level::Group => {
            for (i, option) in options.iter().enumerate() {
                if option.kind.is_known() && option.kind != OptionKind::SubCommand {
                    out.push(
                        path.index(i).key("type"),
                        ErrorCode::InvalidNesting,
                        "A sub-command group may only contain sub-commands (AC L543-625).",
                    );
                }
            }
        }
        Level::SubCommand => {
            for (i, option) in options.iter().enumerate() {
                if option.kind.is_subcommand_like() {
                    out.push(
                        path.index(i).key("type"),
                        ErrorCode::InvalidNesting,
                        "A sub-command may only contain value options, not sub-commands or groups \
                         (AC L543-625).",
                    );
                }
            }
        }
    }
}

/// Checks one option's own fields and, for subcommands and groups, its nested options.
fn check_option(out: &mut ValidationErrors, path: FieldPath, option: &OptionSpec<'_>) {
    if !option.kind.is_known() {
        out.push(
            path.key("type"),
            ErrorCode::Choices,
            "Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).",
        );
    }
    check_name(out, path.key("name"), &option.name, NameRule::Pattern);
    check_localizations(
        out,
        path.key("name_localizations"),
        &option.name_localizations,
        |out, path, value| check_name(out, path, value, NameRule::Pattern),
    );
    check_description(out, path.key("description"), &option.description);
    check_localizations(
        out,
        path.key("description_localizations"),
        &option.description_localizations,
        check_description,
    );

    match option.kind {
        OptionKind::SubCommand | OptionKind::SubCommandGroup => {
            if option.required {
                not_allowed(
                    out,
                    path.key("required"),
                    "`required` is not valid on sub-commands and groups (AC L75).",
                );
            }
            check_value_fields(out, &path, option);
            let level = if option.kind == OptionKind::SubCommandGroup {
                if option.options.is_empty() {
                    out.push(
                        path.key("options"),
                        ErrorCode::MinLength,
                        "Must be 1 or more in length: a group holds sub-commands.",
                    );
                }
                Level::Group
            } else {
                Level::SubCommand
            };
            check_level(out, path.key("options"), &option.options, level);
        }
        _ => {
            if !option.options.is_empty() {
                not_allowed(
                    out,
                    path.key("options"),
                    "Only sub-commands and groups have nested options (AC L543-625).",
                );
            }
            if option.kind.is_known() {
                check_value_fields(out, &path, option);
            }
        }
    }
}

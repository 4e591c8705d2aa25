//! Rules on a command's own fields (AC L13-59, L380-392, L449-451).

use super::fields::{NameRule, check_description, check_localizations, check_name, not_allowed};
use super::options::{Level, check_level};
use super::{ErrorCode, FieldPath, ValidationErrors};
use crate::limits::{COMMAND_SIZE_MAX, command_size};
use crate::model::{CommandKind, CommandSpec, Permissions};

/// Checks every rule of one command and returns all violations at once.
pub(crate) fn check_command(command: &CommandSpec<'_>) -> ValidationErrors {
    let mut out = ValidationErrors::default();
    let root = FieldPath::root();
    let kind = command.kind;

    if !kind.is_known() {
        out.push(
            root.key("type"),
            ErrorCode::Choices,
            "Value must be one of (1, 2, 3, 4).",
        );
    }

    let name_rule = match kind {
        CommandKind::ChatInput => NameRule::Pattern,
        _ => NameRule::FreeText,
    };
    check_name(&mut out, root.key("name"), &command.name, name_rule);
    check_localizations(
        &mut out,
        root.key("name_localizations"),
        &command.name_localizations,
        |out, path, value| check_name(out, path, value, name_rule),
    );

    check_command_description(&mut out, &root, command);

    if !command.options.is_empty() {
        if kind == CommandKind::ChatInput {
            check_level(
                &mut out,
                root.key("options"),
                &command.options,
                Level::Command,
            );
        } else {
            not_allowed(
                &mut out,
                root.key("options"),
                "Only CHAT_INPUT commands have options (AC L43).",
            );
        }
    }

    if let Some(permissions) = command.default_member_permissions
        && permissions.bits() > Permissions::MAX_BITS
    {
        out.push(
            root.key("default_member_permissions"),
            ErrorCode::MaxValue,
            format!(
                "Must be less than or equal to {} (a permission bit set).",
                Permissions::MAX_BITS
            ),
        );
    }

    let global = command.scope.is_global();
    if let Some(contexts) = &command.contexts {
        let values: Vec<_> = contexts.iter().map(|c| (c.value(), c.is_known())).collect();
        check_enum_set(&mut out, root.key("contexts"), &values, global, "(0, 1, 2)");
    }
    if let Some(types) = &command.integration_types {
        let values: Vec<_> = types.iter().map(|t| (t.value(), t.is_known())).collect();
        check_enum_set(
            &mut out,
            root.key("integration_types"),
            &values,
            global,
            "(0, 1)",
        );
    }

    if kind == CommandKind::PrimaryEntryPoint && !global {
        not_allowed(
            &mut out,
            root.key("type"),
            "PRIMARY_ENTRY_POINT commands cannot be guild commands (AC L167-174).",
        );
    }

    if command_size(command) > COMMAND_SIZE_MAX {
        out.push(
            root,
            ErrorCode::TooLarge,
            // Discord's exact text (REF L91-106); the size itself is `limits::command_size`.
            format!("Command exceeds maximum size ({COMMAND_SIZE_MAX})"),
        );
    }
    out
}

fn check_command_description(
    out: &mut ValidationErrors,
    root: &FieldPath,
    command: &CommandSpec<'_>,
) {
    match command.kind {
        CommandKind::User | CommandKind::Message => {
            if !command.description.is_empty() {
                out.push(
                    root.key("description"),
                    ErrorCode::MaxLength,
                    "Must be 0 or fewer in length: USER and MESSAGE commands have an empty \
                     description (AC L31).",
                );
            }
            if !command.description_localizations.is_empty() {
                not_allowed(
                    out,
                    root.key("description_localizations"),
                    "USER and MESSAGE commands have no description to localize (AC L31).",
                );
            }
        }
        _ => {
            check_description(out, root.key("description"), &command.description);
            check_localizations(
                out,
                root.key("description_localizations"),
                &command.description_localizations,
                check_description,
            );
        }
    }
}

/// `contexts` and `integration_types`: known values, at least one, no repeats, global commands
/// only (AC L38-39; spec minItems 1 and uniqueItems).
fn check_enum_set(
    out: &mut ValidationErrors,
    path: FieldPath,
    values: &[(u8, bool)],
    global: bool,
    allowed: &str,
) {
    if !global {
        not_allowed(
            out,
            path.clone(),
            "Only global commands have contexts and integration types (AC L38-39).",
        );
    }
    if values.is_empty() {
        out.push(
            path.clone(),
            ErrorCode::MinLength,
            "Must be 1 or more in length.",
        );
    }
    for (i, &(value, known)) in values.iter().enumerate() {
        if !known {
            out.push(
                path.index(i),
                ErrorCode::Choices,
                format!("Value must be one of {allowed}."),
            );
        }
        if values[..i].iter().any(|&(earlier, _)| earlier == value) {
            out.push(
                path.index(i),
                ErrorCode::DuplicateItem,
                format!("Value {value} is listed more than once."),
            );
        }
    }
}

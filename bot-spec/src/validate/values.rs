//! Rules on the fields of value options: choices, autocomplete, bounds, channel and file types
//! (AC L76-94, L114-126).

use super::fields::{check_localizations, not_allowed};
use super::{ErrorCode, FieldPath, ValidationErrors};
use crate::limits::{
    self, CHOICE_NAME_MAX, CHOICE_STRING_VALUE_MAX, CHOICES_MAX, FILE_TYPES_MAX, INTEGER_MAX,
    INTEGER_MIN, MAX_LENGTH_RANGE, MIN_LENGTH_RANGE, NUMBER_MAX,
};
use crate::model::{ChoiceSpec, ChoiceValue, NumericValue, OptionKind, OptionSpec};
use crate::text::char_count;

/// Checks every field that only some value kinds may carry.
pub(crate) fn check_value_fields(
    out: &mut ValidationErrors,
    path: &FieldPath,
    option: &OptionSpec<'_>,
) {
    let kind = option.kind;
    check_choices(out, path, option);

    if option.autocomplete {
        if !kind.supports_choices() {
            not_allowed(
                out,
                path.key("autocomplete"),
                "`autocomplete` is only valid on STRING, INTEGER and NUMBER options (AC L88).",
            );
        } else if !option.choices.is_empty() {
            out.push(
                path.key("autocomplete"),
                ErrorCode::AutocompleteWithChoices,
                "`autocomplete` may not be true when `choices` are present (AC L83).",
            );
        }
    }

    let numeric = matches!(kind, OptionKind::Integer | OptionKind::Number);
    for (key, bound) in [
        ("min_value", option.min_value),
        ("max_value", option.max_value),
    ] {
        if let Some(bound) = bound {
            if numeric {
                check_bound(out, path.key(key), kind, bound);
            } else {
                not_allowed(
                    out,
                    path.key(key),
                    "`min_value` and `max_value` are only valid on INTEGER and NUMBER options \
                     (AC L79-82).",
                );
            }
        }
    }
    if numeric && !limits::value_bounds_ordered(option.min_value, option.max_value) {
        out.push(
            path.key("max_value"),
            ErrorCode::MinValue,
            format!(
                "Must be greater than or equal to min_value ({}).",
                option.min_value.map(|v| v.to_string()).unwrap_or_default()
            ),
        );
    }

    check_lengths(out, path, option);

    if !option.channel_types.is_empty() {
        if kind == OptionKind::Channel {
            for (i, channel_type) in option.channel_types.iter().enumerate() {
                if !channel_type.is_known() {
                    out.push(
                        path.key("channel_types").index(i),
                        ErrorCode::Choices,
                        format!(
                            "Value {} is not a known channel type.",
                            channel_type.value()
                        ),
                    );
                }
            }
        } else {
            not_allowed(
                out,
                path.key("channel_types"),
                "`channel_types` is only valid on CHANNEL options (AC L78).",
            );
        }
    }

    check_file_types(out, path, option);
}

fn check_choices(out: &mut ValidationErrors, path: &FieldPath, option: &OptionSpec<'_>) {
    if option.choices.is_empty() {
        return;
    }
    let choices_path = path.key("choices");
    if !option.kind.supports_choices() {
        not_allowed(
            out,
            choices_path,
            "`choices` are only valid on STRING, INTEGER and NUMBER options (AC L76).",
        );
        return;
    }
    if option.choices.len() > CHOICES_MAX {
        out.push(
            choices_path.clone(),
            ErrorCode::MaxLength,
            format!(
                "Must be {CHOICES_MAX} or fewer in length (got {}).",
                option.choices.len()
            ),
        );
    }
    for (i, choice) in option.choices.iter().enumerate() {
        check_choice(out, choices_path.index(i), option.kind, choice);
    }
}

fn check_choice_name(out: &mut ValidationErrors, path: FieldPath, name: &str) {
    if !limits::choice_name_length_ok(name) {
        out.push(
            path,
            ErrorCode::BadLength,
            format!(
                "Must be between 1 and {CHOICE_NAME_MAX} in length (got {}).",
                char_count(name)
            ),
        );
    }
}

fn check_choice(
    out: &mut ValidationErrors,
    path: FieldPath,
    kind: OptionKind,
    choice: &ChoiceSpec<'_>,
) {
    check_choice_name(out, path.key("name"), &choice.name);
    check_localizations(
        out,
        path.key("name_localizations"),
        &choice.name_localizations,
        check_choice_name,
    );
    let value_path = path.key("value");
    match (kind, &choice.value) {
        (OptionKind::String, ChoiceValue::String(text)) => {
            if !limits::choice_string_value_length_ok(text) {
                out.push(
                    value_path,
                    ErrorCode::MaxLength,
                    format!(
                        "Must be {CHOICE_STRING_VALUE_MAX} or fewer in length (got {}).",
                        char_count(text)
                    ),
                );
            }
        }
        (OptionKind::String, other) => out.push(
            value_path,
            ErrorCode::StringConvert,
            format!(
                "Could not interpret {} as string: a STRING option's choices are strings.",
                describe(other)
            ),
        ),
        (_, ChoiceValue::Integer(n)) => {
            check_bound(out, value_path, kind, NumericValue::Integer(*n))
        }
        (_, ChoiceValue::Number(x)) => check_bound(out, value_path, kind, NumericValue::Number(*x)),
        (_, ChoiceValue::String(text)) => out.push(
            value_path,
            ErrorCode::NumberCoerce,
            format!("Value {text:?} is not a number: this option's choices are numbers."),
        ),
    }
}

fn describe(value: &ChoiceValue<'_>) -> String {
    match value {
        ChoiceValue::String(text) => format!("{text:?}"),
        ChoiceValue::Integer(n) => n.to_string(),
        ChoiceValue::Number(x) => x.to_string(),
    }
}

/// A number given to an INTEGER option (an integer within ±(2^53−1)) or to a NUMBER option (a
/// finite double within ±2^53).
fn check_bound(out: &mut ValidationErrors, path: FieldPath, kind: OptionKind, value: NumericValue) {
    match (kind, value) {
        (OptionKind::Integer, NumericValue::Number(x)) => out.push(
            path,
            ErrorCode::NumberCoerce,
            format!("Value \"{x}\" is not int: INTEGER options take whole numbers."),
        ),
        (OptionKind::Integer, NumericValue::Integer(n)) if n < INTEGER_MIN => out.push(
            path,
            ErrorCode::MinValue,
            format!("int value should be greater than or equal to {INTEGER_MIN}."),
        ),
        (OptionKind::Integer, NumericValue::Integer(n)) if n > INTEGER_MAX => out.push(
            path,
            ErrorCode::MaxValue,
            format!("int value should be less than or equal to {INTEGER_MAX}."),
        ),
        (OptionKind::Number, value) => {
            let x = value.as_f64();
            if x.is_nan() {
                out.push(
                    path,
                    ErrorCode::NumberCoerce,
                    "Value \"NaN\" is not a number.",
                );
            } else if x < -NUMBER_MAX {
                out.push(
                    path,
                    ErrorCode::MinValue,
                    format!("Must be greater than or equal to -{NUMBER_MAX}."),
                );
            } else if x > NUMBER_MAX {
                out.push(
                    path,
                    ErrorCode::MaxValue,
                    format!("Must be less than or equal to {NUMBER_MAX}."),
                );
            }
        }
        _ => {}
    }
}

fn check_lengths(out: &mut ValidationErrors, path: &FieldPath, option: &OptionSpec<'_>) {
    let string = option.kind == OptionKind::String;
    let ranges = [
        ("min_length", option.min_length, MIN_LENGTH_RANGE),
        ("max_length", option.max_length, MAX_LENGTH_RANGE),
    ];
    for (key, value, (low, high)) in ranges {
        let Some(n) = value else { continue };
        if !string {
            not_allowed(
                out,
                path.key(key),
                "`min_length` and `max_length` are only valid on STRING options (AC L79-82).",
            );
        } else if n < low {
            out.push(
                path.key(key),
                ErrorCode::MinValue,
                format!("Must be greater than or equal to {low}."),
            );
        } else if n > high {
            out.push(
                path.key(key),
                ErrorCode::MaxValue,
                format!("Must be less than or equal to {high}."),
            );
        }
    }
    if string && !limits::length_bounds_ordered(option.min_length, option.max_length) {
        out.push(
            path.key("max_length"),
            ErrorCode::MinValue,
            format!(
                "Must be greater than or equal to min_length ({}).",
                option.min_length.unwrap_or_default()
            ),
        );
    }
}

fn check_file_types(out: &mut ValidationErrors, path: &FieldPath, option: &OptionSpec<'_>) {
    if option.file_types.is_empty() {
        return;
    }
    let types_path = path.key("file_types");
    if option.kind != OptionKind::Attachment {
        not_allowed(
            out,
            types_path,
            "`file_types` is only valid on ATTACHMENT options (AC L84).",
        );
        return;
    }
    if option.file_types.len() > FILE_TYPES_MAX {
        out.push(
            types_path.clone(),
            ErrorCode::MaxLength,
            format!(
                "Must be {FILE_TYPES_MAX} or fewer in length (got {}).",
                option.file_types.len()
            ),
        );
    }
    for (i, file_type) in option.file_types.iter().enumerate() {
        if !is_valid_file_type(file_type) {
            out.push(
                types_path.index(i),
                ErrorCode::InvalidFileType,
                format!(
                    "{file_type:?} is not a file type: use image, video, audio or an extension \
                     such as .pdf (AC L84)."
                ),
            );
        }
    }
}

/// `image`, `video`, `audio`, or `.` followed by an extension of letters and digits.
fn is_valid_file_type(file_type: &str) -> bool {
    match file_type.strip_prefix('.') {
        Some(ext) => !ext.is_empty() && ext.chars().all(|c| c.is_alphanumeric()),
        None => matches!(file_type, "image" | "video" | "audio"),
    }
}

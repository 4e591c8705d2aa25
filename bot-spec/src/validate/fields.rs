//! Rules shared by several fields: names, descriptions and their localizations.

use super::{ErrorCode, FieldPath, ValidationErrors};
use crate::limits::{self, DESCRIPTION_MAX, DESCRIPTION_MIN, NAME_MAX, NAME_MIN};
use crate::model::{Localizations, is_known_locale};
use crate::text::{char_count, has_only_name_characters, is_lowercase};
use std::collections::HashSet;

/// Which rule a name follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameRule {
    /// CHAT_INPUT command names and all option names: the pattern, lowercase (AC L15-18).
    Pattern,
    /// USER, MESSAGE (and PRIMARY_ENTRY_POINT) command names: any 1–32 characters (AC L15-18).
    FreeText,
}

/// Checks a name (or one localized variant of it).
pub(crate) fn check_name(out: &mut ValidationErrors, path: FieldPath, name: &str, rule: NameRule) {
    if name.is_empty() {
        out.push(path, ErrorCode::Required, "This field is required");
        return;
    }
    if !limits::name_length_ok(name) {
        out.push(
            path.clone(),
            ErrorCode::BadLength,
            format!(
                "Must be between {NAME_MIN} and {NAME_MAX} in length (got {}).",
                char_count(name)
            ),
        );
    }
    if rule == NameRule::Pattern {
        if !has_only_name_characters(name) {
            out.push(
                path,
                ErrorCode::InvalidName,
                format!(
                    "Command name is invalid: {name:?} has a character outside letters, numbers, \
                     `-`, `_`, `'`, Devanagari and Thai"
                ),
            );
        } else if !is_lowercase(name) {
            out.push(
                path,
                ErrorCode::InvalidName,
                format!("Command name is invalid: {name:?} must be lowercase"),
            );
        }
    }
}

/// Checks a description of 1–100 characters (or one localized variant of it).
pub(crate) fn check_description(out: &mut ValidationErrors, path: FieldPath, text: &str) {
    if text.is_empty() {
        out.push(path, ErrorCode::Required, "This field is required");
    } else if !limits::option_description_length_ok(text) {
        out.push(
            path,
            ErrorCode::BadLength,
            format!(
                "Must be between {DESCRIPTION_MIN} and {DESCRIPTION_MAX} in length (got {}).",
                char_count(text)
            ),
        );
    }
}

/// Checks the keys of a localization map and each value with `check_value` (AC L30-32).
pub(crate) fn check_localizations(
    out: &mut ValidationErrors,
    path: FieldPath,
    localizations: &Localizations<'_>,
    mut check_value: impl FnMut(&mut ValidationErrors, FieldPath, &str),
) {
    let mut seen = HashSet::new();
    for entry in localizations.iter() {
        let entry_path = path.key(entry.locale.to_string());
        if !is_known_locale(&entry.locale) {
            out.push(
                entry_path.clone(),
                ErrorCode::EnumCoerce,
                format!(
                    "Value {:?} is not a valid enum value: not one of Discord's 34 locales.",
                    entry.locale
                ),
            );
        }
        if !seen.insert(entry.locale.as_ref()) {
            out.push(
                entry_path.clone(),
                ErrorCode::DuplicateItem,
                format!("Locale {:?} is listed more than once.", entry.locale),
            );
        }
        check_value(out, entry_path, &entry.value);
    }
}

/// Reports a field that is set where it does not apply.
pub(crate) fn not_allowed(out: &mut ValidationErrors, path: FieldPath, why: &str) {
    out.push(path, ErrorCode::FieldNotAllowed, why.to_owned());
}

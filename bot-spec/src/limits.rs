//! Discord's numeric limits, and `const fn` checks of the rules that are lengths, counts and ranges.
//!
//! The `const fn`s let the macros turn a rule they cannot see in one item (a `Choice` enum defined
//! elsewhere, a type alias, subcommands spread over several functions) into a compile-time
//! assertion:
//!
//! ```
//! use bot_spec::{CommandSpec, limits};
//! static PING: CommandSpec<'static> = CommandSpec::chat_input("ping", "Replies with pong");
//! const _: () = assert!(limits::command_size(&PING) <= limits::COMMAND_SIZE_MAX);
//! const _: () = assert!(limits::description_length_ok(PING.kind, "Replies with pong"));
//! ```

use crate::CommandSpec;
use crate::model::{ChoiceSpec, ChoiceValue, CommandKind, Localizations, NumericValue, OptionSpec};
use crate::text::{char_count, cow_slice, cow_str};

/// Shortest name, in characters (AC L15-18).
pub const NAME_MIN: usize = 1;
/// Longest name, in characters (AC L15-18).
pub const NAME_MAX: usize = 32;
/// Shortest description of a CHAT_INPUT command or an option (AC L31, L73).
pub const DESCRIPTION_MIN: usize = 1;
/// Longest description of a CHAT_INPUT command or an option (AC L31, L73).
pub const DESCRIPTION_MAX: usize = 100;
/// Most options per command, subcommand or group (AC L33, L77).
pub const OPTIONS_MAX: usize = 25;
/// Most choices per option (AC L76).
pub const CHOICES_MAX: usize = 25;
/// Longest choice name (AC L114-126).
pub const CHOICE_NAME_MAX: usize = 100;
/// Longest string choice value (AC L124; the spec says 6000, the docs win).
pub const CHOICE_STRING_VALUE_MAX: usize = 100;
/// Largest integer Discord accepts: 2^53 − 1 (AC L97-111).
pub const INTEGER_MAX: i64 = (1 << 53) - 1;
/// Smallest integer Discord accepts: −(2^53 − 1) (AC L97-111).
pub const INTEGER_MIN: i64 = -INTEGER_MAX;
/// Largest magnitude of a NUMBER: 2^53 (AC L97-111).
pub const NUMBER_MAX: f64 = 9_007_199_254_740_992.0;
/// Range of `min_length` (AC L79-82).
pub const MIN_LENGTH_RANGE: (i64, i64) = (0, 6000);
/// Range of `max_length` (AC L79-82).
pub const MAX_LENGTH_RANGE: (i64, i64) = (1, 6000);
/// Most `file_types` entries (AC L84).
pub const FILE_TYPES_MAX: usize = 10;
/// Most characters over a command's names, descriptions and choice names and values (AC L449-451).
pub const COMMAND_SIZE_MAX: usize = 8000;
/// Most CHAT_INPUT commands per scope (AC L167-174).
pub const CHAT_INPUT_PER_SCOPE: usize = 100;
/// Most USER commands per scope (AC L167-174).
pub const USER_PER_SCOPE: usize = 15;
/// Most MESSAGE commands per scope (AC L167-174).
pub const MESSAGE_PER_SCOPE: usize = 15;
/// Most PRIMARY_ENTRY_POINT commands, global only (AC L167-174).
pub const PRIMARY_ENTRY_POINT_PER_SCOPE: usize = 1;
/// Most new commands per scope per day (AC L176-178).
pub const DAILY_CREATES_PER_SCOPE: usize = 200;

/// The most commands of `kind` one scope can hold (0 for an unknown kind).
pub const fn max_commands_per_scope(kind: CommandKind) -> usize {
    match kind {
        CommandKind::ChatInput => CHAT_INPUT_PER_SCOPE,
        CommandKind::User => USER_PER_SCOPE,
        CommandKind::Message => MESSAGE_PER_SCOPE,
        CommandKind::PrimaryEntryPoint => PRIMARY_ENTRY_POINT_PER_SCOPE,
        CommandKind::Unknown(_) => 0,
    }
}

/// Whether `name` has 1–32 characters (the length part of every name rule).
pub const fn name_length_ok(name: &str) -> bool {
    let n = char_count(name);
    n >= NAME_MIN && n <= NAME_MAX
}

/// Whether `description` has the length a command of `kind` needs: 1–100 characters for
/// CHAT_INPUT and PRIMARY_ENTRY_POINT, empty for USER and MESSAGE (AC L31).
pub const fn description_length_ok(kind: CommandKind, description: &str) -> bool {
    let n = char_count(description);
    match kind {
        CommandKind::User | CommandKind::Message => n == 0,
        _ => option_description_length_ok(description),
    }
}

/// Whether an option's `description` has 1–100 characters (AC L73).
pub const fn option_description_length_ok(description: &str) -> bool {
    let n = char_count(description);
    n >= DESCRIPTION_MIN && n <= DESCRIPTION_MAX
}

/// Whether `count` options fit one level (at most 25).
pub const fn option_count_ok(count: usize) -> bool {
    count <= OPTIONS_MAX
}

/// Whether `count` choices fit one option (at most 25).
pub const fn choice_count_ok(count: usize) -> bool {
    count <= CHOICES_MAX
}

/// Whether a choice name has 1–100 characters.
pub const fn choice_name_length_ok(name: &str) -> bool {
    let n = char_count(name);
    n >= 1 && n <= CHOICE_NAME_MAX
}

/// Whether a string choice value has at most 100 characters.
pub const fn choice_string_value_length_ok(value: &str) -> bool {
    char_count(value) <= CHOICE_STRING_VALUE_MAX
}

/// Whether `n` is an integer Discord accepts (within ±(2^53 − 1)).
pub const fn integer_in_range(n: i64) -> bool {
    n >= INTEGER_MIN && n <= INTEGER_MAX
}

/// Whether `x` is a finite double within ±2^53.
pub const fn number_in_range(x: f64) -> bool {
    x.is_finite() && x >= -NUMBER_MAX && x <= NUMBER_MAX
}

/// Whether `min_value ≤ max_value` (true when either is unset or not a number, which other rules
/// report).
pub const fn value_bounds_ordered(min: Option<NumericValue>, max: Option<NumericValue>) -> bool {
    match (min, max) {
        (Some(NumericValue::Integer(a)), Some(NumericValue::Integer(b))) => a <= b,
        (Some(a), Some(b)) => {
            let (a, b) = (a.as_f64(), b.as_f64());
            a.is_nan() || b.is_nan() || a <= b
        }
        _ => true,
    }
}

/// Whether `min_length` is within 0–6000.
pub const fn min_length_in_range(n: i64) -> bool {
    n >= MIN_LENGTH_RANGE.0 && n <= MIN_LENGTH_RANGE.1
}

/// Whether `max_length` is within 1–6000.
pub const fn max_length_in_range(n: i64) -> bool {
    n >= MAX_LENGTH_RANGE.0 && n <= MAX_LENGTH_RANGE.1
}

/// Whether `min_length ≤ max_length` (true when either is unset).
pub const fn length_bounds_ordered(min: Option<i64>, max: Option<i64>) -> bool {
    match (min, max) {
        (Some(a), Some(b)) => a <= b,
        _ => true,
    }
}

/// The characters a localized field counts toward the size limit: its longest variant.
pub const fn localized_size(base: &str, localizations: &Localizations<'_>) -> usize {
    let mut longest = char_count(base);
    let entries = cow_slice(&localizations.0);
    let mut i = 0;
    while i < entries.len() {
        let n = char_count(cow_str(&entries[i].value));
        if n > longest {
            longest = n;
        }
        i += 1;
    }
    longest
}

/// The characters a choice counts toward the size limit: its (longest) name and, for a string
/// value, the value's characters.
///
/// Numeric values are not text and count nothing here; the docs name "name, description, and value
/// properties" without saying how a number is counted.
pub const fn choice_size(choice: &ChoiceSpec<'_>) -> usize {
    let mut size = localized_size(cow_str(&choice.name), &choice.name_localizations);
    if let ChoiceValue::String(value) = &choice.value {
        size += char_count(cow_str(value));
    }
    size
}

/// The characters an option (with its nested options and choices) counts toward the size limit.
pub const fn option_size(option: &OptionSpec<'_>) -> usize {
    let mut size = localized_size(cow_str(&option.name), &option.name_localizations)
        + localized_size(
            cow_str(&option.description),
            &option.description_localizations,
        );
    let choices = cow_slice(&option.choices);
    let mut i = 0;
    while i < choices.len() {
        size += choice_size(&choices[i]);
        i += 1;
    }
    let options = cow_slice(&option.options);
    let mut j = 0;
    while j < options.len() {
        size += option_size(&options[j]);
        j += 1;
    }
    size
}

/// The characters a whole command counts toward the 8,000 limit (AC L449-451): names,
/// descriptions, choice names and string values of the command and everything nested in it; for a
/// localized field only its longest variant.
pub const fn command_size(command: &CommandSpec<'_>) -> usize {
    let mut size = localized_size(cow_str(&command.name), &command.name_localizations)
        + localized_size(
            cow_str(&command.description),
            &command.description_localizations,
        );
    let options = cow_slice(&command.options);
    let mut i = 0;
    while i < options.len() {
        size += option_size(&options[i]);
        i += 1;
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Localized;
    use std::borrow::Cow;

    #[test]
    fn longest_localized_variant_counts() {
        static LOCALIZED: Localizations<'static> = Localizations(Cow::Borrowed(&[
            Localized::new("fr", "un nom plus long"),
            Localized::new("de", "kurz"),
        ]));
        assert_eq!(localized_size("name", &LOCALIZED), 16);
        assert_eq!(
            localized_size(&Cow::Borrowed("name"), &Localizations::EMPTY),
            4
        );
    }

    #[test]
    fn mixed_bounds_compare_as_doubles() {
        assert!(value_bounds_ordered(
            Some(NumericValue::Integer(1)),
            Some(NumericValue::Number(1.5))
        ));
        assert!(!value_bounds_ordered(
            Some(NumericValue::Number(2.5)),
            Some(NumericValue::Integer(2))
        ));
        assert!(value_bounds_ordered(None, Some(NumericValue::Integer(-3))));
    }
}

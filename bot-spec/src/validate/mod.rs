//! Validation of a command against every rule of Discord's docs (protocol notes §5.2), returning
//! all violations at once, each with a structured path and Discord's string error code.
//!
//! | rule | where | code |
//! |---|---|---|
//! | name pattern and lowercase (CHAT_INPUT, options) | `name` | `APPLICATION_COMMAND_INVALID_NAME` |
//! | name 1–32 characters | `name` | `BASE_TYPE_BAD_LENGTH` |
//! | description 1–100 (CHAT_INPUT, options); empty (USER, MESSAGE) | `description` | `BASE_TYPE_BAD_LENGTH`, `BASE_TYPE_REQUIRED`, `BASE_TYPE_MAX_LENGTH` |
//! | `options` only on CHAT_INPUT; ≤ 25 per level | `options` | `APPLICATION_COMMAND_FIELD_NOT_ALLOWED`, `BASE_TYPE_MAX_LENGTH` |
//! | unique names per level | `options[i].name` | `APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME` |
//! | required before optional | `options[i]` | `APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID` |
//! | `required` not on subcommands or groups | `options[i].required` | `APPLICATION_COMMAND_FIELD_NOT_ALLOWED` |
//! | nesting | `options`, `options[i].type` | `APPLICATION_COMMAND_OPTIONS_TYPE_INVALID` |
//! | choices: ≤ 25, STRING/INTEGER/NUMBER, name 1–100, value ≤ 100, value type | `choices…` | several |
//! | `autocomplete` kinds; not with `choices` | `autocomplete` | `…FIELD_NOT_ALLOWED`, `…AUTOCOMPLETE_WITH_CHOICES` |
//! | `min_value`/`max_value` kinds, ranges, order | `min_value`, `max_value` | `BASE_TYPE_MIN_VALUE`, `BASE_TYPE_MAX_VALUE`, `NUMBER_TYPE_COERCE` |
//! | `min_length` 0–6000, `max_length` 1–6000, STRING, order | `min_length`, `max_length` | same |
//! | `channel_types` on CHANNEL; `file_types` on ATTACHMENT, ≤ 10 | … | `…FIELD_NOT_ALLOWED`, `…INVALID_FILE_TYPE` |
//! | `contexts`, `integration_types`: non-empty, unique, global only | … | `BASE_TYPE_MIN_LENGTH`, `SET_TYPE_ALREADY_CONTAINS_VALUE`, `…FIELD_NOT_ALLOWED` |
//! | localization keys are locales; values follow the base rule | `…_localizations.xx` | `ENUM_TYPE_COERCE`, base codes |
//! | 8,000 characters in all | the body | `APPLICATION_COMMAND_TOO_LARGE` |
//!
//! Top-level-only fields (`default_member_permissions`, `nsfw`, `contexts`, `integration_types`)
//! cannot be set on a subcommand or group in this model: [`crate::OptionSpec`] has no such fields.

mod command;
mod error;
mod fields;
mod options;
mod path;
mod values;

#[cfg(feature = "serde")]
mod form_error;

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use form_error::FormBodyError;

pub use error::{ErrorCode, ValidationErrors, Violation};
pub use path::{FieldPath, PathSegment};

use crate::CommandSpec;

/// Checks `command` against every rule and returns all violations at once.
///
/// ```
/// use bot_spec::{CommandSpec, OptionKind, OptionSpec, validate_command};
/// let cmd = CommandSpec::chat_input("echo", "Repeat a text")
///     .option(OptionSpec::new(OptionKind::Boolean, "loud", "Shout it"))
///     .option(OptionSpec::new(OptionKind::String, "text", "What to say").required(true));
/// let errors = validate_command(&cmd).unwrap_err();
/// assert_eq!(errors.iter().next().unwrap().path.to_string(), "options[1]");
/// ```
pub fn validate_command(command: &CommandSpec<'_>) -> Result<(), ValidationErrors> {
    command::check_command(command).into_result()
}

impl CommandSpec<'_> {
    /// Checks this command against every rule; see [`validate_command`].
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        validate_command(self)
    }
}

//! Violations of Discord's rules, with Discord's string error codes.

use super::FieldPath;
use std::fmt;

/// Discord's string code for a violated rule, as it appears in a 50035 error's `_errors` list.
///
/// Codes marked *observed* are ones Discord is documented or seen to return for the rule. Discord
/// documents no code for the others; those marked *chosen* follow Discord's naming and are used
/// consistently by this SDK and its sandbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// `BASE_TYPE_REQUIRED`: a required field is missing or empty (observed).
    Required,
    /// `BASE_TYPE_BAD_LENGTH`: a text outside its min–max length (observed).
    BadLength,
    /// `BASE_TYPE_MAX_LENGTH`: a text or list longer than its maximum (observed).
    MaxLength,
    /// `BASE_TYPE_MIN_LENGTH`: a text or list shorter than its minimum (observed).
    MinLength,
    /// `BASE_TYPE_MIN_VALUE`: a number below its minimum (observed).
    MinValue,
    /// `BASE_TYPE_MAX_VALUE`: a number above its maximum (observed).
    MaxValue,
    /// `BASE_TYPE_CHOICES`: a value outside an enumeration, e.g. an unknown option type (observed).
    Choices,
    /// `ENUM_TYPE_COERCE`: a localization key that is not a Discord locale (observed).
    EnumCoerce,
    /// `NUMBER_TYPE_COERCE`: a value that must be an integer or a number is not (observed).
    NumberCoerce,
    /// `STRING_TYPE_CONVERT`: a value that must be a string is not (observed).
    StringConvert,
    /// `APPLICATION_COMMAND_INVALID_NAME`: a name with a disallowed or uppercase character (observed).
    InvalidName,
    /// `APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID`: a required option after an optional one
    /// (observed).
    RequiredAfterOptional,
    /// `APPLICATION_COMMAND_OPTIONS_TYPE_INVALID`: options nested in a way Discord does not allow
    /// (observed).
    InvalidNesting,
    /// `APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME`: two options of one level share a name (chosen).
    DuplicateOptionName,
    /// `APPLICATION_COMMAND_FIELD_NOT_ALLOWED`: a field set where it does not apply, e.g. `choices`
    /// on a BOOLEAN or `contexts` on a guild command (chosen).
    FieldNotAllowed,
    /// `APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES`: `autocomplete` together with `choices`
    /// (chosen).
    AutocompleteWithChoices,
    /// `SET_TYPE_ALREADY_CONTAINS_VALUE`: a value listed twice where items must be unique (chosen).
    DuplicateItem,
    /// `APPLICATION_COMMAND_INVALID_FILE_TYPE`: a `file_types` entry other than `image`, `video`,
    /// `audio` or `.ext` (chosen).
    InvalidFileType,
    /// `APPLICATION_COMMAND_TOO_LARGE`: more than 8,000 characters in all (observed; REF L91-106).
    TooLarge,
}

impl ErrorCode {
    /// The code as Discord writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Required => "BASE_TYPE_REQUIRED",
            ErrorCode::BadLength => "BASE_TYPE_BAD_LENGTH",
            ErrorCode::MaxLength => "BASE_TYPE_MAX_LENGTH",
            ErrorCode::MinLength => "BASE_TYPE_MIN_LENGTH",
            ErrorCode::MinValue => "BASE_TYPE_MIN_VALUE",
            ErrorCode::MaxValue => "BASE_TYPE_MAX_VALUE",
            ErrorCode::Choices => "BASE_TYPE_CHOICES",
            ErrorCode::EnumCoerce => "ENUM_TYPE_COERCE",
            ErrorCode::NumberCoerce => "NUMBER_TYPE_COERCE",
            ErrorCode::StringConvert => "STRING_TYPE_CONVERT",
            ErrorCode::InvalidName => "APPLICATION_COMMAND_INVALID_NAME",
            ErrorCode::RequiredAfterOptional => "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
            ErrorCode::InvalidNesting => "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
            ErrorCode::DuplicateOptionName => "APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME",
            ErrorCode::FieldNotAllowed => "APPLICATION_COMMAND_FIELD_NOT_ALLOWED",
            ErrorCode::AutocompleteWithChoices => "APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES",
            ErrorCode::DuplicateItem => "SET_TYPE_ALREADY_CONTAINS_VALUE",
            ErrorCode::InvalidFileType => "APPLICATION_COMMAND_INVALID_FILE_TYPE",
            ErrorCode::TooLarge => "APPLICATION_COMMAND_TOO_LARGE",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One broken rule: where, which code, and a message naming the rule and its limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Where in the body.
    pub path: FieldPath,
    /// Discord's string code.
    pub code: ErrorCode,
    /// A sentence saying what is wrong, with the limit.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
            write!(f, "{}: {}", self.code, self.message)
        } else {
            write!(f, "{}: {}: {}", self.path, self.code, self.message)
        }
    }
}

/// Every violation found in one command (never empty when returned as an error).
///
/// ```
/// use bot_spec::{CommandSpec, ErrorCode, validate_command};
/// let bad = CommandSpec::chat_input("Bad Name", "");
/// let errors = validate_command(&bad).unwrap_err();
/// let codes: Vec<_> = errors.iter().map(|v| (v.path.to_string(), v.code)).collect();
/// assert_eq!(codes, [
///     ("name".to_string(), ErrorCode::InvalidName),
///     ("description".to_string(), ErrorCode::Required),
/// ]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidationErrors(Vec<Violation>);

impl ValidationErrors {
    /// The violations, in the order the body lists the fields.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// How many violations there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether some violation has `code`.
    pub fn contains(&self, code: ErrorCode) -> bool {
        self.0.iter().any(|v| v.code == code)
    }

    /// The violations as a vector.
    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }

    pub(crate) fn push(&mut self, path: FieldPath, code: ErrorCode, message: impl Into<String>) {
        self.0.push(Violation {
            path,
            code,
            message: message.into(),
        });
    }

    pub(crate) fn into_result(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl<'e> IntoIterator for &'e ValidationErrors {
    type Item = &'e Violation;
    type IntoIter = std::slice::Iter<'e, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} rule violation(s)", self.0.len())?;
        for violation in &self.0 {
            write!(f, "\n  {violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

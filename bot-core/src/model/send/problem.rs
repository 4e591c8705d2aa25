//! Arguments of a request that break Discord's limits, found before sending.

use std::fmt;

/// One argument of a request that breaks Discord's limits, found before sending.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestProblem {
    /// A number out of its range.
    OutOfRange {
        /// The argument (`limit`, `auto_archive_duration`, ...).
        field: &'static str,
        /// The value given.
        value: i64,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
    },
    /// A text too long (or too short).
    Length {
        /// The argument (`reason`, `name`, `topic`, ...).
        field: &'static str,
        /// Its length in characters.
        length: usize,
        /// The fewest characters allowed.
        min: usize,
        /// The most characters allowed.
        max: usize,
    },
    /// Too few or too many items.
    Count {
        /// The argument (`messages`, `applied_tags`, ...).
        field: &'static str,
        /// How many there are.
        count: usize,
        /// The fewest allowed.
        min: usize,
        /// The most allowed.
        max: usize,
    },
    /// The same id twice.
    Duplicate {
        /// The argument.
        field: &'static str,
        /// The repeated id.
        id: u64,
    },
    /// A message too old for a bulk delete (14 days, from its id's timestamp).
    TooOld {
        /// The message's id.
        id: u64,
    },
    /// A value this route does not take (a thread type where a channel type is needed, ...).
    NotAllowed {
        /// The argument.
        field: &'static str,
        /// Why.
        why: &'static str,
    },
}

impl fmt::Display for RequestProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestProblem::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(f, "{field} is {value}, outside {min}..={max}"),
            RequestProblem::Length {
                field,
                length,
                min,
                max,
            } => write!(
                f,
                "{field} has {length} characters (between {min} and {max} allowed)"
            ),
            RequestProblem::Count {
                field,
                count,
                min,
                max,
            } => write!(
                f,
                "{field} has {count} items (between {min} and {max} allowed)"
            ),
            RequestProblem::Duplicate { field, id } => write!(f, "{field} lists {id} twice"),
            RequestProblem::TooOld { id } => write!(
                f,
                "message {id} is older than 14 days: a bulk delete cannot remove it"
            ),
            RequestProblem::NotAllowed { field, why } => write!(f, "{field}: {why}"),
        }
    }
}

impl std::error::Error for RequestProblem {}

impl RequestProblem {
    /// Checks that `text` has `min..=max` characters.
    pub fn check_length(
        field: &'static str,
        text: &str,
        min: usize,
        max: usize,
    ) -> Result<(), RequestProblem> {
        self::length(field, text, min, max)
    }

    /// Checks that a list has `min..=max` items.
    pub fn check_count(
        field: &'static str,
        count: usize,
        min: usize,
        max: usize,
    ) -> Result<(), RequestProblem> {
        self::count(field, count, min, max)
    }
}

/// Checks that `text` has `min..=max` characters.
pub(crate) fn length(
    field: &'static str,
    text: &str,
    min: usize,
    max: usize,
) -> Result<(), RequestProblem> {
    let length = text.chars().count();
    if (min..=max).contains(&length) {
        Ok(())
    } else {
        Err(RequestProblem::Length {
            field,
            length,
            min,
            max,
        })
    }
}

/// Checks that `value` is in `min..=max`.
pub(crate) fn range(
    field: &'static str,
    value: i64,
    min: i64,
    max: i64,
) -> Result<(), RequestProblem> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(RequestProblem::OutOfRange {
            field,
            value,
            min,
            max,
        })
    }
}

/// Checks that a list has `min..=max` items.
pub(crate) fn count(
    field: &'static str,
    count: usize,
    min: usize,
    max: usize,
) -> Result<(), RequestProblem> {
    if (min..=max).contains(&count) {
        Ok(())
    } else {
        Err(RequestProblem::Count {
            field,
            count,
            min,
            max,
        })
    }
}

//! What is over Discord's embed limits.

use super::Embed;
use std::fmt;

/// One limit an embed is over.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EmbedProblem {
    /// A text is longer than its limit.
    TooLong {
        /// Which embed of the message (`None` when one embed was checked).
        embed: Option<usize>,
        /// The text: `title`, `description`, `field name`, `field value`, `footer text` or
        /// `author name`.
        field: &'static str,
        /// Which field, for field names and values.
        index: Option<usize>,
        /// Its length in characters.
        length: usize,
        /// The limit.
        limit: usize,
    },
    /// More than 25 fields.
    TooManyFields {
        /// Which embed of the message.
        embed: Option<usize>,
        /// How many there are.
        count: usize,
    },
    /// More than 10 embeds in a message.
    TooManyEmbeds {
        /// How many there are.
        count: usize,
    },
    /// More than 6000 characters in all.
    TotalTooLong {
        /// How many there are.
        length: usize,
    },
}

impl fmt::Display for EmbedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let which =
            |embed: &Option<usize>| embed.map(|i| format!("embed {i}: ")).unwrap_or_default();
        match self {
            EmbedProblem::TooLong {
                embed,
                field,
                index,
                length,
                limit,
            } => {
                let index = index.map(|i| format!(" {i}")).unwrap_or_default();
                write!(
                    f,
                    "{}{field}{index} has {length} characters (limit {limit})",
                    which(embed)
                )
            }
            EmbedProblem::TooManyFields { embed, count } => write!(
                f,
                "{}{count} fields (limit {})",
                which(embed),
                Embed::FIELD_COUNT_LIMIT
            ),
            EmbedProblem::TooManyEmbeds { count } => {
                write!(f, "{count} embeds (limit {})", Embed::COUNT_LIMIT)
            }
            EmbedProblem::TotalTooLong { length } => write!(
                f,
                "{length} characters in all (limit {})",
                Embed::TOTAL_LIMIT
            ),
        }
    }
}

/// Why an embed (or a message's embeds) cannot be sent: every limit that is over.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EmbedError {
    /// What is over, in order.
    pub problems: Vec<EmbedProblem>,
}

impl EmbedError {
    pub(super) fn from_problems(problems: Vec<EmbedProblem>) -> Result<(), EmbedError> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(EmbedError { problems })
        }
    }
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("embed over Discord's limits: ")?;
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for EmbedError {}

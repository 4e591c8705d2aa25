//! What adding a cog can fail with, of its own (the commands it brings fail as any command
//! does: [`Error::Registry`](crate::Error::Registry), [`Error::MissingData`](crate::Error::MissingData)).

use std::fmt;

/// Why a cog could not be added.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CogError {
    /// The bot already holds a cog of this name (`add_cog` without `override_existing`), or
    /// one installation brings two of it.
    Exists {
        /// The cog's name.
        name: String,
    },
}

impl fmt::Display for CogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CogError::Exists { name } => write!(
                f,
                "the bot already holds a cog named `{name}` (add it with `override_existing` to \
                 replace it)"
            ),
        }
    }
}

impl std::error::Error for CogError {}

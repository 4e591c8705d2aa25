//! Errors of command handlers and of turning options into typed arguments.

use crate::model::{GenericMarker, Id, InteractionDataError};
use bot_spec::OptionKind;
use std::error::Error as StdError;
use std::fmt;

/// Why an option could not become a handler's typed argument. Never a panic: data from the
/// network that does not match the command's definition ends here.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArgumentError {
    /// A required option is missing.
    Missing {
        /// The option's name.
        name: String,
    },
    /// The option has another type or its value another JSON shape than the parameter needs.
    WrongType {
        /// The option's name.
        name: String,
        /// The type the parameter needs.
        expected: OptionKind,
        /// What arrived instead.
        found: String,
    },
    /// The value does not fit the parameter's Rust type (e.g. 300 for a `u8`).
    OutOfRange {
        /// The option's name.
        name: String,
        /// The value as received.
        value: String,
        /// The Rust type it must fit.
        target: &'static str,
    },
    /// The option names an object missing from the interaction's `resolved` data.
    Unresolved {
        /// The option's name.
        name: String,
        /// The id it names.
        id: Id<GenericMarker>,
        /// What kind of object (`"user"`, `"member"`, `"role"`, ...).
        what: &'static str,
    },
    /// A `Member` parameter outside a guild (in a DM there are no members).
    NotInGuild {
        /// The option's name.
        name: String,
    },
    /// A value that is none of a `Choice` type's choices.
    UnknownChoice {
        /// The option's name.
        name: String,
        /// The value as received.
        value: String,
    },
}

impl fmt::Display for ArgumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgumentError::Missing { name } => write!(f, "required option `{name}` is missing"),
            ArgumentError::WrongType {
                name,
                expected,
                found,
            } => write!(
                f,
                "option `{name}` should be of type {} but is {found}",
                expected.value()
            ),
            ArgumentError::OutOfRange {
                name,
                value,
                target,
            } => write!(f, "option `{name}` = {value} does not fit in {target}"),
            ArgumentError::Unresolved { name, id, what } => {
                write!(
                    f,
                    "option `{name}` names {what} {id}, which is not in `resolved`"
                )
            }
            ArgumentError::NotInGuild { name } => {
                write!(
                    f,
                    "option `{name}` needs a guild member, but the command ran outside a guild"
                )
            }
            ArgumentError::UnknownChoice { name, value } => {
                write!(f, "option `{name}` = {value} is not one of its choices")
            }
        }
    }
}

impl StdError for ArgumentError {}

/// The error of a command handler: a typed argument error, unreadable interaction data, or any
/// error of the user's own code (`?` converts every `std::error::Error`).
///
/// Like `anyhow::Error`, it does not itself implement `std::error::Error`, so that `?` can convert
/// any error into it; [`CommandError::source_error`] gives the inner error.
#[non_exhaustive]
pub enum CommandError {
    /// An option could not become a typed argument.
    Argument(ArgumentError),
    /// The interaction's command data could not be read.
    Data(InteractionDataError),
    /// An error of the handler's own code.
    Other(Box<dyn StdError + Send + Sync + 'static>),
}

impl CommandError {
    /// An error with a message.
    pub fn msg(message: impl Into<String>) -> Self {
        CommandError::Other(message.into().into())
    }

    /// The inner error.
    pub fn source_error(&self) -> &(dyn StdError + 'static) {
        match self {
            CommandError::Argument(e) => e,
            CommandError::Data(e) => e,
            CommandError::Other(e) => e.as_ref(),
        }
    }
}

impl<E: StdError + Send + Sync + 'static> From<E> for CommandError {
    fn from(error: E) -> Self {
        let boxed: Box<dyn StdError + Send + Sync> = Box::new(error);
        let boxed = match boxed.downcast::<ArgumentError>() {
            Ok(argument) => return CommandError::Argument(*argument),
            Err(other) => other,
        };
        match boxed.downcast::<InteractionDataError>() {
            Ok(data) => CommandError::Data(*data),
            Err(other) => CommandError::Other(other),
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.source_error(), f)
    }
}

impl fmt::Debug for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::Argument(e) => f.debug_tuple("Argument").field(e).finish(),
            CommandError::Data(e) => f.debug_tuple("Data").field(e).finish(),
            CommandError::Other(e) => f.debug_tuple("Other").field(e).finish(),
        }
    }
}

/// What a command handler returns.
pub type CommandResult = Result<(), CommandError>;

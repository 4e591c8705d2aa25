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

/// The error of an invocation: a typed argument error, unreadable interaction data, a failed
/// check, a cooldown, a full concurrency bucket, a caught panic, or any error of the user's own
/// code (`?` converts every `std::error::Error`).
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
    /// A check refused the invocation.
    CheckFailed(crate::checks::CheckFailure),
    /// The command is on cooldown in the invoker's bucket.
    OnCooldown(crate::invoke::CommandOnCooldown),
    /// Every slot of the invoker's bucket is in use.
    MaxConcurrency(crate::invoke::MaxConcurrencyReached),
    /// The handler, a check or a hook panicked (the panic was caught).
    Panicked(Panicked),
}

/// A panic caught while invoking a command: its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panicked {
    message: String,
}

impl Panicked {
    /// A panic with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Panicked {
            message: message.into(),
        }
    }

    /// The panic's message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Panicked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "panicked: {}", self.message)
    }
}

impl StdError for Panicked {}

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
            CommandError::CheckFailed(e) => e,
            CommandError::OnCooldown(e) => e,
            CommandError::MaxConcurrency(e) => e,
            CommandError::Panicked(e) => e,
        }
    }
}

/// Takes `boxed` as a `T` if it is one, into the variant `wrap` makes.
fn take<T: StdError + 'static>(
    boxed: Box<dyn StdError + Send + Sync>,
    wrap: fn(T) -> CommandError,
) -> Result<CommandError, Box<dyn StdError + Send + Sync>> {
    boxed.downcast::<T>().map(|e| wrap(*e))
}

impl<E: StdError + Send + Sync + 'static> From<E> for CommandError {
    fn from(error: E) -> Self {
        let boxed: Box<dyn StdError + Send + Sync> = Box::new(error);
        take(boxed, CommandError::Argument)
            .or_else(|boxed| take(boxed, CommandError::Data))
            .or_else(|boxed| take(boxed, CommandError::CheckFailed))
            .or_else(|boxed| take(boxed, CommandError::OnCooldown))
            .or_else(|boxed| take(boxed, CommandError::MaxConcurrency))
            .or_else(|boxed| take(boxed, CommandError::Panicked))
            .unwrap_or_else(CommandError::Other)
    }
}

/// As `anyhow::Error` does: a `CommandError` becomes a boxed error where one is wanted (a
/// listener's or an extension's result).
impl From<CommandError> for Box<dyn StdError + Send + Sync + 'static> {
    fn from(error: CommandError) -> Self {
        match error {
            CommandError::Other(inner) => inner,
            CommandError::Argument(e) => Box::new(e),
            CommandError::Data(e) => Box::new(e),
            CommandError::CheckFailed(e) => Box::new(e),
            CommandError::OnCooldown(e) => Box::new(e),
            CommandError::MaxConcurrency(e) => Box::new(e),
            CommandError::Panicked(e) => Box::new(e),
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
            CommandError::CheckFailed(e) => f.debug_tuple("CheckFailed").field(e).finish(),
            CommandError::OnCooldown(e) => f.debug_tuple("OnCooldown").field(e).finish(),
            CommandError::MaxConcurrency(e) => f.debug_tuple("MaxConcurrency").field(e).finish(),
            CommandError::Panicked(e) => f.debug_tuple("Panicked").field(e).finish(),
        }
    }
}

/// What a command handler returns.
pub type CommandResult = Result<(), CommandError>;

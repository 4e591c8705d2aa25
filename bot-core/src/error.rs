//! The SDK's top-level error.

use crate::command::RegistryError;
use crate::gateway::GatewayError;
use crate::http::HttpError;
use std::fmt;

/// Why the bot could not be built, log in, sync or stay connected. Never contains the token.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A setting is missing or wrong.
    Config(String),
    /// A REST request failed.
    Http(HttpError),
    /// The gateway ended the connection for good.
    Gateway(GatewayError),
    /// The commands break rules across commands.
    Registry(RegistryError),
    /// Handlers ask for state the bot was not given (`State<T>` parameters without a matching
    /// [`BotBuilder::data`](crate::BotBuilder::data)): every one of them.
    MissingData(Vec<crate::command::MissingData>),
    /// [`Bot::start`](crate::Bot::start), [`run`](crate::Bot::run) or
    /// [`connect`](crate::Bot::connect) was called while the bot was already started (a bot
    /// connects once; clones share that connection).
    AlreadyStarted,
    /// Discord allows fewer session starts today than shards to start.
    SessionStartLimit {
        /// Starts left.
        remaining: u64,
        /// Shards to start.
        needed: u64,
    },
    /// Several `#[event]` functions handle the same event; a program defines at most one per
    /// event (each replaces the default handler).
    DuplicateEventHandler {
        /// The event (`on_ready`, `on_connect`, `on_disconnect` or `on_error`).
        event: &'static str,
        /// The path of each function defined for it, sorted.
        paths: Vec<&'static str>,
    },
    /// The bot already holds a cog of this name (`add_cog` without `override_existing`).
    CogExists {
        /// The cog's name.
        name: String,
    },
    /// The program has no extension of this name.
    ExtensionNotFound {
        /// The name asked for.
        name: String,
        /// The extensions the program has.
        known: Vec<&'static str>,
    },
    /// The extension is loaded already.
    ExtensionAlreadyLoaded {
        /// Its name.
        name: String,
    },
    /// The extension is not loaded.
    ExtensionNotLoaded {
        /// Its name.
        name: String,
    },
    /// The extension's setup failed, or what it gave could not be installed; the bot is as it
    /// was.
    ExtensionFailed {
        /// Its name.
        name: String,
        /// Why.
        error: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(why) => write!(f, "configuration: {why}"),
            Error::Http(error) => write!(f, "{error}"),
            Error::Gateway(error) => write!(f, "{error}"),
            Error::Registry(error) => write!(f, "{error}"),
            Error::MissingData(missing) => {
                f.write_str("the bot lacks state its handlers ask for (give it with `Bot::builder().data(...)`): ")?;
                for (i, one) in missing.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{one}")?;
                }
                Ok(())
            }
            Error::AlreadyStarted => f.write_str(
                "the bot was already started: a bot connects once (clones share the connection)",
            ),
            Error::SessionStartLimit { remaining, needed } => write!(
                f,
                "Discord allows {remaining} more session starts today, fewer than the {needed} shards to start"
            ),
            Error::ExtensionNotFound { name, known } => {
                let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                write!(
                    f,
                    "no extension named `{name}` in this program (it has: {})",
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                )
            }
            Error::ExtensionAlreadyLoaded { name } => {
                write!(f, "the extension `{name}` is loaded already")
            }
            Error::ExtensionNotLoaded { name } => write!(f, "the extension `{name}` is not loaded"),
            Error::ExtensionFailed { name, error } => {
                write!(f, "the extension `{name}` failed to load: {error}")
            }
            Error::CogExists { name } => write!(
                f,
                "the bot already holds a cog named `{name}` (add it with `override_existing` to \
                 replace it)"
            ),
            Error::DuplicateEventHandler { event, paths } => {
                let paths: Vec<String> = paths.iter().map(|path| format!("`{path}`")).collect();
                write!(
                    f,
                    "{} `#[event]` functions handle `{event}`: {}; keep one",
                    paths.len(),
                    paths.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for Error {
    /// What the error wraps: the REST, gateway or registry error, or an extension's failure.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Http(error) => Some(error),
            Error::Gateway(error) => Some(error),
            Error::Registry(error) => Some(error),
            Error::ExtensionFailed { error, .. } => Some(error.as_ref()),
            _ => None,
        }
    }
}

impl From<HttpError> for Error {
    fn from(error: HttpError) -> Self {
        Error::Http(error)
    }
}

impl From<GatewayError> for Error {
    fn from(error: GatewayError) -> Self {
        Error::Gateway(error)
    }
}

impl From<RegistryError> for Error {
    fn from(error: RegistryError) -> Self {
        Error::Registry(error)
    }
}

impl From<std::env::VarError> for Error {
    fn from(error: std::env::VarError) -> Self {
        Error::Config(format!("environment variable: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn the_source_is_what_the_error_wraps() {
        let gateway = Error::from(GatewayError::Connect("refused".to_owned()));
        assert_eq!(
            gateway.source().map(ToString::to_string),
            Some("gateway connection failed: refused".to_owned())
        );
        let failed = Error::ExtensionFailed {
            name: "music".to_owned(),
            error: "no config".into(),
        };
        assert_eq!(
            failed.source().map(ToString::to_string),
            Some("no config".to_owned())
        );
        assert!(Error::AlreadyStarted.source().is_none());
        assert!(Error::Config("x".to_owned()).source().is_none());
    }
}

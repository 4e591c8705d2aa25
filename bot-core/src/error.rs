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
    /// A cog could not be added.
    Cog(crate::cog::CogError),
    /// An extension could not be loaded, unloaded or reloaded.
    Extension(crate::extension::LoadError),
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
            Error::Cog(error) => write!(f, "{error}"),
            Error::Extension(error) => write!(f, "{error}"),
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
    /// What the error wraps: the REST, gateway, registry, cog or extension error.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Http(error) => Some(error),
            Error::Gateway(error) => Some(error),
            Error::Registry(error) => Some(error),
            Error::Cog(error) => Some(error),
            Error::Extension(error) => Some(error),
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

impl From<crate::cog::CogError> for Error {
    fn from(error: crate::cog::CogError) -> Self {
        Error::Cog(error)
    }
}

impl From<crate::extension::LoadError> for Error {
    fn from(error: crate::extension::LoadError) -> Self {
        Error::Extension(error)
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
        let failed = Error::from(crate::extension::LoadError::Failed {
            name: "music".to_owned(),
            error: "no config".into(),
        });
        assert_eq!(
            failed.source().map(ToString::to_string),
            Some("the extension `music` failed to load: no config".to_owned())
        );
        assert_eq!(
            failed
                .source()
                .and_then(|e| e.source())
                .map(ToString::to_string),
            Some("no config".to_owned())
        );
        let cog = Error::from(crate::cog::CogError::Exists {
            name: "jukebox".to_owned(),
        });
        assert!(cog.source().is_some_and(|e| e.is::<crate::cog::CogError>()));
        assert!(Error::AlreadyStarted.source().is_none());
        assert!(Error::Config("x".to_owned()).source().is_none());
    }
}

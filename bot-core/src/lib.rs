//! The bot SDK's runtime and the user's one dependency.
//!
//! For now it re-exports Discord's command model and rules from `bot-spec` as [`spec`]; the
//! runtime (REST client, gateway, registry, dispatch) is built on top of it by the next issues.
//!
//! ```
//! use bot_core::spec::{CommandSpec, validate_command};
//! assert!(validate_command(&CommandSpec::chat_input("ping", "Replies with pong")).is_ok());
//! ```
#![deny(missing_docs)]

/// Discord's application-command model and rules (the `bot-spec` crate).
pub use bot_spec as spec;

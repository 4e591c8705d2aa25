//! The bot SDK's runtime and the user's one dependency.
//!
//! Annotate plain `async fn`s with [`slash_command`], [`user_command`] or [`message_command`];
//! the macros check each definition against Discord's rules while compiling and register it, and
//! [`command::CommandRegistry::collect`] finds every command at start-up.
//!
//! ```
//! use bot_core::prelude::*;
//!
//! /// Replies with pong.
//! #[slash_command]
//! async fn ping(ctx: &ApplicationContext) -> CommandResult {
//!     let _ = ctx;
//!     Ok(())
//! }
//!
//! let registry = CommandRegistry::collect().unwrap();
//! assert!(registry.commands().iter().any(|c| c.spec().name == "ping"));
//! ```
//!
//! Discord's command model and rules are re-exported from `bot-spec` as [`spec`].
#![deny(missing_docs)]

pub mod command;
pub mod model;

/// Discord's application-command model and rules (the `bot-spec` crate).
pub use bot_spec as spec;

pub use bot_macros::{Choice, message_command, slash_command, slash_group, user_command};

/// The names most bots use.
pub mod prelude {
    pub use crate::command::{
        ApplicationContext, ArgumentError, Channel, CommandError, CommandRegistry, CommandResult,
        Mentionable, SyncConfig, TextChannel, ThreadChannel, VoiceChannel,
    };
    pub use crate::model::{Attachment, Member, Message, Role, User};
    pub use bot_macros::{Choice, message_command, slash_command, slash_group, user_command};
}

#[doc(hidden)]
pub mod __private;

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
//! Parameters after the context become options: their types give the option type (see
//! [`command::SlashArgument`] for the supported ones and for adding your own), their doc comments
//! the descriptions, and attributes the rest (`#[min]`, `#[max]`, `#[min_length]`,
//! `#[max_length]`, `#[channel_types(...)]`, `#[file_types(...)]`, `#[choices(...)]`,
//! `#[autocomplete = path]`, `#[default = expr]`, `#[rename = "..."]`, `#[name_localized(...)]`,
//! `#[description_localized(...)]`). Subcommands and groups are the functions and modules of an
//! inline [`slash_group`] module.
//!
//! # Where each rule is checked
//!
//! - **In the macro**, for everything one item shows: names, descriptions, localizations, option
//!   counts, order and uniqueness, nesting, inline choices, bounds and lengths on parameters of a
//!   known type, integer ranges, attribute keys and the function's shape.
//! - **By `const` assertions** the macros emit, for what needs a resolved type or another item: the
//!   option type behind an alias or custom type, a `Choice` enum's choices, and the
//!   8,000-character total. Each is reported at the attribute or type it concerns.
//! - **By [`command::CommandRegistry::collect`]** at start-up, for rules across commands: one name
//!   per type per scope; at most 100 slash, 15 user and 15 message commands per scope.
//!
//! Commands defined in a library crate are collected only when the binary links that crate: write
//! `use my_commands as _;` if nothing else in the binary names it.
//!
//! Discord's command model and rules are re-exported from `bot-spec` as [`spec`].
#![deny(missing_docs)]

mod bot;
pub mod command;
mod dispatch;
mod error;
pub mod event;
pub mod gateway;
pub mod http;
pub mod model;
pub mod sync;

/// Discord's application-command model and rules (the `bot-spec` crate).
pub use bot_spec as spec;

/// The singyeong service-mesh client (the `bot-mesh` crate), with the `mesh` feature.
#[cfg(feature = "mesh")]
pub use bot_mesh as mesh;

pub use bot::{Bot, BotBuilder, DISCORD_API, Intents};
pub use error::Error;

pub use bot_macros::{Choice, listen, message_command, slash_command, slash_group, user_command};

/// The names most bots use.
pub mod prelude {
    pub use crate::command::{
        ApplicationContext, ArgumentError, Channel, CommandError, CommandRegistry, CommandResult,
        Mentionable, Reply, SyncConfig, TextChannel, ThreadChannel, VoiceChannel,
    };
    pub use crate::gateway::Event;
    pub use crate::model::{
        ActionRow, Activity, AllowedMentions, AttachmentFile, Button, CreateMessage, Embed,
        EmbedBuilder, InteractionResponse, SelectMenu, Status,
    };
    pub use crate::model::{Attachment, Member, Message, Role, User};
    pub use crate::{Bot, Intents};
    pub use bot_macros::{
        Choice, listen, message_command, slash_command, slash_group, user_command,
    };
}

#[doc(hidden)]
pub mod __private;

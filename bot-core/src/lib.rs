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
//!
//! # Listening to events
//!
//! [`listen`] registers a free `async fn` as a listener, collected like commands. The parameter's
//! type says which event ([`event::MessageCreate`], [`event::GuildMemberAdd`], … — one type per
//! dispatch, see [`event::EventType`]; [`event::Event`] for all of them), or Pycord's name does
//! (`#[listen("on_message")]`, checked against the type while compiling). `#[listen(once)]` runs
//! for the first event only; `#[listen(concurrent)]` runs each event on a task of its own. A
//! first `&Context` parameter reaches the bot (see [`Context`]), and trailing
//! [`command::State`] parameters the bot's data (checked when the bot is built, as for commands).
//!
//! ```
//! use bot_core::event::MessageCreate;
//! use bot_core::{listen, Context};
//!
//! #[listen("on_message")]
//! async fn echo(ctx: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
//!     if let Some(text) = message.content.strip_prefix("!echo ") {
//!         message.channel_id.send(ctx, text).await?;
//!     }
//!     Ok(())
//! }
//! ```
//!
//! The everyday calls — `channel.send`, `message.reply`, `add_reaction`, `pin`, `user.send`,
//! `channel.typing()`, … — sit on the ids and objects they concern and take the context: see
//! [`calls`].
//!
//! While the bot runs: [`Context::add_listener`] and [`Context::remove_listener`],
//! [`Context::wait_for`] (the next event that passes a check, within a timeout),
//! [`Context::stream`] (the matching events, up to a limit), [`Context::events`] (every event),
//! [`Context::wait_until_ready`] and [`Context::is_ready`] — on a listener's, a command's or an
//! `#[event]` function's context, or on the [`Bot`], whose methods of these names delegate to its
//! [`Bot::context`].
//!
//! # The runtime: services behind a `Context`, `Bot` a façade
//!
//! [`Bot`] builds the services — the REST client, the state, the dispatcher of events, the
//! command service (registry, sync, global checks and hooks, `on_application_command_error`),
//! the cogs and the extensions — starts the shards and closes everything. What user code is
//! given is a [`Context`]: one reference-counted handle over those services, plus the shard that
//! delivered what is being handled. No module below `bot/` names `Bot` (`tests/architecture.rs`
//! holds it), so the cache, components and the HTTP endpoint plug into the services, not into
//! `Bot`.
//!
//! # Replacing the default handlers: `#[event]`
//!
//! Besides listeners, the bot has four handlers, each with a default that logs: `on_ready`
//! (once, when the bot becomes ready), `on_connect` (each time a shard's session starts or
//! resumes: [`event::Connected`]), `on_disconnect` (each time a shard's connection ends:
//! [`event::Disconnected`]) and `on_error` (each time a listener fails or panics:
//! [`event::EventError`]). [`#[event]`](macro@event) replaces one with a free `async fn` named after it, as
//! Pycord's `@bot.event` does:
//!
//! ```standalone_crate
//! use bot_core::event::EventError;
//! use bot_core::{Context, event};
//!
//! #[event]
//! async fn on_error(ctx: &Context, error: &EventError) {
//!     let _ = ctx;
//!     eprintln!("{} failed on {}: {}", error.listener, error.event, error.failure);
//! }
//! ```
//!
//! A program has at most one per event: two in one module do not compile, two in different
//! modules make [`BotBuilder::build`] fail with [`Error::DuplicateEventHandler`]. Each call runs
//! on a task of its own. A failure of `on_ready`, `on_connect` or `on_disconnect` goes to
//! `on_error`; one of `on_error` is logged, never handled again. (Command handlers' failures are
//! not `on_error`'s.) Unlike Pycord's, replacing `on_connect` does not stop the command sync,
//! which [`Bot::start`] does. A handler returns `()` or `Result<(), E>`; a return type that is
//! neither does not compile:
//!
//! ```compile_fail,E0277
//! use bot_core::{Context, event};
//!
//! type Count = u32;
//!
//! #[event]
//! async fn on_ready(ctx: &Context) -> Count {
//!     let _ = ctx;
//!     0
//! }
//! ```
//!
//! # Around every invocation: checks, cooldowns, hooks, errors
//!
//! The router resolves each command interaction once — the command, its subcommand path and
//! the layers around it ([`command::CommandRegistry::resolve`]) — makes its context from that
//! resolution, and hands both to the invocation pipeline (as
//! [`Bot::invoke_application_command`] does): global `#[check_once]` and `#[check]` functions, the
//! command's `checks = [...]` (built-ins in [`checks`]), `max_concurrency(...)`, `cooldown(...)`,
//! before-hooks, the handler, after-hooks and, on failure, the error chain (the command's
//! `on_error`, then `#[event] on_application_command_error`). [`invoke`] documents the order;
//! autocomplete requests go to `#[autocomplete = f]` callbacks with an
//! [`AutocompleteContext`](command::AutocompleteContext).
//!
//! All of it runs under an auto-defer watchdog that keeps Discord's 3-second deadline: a
//! command, group or cog sets it with `auto_defer` (`auto_defer = false` for a command that may
//! open a modal, `auto_defer(ephemeral)`, `auto_defer(after = 1.5)`), every other command
//! takes [`BotBuilder::auto_defer`]'s ([`command::AutoDefer`]).
//!
//! # Cogs and extensions
//!
//! `#[cog]` on an `impl` block makes a [`cog::Cog`]: commands and listeners taking `&self`,
//! and the cog's own check, hooks, error handler and unload step; [`Bot::add_cog`] adds one to a
//! running bot. An [`extension`](mod@extension) bundles cogs, commands and listeners behind a
//! name, loaded and reloaded atomically.
//!
//! # The way of an event
//!
//! A shard decodes each dispatch once, straight from the frame's text into its typed
//! [`event::Event`]. The dispatcher — one of the services a [`Context`] reaches; [`Bot`] owns
//! them and is a façade over them — then, on the shard's task and in the shard's `seq`
//! order: hands an INTERACTION_CREATE to the command router (each interaction on its own task),
//! offers the event, shared rather than copied, to its consumers (listeners first, then waiters
//! — `wait_for`, `stream` — then `events()` streams), and notes READY and GUILD_CREATE for
//! readiness.
//!
//! # Delivery policy: the shard never waits for a consumer
//!
//! - A shard reads its socket whatever its consumers do: interactions reach the command router,
//!   and waiters get their events, whatever any listener or stream is doing.
//! - Each consumer (a listener, a `wait_for` or `stream` waiter, an [`Bot::events`] stream) has
//!   its own [`event::Budget`]: 16,384 events or 32 MiB of the dispatches' wire text by default
//!   ([`BotBuilder::event_budget`], [`event::ListenerOptions::budget`],
//!   [`Bot::events_with_budget`]). An event counts against it from delivery until the consumer
//!   is done with it (a listener's call returned, a stream's item taken). A consumer within its
//!   budget gets every event of a shard, in `seq` order, even across a resumed connection.
//! - Past its budget a consumer **lags**: its oldest queued events are dropped, counted in
//!   [`Bot::dispatch_stats`] (`lagged`), and reported to `on_error` as
//!   [`event::EventFailure::Lagged`] with the consumer, the shard, the count and the range of
//!   sequence numbers — once per episode: when the consumer takes its next event, or after
//!   [`BotBuilder::lag_report_interval`] (1 s) for one that stays stuck. Nothing is dropped
//!   silently. [`event::Budget::LOSSLESS`] is the opt-in for a consumer that must see
//!   everything: a hard cap of 256 MiB, then the same lag.
//! - A listener handles its queue one event at a time; listeners run concurrently with each
//!   other; a `concurrent` listener spawns a task per event instead (order between calls is then
//!   not kept; its running calls count against its budget).
//! - A listener that fails or panics (in its closure or its future) is reported to `on_error` (by
//!   default, logged with its name and the event's) and keeps getting events; the other
//!   listeners are not affected.
//! - Listeners and waiters are added and removed in O(log n) of the live ones, so thousands of
//!   pending `wait_for`s cost delivery nothing but their checks.
//! - [`Bot::close`] ends delivery: listeners finish what is queued, waiters and streams end with
//!   [`event::WaitError::Closed`].
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod bot;
pub mod cache;
pub mod calls;
pub mod checks;
pub mod cog;
pub mod command;
mod context;
mod dispatch;
mod error;
pub mod event;
pub mod extension;
pub mod gateway;
pub mod http;
pub mod invoke;
pub mod members;
pub mod model;
mod panic;
pub mod sync;
pub mod tls;

/// Discord's application-command model and rules (the `bot-spec` crate).
pub use bot_spec as spec;

/// The singyeong service-mesh client (the `bot-mesh` crate), with the `mesh` feature.
#[cfg(feature = "mesh")]
#[cfg_attr(docsrs, doc(cfg(feature = "mesh")))]
pub use bot_mesh as mesh;

pub use bot::{Bot, BotBuilder, DISCORD_API, Intents};
pub use context::{Context, PartialMessageable};
pub use error::Error;

pub use bot_macros::{
    Choice, after_invoke, before_invoke, check, check_once, cog, event, extension, listen,
    message_command, slash_command, slash_group, user_command,
};

/// The names most bots use.
pub mod prelude {
    pub use crate::command::{
        ApplicationContext, ArgumentError, Channel, CommandError, CommandRegistry, CommandResult,
        Mentionable, Reply, SyncConfig, TextChannel, ThreadChannel, VoiceChannel,
    };
    pub use crate::command::{AutoDefer, AutocompleteContext};
    pub use crate::gateway::Event;
    pub use crate::invoke::BucketType;
    pub use crate::model::{
        ActionRow, Activity, AllowedMentions, AttachmentFile, Button, CreateMessage, Embed,
        EmbedBuilder, InteractionResponse, SelectMenu, Status,
    };
    pub use crate::model::{Attachment, Member, Message, Role, User};
    pub use crate::{Bot, Context, Intents};
    pub use bot_macros::{
        Choice, after_invoke, before_invoke, check, check_once, cog, event, listen,
        message_command, slash_command, slash_group, user_command,
    };
}

#[doc(hidden)]
pub mod __private;

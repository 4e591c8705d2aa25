//! Procedural macros of the bot SDK; use them through `bot_core` (`bot_core::prelude::*`).
//!
//! Each macro parses its item into a typed representation with spans, validates it against
//! Discord's rules from `bot-spec` (every error at once, each at the offending token) and expands
//! to the original item plus static metadata registered with `inventory`.
//!
//! # Where each rule is checked
//!
//! - **(a) In the macro**, for everything one item shows: names (pattern, lowercase, 1-32),
//!   descriptions (1-100, present), localizations, option counts and order, duplicate names,
//!   nesting, choices written inline, bounds and lengths on parameters of a known type, the
//!   range of a known integer type, unsupported integer widths, attribute keys, function shape
//!   (`async`, context parameter, context-menu arity, no `self` outside a cog).
//! - **(b) `const` assertions** built from `bot-spec`'s `const fn`s, for what needs a resolved
//!   type or another item: the option kind behind a type alias or custom type (and so which
//!   attributes apply), a `Choice` enum's choices, the range of an aliased integer type,
//!   required-before-optional through aliases, and the 8,000-character total. Each is spanned at
//!   the attribute or type it is about.
//! - **(c) `CommandRegistry::collect()`** at start-up, for rules across commands: one name per
//!   type per scope, at most 100 slash, 15 user and 15 message commands per scope.
//!
//! When the macro finds errors it emits the original function unchanged and nothing else, so an
//! invalid definition yields exactly its own errors.

mod choice;
mod cog;
mod command;
mod diag;
mod docs;
mod event;
mod extension;
mod global;
mod group;
mod listen;
mod literal;
mod types;

use bot_spec::CommandKind;
use proc_macro::TokenStream;

/// Turns an `async fn(ctx: &ApplicationContext, ...) -> CommandResult` into a slash command.
///
/// The name defaults to the function's, the description to the doc comment's first paragraph;
/// each parameter after the context becomes an option described by its doc comment. See the
/// `bot_core` crate documentation for attributes and examples.
#[proc_macro_attribute]
pub fn slash_command(args: TokenStream, item: TokenStream) -> TokenStream {
    command::expand(CommandKind::ChatInput, args.into(), item.into()).into()
}

/// Turns an `async fn(ctx: &ApplicationContext, user: User) -> CommandResult` into a user
/// context-menu command (the target may also be a `Member`).
#[proc_macro_attribute]
pub fn user_command(args: TokenStream, item: TokenStream) -> TokenStream {
    command::expand(CommandKind::User, args.into(), item.into()).into()
}

/// Turns an `async fn(ctx: &ApplicationContext, message: Message) -> CommandResult` into a
/// message context-menu command.
#[proc_macro_attribute]
pub fn message_command(args: TokenStream, item: TokenStream) -> TokenStream {
    command::expand(CommandKind::Message, args.into(), item.into()).into()
}

/// Turns an inline `mod` into a slash command whose `#[slash_command]` functions are its
/// subcommands and whose inner `#[slash_group]` modules are its subcommand groups.
#[proc_macro_attribute]
pub fn slash_group(args: TokenStream, item: TokenStream) -> TokenStream {
    group::expand(args.into(), item.into()).into()
}

/// Makes an enum a slash-command option with fixed choices: unit variants give string choices
/// (`#[choice(name = "...", value = "...")]`), variants with explicit discriminants integer
/// choices.
#[proc_macro_derive(Choice, attributes(choice))]
pub fn derive_choice(item: TokenStream) -> TokenStream {
    choice::expand(item.into()).into()
}

/// Registers an `async fn` as a listener of the gateway event its parameter's type names.
///
/// The function takes the event by reference, optionally after the bot's context (`&Context`):
/// `async fn name(event: &E)` or `async fn name(ctx: &Context, event: &E)`, where `E` is the event's
/// own type (`MessageCreate`, `MessageDelete`, `GuildMemberAdd`, `Ready`, ... from
/// `bot_core::event`, anything implementing `EventType`), or `Event` for every event. It returns
/// `()` or `Result<(), E>` (any `ListenerOutput`); an error goes to the bot's error reporting.
///
/// ```ignore
/// use bot_core::event::payload::MessageDelete;
/// use bot_core::event::{MessageCreate, Ready};
/// use bot_core::prelude::*;
///
/// #[listen]
/// async fn log_deletes(deleted: &MessageDelete) {
///     println!("message {} deleted", deleted.id);
/// }
///
/// // Pycord's name for the event, checked against the type while compiling.
/// #[listen("on_message", concurrent)]
/// async fn greet(ctx: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
///     let _ = (ctx, message);
///     Ok(())
/// }
///
/// #[listen(once)]
/// async fn first_ready(ready: &Ready) {
///     let _ = ready;
/// }
/// ```
///
/// # Arguments
///
/// - `"on_..."`: Pycord's name of the event (`"on_message"`, `"on_raw_reaction_add"`). It must
///   start with `on_` and be a name of the parameter's event type (with `&Event`, any known name:
///   the listener then gets the events of that name).
/// - `once`: called for the first matching event only, then removed.
/// - `concurrent`: each event on a task of its own, so slow calls overlap (default: one at a
///   time, in the shard's order).
///
/// Listeners are collected with `inventory` when the bot starts, like commands: one defined in
/// a library crate is found only when the binary links that crate.
///
/// Errors are reported at the offending token: a function that is not `async`, takes `self`,
/// is generic, or takes no, or more than two, parameters; an event taken by value; a first
/// parameter that is not `&Context`; a type that is not an event (at the type); a name that does not
/// fit the type (at the name); a return type that is not a listener's (at the type).
#[proc_macro_attribute]
pub fn listen(args: TokenStream, item: TokenStream) -> TokenStream {
    listen::expand(args.into(), item.into()).into()
}

/// Replaces one of the bot's default event handlers with an `async fn` named after the event.
///
/// | Function | Called | Default |
/// |---|---|---|
/// | `async fn on_ready(ctx: &Context)` | once, when the bot becomes ready (every shard's READY and guilds arrived) | logs `ready` |
/// | `async fn on_connect(ctx: &Context, connected: &Connected)` | each time a shard's session starts (READY) or resumes (RESUMED) | logs `connected` (info) |
/// | `async fn on_disconnect(ctx: &Context, disconnected: &Disconnected)` | each time a shard's connection ends | logs `disconnected` (debug) |
/// | `async fn on_error(ctx: &Context, error: &EventError)` | each time a listener (or one of these handlers) fails or panics | logs the listener, the event and the failure |
/// | `async fn on_application_command_error(ctx: &ApplicationContext, error: &CommandError)` | each time an invocation fails (a check, a cooldown, the handler...), after the command's own `on_error`, in the interaction's task | logs, and answers the user with an ephemeral message (`BotBuilder::error_reply`), unless the command has its own `on_error` |
///
/// `Connected`, `Disconnected` and `EventError` are in `bot_core::event`. A handler returns `()`
/// or `Result<(), E>` (any `ListenerOutput`, as listeners); it runs on a task of its own. When
/// `on_ready`, `on_connect` or `on_disconnect` fails, the failure goes to `on_error`; when
/// `on_error` itself fails or panics, that is logged and not handled again.
///
/// ```ignore
/// use bot_core::event::{Connected, EventError};
/// use bot_core::prelude::*;
///
/// #[event]
/// async fn on_ready(ctx: &Context) {
///     println!("logged in as {:?}", ctx.user().map(|user| &user.username));
/// }
///
/// #[event]
/// async fn on_connect(_ctx: &Context, connected: &Connected) {
///     println!("shard {} connected (resumed: {})", connected.shard, connected.resumed);
/// }
///
/// #[event]
/// async fn on_error(_ctx: &Context, error: &EventError) -> Result<(), bot_core::Error> {
///     eprintln!("{} failed on {}: {}", error.listener, error.event, error.failure);
///     Ok(())
/// }
/// ```
///
/// Unlike `#[listen]`, which adds a listener, `#[event]` replaces: a program has at most one
/// handler per event. Two in one module do not compile (they have the same name); two in
/// different modules make `Bot::builder().build()` fail with `Error::DuplicateEventHandler`,
/// naming both. Handlers are collected with `inventory` like listeners, and apply to every bot
/// the program builds.
///
/// Errors are reported at the offending token: a name that is none of these (listing them),
/// arguments to the attribute, a function that is not `async`, is `unsafe`, generic or a
/// method, a parameter count that is not the event's, a parameter taken by value or by `&mut`,
/// a parameter of the wrong type (at the type), and a return type that is not `()` or a
/// `Result` (at the type).
#[proc_macro_attribute]
pub fn event(args: TokenStream, item: TokenStream) -> TokenStream {
    event::expand(args.into(), item.into()).into()
}

/// Makes an `async fn(ctx: &ApplicationContext) -> bool` a check of every command, run after
/// the `#[check_once]` checks and before each command's own (see `bot_core::invoke` for the
/// whole order). It may also return `Result<bool, E>` or `Result<(), E>`: an error fails the
/// invocation with that error; `false` with a `CheckFailure` naming the function.
///
/// ```ignore
/// use bot_core::prelude::*;
///
/// #[check]
/// async fn not_blocked(ctx: &ApplicationContext) -> bool {
///     ctx.author().is_some_and(|user| !user.bot)
/// }
/// ```
///
/// Errors are reported at the offending token: arguments to the attribute, a function that is
/// not `async`, is generic or a method, a parameter count other than one, a context taken by
/// value or by `&mut`, a parameter that is not `&ApplicationContext` (at the type), a return
/// type that is not a check's (at the type).
#[proc_macro_attribute]
pub fn check(args: TokenStream, item: TokenStream) -> TokenStream {
    global::expand(global::Global::Check, args.into(), item.into()).into()
}

/// Like `#[check]`, but run once per interaction before every other check, as Pycord's
/// `check_once` (an invocation of a subcommand runs it once, not once per level).
#[proc_macro_attribute]
pub fn check_once(args: TokenStream, item: TokenStream) -> TokenStream {
    global::expand(global::Global::CheckOnce, args.into(), item.into()).into()
}

/// Makes an `async fn(ctx: &ApplicationContext)` the hook run before every command (after
/// checks, limits and the command's own before-hook). A program has at most one: a second one,
/// or one given to `BotBuilder::before_invoke` too, makes `build()` fail naming both.
/// It returns `()` or `Result<(), E>`; an error fails the invocation.
#[proc_macro_attribute]
pub fn before_invoke(args: TokenStream, item: TokenStream) -> TokenStream {
    global::expand(global::Global::BeforeInvoke, args.into(), item.into()).into()
}

/// Makes an `async fn(ctx: &ApplicationContext)` the hook run after every command (after the
/// command's own after-hook), even when the command failed. At most one per program, as
/// `#[before_invoke]`.
#[proc_macro_attribute]
pub fn after_invoke(args: TokenStream, item: TokenStream) -> TokenStream {
    global::expand(global::Global::AfterInvoke, args.into(), item.into()).into()
}

/// Makes an `impl` block of your own type a cog: its `#[slash_command]`, `#[user_command]`,
/// `#[message_command]` and `#[listen]` methods take `&self` (the cog's state, shared by every
/// call) and are added with the cog by `Bot::add_cog`; methods named `cog_check`,
/// `cog_before_invoke`, `cog_after_invoke`, `cog_command_error` and `cog_unload` run around its
/// commands and when it is removed.
///
/// ```ignore
/// use bot_core::prelude::*;
/// use std::sync::atomic::{AtomicU64, Ordering};
///
/// #[derive(Default)]
/// struct Counter { count: AtomicU64 }
///
/// #[cog(name = "counter")]
/// impl Counter {
///     /// Counts.
///     #[slash_command(cooldown(1, 2.0, User))]
///     async fn count(&self, ctx: &ApplicationContext) -> CommandResult {
///         let n = self.count.fetch_add(1, Ordering::Relaxed) + 1;
///         ctx.respond(format!("{n}")).await?;
///         Ok(())
///     }
///
///     async fn cog_check(&self, ctx: &ApplicationContext) -> bool {
///         ctx.guild_id().is_some()
///     }
/// }
/// ```
///
/// Each command and listener is checked as its free form is, at the offending token; a command
/// method that does not take `&self`, two commands of one name and type, or a special method of
/// the wrong shape are errors too. On error the block is emitted without this SDK's attributes.
#[proc_macro_attribute]
pub fn cog(args: TokenStream, item: TokenStream) -> TokenStream {
    cog::expand(args.into(), item.into()).into()
}

/// Declares an extension: a named bundle of cogs, commands and listeners whose setup is this
/// `async fn(ext: &mut Extension)`, loaded with `Bot::load_extension(name)`.
///
/// ```ignore
/// use bot_core::extension::Extension;
///
/// #[bot_core::extension(name = "music", teardown = stop_music)]
/// async fn music(ext: &mut Extension) -> Result<(), bot_core::Error> {
///     ext.add_cog(Jukebox::default());
///     Ok(())
/// }
///
/// async fn stop_music(ctx: &bot_core::Context) {
///     let _ = ctx;
/// }
/// ```
///
/// The name defaults to the function's. The setup returns `()` or `Result<(), E>`; an error
/// (or a panic) leaves the bot as it was and makes the load fail with `LoadError::Failed`.
/// The teardown, an `async fn(ctx: &Context)`, runs on unload and before a reload's setup.
#[proc_macro_attribute]
pub fn extension(args: TokenStream, item: TokenStream) -> TokenStream {
    extension::expand(args.into(), item.into()).into()
}

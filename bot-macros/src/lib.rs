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
mod command;
mod diag;
mod docs;
mod group;
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

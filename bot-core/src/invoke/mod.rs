//! Around every invocation: checks, cooldowns, concurrency limits, hooks and the error chain.
//!
//! # The order
//!
//! An application command interaction goes, in this order, through:
//!
//! 1. the global `check_once` checks (`#[check_once]`, [`BotBuilder::check_once`],
//!    `Bot::add_check(.., true)`): once per interaction, whatever the command;
//! 2. the global checks (`#[check]`, [`BotBuilder::check`], `Bot::add_check(.., false)`);
//!    then, for a cog's command, the cog's `cog_check` and the checks of `#[cog(checks = [...])]`;
//! 3. the command's checks (`checks = [...]`), outermost level first: a group's, then its
//!    subgroup's, then the subcommand's;
//! 4. the concurrency limits (`max_concurrency(n, bucket, wait)`), outermost (a cog's) first: a slot
//!    is held until the after-hooks ran; an invocation that waits for one is deferred first;
//! 5. the cooldowns (`cooldown(rate, per, bucket)`), outermost first;
//! 6. the command's before-hook (`before_invoke = f`, the innermost level's), the cog's
//!    `cog_before_invoke`, then the global one (`#[before_invoke]` or
//!    [`BotBuilder::before_invoke`]);
//! 7. the handler (its arguments are read here: a bad option fails it);
//! 8. the command's after-hook, the cog's `cog_after_invoke`, then the global one — even when
//!    the handler failed (not when a step before the handler failed);
//! 9. on any failure, the error chain: the command's `on_error` (innermost level's), the cog's
//!    `cog_command_error`, then `on_application_command_error` — the program's `#[event]` function, else the default,
//!    which logs with `tracing` and answers the user with an ephemeral message (see
//!    [`default_error_reply`], replaced with [`BotBuilder::error_reply`]); the default stays
//!    silent when the command or its cog has its own handler, as Pycord's.
//!
//! # Discord's 3-second deadline
//!
//! Steps 1 to 9 all run under the command's auto-defer watchdog ([`AutoDefer`]: the innermost
//! level's `auto_defer`, else [`BotBuilder::auto_defer`], by default 2 s): if nothing answered
//! the interaction that long after it was received — checks or hooks that call REST, a
//! `BucketType::Role` bucket, a slow handler — the interaction is deferred (a command with type
//! 5, "thinking…", public or ephemeral as set; a component with type 6), and the handler's
//! `respond` then replaces "thinking…". In step 4, an invocation whose slot is not free at once
//! and that waits for one (`wait`) is deferred before it waits, unless its auto-defer is off.
//! The initial response is claimed before it is sent, so the watchdog and the handler never both
//! send one. Nothing is sent once the 3 s window passed unanswered
//! ([`ResponseError::Expired`], logged once; the default error reply stays silent for it).
//! Autocomplete is never deferred: a callback still running
//! [`AUTOCOMPLETE_BUDGET`](crate::command::AUTOCOMPLETE_BUDGET) after receipt is answered with
//! no choices.
//!
//! The first failing step ends the invocation with its error: a failed check is
//! [`CommandError::CheckFailed`] naming it, a cooldown [`CommandError::OnCooldown`] with
//! `retry_after`, a full bucket [`CommandError::MaxConcurrency`], a panic anywhere
//! [`CommandError::Panicked`] (caught: the bot stays up).
//!
//! [`AutoDefer`]: crate::command::AutoDefer
//! [`BotBuilder::auto_defer`]: crate::BotBuilder::auto_defer
//! [`ResponseError::Expired`]: crate::command::ResponseError::Expired
//! [`BotBuilder::check_once`]: crate::BotBuilder::check_once
//! [`BotBuilder::check`]: crate::BotBuilder::check
//! [`BotBuilder::before_invoke`]: crate::BotBuilder::before_invoke
//! [`BotBuilder::error_reply`]: crate::BotBuilder::error_reply
//! [`CommandError::CheckFailed`]: crate::command::CommandError::CheckFailed
//! [`CommandError::OnCooldown`]: crate::command::CommandError::OnCooldown
//! [`CommandError::MaxConcurrency`]: crate::command::CommandError::MaxConcurrency
//! [`CommandError::Panicked`]: crate::command::CommandError::Panicked

mod bucket;
mod chain;
mod errors;
pub(crate) mod global;
mod hooks;
pub(crate) mod inflight;
mod layer;
mod limits;
pub(crate) mod pipeline;
pub(crate) mod router;
mod service;
mod watchdog;

pub use bucket::BucketType;
pub use chain::default_error_reply;
pub use errors::{CommandOnCooldown, MaxConcurrencyReached};
pub use global::CheckId;
#[doc(hidden)]
pub use global::{GlobalCheckDef, GlobalHookDef};
pub use hooks::{
    ErrorHook, FnErrorHook, FnHook, HookFuture, HookOutput, InvokeHook, error_fn, hook_fn,
};
#[doc(hidden)]
pub use hooks::{MacroErrorHook, MacroHook};
pub use layer::{CommandLayer, CommandLayers};
pub(crate) use router::route;
pub(crate) use service::{Commands, CommandsConfig};

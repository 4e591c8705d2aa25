//! Checks: conditions an invocation must meet before its command runs, as Pycord's
//! `commands.check`, `guild_only()`, `has_permissions(...)` and friends.
//!
//! A check is anything implementing [`Check`]: the built-ins of this module, an
//! `async fn(&ApplicationContext) -> bool` named in a command's `checks = [...]` (or marked
//! `#[check]` / `#[check_once]` to apply to every command), or a closure wrapped with
//! [`from_fn`]. A check that answers `false` fails the invocation with a [`CheckFailure`] naming
//! it; one that returns an error fails it with that error.
//!
//! ```
//! use bot_core::checks::{self, Check};
//! use bot_core::model::Permissions;
//!
//! // Built-ins are values.
//! let moderators = checks::has_permissions(Permissions::KICK_MEMBERS | Permissions::BAN_MEMBERS);
//! assert_eq!(moderators.name(), "has_permissions");
//!
//! // A closure taking the context.
//! let weekdays = checks::from_fn("not_on_sunday", |ctx| async move {
//!     ctx.locale() != Some("sunday")
//! });
//! assert_eq!(weekdays.name(), "not_on_sunday");
//! ```

mod builtin;
mod failure;

pub use builtin::{
    BotHasPermissions, DmOnly, GuildOnly, HasAnyRole, HasPermissions, HasRole, IsNsfw, IsOwner,
    RoleRef, bot_has_permissions, dm_only, guild_only, has_any_role, has_permissions, has_role,
    is_nsfw, is_owner,
};
pub use failure::{CheckFailure, CheckFailureKind};

use crate::command::{ApplicationContext, CommandError};
use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;

/// The future a check returns: `Ok(())` lets the invocation go on.
pub type CheckFuture<'a> = Pin<Box<dyn Future<Output = Result<(), CommandError>> + Send + 'a>>;

/// A condition an invocation must meet.
pub trait Check: Send + Sync + 'static {
    /// The check's name, for the [`CheckFailure`] it gives and for logs.
    fn name(&self) -> Cow<'static, str>;

    /// Runs the check for `ctx`.
    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a>;
}

/// What a check function may return: `bool` (`false` fails with a [`CheckFailure`] naming the
/// check), or a `Result` of `bool` or `()` whose error fails the invocation with that error.
#[diagnostic::on_unimplemented(
    message = "a check returns `bool`, `Result<bool, E>` or `Result<(), E>`, not `{Self}`",
    label = "not a check's output"
)]
pub trait CheckOutput {
    /// `Ok(true)` to pass, `Ok(false)` to fail with the check's [`CheckFailure`].
    fn into_outcome(self) -> Result<bool, CommandError>;
}

impl CheckOutput for bool {
    fn into_outcome(self) -> Result<bool, CommandError> {
        Ok(self)
    }
}

impl<E: Into<CommandError>> CheckOutput for Result<bool, E> {
    fn into_outcome(self) -> Result<bool, CommandError> {
        self.map_err(Into::into)
    }
}

impl<E: Into<CommandError>> CheckOutput for Result<(), E> {
    fn into_outcome(self) -> Result<bool, CommandError> {
        self.map(|()| true).map_err(Into::into)
    }
}

/// The result of the check `name` from what it returned.
pub(crate) fn outcome(name: &str, output: impl CheckOutput) -> Result<(), CommandError> {
    match output.into_outcome()? {
        true => Ok(()),
        false => Err(CommandError::CheckFailed(CheckFailure::new(
            name.to_owned(),
            CheckFailureKind::Predicate,
        ))),
    }
}

/// A check made of a closure that takes the invocation's context (a cheap clone) and returns
/// a [`CheckOutput`]; see the [module](self) example.
pub fn from_fn<F, Fut>(name: impl Into<Cow<'static, str>>, check: F) -> FnCheck<F>
where
    F: Fn(ApplicationContext) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: CheckOutput,
{
    FnCheck {
        name: name.into(),
        check,
    }
}

/// A check made with [`from_fn`].
pub struct FnCheck<F> {
    name: Cow<'static, str>,
    check: F,
}

impl<F> std::fmt::Debug for FnCheck<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FnCheck").field("name", &self.name).finish()
    }
}

impl<F, Fut> Check for FnCheck<F>
where
    F: Fn(ApplicationContext) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: CheckOutput,
{
    fn name(&self) -> Cow<'static, str> {
        self.name.clone()
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        let future = (self.check)(ctx.clone());
        Box::pin(async move { outcome(&self.name, future.await) })
    }
}

/// A check the macros made of an `async fn(&ApplicationContext)` named in `checks = [...]` or
/// marked `#[check]`: the function's name and a call through a wrapper the macro generated.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct MacroCheck {
    /// The function's name.
    pub name: &'static str,
    /// Calls the function and reads its output.
    pub call: for<'a> fn(&'a ApplicationContext) -> CheckFuture<'a>,
}

impl Check for MacroCheck {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.name)
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        (self.call)(ctx)
    }
}

impl<C: Check + ?Sized> Check for std::sync::Arc<C> {
    fn name(&self) -> Cow<'static, str> {
        (**self).name()
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        (**self).check(ctx)
    }
}

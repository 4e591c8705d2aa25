//! Hooks around a command: before and after its handler, and its error handler.

use crate::command::{ApplicationContext, CommandError, CommandResult};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The future a hook or an error handler returns.
pub type HookFuture<'a> = Pin<Box<dyn Future<Output = CommandResult> + Send + 'a>>;

/// What a hook or an error handler function may return: `()` or a `Result` whose error is
/// reported.
#[diagnostic::on_unimplemented(
    message = "a hook or an error handler returns `()` or `Result<(), E>`, not `{Self}`",
    label = "not a hook's output"
)]
pub trait HookOutput {
    /// The output as a result.
    fn into_result(self) -> CommandResult;
}

impl HookOutput for () {
    fn into_result(self) -> CommandResult {
        Ok(())
    }
}

impl<E: Into<CommandError>> HookOutput for Result<(), E> {
    fn into_result(self) -> CommandResult {
        self.map_err(Into::into)
    }
}

/// A before- or after-invoke hook.
pub trait InvokeHook: Send + Sync + 'static {
    /// Runs the hook for `ctx`.
    fn call<'a>(&'a self, ctx: &'a ApplicationContext) -> HookFuture<'a>;
}

/// A handler of a command's errors.
pub trait ErrorHook: Send + Sync + 'static {
    /// Handles `error`, raised while invoking `ctx`.
    fn call<'a>(&'a self, ctx: &'a ApplicationContext, error: &'a CommandError) -> HookFuture<'a>;
}

/// A hook made of a closure taking the context (a cheap clone).
///
/// ```
/// use bot_core::command::RegisteredCommand;
/// use bot_core::invoke::hook_fn;
/// use bot_core::spec::CommandSpec;
/// let command = RegisteredCommand::new(CommandSpec::chat_input("ping", "Pings"), |ctx| async move {
///     ctx.respond("pong").await?;
///     Ok(())
/// })
/// .before_invoke(hook_fn(|ctx| async move {
///     tracing::info!(user = ?ctx.author().map(|u| u.id), "about to ping");
/// }));
/// # let _ = command;
/// ```
pub fn hook_fn<F, Fut>(hook: F) -> FnHook<F>
where
    F: Fn(ApplicationContext) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: HookOutput,
{
    FnHook(hook)
}

/// A hook made with [`hook_fn`].
#[derive(Clone, Copy, Debug)]
pub struct FnHook<F>(F);

impl<F, Fut> InvokeHook for FnHook<F>
where
    F: Fn(ApplicationContext) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: HookOutput,
{
    fn call<'a>(&'a self, ctx: &'a ApplicationContext) -> HookFuture<'a> {
        let future = (self.0)(ctx.clone());
        Box::pin(async move { future.await.into_result() })
    }
}

/// An error handler made of a closure taking the context and the error's text.
///
/// The closure gets the error as an `Arc<str>` of its message (a [`CommandError`] is not
/// `Clone`); a handler that needs the typed error is an `async fn(&ApplicationContext,
/// &CommandError)` given to a command macro's `on_error`.
pub fn error_fn<F, Fut>(handler: F) -> FnErrorHook<F>
where
    F: Fn(ApplicationContext, Arc<str>) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: HookOutput,
{
    FnErrorHook(handler)
}

/// An error handler made with [`error_fn`].
#[derive(Clone, Copy, Debug)]
pub struct FnErrorHook<F>(F);

impl<F, Fut> ErrorHook for FnErrorHook<F>
where
    F: Fn(ApplicationContext, Arc<str>) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: HookOutput,
{
    fn call<'a>(&'a self, ctx: &'a ApplicationContext, error: &'a CommandError) -> HookFuture<'a> {
        let future = (self.0)(ctx.clone(), Arc::from(error.to_string()));
        Box::pin(async move { future.await.into_result() })
    }
}

/// A hook the macros made of an `async fn(&ApplicationContext)`.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct MacroHook {
    /// Calls the function.
    pub call: for<'a> fn(&'a ApplicationContext) -> HookFuture<'a>,
}

impl InvokeHook for MacroHook {
    fn call<'a>(&'a self, ctx: &'a ApplicationContext) -> HookFuture<'a> {
        (self.call)(ctx)
    }
}

/// An error handler the macros made of an `async fn(&ApplicationContext, &CommandError)`.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct MacroErrorHook {
    /// Calls the function.
    pub call: for<'a> fn(&'a ApplicationContext, &'a CommandError) -> HookFuture<'a>,
}

impl ErrorHook for MacroErrorHook {
    fn call<'a>(&'a self, ctx: &'a ApplicationContext, error: &'a CommandError) -> HookFuture<'a> {
        (self.call)(ctx, error)
    }
}

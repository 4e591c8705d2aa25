//! Cogs: a struct of the user's whose `impl` block, marked `#[cog]`, groups commands and
//! listeners with the state they share (`&self`), and its own check, hooks, error handler and
//! unload step — as Pycord's `commands.Cog`.
//!
//! `#[cog]` implements [`Cog`] for the type; [`Context::add_cog`](crate::Context::add_cog) adds an
//! instance (its commands to the registry, its listeners to the dispatcher, one sync on a started
//! bot), [`Context::remove_cog`](crate::Context::remove_cog) takes it all away again and runs
//! `cog_unload`, [`Context::get_cog`](crate::Context::get_cog) hands the instance back.
//!
//! Around an invocation of a cog's command, the cog's parts take their place in the order of
//! [`crate::invoke`]: `cog_check` after the global checks and before the command's own; the
//! cog's before- and after-hooks between the command's and the global ones; `cog_command_error`
//! after the command's `on_error` and before `on_application_command_error`.

use crate::checks::CheckFuture;
use crate::command::{ApplicationContext, CommandError, RegisteredCommand};
use crate::event::{EventType, ListenerOptions, ListenerOutput, NewListener, Received};
use crate::invoke::HookFuture;
use std::any::Any;
use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

mod error;
mod install;

pub use error::CogError;

pub(crate) use install::{Bundle, CogInstance, PreparedCog, Removal, install};

/// The future of a cog's `cog_unload`.
pub type UnloadFuture<'a> = Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// A cog: what `#[cog]` implements for a type, from the methods of its `impl` block.
///
/// Every method but [`name`](Cog::name) and [`parts`](Cog::parts) has a default that does
/// nothing (a check that passes, hooks that succeed, no error handler); `#[cog]` overrides the
/// ones the block defines (`cog_check`, `cog_before_invoke`, `cog_after_invoke`,
/// `cog_command_error`, `cog_unload`).
pub trait Cog: Any + Send + Sync {
    /// The cog's name (the type's, unless `#[cog(name = "...")]` says otherwise); a bot holds
    /// at most one cog of each name.
    fn name(&self) -> Cow<'static, str>;

    /// The cog's commands and listeners, bound to this instance.
    fn parts(self: Arc<Self>) -> CogParts;

    /// Fills the cog's own layer: checks, a cooldown and a concurrency limit for every command
    /// of the cog (`#[cog(checks = [...], cooldown(...), max_concurrency(...))]`), run after
    /// [`cog_check`](Cog::cog_check); one cooldown and one limit shared by all its commands.
    fn layer(&self, layer: &mut crate::invoke::CommandLayer) {
        let _ = layer;
    }

    /// Runs before the commands' own checks, for every command of the cog.
    fn cog_check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        let _ = ctx;
        Box::pin(async { Ok(()) })
    }

    /// Runs before every command of the cog (after the command's own hook).
    fn cog_before_invoke<'a>(&'a self, ctx: &'a ApplicationContext) -> HookFuture<'a> {
        let _ = ctx;
        Box::pin(async { Ok(()) })
    }

    /// Runs after every command of the cog (after the command's own hook), even a failed one.
    fn cog_after_invoke<'a>(&'a self, ctx: &'a ApplicationContext) -> HookFuture<'a> {
        let _ = ctx;
        Box::pin(async { Ok(()) })
    }

    /// Whether the cog handles its commands' errors ([`cog_command_error`](Cog::cog_command_error)).
    fn has_error_handler(&self) -> bool {
        false
    }

    /// Handles the errors of the cog's commands, after their own `on_error`.
    fn cog_command_error<'a>(
        &'a self,
        ctx: &'a ApplicationContext,
        error: &'a CommandError,
    ) -> HookFuture<'a> {
        let _ = (ctx, error);
        Box::pin(async { Ok(()) })
    }

    /// Runs when the cog is removed (or replaced).
    fn cog_unload(&self) -> UnloadFuture<'_> {
        Box::pin(async {})
    }
}

/// A cog's commands and listeners, as [`Cog::parts`] gives them.
#[derive(Default)]
pub struct CogParts {
    pub(crate) commands: Vec<RegisteredCommand>,
    pub(crate) listeners: Vec<NewListener>,
}

impl std::fmt::Debug for CogParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let commands: Vec<_> = self
            .commands
            .iter()
            .map(|c| c.spec().name.clone())
            .collect();
        f.debug_struct("CogParts")
            .field("commands", &commands)
            .field("listeners", &self.listeners.len())
            .finish()
    }
}

impl CogParts {
    /// No command, no listener.
    pub fn new() -> Self {
        CogParts::default()
    }

    /// Adds a command.
    pub fn command(&mut self, command: RegisteredCommand) -> &mut Self {
        self.commands.push(command);
        self
    }

    /// Adds a listener of events of type `E`.
    pub fn listener<E, F, Fut>(&mut self, options: ListenerOptions, listener: F) -> &mut Self
    where
        E: EventType,
        F: Fn(Received<E>) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: ListenerOutput,
    {
        self.listeners
            .push(crate::event::new_listener::<E, F, Fut>(options, listener));
        self
    }

    /// The names of its commands.
    pub fn command_names(&self) -> impl Iterator<Item = &str> {
        self.commands.iter().map(|c| c.spec().name.as_ref())
    }
}

/// A cog as its commands see it: its name, the cog, and its layer (kept across invocations).
pub(crate) struct CogHandle {
    pub(crate) name: String,
    pub(crate) cog: Arc<dyn Cog>,
    pub(crate) layer: crate::invoke::CommandLayer,
}

/// A cog a bot holds.
pub(crate) struct LoadedCog {
    pub(crate) name: String,
    pub(crate) cog: Arc<dyn Cog>,
    pub(crate) instance: Arc<dyn Any + Send + Sync>,
    pub(crate) listeners: Vec<crate::event::ListenerId>,
    /// The extension that added it, if one did.
    pub(crate) extension: Option<Arc<str>>,
}

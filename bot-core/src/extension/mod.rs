//! Extensions: named bundles of cogs, commands and listeners, declared with `#[extension]` on
//! their setup function and collected with `inventory` — Rust links them in at build time, so
//! "loading" one runs its setup and installs what it gave, as Pycord's `load_extension` does
//! with a module.
//!
//! A setup receives an [`Extension`] and adds to it; nothing reaches the bot until the setup
//! succeeded, and then all of it at once (one registry change, one sync). A setup that fails
//! leaves the bot as it was ([`LoadError::Failed`]).
//! [`Context::reload_extension`] runs the teardown, then the setup
//! again — handy to re-read configuration — and swaps the new parts in for the old in one
//! change: unchanged commands are not written again, and keep their ids.

use crate::cog::{Bundle, Cog, PreparedCog};
use crate::command::RegisteredCommand;
use crate::context::Context;
use crate::event::{EventType, ListenerOptions, ListenerOutput, Received};
mod error;

pub use error::LoadError;

use std::future::Future;
use std::pin::Pin;

/// What a setup may fail with: any error.
pub type ExtensionError = Box<dyn std::error::Error + Send + Sync>;

/// The future of an extension's setup.
pub type SetupFuture<'a> = Pin<Box<dyn Future<Output = Result<(), ExtensionError>> + Send + 'a>>;

/// The future of an extension's teardown.
pub type TeardownFuture<'a> = Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// An extension as `#[extension]` registers it.
#[doc(hidden)]
#[derive(Debug)]
pub struct ExtensionDef {
    /// Its name (the function's, unless given).
    pub name: &'static str,
    /// `module::function`.
    pub path: &'static str,
    /// Adds its parts.
    pub setup: for<'a> fn(&'a mut Extension) -> SetupFuture<'a>,
    /// Runs when it is unloaded (and before a reload's setup).
    pub teardown: Option<for<'a> fn(&'a Context) -> TeardownFuture<'a>>,
}

inventory::collect!(ExtensionDef);

impl ExtensionDef {
    /// The extension named `name` in this program.
    pub(crate) fn find(name: &str) -> Option<&'static ExtensionDef> {
        inventory::iter::<ExtensionDef>
            .into_iter()
            .find(|def| def.name == name)
    }

    /// The names of every extension of the program, sorted.
    pub(crate) fn names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = inventory::iter::<ExtensionDef>
            .into_iter()
            .map(|def| def.name)
            .collect();
        names.sort_unstable();
        names
    }
}

/// What an extension's setup fills: the cogs, commands and listeners it brings.
///
/// ```ignore
/// use bot_core::extension::Extension;
///
/// #[bot_core::extension(name = "music")]
/// async fn music(ext: &mut Extension) -> Result<(), bot_core::Error> {
///     let volume = ext.bot().data::<Settings>().map_or(50, |s| s.volume);
///     ext.add_cog(Jukebox::new(volume));
///     Ok(())
/// }
/// ```
pub struct Extension {
    name: &'static str,
    ctx: Context,
    pub(crate) bundle: Bundle,
}

impl std::fmt::Debug for Extension {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extension")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Extension {
    pub(crate) fn new(name: &'static str, ctx: Context) -> Self {
        Extension {
            name,
            ctx,
            bundle: Bundle::default(),
        }
    }

    /// The extension's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The bot loading it (its state, its REST client...).
    pub fn bot(&self) -> &Context {
        &self.ctx
    }

    /// Adds a cog.
    pub fn add_cog<C: Cog>(&mut self, cog: C) -> &mut Self {
        self.bundle.cogs.push(PreparedCog::new(cog));
        self
    }

    /// Adds a command.
    pub fn add_command(&mut self, command: RegisteredCommand) -> &mut Self {
        self.bundle.commands.push(command);
        self
    }

    /// Adds a listener of events of type `E`.
    pub fn add_listener<E, F, Fut>(&mut self, options: ListenerOptions, listener: F) -> &mut Self
    where
        E: EventType,
        F: Fn(Received<E>) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: ListenerOutput,
    {
        self.bundle
            .listeners
            .push(crate::event::new_listener::<E, F, Fut>(options, listener));
        self
    }
}

/// An extension a bot has loaded.
pub(crate) struct LoadedExtension {
    pub(crate) def: &'static ExtensionDef,
    pub(crate) listeners: Vec<crate::event::ListenerId>,
}

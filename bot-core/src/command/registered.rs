//! A command of the registry: its spec, its erased handler, who added it, its layers and, for
//! a cog's command, its cog; and what the command macros submit to `inventory`.

use super::ApplicationContext;
use super::CommandResult;
use super::registry::{CommandScope, SyncConfig};
use crate::invoke::{CommandLayer, CommandLayers};
use crate::model::Id;
use bot_spec::{CommandSpec, OptionKind};
use std::borrow::Cow;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The future a command handler returns.
pub type HandlerFuture = Pin<Box<dyn Future<Output = CommandResult> + Send + 'static>>;

/// What the command macros register: turns the context's options into typed arguments and calls
/// the user's function (for a command with subcommands, the one the path names).
pub type Handler = fn(ApplicationContext) -> HandlerFuture;

/// A command's handler, erased: a macro's function, a closure, a method of a cog — the same
/// kind of thing to the router, called with the invocation's context (which reaches the bot and
/// its state).
pub trait CommandHandler: Send + Sync + 'static {
    /// Runs the command for `ctx`.
    fn invoke(&self, ctx: ApplicationContext) -> HandlerFuture;
}

impl<F> CommandHandler for F
where
    F: Fn(ApplicationContext) -> HandlerFuture + Send + Sync + 'static,
{
    fn invoke(&self, ctx: ApplicationContext) -> HandlerFuture {
        self(ctx)
    }
}

/// Who added a command: the program (its macros, or the builder's registry), code at run time,
/// or a cog. (A command an extension added also names it: [`RegisteredCommand::extension`].)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CommandOwner {
    /// Defined in the program: collected from the macros or given to the builder.
    Program,
    /// Added while the bot runs, with [`Bot::add_application_command`](crate::Bot::add_application_command).
    Runtime,
    /// A cog's ([`RegisteredCommand::cog_name`] names it), added with [`Bot::add_cog`](crate::Bot::add_cog).
    Cog,
}

/// What the command macros submit to `inventory`: a command's static spec and its handler.
#[derive(Debug)]
pub struct CommandEntry {
    /// The command as Discord's create endpoint takes it, with its scope.
    pub spec: &'static CommandSpec<'static>,
    /// Calls the user's function.
    pub handler: Handler,
    /// Where the command is defined (`module::function`), for error messages.
    pub source: &'static str,
    /// The doc comment after its first paragraph: longer help than the description.
    pub help: &'static str,
    /// The types of state its `State<T>` parameters ask for (one list per handler function: a
    /// group has one per subcommand).
    pub state: &'static [&'static [super::StateRequirement]],
    /// Fills the command's layers: checks, limits, hooks and autocomplete callbacks of the
    /// command and of each of its groups and subcommands.
    pub setup: fn(&mut CommandLayers),
}

inventory::collect!(CommandEntry);

/// One command of the registry.
#[derive(Clone)]
pub struct RegisteredCommand {
    pub(super) spec: Cow<'static, CommandSpec<'static>>,
    pub(super) handler: Option<Arc<dyn CommandHandler>>,
    pub(super) owner: CommandOwner,
    pub(super) source: Option<&'static str>,
    pub(super) help: &'static str,
    pub(super) state: &'static [&'static [super::StateRequirement]],
    /// Shared by the clones of the command, so cooldowns and slots outlive registry changes.
    pub(super) layers: Arc<CommandLayers>,
    /// The cog it belongs to.
    pub(super) cog: Option<Arc<crate::cog::CogHandle>>,
    /// The extension that added it.
    pub(super) extension: Option<Arc<str>>,
}

impl fmt::Debug for RegisteredCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegisteredCommand")
            .field("spec", &self.spec)
            .field("handler", &self.handler.is_some())
            .field("owner", &self.owner)
            .field("source", &self.source)
            .field("layers", &self.layers)
            .field("cog", &self.cog_name())
            .finish_non_exhaustive()
    }
}

impl RegisteredCommand {
    /// The command's spec.
    pub fn spec(&self) -> &CommandSpec<'static> {
        &self.spec
    }

    /// The handler (commands built from specs alone have none).
    pub fn handler(&self) -> Option<&Arc<dyn CommandHandler>> {
        self.handler.as_ref()
    }

    /// Who added it.
    pub fn owner(&self) -> CommandOwner {
        self.owner
    }

    /// A command added at run time: its spec, and its handler (an `async` closure or function
    /// taking the context).
    ///
    /// ```
    /// use bot_core::command::{CommandOwner, RegisteredCommand};
    /// use bot_core::spec::CommandSpec;
    /// let command = RegisteredCommand::new(CommandSpec::chat_input("roll", "Rolls a die"), |ctx| async move {
    ///     ctx.respond("4").await?;
    ///     Ok(())
    /// });
    /// assert_eq!(command.owner(), CommandOwner::Runtime);
    /// ```
    pub fn new<F, Fut>(spec: CommandSpec<'static>, handler: F) -> Self
    where
        F: Fn(ApplicationContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = CommandResult> + Send + 'static,
    {
        let erased = move |ctx: ApplicationContext| -> HandlerFuture { Box::pin(handler(ctx)) };
        RegisteredCommand {
            spec: Cow::Owned(spec),
            handler: Some(Arc::new(erased)),
            owner: CommandOwner::Runtime,
            source: None,
            help: "",
            state: &[],
            layers: Arc::default(),
            cog: None,
            extension: None,
        }
    }

    /// A command of a cog, as `#[cog]` makes it: its static spec, where it is defined, its help
    /// text, its state requirements, the setup of its layers and its handler (bound to the
    /// cog's instance).
    #[doc(hidden)]
    pub fn of_cog(
        spec: &'static CommandSpec<'static>,
        source: &'static str,
        help: &'static str,
        state: &'static [&'static [super::StateRequirement]],
        setup: fn(&mut CommandLayers),
        handler: impl CommandHandler,
    ) -> Self {
        let mut layers = CommandLayers::default();
        setup(&mut layers);
        RegisteredCommand {
            spec: Cow::Borrowed(spec),
            handler: Some(Arc::new(handler)),
            owner: CommandOwner::Cog,
            source: Some(source),
            help,
            state,
            layers: Arc::new(layers),
            cog: None,
            extension: None,
        }
    }

    /// This command as one of the cog's.
    pub(crate) fn in_cog(mut self, cog: Arc<crate::cog::CogHandle>) -> Self {
        self.owner = CommandOwner::Cog;
        self.cog = Some(cog);
        self
    }

    /// This command as one of the extension `name`'s (`None`: of none).
    pub(crate) fn in_extension(mut self, name: Option<Arc<str>>) -> Self {
        self.extension = name;
        self
    }

    /// The name of the extension that added the command, if one did.
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_deref()
    }

    /// The name of the cog the command belongs to, if any.
    pub fn cog_name(&self) -> Option<&str> {
        self.cog.as_ref().map(|handle| handle.name.as_str())
    }

    /// The cog the command belongs to, if any.
    pub(crate) fn cog(&self) -> Option<&Arc<crate::cog::CogHandle>> {
        self.cog.as_ref()
    }

    /// The command's layers: what runs around its handler (checks, limits, hooks, error
    /// handler, autocomplete callbacks) at each level.
    pub fn layers(&self) -> &CommandLayers {
        &self.layers
    }

    /// Changes the layer at `path` below the command's name (`&[]`: the command's own).
    ///
    /// ```
    /// use bot_core::checks;
    /// use bot_core::command::RegisteredCommand;
    /// use bot_core::invoke::BucketType;
    /// use bot_core::spec::CommandSpec;
    /// use std::time::Duration;
    /// let command = RegisteredCommand::new(CommandSpec::chat_input("roll", "Rolls a die"), |ctx| async move {
    ///     ctx.respond("4").await?;
    ///     Ok(())
    /// })
    /// .with_layer(&[], |layer| {
    ///     layer
    ///         .check(checks::guild_only())
    ///         .cooldown(1, Duration::from_secs(5), BucketType::User);
    /// });
    /// assert!(format!("{:?}", command.layers()).contains("guild_only"));
    /// ```
    pub fn with_layer(mut self, path: &[&str], change: impl FnOnce(&mut CommandLayer)) -> Self {
        let mut layers = std::mem::take(&mut self.layers);
        match Arc::get_mut(&mut layers) {
            Some(owned) => change(owned.layer(path)),
            None => {
                // Shared with a clone: this command gets layers of its own.
                let mut fresh = CommandLayers::default();
                change(fresh.layer(path));
                layers = Arc::new(fresh);
            }
        }
        self.layers = layers;
        self
    }

    /// Adds a check to the command's own layer.
    pub fn check(self, check: impl crate::checks::Check) -> Self {
        self.with_layer(&[], |layer| {
            layer.check(check);
        })
    }

    /// Runs `hook` before the handler (the command's own layer).
    pub fn before_invoke(self, hook: impl crate::invoke::InvokeHook) -> Self {
        self.with_layer(&[], |layer| {
            layer.before_invoke(hook);
        })
    }

    /// Runs `hook` after the handler, even when it failed (the command's own layer).
    pub fn after_invoke(self, hook: impl crate::invoke::InvokeHook) -> Self {
        self.with_layer(&[], |layer| {
            layer.after_invoke(hook);
        })
    }

    /// Handles the command's errors first (the command's own layer).
    pub fn on_error(self, handler: impl crate::invoke::ErrorHook) -> Self {
        self.with_layer(&[], |layer| {
            layer.on_error(handler);
        })
    }

    /// Answers autocomplete requests for `option` of the command.
    pub fn autocomplete(self, option: &str, handler: impl super::AutocompleteHandler) -> Self {
        self.with_layer(&[], |layer| {
            layer.autocomplete(option, handler);
        })
    }

    /// Where the command is defined, for commands defined with the macros.
    pub fn source(&self) -> Option<&'static str> {
        self.source
    }

    /// The help text: the doc comment after its first paragraph (empty when there is none).
    pub fn help(&self) -> &'static str {
        self.help
    }

    /// The types of state its handler asks for (`State<T>` parameters).
    pub fn state_requirements(&self) -> impl Iterator<Item = &'static super::StateRequirement> {
        self.state.iter().flat_map(|list| list.iter())
    }

    /// Whether `path` (the command's name, then subcommand group and subcommand names, as
    /// [`ApplicationContext::command_path`] gives it) names this command or one of its
    /// subcommands.
    pub fn has_path(&self, path: &[String]) -> bool {
        let Some((name, rest)) = path.split_first() else {
            return false;
        };
        if *name != self.spec.name {
            return false;
        }
        let mut options = self.spec.options.as_ref();
        for part in rest {
            let Some(sub) = options.iter().find(|o| {
                o.name == *part
                    && matches!(o.kind, OptionKind::SubCommand | OptionKind::SubCommandGroup)
            }) else {
                return false;
            };
            options = sub.options.as_ref();
        }
        // A path ends at a subcommand, never at a group or at a command that has subcommands.
        !options
            .iter()
            .any(|o| matches!(o.kind, OptionKind::SubCommand | OptionKind::SubCommandGroup))
    }

    /// Whether the command is registered in exactly these guilds (empty: globally).
    pub(crate) fn has_guilds(&self, guild_ids: &[u64]) -> bool {
        let mut wanted: Vec<CommandScope> = guild_ids
            .iter()
            .map(|&id| CommandScope::Guild(Id::new(id)))
            .collect();
        if wanted.is_empty() {
            wanted.push(CommandScope::Global);
        }
        wanted.sort();
        let mut scopes = self.scopes();
        scopes.sort();
        scopes == wanted
    }

    pub(crate) fn label(&self) -> String {
        match self.source {
            Some(source) => format!("`{}` ({source})", self.spec.name),
            None => format!("`{}`", self.spec.name),
        }
    }

    /// The scopes the command is registered in under `config`: its own, or every debug guild.
    pub fn placed_scopes(&self, config: &SyncConfig) -> Vec<CommandScope> {
        if config.debug_guilds.is_empty() {
            self.scopes()
        } else {
            config
                .debug_guilds
                .iter()
                .map(|&id| CommandScope::Guild(id))
                .collect()
        }
    }

    pub(super) fn scopes(&self) -> Vec<CommandScope> {
        match &self.spec.scope {
            bot_spec::Scope::Global => vec![CommandScope::Global],
            bot_spec::Scope::Guilds(ids) => ids
                .iter()
                .map(|&id| CommandScope::Guild(Id::new(id)))
                .collect(),
        }
    }
}

//! The context a command handler receives.

use super::{ArgumentError, ArgumentSource, SlashArgument};
use crate::model::{
    CommandData, DataOption, Id, Interaction, InteractionDataError, Resolved, User,
};
use bot_spec::OptionKind;
use std::sync::Arc;

/// A command invocation: the interaction, the invoked command path and its options.
///
/// Response methods (`respond`, `defer`, `followup`, ...) arrive with the runtime.
///
/// ```
/// use bot_core::command::ApplicationContext;
/// use bot_core::model::Interaction;
/// let interaction: Interaction = serde_json::from_value(serde_json::json!({
///     "id": "1", "type": 2, "token": "t", "channel_id": "5",
///     "data": {"id": "2", "name": "perm", "type": 1, "options": [
///         {"name": "user", "type": 2, "options": [
///             {"name": "get", "type": 1, "options": [{"name": "id", "type": 4, "value": 7}]}
///         ]}
///     ]}
/// })).unwrap();
/// let ctx = ApplicationContext::new(interaction).unwrap();
/// assert_eq!(ctx.command_path(), ["perm", "user", "get"]);
/// assert_eq!(ctx.argument::<i64>("id").unwrap(), 7);
/// ```
#[derive(Clone, Debug)]
pub struct ApplicationContext {
    interaction: Arc<Interaction>,
    data: Arc<CommandData>,
    path: Vec<String>,
    options: Vec<DataOption>,
}

impl ApplicationContext {
    /// Reads the command data of `interaction` and walks its subcommand path.
    pub fn new(interaction: Interaction) -> Result<Self, InteractionDataError> {
        let data = interaction.command_data()?;
        let mut path = vec![data.name.clone()];
        let mut options = data.options.clone();
        while let [only] = options.as_slice() {
            if !matches!(
                only.kind,
                OptionKind::SubCommand | OptionKind::SubCommandGroup
            ) {
                break;
            }
            path.push(only.name.clone());
            options = only.options.clone();
        }
        Ok(ApplicationContext {
            interaction: Arc::new(interaction),
            data: Arc::new(data),
            path,
            options,
        })
    }

    /// The interaction.
    pub fn interaction(&self) -> &Interaction {
        &self.interaction
    }

    /// The command data.
    pub fn data(&self) -> &CommandData {
        &self.data
    }

    /// The invoked command's name, then its group and subcommand names, if any.
    pub fn command_path(&self) -> &[String] {
        &self.path
    }

    /// The value options of the invoked command or subcommand.
    pub fn options(&self) -> &[DataOption] {
        &self.options
    }

    /// The option named `name`, if the user gave it.
    pub fn option(&self, name: &str) -> Option<&DataOption> {
        self.options.iter().find(|o| o.name == name)
    }

    /// The objects the options refer to.
    pub fn resolved(&self) -> &Resolved {
        &self.data.resolved
    }

    /// The invoking user.
    pub fn author(&self) -> Option<&User> {
        self.interaction.author()
    }

    /// The guild the command ran in, if any.
    pub fn guild_id(&self) -> Option<Id> {
        self.interaction.guild_id
    }

    /// The channel the command ran in.
    pub fn channel_id(&self) -> Option<Id> {
        self.interaction.channel_id
    }

    /// The invoking user's locale.
    pub fn locale(&self) -> Option<&str> {
        self.interaction.locale.as_deref()
    }

    /// The option `name` as a `T`: missing, mistyped or unresolvable values are typed errors.
    pub fn argument<T: SlashArgument>(&self, name: &str) -> Result<T, ArgumentError> {
        T::extract(&self.argument_source(name))
    }

    /// Where the option `name` comes from, for [`SlashArgument::extract`].
    pub fn argument_source<'a>(&'a self, name: &'a str) -> ArgumentSource<'a> {
        ArgumentSource {
            name,
            option: self.option(name),
            resolved: self.resolved(),
            guild_id: self.guild_id(),
        }
    }
}

//! Autocomplete: the context of a user typing into an option, and the choices that answer it.

use super::{ApplicationContext, CommandError, MissingState, ResponseError, State};
use crate::http::Http;
use crate::model::{
    ChannelMarker, CommandData, DataOption, GuildMarker, Id, Interaction, InteractionDataError,
    User,
};
use bot_spec::{ChoiceSpec, ChoiceValue, OptionKind, limits};
use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;

/// Discord shows at most 25 suggestions.
pub const MAX_CHOICES: usize = 25;

/// A user typing into an option with autocomplete: the focused option and its partial value,
/// the options given so far, the user, and the bot (its state).
///
/// ```
/// use bot_core::command::AutocompleteContext;
/// use bot_core::model::Interaction;
/// let interaction: Interaction = serde_json::from_value(serde_json::json!({
///     "id": "1", "type": 4, "token": "t", "channel_id": "5",
///     "data": {"id": "2", "name": "pick", "type": 1, "options": [
///         {"name": "fruit", "type": 3, "value": "ap", "focused": true},
///         {"name": "count", "type": 4, "value": 2}
///     ]}
/// })).unwrap();
/// let ctx = AutocompleteContext::new(interaction).unwrap();
/// assert_eq!((ctx.focused(), ctx.value()), ("fruit", "ap"));
/// assert_eq!(ctx.argument::<i64>("count").unwrap(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct AutocompleteContext {
    inner: ApplicationContext,
    focused: String,
    value: String,
    kind: OptionKind,
}

impl AutocompleteContext {
    /// Reads the command data of an autocomplete interaction and finds its focused option
    /// ([`InteractionDataError::Missing`] when none is focused).
    pub fn new(interaction: Interaction) -> Result<Self, InteractionDataError> {
        Self::from_context(ApplicationContext::new(interaction)?)
    }

    pub(crate) fn from_context(inner: ApplicationContext) -> Result<Self, InteractionDataError> {
        let focused = inner
            .options()
            .iter()
            .find(|option| option.focused)
            .ok_or(InteractionDataError::Missing)?;
        let value = focused
            .value
            .as_ref()
            .map(|value| match value.as_str() {
                Some(text) => text.to_owned(),
                None => value.to_string(),
            })
            .unwrap_or_default();
        Ok(AutocompleteContext {
            focused: focused.name.clone(),
            kind: focused.kind,
            value,
            inner,
        })
    }

    /// The name of the option being typed into.
    pub fn focused(&self) -> &str {
        &self.focused
    }

    /// What the user typed so far (as text, whatever the option's type).
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The focused option's type.
    pub fn kind(&self) -> OptionKind {
        self.kind
    }

    /// The options of the command or subcommand, the focused one included.
    pub fn options(&self) -> &[DataOption] {
        self.inner.options()
    }

    /// The option named `name`, if given.
    pub fn option(&self, name: &str) -> Option<&DataOption> {
        self.inner.option(name)
    }

    /// Another option's value as a `T` (see [`ApplicationContext::argument`]).
    pub fn argument<T: super::SlashArgument>(&self, name: &str) -> Result<T, super::ArgumentError> {
        self.inner.argument(name)
    }

    /// The command's name, then its group and subcommand names.
    pub fn command_path(&self) -> &[String] {
        self.inner.command_path()
    }

    /// The interaction.
    pub fn interaction(&self) -> &Interaction {
        self.inner.interaction()
    }

    /// The command data.
    pub fn data(&self) -> &CommandData {
        self.inner.data()
    }

    /// The user typing.
    pub fn author(&self) -> Option<&User> {
        self.inner.author()
    }

    /// The guild, if any.
    pub fn guild_id(&self) -> Option<Id<GuildMarker>> {
        self.inner.guild_id()
    }

    /// The channel.
    pub fn channel_id(&self) -> Option<Id<ChannelMarker>> {
        self.inner.channel_id()
    }

    /// The user's locale.
    pub fn locale(&self) -> Option<&str> {
        self.inner.locale()
    }

    /// The bot that received the interaction.
    pub fn bot(&self) -> Result<&crate::context::Context, ResponseError> {
        self.inner.bot()
    }

    /// The bot's REST client.
    pub fn http(&self) -> Result<&Http, ResponseError> {
        self.inner.http()
    }

    /// The bot's state of type `T`.
    pub fn state<T: Send + Sync + 'static>(&self) -> Result<State<T>, MissingState> {
        self.inner.state()
    }
}

/// The future an autocomplete callback returns.
pub type AutocompleteFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Vec<ChoiceSpec<'static>>, CommandError>> + Send + 'a>>;

/// What an autocomplete callback may return: choices (`Vec<ChoiceSpec<'static>>`), or plain
/// values whose text is also their name (`Vec<String>`, `Vec<&'static str>`, `Vec<i64>`,
/// `Vec<f64>`), or a `Result` of these.
#[diagnostic::on_unimplemented(
    message = "an autocomplete callback returns `Vec<ChoiceSpec<'static>>`, `Vec<String>`, \
               `Vec<&'static str>`, `Vec<i64>`, `Vec<f64>` or a `Result` of one, not `{Self}`",
    label = "not a list of choices"
)]
pub trait IntoChoices {
    /// The choices.
    fn into_choices(self) -> Result<Vec<ChoiceSpec<'static>>, CommandError>;
}

impl IntoChoices for Vec<ChoiceSpec<'static>> {
    fn into_choices(self) -> Result<Vec<ChoiceSpec<'static>>, CommandError> {
        Ok(self)
    }
}

impl IntoChoices for Vec<String> {
    fn into_choices(self) -> Result<Vec<ChoiceSpec<'static>>, CommandError> {
        Ok(self
            .into_iter()
            .map(|text| ChoiceSpec {
                name: Cow::Owned(text.clone()),
                name_localizations: Default::default(),
                value: ChoiceValue::String(Cow::Owned(text)),
            })
            .collect())
    }
}

impl IntoChoices for Vec<&'static str> {
    fn into_choices(self) -> Result<Vec<ChoiceSpec<'static>>, CommandError> {
        Ok(self
            .into_iter()
            .map(|text| ChoiceSpec::string(text, text))
            .collect())
    }
}

impl IntoChoices for Vec<i64> {
    fn into_choices(self) -> Result<Vec<ChoiceSpec<'static>>, CommandError> {
        Ok(self
            .into_iter()
            .map(|n| ChoiceSpec {
                name: Cow::Owned(n.to_string()),
                name_localizations: Default::default(),
                value: ChoiceValue::Integer(n),
            })
            .collect())
    }
}

impl IntoChoices for Vec<f64> {
    fn into_choices(self) -> Result<Vec<ChoiceSpec<'static>>, CommandError> {
        Ok(self
            .into_iter()
            .map(|x| ChoiceSpec {
                name: Cow::Owned(x.to_string()),
                name_localizations: Default::default(),
                value: ChoiceValue::Number(x),
            })
            .collect())
    }
}

impl<T: IntoChoices, E: Into<CommandError>> IntoChoices for Result<T, E> {
    fn into_choices(self) -> Result<Vec<ChoiceSpec<'static>>, CommandError> {
        self.map_err(Into::into)?.into_choices()
    }
}

/// An autocomplete callback.
pub trait AutocompleteHandler: Send + Sync + 'static {
    /// The choices for `ctx`.
    fn call<'a>(&'a self, ctx: &'a AutocompleteContext) -> AutocompleteFuture<'a>;
}

/// An autocomplete callback made of a closure taking the context (a clone).
pub fn autocomplete_fn<F, Fut>(callback: F) -> FnAutocomplete<F>
where
    F: Fn(AutocompleteContext) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: IntoChoices,
{
    FnAutocomplete(callback)
}

/// A callback made with [`autocomplete_fn`].
#[derive(Clone, Copy, Debug)]
pub struct FnAutocomplete<F>(F);

impl<F, Fut> AutocompleteHandler for FnAutocomplete<F>
where
    F: Fn(AutocompleteContext) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: IntoChoices,
{
    fn call<'a>(&'a self, ctx: &'a AutocompleteContext) -> AutocompleteFuture<'a> {
        let future = (self.0)(ctx.clone());
        Box::pin(async move { future.await.into_choices() })
    }
}

/// A callback the macros made of an `async fn(&AutocompleteContext)`.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct MacroAutocomplete {
    /// Calls the function.
    pub call: for<'a> fn(&'a AutocompleteContext) -> AutocompleteFuture<'a>,
}

impl AutocompleteHandler for MacroAutocomplete {
    fn call<'a>(&'a self, ctx: &'a AutocompleteContext) -> AutocompleteFuture<'a> {
        (self.call)(ctx)
    }
}

/// Why a choice cannot answer an option of type `kind`, if it cannot.
fn unfit(choice: &ChoiceSpec<'_>, kind: OptionKind) -> Option<&'static str> {
    if !limits::choice_name_length_ok(&choice.name) {
        return Some("its name is not 1-100 characters");
    }
    match (&choice.value, kind) {
        (ChoiceValue::String(value), OptionKind::String) => {
            (!limits::choice_string_value_length_ok(value))
                .then_some("its value is over 100 characters")
        }
        (ChoiceValue::Integer(n), OptionKind::Integer | OptionKind::Number) => {
            (!limits::integer_in_range(*n)).then_some("its value is out of Discord's range")
        }
        (ChoiceValue::Number(x), OptionKind::Number) => {
            (!limits::number_in_range(*x)).then_some("its value is out of Discord's range")
        }
        _ => Some("its value is not of the option's type"),
    }
}

/// The choices Discord accepts for an option of type `kind`: those that fit it, at most 25.
/// What is left out is logged, never dropped silently.
pub(crate) fn fit_choices(
    mut choices: Vec<ChoiceSpec<'static>>,
    kind: OptionKind,
) -> Vec<ChoiceSpec<'static>> {
    choices.retain(|choice| match unfit(choice, kind) {
        None => true,
        Some(why) => {
            tracing::warn!(choice = %choice.name, why, "an autocomplete choice was left out");
            false
        }
    });
    if choices.len() > MAX_CHOICES {
        tracing::warn!(
            returned = choices.len(),
            kept = MAX_CHOICES,
            "an autocomplete callback returned more than 25 choices; the rest were cut"
        );
        choices.truncate(MAX_CHOICES);
    }
    choices
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_25_are_cut_and_misfits_left_out() {
        let many: Vec<i64> = (0..40).collect();
        let choices = fit_choices(many.into_choices().unwrap(), OptionKind::Integer);
        assert_eq!(choices.len(), 25);
        let strings = vec!["a", "b"].into_choices().unwrap();
        assert!(fit_choices(strings, OptionKind::Integer).is_empty());
        let long = vec!["x".repeat(101)].into_choices().unwrap();
        assert!(fit_choices(long, OptionKind::String).is_empty());
    }
}

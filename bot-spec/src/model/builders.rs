//! Chainable setters for building commands at run time.
//!
//! The macros build specs as `static` struct literals; code that builds commands dynamically
//! (and tests) uses these setters instead. None of them validates: call
//! [`crate::validate_command`] on the result.

use super::{
    ChannelType, ChoiceSpec, CommandSpec, IntegrationType, InteractionContextType, NumericValue,
    OptionKind, OptionSpec, Scope,
};
use crate::Permissions;
use std::borrow::Cow;

impl<'a> CommandSpec<'a> {
    /// Sets the localized name for `locale`.
    pub fn name_localization(
        mut self,
        locale: impl Into<Cow<'a, str>>,
        name: impl Into<Cow<'a, str>>,
    ) -> Self {
        self.name_localizations.insert(locale, name);
        self
    }

    /// Sets the localized description for `locale`.
    pub fn description_localization(
        mut self,
        locale: impl Into<Cow<'a, str>>,
        description: impl Into<Cow<'a, str>>,
    ) -> Self {
        self.description_localizations.insert(locale, description);
        self
    }

    /// Appends an option, subcommand or group.
    ///
    /// ```
    /// use bot_spec::{CommandSpec, OptionKind, OptionSpec};
    /// let cmd = CommandSpec::chat_input("echo", "Repeat a text")
    ///     .option(OptionSpec::new(OptionKind::String, "text", "What to say").required(true));
    /// assert_eq!(cmd.options.len(), 1);
    /// ```
    pub fn option(mut self, option: OptionSpec<'a>) -> Self {
        self.options.to_mut().push(option);
        self
    }

    /// Sets the permissions a member needs by default.
    pub fn default_member_permissions(mut self, permissions: Permissions) -> Self {
        self.default_member_permissions = Some(permissions);
        self
    }

    /// Sets where the command can be used.
    pub fn contexts(mut self, contexts: impl IntoIterator<Item = InteractionContextType>) -> Self {
        self.contexts = Some(Cow::Owned(contexts.into_iter().collect()));
        self
    }

    /// Sets which installations make the command available.
    pub fn integration_types(mut self, types: impl IntoIterator<Item = IntegrationType>) -> Self {
        self.integration_types = Some(Cow::Owned(types.into_iter().collect()));
        self
    }

    /// Marks the command age-restricted.
    pub fn nsfw(mut self, nsfw: bool) -> Self {
        self.nsfw = nsfw;
        self
    }

    /// Registers the command in these guilds instead of globally.
    pub fn guilds(mut self, guild_ids: impl IntoIterator<Item = u64>) -> Self {
        self.scope = Scope::Guilds(Cow::Owned(guild_ids.into_iter().collect()));
        self
    }
}

impl<'a> OptionSpec<'a> {
    /// An option of `kind` with owned or borrowed text, for building at run time.
    pub fn with_text(
        kind: OptionKind,
        name: impl Into<Cow<'a, str>>,
        description: impl Into<Cow<'a, str>>,
    ) -> Self {
        OptionSpec {
            name: name.into(),
            description: description.into(),
            ..OptionSpec::new(kind, "", "")
        }
    }

    /// Sets the localized name for `locale`.
    pub fn name_localization(
        mut self,
        locale: impl Into<Cow<'a, str>>,
        name: impl Into<Cow<'a, str>>,
    ) -> Self {
        self.name_localizations.insert(locale, name);
        self
    }

    /// Sets the localized description for `locale`.
    pub fn description_localization(
        mut self,
        locale: impl Into<Cow<'a, str>>,
        description: impl Into<Cow<'a, str>>,
    ) -> Self {
        self.description_localizations.insert(locale, description);
        self
    }

    /// Sets whether a value is required.
    pub fn required(mut self, required: bool) -> Self {
        self.required = required;
        self
    }

    /// Appends a predefined choice.
    pub fn choice(mut self, choice: ChoiceSpec<'a>) -> Self {
        self.choices.to_mut().push(choice);
        self
    }

    /// Appends a nested option (a subcommand of a group, or a value option of a subcommand).
    pub fn option(mut self, option: OptionSpec<'a>) -> Self {
        self.options.to_mut().push(option);
        self
    }

    /// Sets the channel types offered.
    pub fn channel_types(mut self, types: impl IntoIterator<Item = ChannelType>) -> Self {
        self.channel_types = Cow::Owned(types.into_iter().collect());
        self
    }

    /// Sets the smallest value allowed.
    pub fn min_value(mut self, min: NumericValue) -> Self {
        self.min_value = Some(min);
        self
    }

    /// Sets the largest value allowed.
    pub fn max_value(mut self, max: NumericValue) -> Self {
        self.max_value = Some(max);
        self
    }

    /// Sets the shortest text allowed.
    pub fn min_length(mut self, min: i64) -> Self {
        self.min_length = Some(min);
        self
    }

    /// Sets the longest text allowed.
    pub fn max_length(mut self, max: i64) -> Self {
        self.max_length = Some(max);
        self
    }

    /// Sets whether the bot suggests values as the user types.
    pub fn autocomplete(mut self, autocomplete: bool) -> Self {
        self.autocomplete = autocomplete;
        self
    }

    /// Sets the accepted file types (`image`, `video`, `audio` or `.ext`).
    pub fn file_types<T: Into<Cow<'a, str>>>(mut self, types: impl IntoIterator<Item = T>) -> Self {
        self.file_types = Cow::Owned(types.into_iter().map(Into::into).collect());
        self
    }
}

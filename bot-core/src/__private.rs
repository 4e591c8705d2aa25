//! What the macros' expansions name. Not a public API: it changes without notice.

pub use crate::command::{
    ApplicationContext, ArgumentError, ArgumentSource, CommandEntry, CommandResult, HandlerFuture,
    MessageCommandTarget, SlashArgument, State, StateRequirement, UserCommandTarget,
};
pub use bot_spec;
pub use bot_spec::{
    ChannelType, ChoiceSpec, ChoiceValue, CommandKind, CommandSpec, IntegrationType,
    InteractionContextType, Localizations, Localized, NumericValue, OptionKind, OptionSpec,
    Permissions, Scope, limits,
};
pub use inventory;
pub use std::borrow::Cow;

use bot_spec::{cow_slice, cow_str};

/// The option at `path` (indices into nested `options`) of `command`.
pub const fn option_at(
    command: &'static CommandSpec<'static>,
    path: &[usize],
) -> &'static OptionSpec<'static> {
    let mut options = cow_slice(&command.options);
    let mut depth = 0;
    loop {
        let option = &options[path[depth]];
        depth += 1;
        if depth == path.len() {
            return option;
        }
        options = cow_slice(&option.options);
    }
}

const fn is_numeric(kind: OptionKind) -> bool {
    matches!(kind, OptionKind::Integer | OptionKind::Number)
}

/// `min`/`max` only on INTEGER and NUMBER options.
pub const fn value_bounds_apply(option: &OptionSpec<'_>) -> bool {
    (option.min_value.is_none() && option.max_value.is_none()) || is_numeric(option.kind)
}

/// An INTEGER option's bounds are integers.
pub const fn integer_bounds_are_integers(option: &OptionSpec<'_>) -> bool {
    if !matches!(option.kind, OptionKind::Integer) {
        return true;
    }
    !matches!(option.min_value, Some(NumericValue::Number(_)))
        && !matches!(option.max_value, Some(NumericValue::Number(_)))
}

/// `value` lies within the range of the parameter's Rust type (`type_min..=type_max`).
pub const fn within_type(
    value: Option<NumericValue>,
    type_min: Option<NumericValue>,
    type_max: Option<NumericValue>,
) -> bool {
    let Some(value) = value else { return true };
    let x = value.as_f64();
    let above_min = match type_min {
        Some(min) => x >= min.as_f64(),
        None => true,
    };
    let below_max = match type_max {
        Some(max) => x <= max.as_f64(),
        None => true,
    };
    above_min && below_max
}

/// The explicit bound if set, else the Rust type's.
pub const fn bound_or(
    explicit: Option<NumericValue>,
    from_type: Option<NumericValue>,
) -> Option<NumericValue> {
    match explicit {
        Some(value) => Some(value),
        None => from_type,
    }
}

/// `min_value ≤ max_value`.
pub const fn value_bounds_ordered(option: &OptionSpec<'_>) -> bool {
    limits::value_bounds_ordered(option.min_value, option.max_value)
}

/// `min_length`/`max_length` only on STRING options.
pub const fn length_bounds_apply(option: &OptionSpec<'_>) -> bool {
    (option.min_length.is_none() && option.max_length.is_none())
        || matches!(option.kind, OptionKind::String)
}

/// `channel_types` only on CHANNEL options.
pub const fn channel_types_apply(option: &OptionSpec<'_>) -> bool {
    cow_slice(&option.channel_types).is_empty() || matches!(option.kind, OptionKind::Channel)
}

/// `file_types` only on ATTACHMENT options.
pub const fn file_types_apply(option: &OptionSpec<'_>) -> bool {
    cow_slice(&option.file_types).is_empty() || matches!(option.kind, OptionKind::Attachment)
}

/// Choices only on STRING, INTEGER and NUMBER options, each value of the option's type, at most 25.
pub const fn choices_fit(option: &OptionSpec<'_>) -> bool {
    let choices = cow_slice(&option.choices);
    if choices.is_empty() {
        return true;
    }
    if !option.kind.supports_choices() || !limits::choice_count_ok(choices.len()) {
        return false;
    }
    let mut i = 0;
    while i < choices.len() {
        let fits = match (&choices[i].value, option.kind) {
            (ChoiceValue::String(value), OptionKind::String) => {
                limits::choice_string_value_length_ok(cow_str(value))
            }
            (ChoiceValue::Integer(n), OptionKind::Integer | OptionKind::Number) => {
                limits::integer_in_range(*n)
            }
            (ChoiceValue::Number(x), OptionKind::Number) => limits::number_in_range(*x),
            _ => false,
        };
        if !fits || !limits::choice_name_length_ok(cow_str(&choices[i].name)) {
            return false;
        }
        i += 1;
    }
    true
}

/// `autocomplete` only on STRING, INTEGER and NUMBER options without choices.
pub const fn autocomplete_applies(option: &OptionSpec<'_>) -> bool {
    !option.autocomplete
        || (option.kind.supports_choices() && cow_slice(&option.choices).is_empty())
}

/// No required option after an optional one among `options[..=index]`.
pub const fn required_in_order(options: &'static [OptionSpec<'static>], index: usize) -> bool {
    if !options[index].required {
        return true;
    }
    let mut i = 0;
    while i < index {
        if !options[i].required {
            return false;
        }
        i += 1;
    }
    true
}

/// The options array at `path` (empty path: the command's own options).
pub const fn options_at(
    command: &'static CommandSpec<'static>,
    path: &[usize],
) -> &'static [OptionSpec<'static>] {
    if path.is_empty() {
        cow_slice(&command.options)
    } else {
        cow_slice(&option_at(command, path).options)
    }
}

/// Reads a `#[derive(Choice)]` enum's value: the index of the choice whose value was given.
pub fn choice_index(
    source: &ArgumentSource<'_>,
    kind: OptionKind,
    choices: &[ChoiceSpec<'static>],
) -> Result<usize, ArgumentError> {
    let value = source.value(kind)?;
    let index = choices.iter().position(|choice| match &choice.value {
        ChoiceValue::String(s) => value.as_str() == Some(s.as_ref()),
        ChoiceValue::Integer(n) => value.as_i64() == Some(*n),
        ChoiceValue::Number(x) => value.as_f64() == Some(*x),
    });
    index.ok_or_else(|| ArgumentError::UnknownChoice {
        name: source.name.to_owned(),
        value: value.to_string(),
    })
}

/// The target of a USER command.
pub fn user_target<T: UserCommandTarget>(ctx: &ApplicationContext) -> Result<T, ArgumentError> {
    T::extract_target(ctx.data(), ctx.guild_id())
}

/// The target of a MESSAGE command.
pub fn message_target<T: MessageCommandTarget>(
    ctx: &ApplicationContext,
) -> Result<T, ArgumentError> {
    T::extract_target(ctx.data(), ctx.guild_id())
}

/// The error of a subcommand path the command does not define.
pub fn unknown_subcommand(ctx: &ApplicationContext) -> crate::command::CommandError {
    crate::command::CommandError::msg(format!(
        "no subcommand at `{}`",
        ctx.command_path().join(" ")
    ))
}

/// The handler's result: a command function must return `CommandResult`.
pub fn into_command_result(result: CommandResult) -> CommandResult {
    result
}

pub use crate::checks::{CheckFuture, MacroCheck};
pub use crate::command::RegisteredCommand;
pub use crate::command::{
    AutoDefer, AutocompleteContext, AutocompleteFuture, CommandError, IntoChoices,
    MacroAutocomplete,
};
pub use crate::event::{ListenerOptions, Received};
pub use crate::extension::{Extension, ExtensionDef, SetupFuture, TeardownFuture};
pub use crate::invoke::{
    BucketType, CommandLayer, CommandLayers, GlobalCheckDef, GlobalHookDef, HookFuture,
    MacroErrorHook, MacroHook,
};
pub use std::boxed::Box;
pub use std::time::Duration;

/// A check function's result, `false` failing with a `CheckFailure` naming `name`.
pub fn check_outcome(
    name: &str,
    output: impl crate::checks::CheckOutput,
) -> Result<(), CommandError> {
    crate::checks::outcome(name, output)
}

/// A value given in `checks = [...]`: anything implementing `Check`.
pub fn check_value(check: impl crate::checks::Check) -> impl crate::checks::Check {
    check
}

/// A hook's or an error handler's result.
pub fn hook_outcome(output: impl crate::invoke::HookOutput) -> CommandResult {
    output.into_result()
}

/// An autocomplete callback's choices.
pub fn autocomplete_outcome(
    output: impl IntoChoices,
) -> Result<Vec<ChoiceSpec<'static>>, CommandError> {
    output.into_choices()
}

/// The setup of a command without checks, limits, hooks or autocomplete callbacks.
pub fn no_setup(_: &mut CommandLayers) {}

pub use crate::event::{
    EventHandlerCall, EventHandlerDef, ListenerDef, ListenerFuture, ListenerOutput,
    check_listener_name,
};
pub use std::sync::Arc;

/// A `State<T>` parameter's value (the bot's build checked that it has one).
pub fn state<T: Send + Sync + 'static>(
    ctx: &ApplicationContext,
) -> Result<State<T>, crate::command::CommandError> {
    Ok(ctx.state::<T>()?)
}

/// The error of a listener whose `State<T>` the bot lacks (the bot's build checks it does not).
pub fn missing_state<T: 'static>() -> crate::event::ListenerError {
    Box::new(crate::command::MissingState {
        type_name: std::any::type_name::<T>(),
    })
}

//! Tier (a): every rule visible in the definition, checked in the macro with `bot-spec`'s own
//! validator and reported at the offending token.
//!
//! The spec built here mirrors the one the expansion emits, except that an option whose type the
//! macro cannot name (an alias, a custom `SlashArgument`) gets no kind: the rules that depend on
//! its kind are left to the `const` assertions of tier (b).

use super::ir::{CommandIr, Param, Placement, Spanned};
use crate::diag::Errors;
use bot_spec::{
    ChoiceSpec, CommandKind, CommandSpec, ErrorCode, Localizations, NumericValue, OptionKind,
    OptionSpec, Scope, validate_command,
};
use proc_macro2::Span;
use std::borrow::Cow;

/// Where each field of the spec was written, by its path (`options[1].min_value`).
pub(crate) struct SpanMap {
    entries: Vec<(String, Span)>,
    /// Paths of options arrays holding an option of unknown kind.
    uncertain_levels: Vec<String>,
    /// Paths of options of unknown kind.
    uncertain_options: Vec<String>,
    fallback: Span,
}

impl SpanMap {
    pub(crate) fn new(fallback: Span) -> Self {
        SpanMap {
            entries: Vec::new(),
            uncertain_levels: Vec::new(),
            uncertain_options: Vec::new(),
            fallback,
        }
    }

    pub(crate) fn add(&mut self, path: impl Into<String>, span: Span) {
        self.entries.push((path.into(), span));
    }

    fn span(&self, path: &str) -> Span {
        let mut probe = path.to_owned();
        loop {
            if let Some((_, span)) = self.entries.iter().rev().find(|(p, _)| *p == probe) {
                return *span;
            }
            match probe.rfind(['.', '[']) {
                Some(cut) => probe.truncate(cut),
                None => return self.fallback,
            }
        }
    }
}

fn localizations(items: &[super::ir::Localized]) -> Localizations<'static> {
    items
        .iter()
        .map(|l| (l.value.0.clone(), l.value.1.clone()))
        .collect()
}

fn add_localized_spans(spans: &mut SpanMap, path: &str, items: &[super::ir::Localized]) {
    for item in items {
        spans.add(format!("{path}.{}", item.value.0), item.span);
    }
}

fn choice_specs(choices: &[super::ir::InlineChoice]) -> Vec<ChoiceSpec<'static>> {
    choices
        .iter()
        .map(|c| ChoiceSpec {
            name: c.name.clone().into(),
            name_localizations: Localizations::default(),
            value: c.value.clone(),
        })
        .collect()
}

/// The option a parameter becomes, as far as the macro can tell, recording spans under `path`.
fn param_option(param: &Param, path: &str, spans: &mut SpanMap) -> OptionSpec<'static> {
    spans.add(path, param.ident.span());
    spans.add(
        format!("{path}.type"),
        syn::spanned::Spanned::span(&param.ty),
    );
    spans.add(format!("{path}.name"), param.name.span);
    if let Some(d) = &param.description {
        spans.add(format!("{path}.description"), d.span);
    }
    add_localized_spans(
        spans,
        &format!("{path}.name_localizations"),
        &param.name_localized,
    );
    add_localized_spans(
        spans,
        &format!("{path}.description_localizations"),
        &param.description_localized,
    );
    let mut field = |key: &str, span: Option<Span>| {
        if let Some(span) = span {
            spans.add(format!("{path}.{key}"), span);
        }
    };
    field("min_value", param.min.as_ref().map(|s| s.span));
    field("max_value", param.max.as_ref().map(|s| s.span));
    field("min_length", param.min_length.as_ref().map(|s| s.span));
    field("max_length", param.max_length.as_ref().map(|s| s.span));
    field(
        "channel_types",
        param.channel_types.as_ref().map(|s| s.span),
    );
    field("file_types", param.file_types.as_ref().map(|s| s.span));
    field("choices", param.choices.as_ref().map(|s| s.span));
    field(
        "autocomplete",
        param.autocomplete.as_ref().map(syn::spanned::Spanned::span),
    );

    let mut option = OptionSpec::with_text(
        param.hint.kind.unwrap_or(OptionKind::Unknown(0)),
        param.name.value.clone(),
        param
            .description
            .as_ref()
            .map(|d| d.value.clone())
            .unwrap_or_default(),
    );
    option.name_localizations = localizations(&param.name_localized);
    option.description_localizations = localizations(&param.description_localized);
    option.required = !param.hint.optional && param.default.is_none();
    if param.hint.kind.is_none() {
        // Kind-dependent rules wait for the const assertions.
        spans.uncertain_options.push(path.to_owned());
        if let Some(cut) = path.rfind('[') {
            spans.uncertain_levels.push(path[..cut].to_owned());
        }
        return option;
    }
    option.min_value = param.min.as_ref().map(|s| s.value);
    option.max_value = param.max.as_ref().map(|s| s.value);
    option.min_length = param.min_length.as_ref().map(|s| s.value);
    option.max_length = param.max_length.as_ref().map(|s| s.value);
    if let Some(types) = &param.channel_types {
        option.channel_types = Cow::Owned(types.value.clone());
    }
    if let Some(types) = &param.file_types {
        option.file_types = types.value.iter().cloned().map(Cow::Owned).collect();
    }
    if let Some(choices) = &param.choices {
        option.choices = Cow::Owned(choice_specs(&choices.value));
    }
    option.autocomplete = param.autocomplete.is_some();
    option
}

/// The options of a command's or subcommand's parameters, recording spans under `prefix`.
pub(crate) fn param_options(
    ir: &CommandIr,
    prefix: &str,
    spans: &mut SpanMap,
) -> Vec<OptionSpec<'static>> {
    ir.params
        .iter()
        .enumerate()
        .map(|(i, param)| {
            let path = if prefix.is_empty() {
                format!("options[{i}]")
            } else {
                format!("{prefix}.options[{i}]")
            };
            param_option(param, &path, spans)
        })
        .collect()
}

/// The command's name (attribute, else the function's name).
pub(crate) fn command_name(ir: &CommandIr) -> Spanned<String> {
    ir.attrs.name.clone().unwrap_or_else(|| {
        let ident = &ir.func.sig.ident;
        let text = ident.to_string();
        Spanned::new(
            text.strip_prefix("r#").map(str::to_owned).unwrap_or(text),
            ident.span(),
        )
    })
}

/// The command's description (attribute, else the doc comment's first paragraph).
pub(crate) fn command_description(ir: &CommandIr) -> Option<Spanned<String>> {
    ir.attrs.description.clone().or_else(|| {
        crate::docs::description(&ir.func.attrs).map(|(text, span)| Spanned::new(text, span))
    })
}

/// Records the spans of a command's or subcommand's own fields under `prefix`.
pub(crate) fn add_own_spans(ir: &CommandIr, prefix: &str, spans: &mut SpanMap) {
    let at = |key: &str| {
        if prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{prefix}.{key}")
        }
    };
    spans.add(at("name"), command_name(ir).span);
    if let Some(description) = command_description(ir) {
        spans.add(at("description"), description.span);
    }
    add_localized_spans(spans, &at("name_localizations"), &ir.attrs.name_localized);
    add_localized_spans(
        spans,
        &at("description_localizations"),
        &ir.attrs.description_localized,
    );
    if let Some(contexts) = &ir.attrs.contexts {
        spans.add(at("contexts"), contexts.span);
    }
    if let Some(types) = &ir.attrs.integration_types {
        spans.add(at("integration_types"), types.span);
    }
}

/// The spec of a single-function command, as far as the macro can tell.
pub(crate) fn command_spec(ir: &CommandIr, spans: &mut SpanMap) -> CommandSpec<'static> {
    add_own_spans(ir, "", spans);
    let description = match ir.kind {
        CommandKind::ChatInput => command_description(ir).map(|d| d.value).unwrap_or_default(),
        _ => String::new(),
    };
    let mut spec = CommandSpec {
        kind: ir.kind,
        name: command_name(ir).value.into(),
        name_localizations: localizations(&ir.attrs.name_localized),
        description: description.into(),
        description_localizations: localizations(&ir.attrs.description_localized),
        ..CommandSpec::EMPTY
    };
    if ir.kind == CommandKind::ChatInput {
        spec.options = Cow::Owned(param_options(ir, "", spans));
    }
    apply_top_level(ir, &mut spec);
    spec
}

/// Copies the top-level-only attributes onto `spec`.
pub(crate) fn apply_top_level(ir: &CommandIr, spec: &mut CommandSpec<'static>) {
    spec.contexts = ir
        .attrs
        .contexts
        .as_ref()
        .map(|c| Cow::Owned(c.value.clone()));
    spec.integration_types = ir
        .attrs
        .integration_types
        .as_ref()
        .map(|t| Cow::Owned(t.value.clone()));
    spec.nsfw = ir.attrs.nsfw.is_some();
    if let Some(ids) = &ir.attrs.guild_ids {
        spec.scope = Scope::Guilds(Cow::Owned(ids.value.clone()));
    }
}

fn friendly(code: ErrorCode, path: &str, message: &str) -> String {
    let field = path.rsplit('.').next().unwrap_or(path);
    match (code, field) {
        (ErrorCode::Required, "description") if !path.contains('[') => format!(
            "a slash command needs a description: add a doc comment (`/// ...`) or \
             `description = \"...\"` (Discord: 1-100 characters) [{code}]"
        ),
        (ErrorCode::Required, "description") => format!(
            "an option needs a description: add a doc comment (`/// ...`) to the parameter \
             (Discord: 1-100 characters) [{code}]"
        ),
        _ => format!("{message} [{code}]"),
    }
}

/// Validates `spec` with `bot-spec` and reports each violation at the token it comes from.
pub(crate) fn report(spec: &CommandSpec<'static>, spans: &SpanMap, errors: &mut Errors) {
    let Err(violations) = validate_command(spec) else {
        return;
    };
    for violation in &violations {
        let path = violation.path.to_string();
        let uncertain = spans
            .uncertain_options
            .iter()
            .any(|p| path == format!("{p}.type"))
            || (violation.code == ErrorCode::RequiredAfterOptional
                && spans
                    .uncertain_levels
                    .iter()
                    .any(|level| path.starts_with(level.as_str())));
        if uncertain
            || (violation.code == ErrorCode::TooLarge && !spans.uncertain_options.is_empty())
        {
            continue;
        }
        errors.add(
            spans.span(&path),
            friendly(violation.code, &path, &violation.message),
        );
    }
}

/// Rules about Rust types that Discord's rules do not cover.
pub(crate) fn check_types(ir: &CommandIr, errors: &mut Errors) {
    for param in &ir.params {
        if param.hint.unsupported_integer {
            errors.add(
                syn::spanned::Spanned::span(&param.ty),
                "unsupported integer width: Discord's integers lie within ±(2^53-1); use i64, \
                 i32, i16, i8, u64, u32, u16 or u8",
            );
        }
        if let Some((low, high)) = param.hint.range {
            for bound in [&param.min, &param.max].into_iter().flatten() {
                if let NumericValue::Integer(n) = bound.value
                    && !(low..=high).contains(&i128::from(n))
                {
                    errors.add(
                        bound.span,
                        format!(
                            "{n} is outside the range of the parameter's type ({low}..={high})"
                        ),
                    );
                }
            }
        }
    }
    if matches!(ir.kind, CommandKind::User | CommandKind::Message) {
        for param in &ir.params {
            let has_attrs = param.min.is_some()
                || param.max.is_some()
                || param.min_length.is_some()
                || param.max_length.is_some()
                || param.choices.is_some()
                || param.autocomplete.is_some()
                || param.default.is_some()
                || param.channel_types.is_some()
                || param.file_types.is_some();
            if has_attrs {
                errors.add(
                    param.ident.span(),
                    "a context-menu command's target takes no option attributes",
                );
            }
        }
    }
    if let Some(ids) = &ir.attrs.guild_ids
        && ids.value.is_empty()
    {
        errors.add(
            ids.span,
            "`guild_ids` is empty: list at least one guild, or leave it out for a global command",
        );
    }
    if ir.placement == Placement::Subcommand && ir.kind != CommandKind::ChatInput {
        errors.add(
            ir.func.sig.ident.span(),
            "only slash commands can be subcommands",
        );
    }
}

//! The typed, spanned representation of a command definition, parsed from a function and its
//! attributes.

use super::params::parse_param;
use crate::diag::Errors;
use crate::types::TypeHint;
use bot_spec::{
    ChannelType, ChoiceValue, CommandKind, IntegrationType, InteractionContextType, NumericValue,
};
use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{Expr, FnArg, Ident, ItemFn, Pat, Type};

pub(crate) use super::attrs::parse_command_attrs;

/// A value and where the user wrote it.
#[derive(Clone, Debug)]
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

impl<T> Spanned<T> {
    pub(crate) fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A localized variant: `("fr", "nom")`.
pub(crate) type Localized = Spanned<(String, String)>;

/// Where a command definition sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// A command of its own.
    TopLevel,
    /// A subcommand inside a `#[slash_group]` module.
    Subcommand,
}

/// A command's own attributes.
pub(crate) struct CommandAttrs {
    pub(crate) name: Option<Spanned<String>>,
    pub(crate) description: Option<Spanned<String>>,
    pub(crate) name_localized: Vec<Localized>,
    pub(crate) description_localized: Vec<Localized>,
    pub(crate) guild_ids: Option<Spanned<Vec<u64>>>,
    pub(crate) default_member_permissions: Option<Expr>,
    pub(crate) contexts: Option<Spanned<Vec<InteractionContextType>>>,
    pub(crate) integration_types: Option<Spanned<Vec<IntegrationType>>>,
    pub(crate) nsfw: Option<Span>,
    /// Checks, limits and hooks (`checks = [...]`, `cooldown(...)`, ...).
    pub(crate) around: super::around::Around,
}

/// An inline choice: `"a"` or `("Name", value)`.
#[derive(Clone, Debug)]
pub(crate) struct InlineChoice {
    pub(crate) name: String,
    pub(crate) value: ChoiceValue<'static>,
}

/// One option parameter.
pub(crate) struct Param {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    pub(crate) hint: TypeHint,
    pub(crate) name: Spanned<String>,
    pub(crate) description: Option<Spanned<String>>,
    pub(crate) name_localized: Vec<Localized>,
    pub(crate) description_localized: Vec<Localized>,
    pub(crate) min: Option<Spanned<NumericValue>>,
    pub(crate) max: Option<Spanned<NumericValue>>,
    pub(crate) min_length: Option<Spanned<i64>>,
    pub(crate) max_length: Option<Spanned<i64>>,
    pub(crate) channel_types: Option<Spanned<Vec<ChannelType>>>,
    pub(crate) file_types: Option<Spanned<Vec<String>>>,
    pub(crate) autocomplete: Option<syn::Path>,
    pub(crate) default: Option<Expr>,
    pub(crate) choices: Option<Spanned<Vec<InlineChoice>>>,
}

/// A parsed command function.
/// A `State<T>` parameter: filled from the bot's data, not an option.
pub(crate) struct StateParam {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    /// The `T` of `State<T>`.
    pub(crate) inner: Type,
}

/// `T` when `ty` is written `State<T>` (any path ending in `State`).
pub(crate) fn state_inner(ty: &Type) -> Option<Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "State" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => Some(inner.clone()),
        _ => None,
    }
}

pub(crate) struct CommandIr {
    pub(crate) kind: CommandKind,
    pub(crate) placement: Placement,
    pub(crate) attrs: CommandAttrs,
    /// The function with this SDK's parameter attributes and doc comments removed.
    pub(crate) func: ItemFn,
    /// The context parameter's type.
    pub(crate) ctx_ty: Option<Type>,
    /// For slash commands, the option parameters; for context menus, the target.
    pub(crate) params: Vec<Param>,
    /// The `State<T>` parameters.
    pub(crate) states: Vec<StateParam>,
    /// Every parameter after the context, in order: how the function is called.
    pub(crate) args: Vec<Ident>,
}

/// Parses a command function: checks its shape and reads its parameters.
pub(crate) fn parse_command(
    mut func: ItemFn,
    kind: CommandKind,
    placement: Placement,
    attrs: CommandAttrs,
    errors: &mut Errors,
) -> CommandIr {
    if func.sig.asyncness.is_none() {
        errors.add(func.sig.fn_token.span(), "a command must be an `async fn`");
    }
    let mut ctx_ty = None;
    let mut params = Vec::new();
    let mut states = Vec::new();
    let mut args = Vec::new();
    let fn_name_span = func.sig.ident.span();
    for input in func.sig.inputs.iter_mut() {
        match input {
            FnArg::Receiver(receiver) => errors.add(
                receiver.span(),
                "a command method needs a `#[cog]` impl block; outside a cog, write a free \
                 `async fn`",
            ),
            FnArg::Typed(typed) => {
                if ctx_ty.is_none() {
                    ctx_ty = Some((*typed.ty).clone());
                    continue;
                }
                let ident = match typed.pat.as_ref() {
                    Pat::Ident(pat) => pat.ident.clone(),
                    other => {
                        errors.add(other.span(), "a command parameter must be a plain name");
                        continue;
                    }
                };
                args.push(ident.clone());
                if let Some(inner) = state_inner(&typed.ty) {
                    // Reported once, and removed so the function still compiles.
                    let sdk_attr = typed.attrs.iter().find(|attr| {
                        !super::params::BUILTIN_PARAM_ATTRS
                            .contains(&super::attrs::key_of(attr.path()).as_str())
                    });
                    if let Some(attr) = sdk_attr {
                        errors.add(
                            attr.span(),
                            "a `State<T>` parameter is the bot's data, not an option: it takes no \
                             option attributes or doc comment",
                        );
                    }
                    typed.attrs.retain(|attr| {
                        super::params::BUILTIN_PARAM_ATTRS
                            .contains(&super::attrs::key_of(attr.path()).as_str())
                    });
                    states.push(StateParam {
                        ident,
                        ty: (*typed.ty).clone(),
                        inner,
                    });
                    continue;
                }
                params.push(parse_param(
                    ident,
                    (*typed.ty).clone(),
                    &mut typed.attrs,
                    errors,
                ));
            }
        }
    }
    if ctx_ty.is_none()
        && !func
            .sig
            .inputs
            .iter()
            .any(|i| matches!(i, FnArg::Receiver(_)))
    {
        errors.add(
            fn_name_span,
            "a command's first parameter is its context: `ctx: &ApplicationContext`",
        );
    }
    match kind {
        CommandKind::User | CommandKind::Message if params.len() != 1 => {
            let (what, ty) = if kind == CommandKind::User {
                ("user", "User` or `Member")
            } else {
                ("message", "Message")
            };
            errors.add(
                func.sig.inputs.span(),
                format!(
                    "a {what} command takes exactly two parameters: the context and its target \
                     (`{ty}`); found {} after the context",
                    params.len()
                ),
            );
        }
        _ => {}
    }
    CommandIr {
        kind,
        placement,
        attrs,
        func,
        ctx_ty,
        params,
        states,
        args,
    }
}

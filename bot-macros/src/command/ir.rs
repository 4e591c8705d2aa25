//! The typed, spanned representation of a command definition, parsed from a function and its
//! attributes.

use crate::diag::Errors;
use crate::types::{TypeHint, hint};
use crate::{docs, literal};
use bot_spec::{
    ChannelType, ChoiceValue, CommandKind, IntegrationType, InteractionContextType, NumericValue,
};
use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Attribute, Expr, FnArg, Ident, ItemFn, Meta, Pat, Token, Type};

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
}

const COMMAND_KEYS: &[&str] = &[
    "name",
    "description",
    "name_localized",
    "description_localized",
    "guild_ids",
    "default_member_permissions",
    "contexts",
    "integration_types",
    "nsfw",
];
const TOP_LEVEL_KEYS: &[&str] = &[
    "guild_ids",
    "default_member_permissions",
    "contexts",
    "integration_types",
    "nsfw",
];
const PARAM_KEYS: &[&str] = &[
    "description",
    "rename",
    "min",
    "max",
    "min_length",
    "max_length",
    "channel_types",
    "file_types",
    "autocomplete",
    "default",
    "choices",
    "name_localized",
    "description_localized",
];
/// Attributes the compiler itself understands on parameters; left in place.
const BUILTIN_PARAM_ATTRS: &[&str] = &[
    "cfg", "cfg_attr", "allow", "warn", "deny", "expect", "forbid",
];

fn one_of(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn key_of(path: &syn::Path) -> String {
    path.get_ident()
        .map(|i| i.to_string())
        .unwrap_or_else(|| quote::quote!(#path).to_string().replace(' ', ""))
}

/// `("fr", "text")` inside a list attribute.
fn localized(list: &syn::MetaList) -> syn::Result<Localized> {
    let args = list.parse_args_with(Punctuated::<Expr, Token![,]>::parse_terminated)?;
    let items: Vec<&Expr> = args.iter().collect();
    match items.as_slice() {
        [locale, text] => {
            let (locale, _) = literal::string(locale)?;
            let (text, _) = literal::string(text)?;
            Ok(Spanned::new((locale, text), list.span()))
        }
        _ => Err(syn::Error::new(
            list.span(),
            "expected `(\"locale\", \"text\")`, e.g. `(\"fr\", \"bonjour\")`",
        )),
    }
}

fn enum_list<T>(expr: &Expr, known: &[(&str, T)], what: &str) -> syn::Result<Spanned<Vec<T>>>
where
    T: Copy,
{
    let mut out = Vec::new();
    for item in literal::array(expr)? {
        let ident = literal::ident(item)?;
        let found = known.iter().find(|(name, _)| ident == name);
        match found {
            Some((_, value)) => out.push(*value),
            None => {
                let names: Vec<&str> = known.iter().map(|(n, _)| *n).collect();
                return Err(syn::Error::new(
                    ident.span(),
                    format!(
                        "unknown {what} `{ident}`; expected one of: {}",
                        one_of(&names)
                    ),
                ));
            }
        }
    }
    Ok(Spanned::new(out, expr.span()))
}

const CONTEXTS: &[(&str, InteractionContextType)] = &[
    ("Guild", InteractionContextType::Guild),
    ("BotDm", InteractionContextType::BotDm),
    ("PrivateChannel", InteractionContextType::PrivateChannel),
];
const INTEGRATION_TYPES: &[(&str, IntegrationType)] = &[
    ("GuildInstall", IntegrationType::GuildInstall),
    ("UserInstall", IntegrationType::UserInstall),
];
const CHANNEL_TYPES: &[(&str, ChannelType)] = &[
    ("GuildText", ChannelType::GuildText),
    ("Dm", ChannelType::Dm),
    ("GuildVoice", ChannelType::GuildVoice),
    ("GroupDm", ChannelType::GroupDm),
    ("GuildCategory", ChannelType::GuildCategory),
    ("GuildAnnouncement", ChannelType::GuildAnnouncement),
    ("AnnouncementThread", ChannelType::AnnouncementThread),
    ("PublicThread", ChannelType::PublicThread),
    ("PrivateThread", ChannelType::PrivateThread),
    ("GuildStageVoice", ChannelType::GuildStageVoice),
    ("GuildDirectory", ChannelType::GuildDirectory),
    ("GuildForum", ChannelType::GuildForum),
    ("GuildMedia", ChannelType::GuildMedia),
];

/// Parses the arguments of `#[slash_command(...)]` and friends.
pub(crate) fn parse_command_attrs(
    args: proc_macro2::TokenStream,
    kind: CommandKind,
    placement: Placement,
    errors: &mut Errors,
) -> CommandAttrs {
    let mut attrs = CommandAttrs {
        name: None,
        description: None,
        name_localized: Vec::new(),
        description_localized: Vec::new(),
        guild_ids: None,
        default_member_permissions: None,
        contexts: None,
        integration_types: None,
        nsfw: None,
    };
    let metas =
        match syn::parse::Parser::parse2(Punctuated::<Meta, Token![,]>::parse_terminated, args) {
            Ok(metas) => metas,
            Err(e) => {
                errors.push(e);
                return attrs;
            }
        };
    let allowed: Vec<&str> = COMMAND_KEYS
        .iter()
        .copied()
        .filter(|k| kind == CommandKind::ChatInput || !k.starts_with("description"))
        .filter(|k| placement == Placement::TopLevel || !TOP_LEVEL_KEYS.contains(k))
        .collect();
    for meta in metas {
        let key = key_of(meta.path());
        if !allowed.contains(&key.as_str()) {
            let why = if TOP_LEVEL_KEYS.contains(&key.as_str())
                && placement == Placement::Subcommand
            {
                format!(
                    "`{key}` applies to a whole command, not to a subcommand: put it on the \
                     top-level `#[slash_group(...)]` (Discord: top-level-only field)"
                )
            } else if key.starts_with("description") && kind != CommandKind::ChatInput {
                format!(
                    "`{key}`: user and message commands have no description (Discord requires it \
                     to be empty)"
                )
            } else {
                format!(
                    "unknown attribute `{key}`; expected one of: {}",
                    one_of(&allowed)
                )
            };
            errors.add(meta.path().span(), why);
            continue;
        }
        let result: syn::Result<()> = (|| {
            match (key.as_str(), &meta) {
                ("name", Meta::NameValue(nv)) => {
                    let (s, span) = literal::string(&nv.value)?;
                    attrs.name = Some(Spanned::new(s, span));
                }
                ("description", Meta::NameValue(nv)) => {
                    let (s, span) = literal::string(&nv.value)?;
                    attrs.description = Some(Spanned::new(s, span));
                }
                ("name_localized", Meta::List(list)) => attrs.name_localized.push(localized(list)?),
                ("description_localized", Meta::List(list)) => {
                    attrs.description_localized.push(localized(list)?)
                }
                ("guild_ids", Meta::NameValue(nv)) => {
                    let ids = literal::array(&nv.value)?
                        .into_iter()
                        .map(literal::unsigned)
                        .collect::<syn::Result<Vec<_>>>()?;
                    attrs.guild_ids = Some(Spanned::new(ids, nv.value.span()));
                }
                ("default_member_permissions", Meta::NameValue(nv)) => {
                    attrs.default_member_permissions = Some(nv.value.clone());
                }
                ("contexts", Meta::NameValue(nv)) => {
                    attrs.contexts = Some(enum_list(&nv.value, CONTEXTS, "context")?);
                }
                ("integration_types", Meta::NameValue(nv)) => {
                    attrs.integration_types =
                        Some(enum_list(&nv.value, INTEGRATION_TYPES, "integration type")?);
                }
                ("nsfw", Meta::Path(path)) => attrs.nsfw = Some(path.span()),
                (key, meta) => {
                    let form = match key {
                        "nsfw" => "`nsfw`",
                        "name_localized" | "description_localized" => "`key(\"locale\", \"text\")`",
                        _ => "`key = value`",
                    };
                    return Err(syn::Error::new(meta.span(), format!("expected {form}")));
                }
            }
            Ok(())
        })();
        errors.ok(result);
    }
    attrs
}

fn strip_raw(ident: &Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").map(str::to_owned).unwrap_or(text)
}

/// Parses one option parameter and removes this SDK's attributes from it.
fn parse_param(ident: Ident, ty: Type, attrs: &mut Vec<Attribute>, errors: &mut Errors) -> Param {
    let description = docs::description(attrs).map(|(text, span)| Spanned::new(text, span));
    let mut param = Param {
        name: Spanned::new(strip_raw(&ident), ident.span()),
        hint: hint(&ty),
        ident,
        ty,
        description,
        name_localized: Vec::new(),
        description_localized: Vec::new(),
        min: None,
        max: None,
        min_length: None,
        max_length: None,
        channel_types: None,
        file_types: None,
        autocomplete: None,
        default: None,
        choices: None,
    };
    let mut kept = Vec::new();
    for attr in attrs.drain(..) {
        if docs::is_doc(&attr) {
            continue;
        }
        let key = key_of(attr.path());
        if BUILTIN_PARAM_ATTRS.contains(&key.as_str()) {
            kept.push(attr);
            continue;
        }
        if !PARAM_KEYS.contains(&key.as_str()) {
            errors.add(
                attr.path().span(),
                format!(
                    "unknown parameter attribute `{key}`; expected one of: {}",
                    one_of(PARAM_KEYS)
                ),
            );
            continue;
        }
        let result = parse_param_attr(&mut param, &key, &attr.meta);
        errors.ok(result);
    }
    *attrs = kept;
    param
}

fn name_value<'m>(meta: &'m Meta, key: &str) -> syn::Result<&'m Expr> {
    match meta {
        Meta::NameValue(nv) => Ok(&nv.value),
        other => Err(syn::Error::new(
            other.span(),
            format!("expected `#[{key} = ...]`"),
        )),
    }
}

fn list<'m>(meta: &'m Meta, key: &str) -> syn::Result<&'m syn::MetaList> {
    match meta {
        Meta::List(list) => Ok(list),
        other => Err(syn::Error::new(
            other.span(),
            format!("expected `#[{key}(...)]`"),
        )),
    }
}

fn list_items(list: &syn::MetaList) -> syn::Result<Vec<Expr>> {
    Ok(list
        .parse_args_with(Punctuated::<Expr, Token![,]>::parse_terminated)?
        .into_iter()
        .collect())
}

fn length_value(expr: &Expr) -> syn::Result<Spanned<i64>> {
    match literal::number(expr)? {
        NumericValue::Integer(n) => Ok(Spanned::new(n, expr.span())),
        NumericValue::Number(_) => Err(syn::Error::new(expr.span(), "expected an integer")),
    }
}

fn choice_value(expr: &Expr) -> syn::Result<ChoiceValue<'static>> {
    if let Ok((text, _)) = literal::string(expr) {
        return Ok(ChoiceValue::String(text.into()));
    }
    match literal::number(expr) {
        Ok(NumericValue::Integer(n)) => Ok(ChoiceValue::Integer(n)),
        Ok(NumericValue::Number(x)) => Ok(ChoiceValue::Number(x)),
        Err(_) => Err(syn::Error::new(
            expr.span(),
            "expected a string or number literal as the choice's value",
        )),
    }
}

fn inline_choice(expr: &Expr) -> syn::Result<InlineChoice> {
    match expr {
        Expr::Tuple(tuple) if tuple.elems.len() == 2 => {
            let (name, _) = literal::string(&tuple.elems[0])?;
            let value = choice_value(&tuple.elems[1])?;
            Ok(InlineChoice { name, value })
        }
        other => {
            let value = choice_value(other)?;
            let name = match &value {
                ChoiceValue::String(s) => s.to_string(),
                ChoiceValue::Integer(n) => n.to_string(),
                ChoiceValue::Number(x) => x.to_string(),
            };
            Ok(InlineChoice { name, value })
        }
    }
}

fn parse_param_attr(param: &mut Param, key: &str, meta: &Meta) -> syn::Result<()> {
    match key {
        "description" => {
            let (text, span) = literal::string(name_value(meta, key)?)?;
            param.description = Some(Spanned::new(text, span));
        }
        "rename" => {
            let (text, span) = literal::string(name_value(meta, key)?)?;
            param.name = Spanned::new(text, span);
        }
        "min" | "max" => {
            let expr = name_value(meta, key)?;
            let value = Spanned::new(literal::number(expr)?, expr.span());
            if key == "min" {
                param.min = Some(value);
            } else {
                param.max = Some(value);
            }
        }
        "min_length" => param.min_length = Some(length_value(name_value(meta, key)?)?),
        "max_length" => param.max_length = Some(length_value(name_value(meta, key)?)?),
        "channel_types" => {
            let list = list(meta, key)?;
            let items = list_items(list)?;
            let array = Expr::Array(syn::ExprArray {
                attrs: Vec::new(),
                bracket_token: Default::default(),
                elems: items.into_iter().collect(),
            });
            let parsed = enum_list(&array, CHANNEL_TYPES, "channel type")?;
            param.channel_types = Some(Spanned::new(parsed.value, list.span()));
        }
        "file_types" => {
            let list = list(meta, key)?;
            let types = list_items(list)?
                .iter()
                .map(|e| literal::string(e).map(|(s, _)| s))
                .collect::<syn::Result<Vec<_>>>()?;
            param.file_types = Some(Spanned::new(types, list.span()));
        }
        "autocomplete" => match name_value(meta, key)? {
            Expr::Path(path) => param.autocomplete = Some(path.path.clone()),
            other => {
                return Err(syn::Error::new(
                    other.span(),
                    "expected the path of an autocomplete function",
                ));
            }
        },
        "default" => param.default = Some(name_value(meta, key)?.clone()),
        "choices" => {
            let list = list(meta, key)?;
            let choices = list_items(list)?
                .iter()
                .map(inline_choice)
                .collect::<syn::Result<Vec<_>>>()?;
            param.choices = Some(Spanned::new(choices, list.span()));
        }
        "name_localized" => param.name_localized.push(localized(list(meta, key)?)?),
        "description_localized" => param
            .description_localized
            .push(localized(list(meta, key)?)?),
        _ => unreachable!("keys are checked against PARAM_KEYS"),
    }
    Ok(())
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
    }
}

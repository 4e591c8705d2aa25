//! The typed, spanned representation of a `#[cog]` impl block: its commands, listeners and
//! special methods, each parsed with the same rules as its free form.

use crate::command::checks as command_checks;
use crate::command::ir::{self as command_ir, CommandIr, Placement};
use crate::diag::Errors;
use crate::listen::checks::Signature as ListenerSignature;
use crate::listen::ir::{self as listen_ir, ListenerIr};
use bot_spec::CommandKind;
use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned as _;
use syn::{FnArg, ImplItem, ImplItemFn, ItemFn, ItemImpl, Meta, Token};

/// The cog's special methods, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Special {
    Check,
    BeforeInvoke,
    AfterInvoke,
    CommandError,
    Unload,
}

impl Special {
    pub(crate) const ALL: [Special; 5] = [
        Special::Check,
        Special::BeforeInvoke,
        Special::AfterInvoke,
        Special::CommandError,
        Special::Unload,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Special::Check => "cog_check",
            Special::BeforeInvoke => "cog_before_invoke",
            Special::AfterInvoke => "cog_after_invoke",
            Special::CommandError => "cog_command_error",
            Special::Unload => "cog_unload",
        }
    }

    /// How many parameters it takes after `&self`.
    fn arity(self) -> usize {
        match self {
            Special::Unload => 0,
            Special::CommandError => 2,
            _ => 1,
        }
    }

    fn signature(self) -> String {
        let params = match self {
            Special::Unload => "",
            Special::CommandError => ", ctx: &ApplicationContext, error: &CommandError",
            _ => ", ctx: &ApplicationContext",
        };
        format!("`async fn {}(&self{params})`", self.name())
    }
}

/// A command method (of no group).
pub(crate) struct CogCommand {
    pub(crate) ir: CommandIr,
}

/// A listener method.
pub(crate) struct CogListener {
    pub(crate) ir: ListenerIr,
    pub(crate) signature: ListenerSignature,
}

/// A parsed `#[cog]` block.
pub(crate) struct CogIr {
    /// The block with this SDK's attributes removed from its methods.
    pub(crate) block: ItemImpl,
    /// The cog's name.
    pub(crate) name: String,
    pub(crate) commands: Vec<CogCommand>,
    /// Slash commands with subcommands, from the block's group methods.
    pub(crate) groups: Vec<crate::group::Group>,
    pub(crate) listeners: Vec<CogListener>,
    pub(crate) specials: Vec<Special>,
    /// Checks and limits for every command (`#[cog(checks = [...], cooldown(...))]`).
    pub(crate) around: crate::command::around::Around,
}

const COMMAND_ATTRS: [(&str, CommandKind); 3] = [
    ("slash_command", CommandKind::ChatInput),
    ("user_command", CommandKind::User),
    ("message_command", CommandKind::Message),
];

fn is_attr(attr: &syn::Attribute, name: &str) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|segment| segment.ident == name)
}

/// Takes the attribute `name` off `attrs`, with its arguments.
fn take_attr(attrs: &mut Vec<syn::Attribute>, name: &str) -> Option<(TokenStream, Span)> {
    let index = attrs.iter().position(|a| is_attr(a, name))?;
    let attr = attrs.remove(index);
    let span = attr.span();
    Some(match attr.meta {
        Meta::List(list) => (list.tokens, span),
        _ => (TokenStream::new(), span),
    })
}

/// The method as a free function without its receiver, after checking the receiver is `&self`.
fn without_receiver(method: &ImplItemFn, what: &str, errors: &mut Errors) -> ItemFn {
    let mut sig = method.sig.clone();
    match sig.inputs.first() {
        Some(FnArg::Receiver(receiver))
            if receiver.reference.is_some()
                && receiver.mutability.is_none()
                && receiver.colon_token.is_none() => {}
        Some(FnArg::Receiver(receiver)) => errors.add(
            receiver.span(),
            format!("{what} in a cog takes `&self` (the cog is shared by every call)"),
        ),
        _ => errors.add(
            sig.ident.span(),
            format!(
                "{what} in a cog takes `&self` first: `async fn {}(&self, ...)`",
                sig.ident
            ),
        ),
    }
    if matches!(sig.inputs.first(), Some(FnArg::Receiver(_))) {
        let rest: syn::punctuated::Punctuated<FnArg, Token![,]> =
            sig.inputs.iter().skip(1).cloned().collect();
        sig.inputs = rest;
    }
    ItemFn {
        attrs: method.attrs.clone(),
        vis: method.vis.clone(),
        sig,
        block: Box::new(method.block.clone()),
    }
}

/// Puts the parsed function's attributes and parameters back on the method (the SDK's removed),
/// keeping its receiver.
fn restore(method: &mut ImplItemFn, func: &ItemFn) {
    let receiver = method.sig.inputs.first().cloned();
    method.attrs = func.attrs.clone();
    let mut inputs: syn::punctuated::Punctuated<FnArg, Token![,]> = Default::default();
    if let Some(receiver @ FnArg::Receiver(_)) = receiver {
        inputs.push(receiver);
    }
    inputs.extend(func.sig.inputs.iter().cloned());
    method.sig.inputs = inputs;
}

fn parse_command(
    method: &mut ImplItemFn,
    kind: CommandKind,
    args: TokenStream,
    errors: &mut Errors,
) -> super::groups::Grouped {
    let (args, parent) = super::groups::take_parent(args, errors);
    if let Some(parent) = &parent
        && kind != CommandKind::ChatInput
    {
        errors.add(
            parent.span(),
            "only slash commands can be subcommands; a user or message command has no group",
        );
    }
    let placement = if parent.is_some() {
        Placement::Subcommand
    } else {
        Placement::TopLevel
    };
    let func = without_receiver(method, "a command", errors);
    let attrs = command_ir::parse_command_attrs(args, kind, placement, errors);
    let ir = command_ir::parse_command(func, kind, placement, attrs, errors);
    command_checks::check_types(&ir, errors);
    if parent.is_none() {
        let mut spans = command_checks::SpanMap::new(ir.func.sig.ident.span());
        let spec = command_checks::command_spec(&ir, &mut spans);
        command_checks::report(&spec, &spans, errors);
    }
    restore(method, &ir.func);
    super::groups::Grouped { ir, parent }
}

fn parse_listener(
    method: &mut ImplItemFn,
    args: TokenStream,
    errors: &mut Errors,
) -> Option<CogListener> {
    let func = without_receiver(method, "a listener", errors);
    let attrs = listen_ir::parse_listen_attrs(args, errors);
    let ir = listen_ir::parse_listener(func, attrs);
    let signature = crate::listen::checks::check(&ir, errors)?;
    Some(CogListener { ir, signature })
}

fn check_special(method: &ImplItemFn, special: Special, errors: &mut Errors) {
    let sig = &method.sig;
    if sig.asyncness.is_none() {
        errors.add(
            sig.fn_token.span(),
            format!(
                "`{}` must be an `async fn`: {}",
                special.name(),
                special.signature()
            ),
        );
    }
    let receiver_ok = matches!(
        sig.inputs.first(),
        Some(FnArg::Receiver(r)) if r.reference.is_some() && r.mutability.is_none() && r.colon_token.is_none()
    );
    if !receiver_ok || sig.inputs.len() != special.arity() + 1 || !sig.generics.params.is_empty() {
        errors.add(
            sig.ident.span(),
            format!("`{}` takes {}", special.name(), special.signature()),
        );
    }
}

/// The keys of `#[cog(...)]` besides `name`: what applies to every command of the cog.
const COG_KEYS: [&str; 4] = ["checks", "cooldown", "max_concurrency", "auto_defer"];

/// Reads the cog's arguments: `name = "..."`, and checks and limits for all its commands.
fn parse_cog_args(
    args: TokenStream,
    default: String,
    around: &mut crate::command::around::Around,
    errors: &mut Errors,
) -> String {
    if args.is_empty() {
        return default;
    }
    let metas = match syn::parse::Parser::parse2(
        syn::punctuated::Punctuated::<Meta, Token![,]>::parse_terminated,
        args,
    ) {
        Ok(metas) => metas,
        Err(error) => {
            errors.push(error);
            return default;
        }
    };
    let mut name = default;
    for meta in metas {
        match &meta {
            Meta::NameValue(nv) if nv.path.is_ident("name") => {
                match crate::literal::string(&nv.value) {
                    Ok((value, span)) if value.trim().is_empty() => {
                        errors.add(span, "a cog's name cannot be empty")
                    }
                    Ok((value, _)) => name = value,
                    Err(error) => errors.push(error),
                }
            }
            other => {
                let key = other
                    .path()
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                if COG_KEYS.contains(&key.as_str()) {
                    if let Err(error) = crate::command::around::parse(&key, other, around) {
                        errors.push(error);
                    }
                } else {
                    errors.add(
                        other.path().span(),
                        "unknown `#[cog]` argument; expected `name = \"...\"`, `checks = [...]`, \
                         `cooldown(...)`, `max_concurrency(...)` or `auto_defer(...)` (the cog's \
                         hooks and error \
                         handler are its `cog_before_invoke`, `cog_after_invoke` and \
                         `cog_command_error` methods)",
                    );
                }
            }
        }
    }
    name
}

/// Parses a `#[cog]` impl block.
pub(crate) fn parse(args: TokenStream, mut block: ItemImpl, errors: &mut Errors) -> CogIr {
    if let Some((_, path, _)) = &block.trait_ {
        errors.push(syn::Error::new_spanned(
            path,
            "`#[cog]` goes on an inherent `impl` block (`impl MyCog { ... }`), not a trait impl",
        ));
    }
    if !block.generics.params.is_empty() {
        errors.push(syn::Error::new_spanned(
            &block.generics,
            "a cog cannot be generic: name its type",
        ));
    }
    let type_name = match block.self_ty.as_ref() {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        other => {
            errors.push(syn::Error::new_spanned(
                other,
                "a cog is a named struct or enum",
            ));
            String::new()
        }
    };
    let mut around = crate::command::around::Around::default();
    let name = parse_cog_args(args, type_name, &mut around, errors);
    let mut commands = Vec::new();
    let mut markers = Vec::new();
    let mut listeners = Vec::new();
    let mut specials = Vec::new();
    for item in block.items.iter_mut() {
        let ImplItem::Fn(method) = item else { continue };
        let command = COMMAND_ATTRS
            .iter()
            .find_map(|(attr, kind)| take_attr(&mut method.attrs, attr).map(|args| (*kind, args)));
        if let Some((kind, (args, _))) = command {
            commands.push(parse_command(method, kind, args, errors));
            continue;
        }
        if let Some((args, _)) = take_attr(&mut method.attrs, "listen") {
            let parsed = parse_listener(method, args, errors);
            if let Some(listener) = parsed {
                restore(method, &listener.ir.func);
                listeners.push(listener);
            }
            continue;
        }
        if let Some((args, _)) = take_attr(&mut method.attrs, "slash_group") {
            markers.push(super::groups::marker(method, args, errors));
            // Declares the group; never called.
            method.attrs.push(syn::parse_quote!(#[allow(dead_code)]));
            continue;
        }
        let name = crate::listen::expand::plain_name(&method.sig.ident);
        if let Some(special) = Special::ALL.into_iter().find(|s| s.name() == name) {
            check_special(method, special, errors);
            specials.push(special);
        }
    }
    let (groups, free) = super::groups::build(markers, commands, errors);
    let commands: Vec<CogCommand> = free.into_iter().map(|ir| CogCommand { ir }).collect();
    // One name per command type within the cog (a group is a slash command).
    let top: Vec<&CommandIr> = commands
        .iter()
        .map(|c| &c.ir)
        .chain(groups.iter().map(|g| &g.ir))
        .collect();
    for (i, ir) in top.iter().enumerate() {
        let name = command_checks::command_name(ir);
        let earlier = top[..i].iter().any(|other| {
            other.kind == ir.kind && command_checks::command_name(other).value == name.value
        });
        if earlier {
            errors.add(
                name.span,
                format!(
                    "the cog already has a command named `{}` of this type: Discord allows one \
                     name per type in a scope",
                    name.value
                ),
            );
        }
    }
    CogIr {
        block,
        name,
        commands,
        groups,
        listeners,
        specials,
        around,
    }
}

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

/// A command method.
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
    pub(crate) listeners: Vec<CogListener>,
    pub(crate) specials: Vec<Special>,
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
) -> CogCommand {
    let func = without_receiver(method, "a command", errors);
    let attrs = command_ir::parse_command_attrs(args, kind, Placement::TopLevel, errors);
    let ir = command_ir::parse_command(func, kind, Placement::TopLevel, attrs, errors);
    command_checks::check_types(&ir, errors);
    let mut spans = command_checks::SpanMap::new(ir.func.sig.ident.span());
    let spec = command_checks::command_spec(&ir, &mut spans);
    command_checks::report(&spec, &spans, errors);
    restore(method, &ir.func);
    CogCommand { ir }
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

/// Reads the cog's arguments: `name = "..."`.
fn parse_cog_name(args: TokenStream, default: String, errors: &mut Errors) -> String {
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
            other => errors.add(
                other.path().span(),
                "unknown `#[cog]` argument; expected `name = \"...\"`",
            ),
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
    let name = parse_cog_name(args, type_name, errors);
    let mut commands = Vec::new();
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
        if let Some((_, span)) = take_attr(&mut method.attrs, "slash_group") {
            errors.add(
                span,
                "a group of a cog's commands is written outside the cog, as a `#[slash_group]` \
                 module; a cog holds commands, user and message commands and listeners",
            );
            continue;
        }
        let name = crate::listen::expand::plain_name(&method.sig.ident);
        if let Some(special) = Special::ALL.into_iter().find(|s| s.name() == name) {
            check_special(method, special, errors);
            specials.push(special);
        }
    }
    // One name per command type within the cog.
    for (i, command) in commands.iter().enumerate() {
        let name = command_checks::command_name(&command.ir);
        let earlier = commands[..i].iter().any(|other| {
            other.ir.kind == command.ir.kind
                && command_checks::command_name(&other.ir).value == name.value
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
        listeners,
        specials,
    }
}

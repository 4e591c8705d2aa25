//! `#[slash_group]`: a slash command with subcommands and groups, declared as an inline module.
//!
//! ```text
//! /// Manage permissions.
//! #[slash_group(guild_ids = [123])]
//! mod permissions {
//!     use super::*;
//!     /// Reset everything.
//!     #[slash_command] async fn reset(ctx: &ApplicationContext) -> CommandResult { .. }
//!     /// User permissions.
//!     #[slash_group] mod user {
//!         use super::*;
//!         /// Get a user's permissions.
//!         #[slash_command] async fn get(ctx: &ApplicationContext, user: User) -> CommandResult { .. }
//!     }
//! }
//! ```
//! becomes `/permissions reset` and `/permissions user get`.

use crate::command::around;
use crate::command::checks::{self, SpanMap};
use crate::command::expand::{self, private};
use crate::command::ir::{self, CommandIr, Placement};
use crate::diag::Errors;
use bot_spec::{CommandKind, CommandSpec, OptionKind, OptionSpec};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use std::borrow::Cow;
use syn::spanned::Spanned;
use syn::{Item, ItemMod};

/// A subcommand or a group inside a group module.
pub(crate) enum Member {
    Sub(Box<CommandIr>),
    Group(Box<Group>),
}

pub(crate) struct Group {
    /// The module, with its members' attributes removed.
    pub(crate) module: ItemMod,
    pub(crate) ir: CommandIr,
    pub(crate) members: Vec<Member>,
}

fn is_attr(attr: &syn::Attribute, name: &str) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|segment| segment.ident == name)
}

/// Takes the `#[slash_command]`/`#[slash_group]` attribute off an item, with its arguments.
fn take_attr(attrs: &mut Vec<syn::Attribute>, name: &str) -> Option<TokenStream> {
    let index = attrs.iter().position(|a| is_attr(a, name))?;
    let attr = attrs.remove(index);
    Some(match attr.meta {
        syn::Meta::List(list) => list.tokens,
        _ => TokenStream::new(),
    })
}

/// A stand-in function carrying a group module's name and docs, so groups reuse the command IR.
pub(crate) fn group_ir(
    module: &ItemMod,
    args: TokenStream,
    placement: Placement,
    errors: &mut Errors,
) -> CommandIr {
    let attrs = ir::parse_command_attrs(args, CommandKind::ChatInput, placement, errors);
    let ident = &module.ident;
    let docs: Vec<_> = module
        .attrs
        .iter()
        .filter(|a| crate::docs::is_doc(a))
        .collect();
    let func: syn::ItemFn = syn::parse_quote!(#(#docs)* async fn #ident() {});
    CommandIr {
        kind: CommandKind::ChatInput,
        placement,
        attrs,
        func,
        ctx_ty: None,
        params: Vec::new(),
        states: Vec::new(),
        args: Vec::new(),
    }
}

fn parse_group(mut module: ItemMod, args: TokenStream, depth: usize, errors: &mut Errors) -> Group {
    let placement = if depth == 0 {
        Placement::TopLevel
    } else {
        Placement::Subcommand
    };
    let ir = group_ir(&module, args, placement, errors);
    let mut members = Vec::new();
    let Some((_, items)) = &mut module.content else {
        errors.add(
            module.span(),
            "`#[slash_group]` needs an inline module (`mod name { ... }`): attribute macros do not \
             see the contents of a module in another file",
        );
        return Group {
            module,
            ir,
            members,
        };
    };
    for item in items.iter_mut() {
        match item {
            Item::Fn(func) => {
                if let Some(args) = take_attr(&mut func.attrs, "slash_command") {
                    let attrs = ir::parse_command_attrs(
                        args,
                        CommandKind::ChatInput,
                        Placement::Subcommand,
                        errors,
                    );
                    let sub = ir::parse_command(
                        func.clone(),
                        CommandKind::ChatInput,
                        Placement::Subcommand,
                        attrs,
                        errors,
                    );
                    checks::check_types(&sub, errors);
                    *func = sub.func.clone();
                    members.push(Member::Sub(Box::new(sub)));
                } else if func
                    .attrs
                    .iter()
                    .any(|a| is_attr(a, "user_command") || is_attr(a, "message_command"))
                {
                    errors.add(func.sig.ident.span(), "only slash commands can be subcommands; define context-menu commands outside the group");
                }
            }
            Item::Mod(inner) => {
                if let Some(args) = take_attr(&mut inner.attrs, "slash_group") {
                    if depth >= 1 {
                        errors.add(
                            inner.ident.span(),
                            "subcommand groups nest one level deep: a group cannot contain a group \
                             (Discord: command > group > subcommand)",
                        );
                        continue;
                    }
                    let group = parse_group(inner.clone(), args, depth + 1, errors);
                    *inner = group.module.clone();
                    members.push(Member::Group(Box::new(group)));
                }
            }
            _ => {}
        }
    }
    if members.is_empty() {
        errors.add(
            module.ident.span(),
            "a `#[slash_group]` holds at least one `#[slash_command]` function (or, at the top \
             level, a `#[slash_group]` module)",
        );
    }
    Group {
        module,
        ir,
        members,
    }
}

/// The spec of the group as far as the macro can tell, for tier-(a) checks.
pub(crate) fn group_spec(group: &Group, spans: &mut SpanMap) -> CommandSpec<'static> {
    let mut spec = checks::command_spec(&group.ir, spans);
    let options = group
        .members
        .iter()
        .enumerate()
        .map(|(i, member)| member_spec(member, &format!("options[{i}]"), spans))
        .collect::<Vec<_>>();
    spec.options = Cow::Owned(options);
    spec
}

fn member_spec(member: &Member, path: &str, spans: &mut SpanMap) -> OptionSpec<'static> {
    let (ir, kind) = match member {
        Member::Sub(ir) => (ir.as_ref(), OptionKind::SubCommand),
        Member::Group(group) => (&group.ir, OptionKind::SubCommandGroup),
    };
    checks::add_own_spans(ir, path, spans);
    spans.add(path, checks::command_name(ir).span);
    let mut option = OptionSpec::with_text(
        kind,
        checks::command_name(ir).value,
        checks::command_description(ir)
            .map(|d| d.value)
            .unwrap_or_default(),
    );
    option.name_localizations = ir
        .attrs
        .name_localized
        .iter()
        .map(|l| (l.value.0.clone(), l.value.1.clone()))
        .collect();
    option.description_localizations = ir
        .attrs
        .description_localized
        .iter()
        .map(|l| (l.value.0.clone(), l.value.1.clone()))
        .collect();
    option.options = Cow::Owned(match member {
        Member::Sub(ir) => checks::param_options(ir, path, spans),
        Member::Group(group) => group
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| member_spec(m, &format!("{path}.options[{i}]"), spans))
            .collect(),
    });
    option
}

/// The tokens of one member: its `OptionSpec` literal, its dispatch arms and its assertions.
pub(crate) struct Generated {
    pub(crate) literal: TokenStream,
    arms: Vec<TokenStream>,
    pub(crate) assertions: TokenStream,
    /// Paths to each subcommand's list of state requirements.
    states: Vec<TokenStream>,
    /// Statements filling the layers of its levels (`layers` in scope).
    setups: Vec<TokenStream>,
}

pub(crate) fn generate(
    member: &Member,
    path: Vec<usize>,
    module_path: TokenStream,
    names: Vec<String>,
    spec_ident: &syn::Ident,
    wrappers: &mut Vec<(Vec<usize>, TokenStream)>,
    depth_of_module: usize,
) -> Generated {
    let p = private();
    match member {
        Member::Sub(ir) => {
            let name = checks::command_name(ir).value;
            let description = checks::command_description(ir)
                .map(|d| d.value)
                .unwrap_or_default();
            let params: Vec<TokenStream> = ir.params.iter().map(expand::param_option).collect();
            let (name_loc, desc_loc) = (
                expand::localizations(&ir.attrs.name_localized),
                expand::localizations(&ir.attrs.description_localized),
            );
            let literal = quote! {
                #p::OptionSpec {
                    kind: #p::OptionKind::SubCommand,
                    name: #p::Cow::Borrowed(#name),
                    name_localizations: #name_loc,
                    description: #p::Cow::Borrowed(#description),
                    description_localizations: #desc_loc,
                    options: #p::Cow::Borrowed(&[#(#params),*]),
                    ..#p::OptionSpec::EMPTY
                }
            };
            let func = &ir.func.sig.ident;
            let wrapper = format_ident!("__bot_invoke_{}", func);
            let state_list = format_ident!("__bot_state_{}", func);
            let state_types = ir.states.iter().map(|state| &state.inner);
            let body = expand::invoke(ir, quote!(#func));
            let layer_name = format_ident!("__bot_layer_{}", func);
            let layer_fn = around::layer_fn(&layer_name, &ir.attrs.around, &ir.params);
            wrappers.push((
                Vec::from(&path[..depth_of_module]),
                quote! {
                    #[doc(hidden)]
                    pub(crate) fn #wrapper(ctx: #p::ApplicationContext) -> #p::HandlerFuture {
                        ::std::boxed::Box::pin(async move { #body })
                    }

                    #[doc(hidden)]
                    #[allow(non_upper_case_globals)]
                    pub(crate) const #state_list: &[#p::StateRequirement] =
                        &[#(#p::StateRequirement::of::<#state_types>()),*];

                    #layer_fn
                },
            ));
            let mut full = names;
            full.push(name);
            let setup = quote!(#module_path #layer_name(layers.layer(&[#(#full),*]));
            );
            let arm = quote!([#(#full),*] => #module_path #wrapper(ctx).await,);
            let assertions = ir
                .params
                .iter()
                .enumerate()
                .map(|(i, param)| {
                    let mut at = path.clone();
                    at.push(i);
                    expand::param_assertions(param, spec_ident, &at)
                })
                .collect();
            Generated {
                literal,
                arms: vec![arm],
                assertions,
                states: vec![quote!(#module_path #state_list)],
                setups: vec![setup],
            }
        }
        Member::Group(group) => {
            let name = checks::command_name(&group.ir).value;
            let description = checks::command_description(&group.ir)
                .map(|d| d.value)
                .unwrap_or_default();
            let (name_loc, desc_loc) = (
                expand::localizations(&group.ir.attrs.name_localized),
                expand::localizations(&group.ir.attrs.description_localized),
            );
            let module = &group.module.ident;
            let mut names = names;
            names.push(name.clone());
            // The group's own layer, in its own module (where its subcommands are).
            let layer_name = format_ident!("__bot_layer_group_{}", module);
            wrappers.push((
                Vec::from(&path[..=depth_of_module]),
                around::layer_fn(&layer_name, &group.ir.attrs.around, &[]),
            ));
            let mut setups =
                vec![quote!(#module_path #module::#layer_name(layers.layer(&[#(#names),*]));)];
            let mut literals = Vec::new();
            let mut arms = Vec::new();
            let mut assertions = TokenStream::new();
            let mut states = Vec::new();
            for (i, member) in group.members.iter().enumerate() {
                let mut at = path.clone();
                at.push(i);
                let generated = generate(
                    member,
                    at,
                    quote!(#module_path #module::),
                    names.clone(),
                    spec_ident,
                    wrappers,
                    depth_of_module + 1,
                );
                literals.push(generated.literal);
                arms.extend(generated.arms);
                assertions.extend(generated.assertions);
                states.extend(generated.states);
                setups.extend(generated.setups);
            }
            let literal = quote! {
                #p::OptionSpec {
                    kind: #p::OptionKind::SubCommandGroup,
                    name: #p::Cow::Borrowed(#name),
                    name_localizations: #name_loc,
                    description: #p::Cow::Borrowed(#description),
                    description_localizations: #desc_loc,
                    options: #p::Cow::Borrowed(&[#(#literals),*]),
                    ..#p::OptionSpec::EMPTY
                }
            };
            Generated {
                literal,
                arms,
                assertions,
                states,
                setups,
            }
        }
    }
}

/// Puts each subcommand's wrapper function into the module that defines the subcommand.
fn insert_wrappers(
    module: &mut ItemMod,
    wrappers: &[(Vec<usize>, TokenStream)],
    group_positions: &[(usize, syn::Ident)],
) {
    let Some((_, items)) = &mut module.content else {
        return;
    };
    for (at, tokens) in wrappers {
        match at.as_slice() {
            [] => items.push(Item::Verbatim(tokens.clone())),
            [group_index, ..] => {
                if let Some((_, ident)) = group_positions.iter().find(|(i, _)| i == group_index) {
                    for item in items.iter_mut() {
                        if let Item::Mod(inner) = item
                            && &inner.ident == ident
                            && let Some((_, inner_items)) = &mut inner.content
                        {
                            inner_items.push(Item::Verbatim(tokens.clone()));
                        }
                    }
                }
            }
        }
    }
}

/// Parses, validates and expands a `#[slash_group]` module.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let module: ItemMod = match syn::parse2(item.clone()) {
        Ok(module) => module,
        Err(_) => {
            let error = syn::Error::new(
                Span::call_site(),
                "`#[slash_group]` goes on an inline `mod name { ... }`",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    let mut errors = Errors::default();
    let group = parse_group(module, args, 0, &mut errors);
    checks::check_types(&group.ir, &mut errors);
    let mut spans = SpanMap::new(group.module.ident.span());
    let spec = group_spec(&group, &mut spans);
    checks::report(&spec, &spans, &mut errors);
    if !errors.is_empty() {
        let module = &group.module;
        let errors = errors.to_compile_errors();
        return quote!(#module #errors);
    }

    let base = &group.module.ident;
    let spec_ident = format_ident!("__bot_spec_{}", base);
    let mut wrappers = Vec::new();
    let mut literals = Vec::new();
    let mut arms = Vec::new();
    let mut assertions = TokenStream::new();
    let mut group_positions = Vec::new();
    let mut states = Vec::new();
    let mut setups = Vec::new();
    for (i, member) in group.members.iter().enumerate() {
        if let Member::Group(inner) = member {
            group_positions.push((i, inner.module.ident.clone()));
        }
        let generated = generate(
            member,
            vec![i],
            quote!(self::),
            Vec::new(),
            &spec_ident,
            &mut wrappers,
            0,
        );
        literals.push(generated.literal);
        arms.extend(generated.arms);
        assertions.extend(generated.assertions);
        states.extend(generated.states);
        setups.extend(generated.setups);
    }
    // A wrapper's position says which member module defines it: [] for this module, [i] for the
    // group at position i.
    let p = private();
    let literal = expand::command_literal(&group.ir, quote!(#(#literals),*));
    let body = quote! {
        let path: ::std::vec::Vec<::std::string::String> =
            ctx.command_path().get(1..).unwrap_or_default().to_vec();
        let path: ::std::vec::Vec<&str> = path.iter().map(::std::string::String::as_str).collect();
        match path.as_slice() {
            #(#arms)*
            _ => ::core::result::Result::Err(#p::unknown_subcommand(&ctx)),
        }
    };
    let group_layer = format_ident!("__bot_layer_group_{}", base);
    let group_layer_fn = around::layer_fn(&group_layer, &group.ir.attrs.around, &[]);
    let setup = quote! {
        #[doc(hidden)]
        fn __bot_setup(layers: &mut #p::CommandLayers) {
            self::#group_layer(layers.layer(&[]));
            #(#setups)*
        }

        #group_layer_fn
    };
    let (_, registration) = expand::registration(
        base,
        literal,
        body,
        base.span(),
        true,
        expand::EntryExtras {
            help: crate::docs::help(&group.module.attrs),
            states: quote!(&[#(#states),*]),
            setup: quote!(__bot_setup),
        },
    );
    let mut module = group.module.clone();
    insert_wrappers(&mut module, &wrappers, &group_positions);
    if let Some((_, items)) = &mut module.content {
        items.push(Item::Verbatim(setup));
        items.push(Item::Verbatim(registration));
        items.push(Item::Verbatim(assertions));
    }
    quote!(#module)
}

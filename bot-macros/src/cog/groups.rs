//! Groups in a cog. A group is declared by a marker method, `#[slash_group] fn queue(&self) {}`
//! (its name, doc comment and attributes are the group's), a subgroup by
//! `#[slash_group(group = queue)] fn edit(&self) {}`, and a command joins a group with
//! `#[slash_command(group = queue)]`. The tree is then the one a `#[slash_group]` module gives,
//! checked by the same rules.

use crate::command::checks::{self as command_checks, SpanMap};
use crate::command::ir::{CommandIr, Placement};
use crate::diag::Errors;
use crate::group::{self, Group, Member};
use proc_macro2::TokenStream;
use quote::ToTokens as _;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{ImplItemFn, Meta, Token};

/// Takes `group = name` out of an attribute's arguments: the rest, and the name.
pub(crate) fn take_parent(
    args: TokenStream,
    errors: &mut Errors,
) -> (TokenStream, Option<syn::Ident>) {
    let Ok(metas) = syn::parse::Parser::parse2(
        Punctuated::<Meta, Token![,]>::parse_terminated,
        args.clone(),
    ) else {
        // Left for the attribute's own parser to report.
        return (args, None);
    };
    let mut parent = None;
    let mut rest: Punctuated<Meta, Token![,]> = Punctuated::new();
    for meta in metas {
        match &meta {
            Meta::NameValue(nv) if nv.path.is_ident("group") => {
                match crate::literal::ident(&nv.value) {
                    Ok(ident) => parent = Some(ident),
                    Err(_) => errors.add(
                        nv.value.span(),
                        "`group` names a `#[slash_group]` method of this cog: `group = queue`",
                    ),
                }
            }
            _ => rest.push(meta),
        }
    }
    (rest.into_token_stream(), parent)
}

/// A group marker method, parsed.
pub(crate) struct Marker {
    pub(crate) ident: syn::Ident,
    pub(crate) ir: CommandIr,
    pub(crate) parent: Option<syn::Ident>,
}

/// Reads a marker method: `fn name(&self) {}`, its docs and attributes the group's.
pub(crate) fn marker(method: &ImplItemFn, args: TokenStream, errors: &mut Errors) -> Marker {
    let (args, parent) = take_parent(args, errors);
    let sig = &method.sig;
    let shape_ok = sig.asyncness.is_none()
        && sig.inputs.len() == 1
        && matches!(sig.inputs.first(), Some(syn::FnArg::Receiver(r)) if r.reference.is_some() && r.mutability.is_none() && r.colon_token.is_none())
        && matches!(sig.output, syn::ReturnType::Default)
        && sig.generics.params.is_empty();
    if !shape_ok {
        errors.add(
            sig.ident.span(),
            format!(
                "a group of a cog is declared by a method `fn {}(&self) {{}}` (not `async`, no \
                 other parameter, no return type); its subcommands name it with `group = {}`",
                sig.ident, sig.ident
            ),
        );
    }
    if !method.block.stmts.is_empty() {
        errors.add(
            method.block.span(),
            "a group's method only declares the group and never runs: leave its body empty `{}`",
        );
    }
    let ident = &sig.ident;
    let docs: Vec<&syn::Attribute> = method
        .attrs
        .iter()
        .filter(|a| crate::docs::is_doc(a))
        .collect();
    let module: syn::ItemMod = syn::parse_quote!(#(#docs)* mod #ident {});
    let placement = if parent.is_some() {
        Placement::Subcommand
    } else {
        Placement::TopLevel
    };
    let ir = group::group_ir(&module, args, placement, errors);
    Marker {
        ident: ident.clone(),
        ir,
        parent,
    }
}

/// A command of the cog with the group it joins, if any.
pub(crate) struct Grouped {
    pub(crate) ir: CommandIr,
    pub(crate) parent: Option<syn::Ident>,
}

/// Builds the groups from the markers and the commands that name one; answers the groups and
/// the commands of no group.
pub(crate) fn build(
    markers: Vec<Marker>,
    commands: Vec<Grouped>,
    errors: &mut Errors,
) -> (Vec<Group>, Vec<CommandIr>) {
    let find = |name: &syn::Ident| markers.iter().position(|m| m.ident == *name);
    // Where each command and subgroup goes.
    let mut subs: Vec<Vec<CommandIr>> = markers.iter().map(|_| Vec::new()).collect();
    let mut free = Vec::new();
    for command in commands {
        match &command.parent {
            None => free.push(command.ir),
            Some(parent) => match find(parent) {
                Some(index) => subs[index].push(command.ir),
                None => errors.add(
                    parent.span(),
                    format!("no `#[slash_group]` method named `{parent}` in this cog"),
                ),
            },
        }
    }
    let mut children: Vec<Vec<usize>> = markers.iter().map(|_| Vec::new()).collect();
    for (i, marker) in markers.iter().enumerate() {
        if let Some(parent) = &marker.parent {
            match find(parent) {
                Some(index) if markers[index].parent.is_some() => errors.add(
                    parent.span(),
                    "subcommand groups nest one level deep: a group cannot contain a group \
                     that is itself in a group (Discord: command > group > subcommand)",
                ),
                Some(index) => children[index].push(i),
                None => errors.add(
                    parent.span(),
                    format!("no `#[slash_group]` method named `{parent}` in this cog"),
                ),
            }
        }
    }
    let mut slots: Vec<Option<Marker>> = markers.into_iter().map(Some).collect();
    let mut groups = Vec::new();
    for index in 0..slots.len() {
        if slots[index].as_ref().is_some_and(|m| m.parent.is_none()) {
            let top = slots[index].take().expect("present");
            let mut members: Vec<Member> = std::mem::take(&mut subs[index])
                .into_iter()
                .map(|ir| Member::Sub(Box::new(ir)))
                .collect();
            for &child in &children[index] {
                let Some(sub) = slots[child].take() else {
                    continue;
                };
                let sub_members: Vec<Member> = std::mem::take(&mut subs[child])
                    .into_iter()
                    .map(|ir| Member::Sub(Box::new(ir)))
                    .collect();
                if sub_members.is_empty() {
                    errors.add(
                        sub.ident.span(),
                        format!(
                            "the group `{}` has no command: add `group = {}` to one",
                            sub.ident, sub.ident
                        ),
                    );
                }
                members.push(Member::Group(Box::new(group_of(sub, sub_members))));
            }
            if members.is_empty() {
                errors.add(
                    top.ident.span(),
                    format!(
                        "the group `{}` has no command: add `group = {}` to one",
                        top.ident, top.ident
                    ),
                );
            }
            groups.push(group_of(top, members));
        }
    }
    for group in &groups {
        command_checks::check_types(&group.ir, errors);
        let mut spans = SpanMap::new(group.module.ident.span());
        let spec = group::group_spec(group, &mut spans);
        command_checks::report(&spec, &spans, errors);
    }
    (groups, free)
}

fn group_of(marker: Marker, members: Vec<Member>) -> Group {
    let ident = &marker.ident;
    Group {
        module: syn::parse_quote!(mod #ident {}),
        ir: marker.ir,
        members,
    }
}

//! The rules a listener's definition shows: function shape, parameter count and how each
//! parameter is passed. Whether the types are right (`&Context`, an `EventType`, a
//! `ListenerOutput`) is left to the compiler, at code the expansion spans at each type.

use super::ir::{By, ListenerIr, ParamIr};
use crate::diag::Errors;
use proc_macro2::TokenStream;
use quote::ToTokens as _;
use syn::Type;
use syn::spanned::Spanned as _;

const FORMS: &str = "`async fn name(event: &MessageCreate)` or \
                     `async fn name(ctx: &Context, event: &MessageCreate)`, then any `State<T>`";

/// A type as the user would write it (`bot_core::event::MessageCreate`), for messages.
pub(crate) fn pretty(ty: &Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" <", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace("& ", "&")
        .replace(" ,", ",")
}

/// What a valid listener's parameters are.
pub(crate) struct Signature {
    /// The 2-parameter form's first parameter, as written (`&Context`).
    pub(crate) bot: Option<Type>,
    /// The event's type: `MessageCreate` for `event: &MessageCreate`.
    pub(crate) event: Type,
    /// The trailing `State<T>` parameters: each as written, and its `T`.
    pub(crate) states: Vec<(Type, Type)>,
}

/// How [`check_shape`] names the function it checks.
pub(crate) struct Shape {
    /// "a listener".
    pub(crate) what: &'static str,
    /// "#[listen]".
    pub(crate) attribute: &'static str,
    /// A parameter to show in the generics message ("`event: &MessageCreate`").
    pub(crate) example: &'static str,
}

/// The rules a listener and an event handler share: `async`, not `unsafe`, not generic, not a
/// method. Returns whether it has a receiver, and its typed parameters.
pub(crate) fn check_shape<'a>(
    sig: &syn::Signature,
    params: &'a [ParamIr],
    shape: Shape,
    errors: &mut Errors,
) -> (bool, Vec<&'a super::ir::TypedParam>) {
    let Shape {
        what,
        attribute,
        example,
    } = shape;
    if sig.asyncness.is_none() {
        errors.add(sig.fn_token.span(), format!("{what} must be an `async fn`"));
    }
    if let Some(unsafety) = &sig.unsafety {
        errors.add(unsafety.span(), format!("{what} cannot be `unsafe`"));
    }
    let generics = &sig.generics;
    let generic_message = format!(
        "{what} cannot be generic: name its types ({example}) and leave references' lifetimes \
         elided"
    );
    if !generics.params.is_empty() {
        errors.push(syn::Error::new_spanned(generics, &generic_message));
    } else if let Some(clause) = &generics.where_clause {
        errors.push(syn::Error::new_spanned(clause, &generic_message));
    }
    let mut receiver = false;
    let mut typed = Vec::new();
    for param in params {
        match param {
            ParamIr::Receiver(span) => {
                receiver = true;
                errors.add(
                    *span,
                    format!("`{attribute}` goes on a free `async fn`, not a method: remove `self`"),
                );
            }
            ParamIr::Typed(param) => typed.push(&**param),
        }
    }
    (receiver, typed)
}

/// Checks every rule, recording each violation at its token; the signature when the shape is
/// right.
pub(crate) fn check(ir: &ListenerIr, errors: &mut Errors) -> Option<Signature> {
    let sig = &ir.func.sig;
    let (receiver, mut typed) = check_shape(
        sig,
        &ir.params,
        Shape {
            what: "a listener",
            attribute: "#[listen]",
            example: "`event: &MessageCreate`",
        },
        errors,
    );
    // Trailing `State<T>` parameters are the bot's data, not the event.
    let mut states = Vec::new();
    while let Some(last) = typed.last()
        && matches!(last.by, By::Value)
        && let Some(inner) = crate::command::ir::state_inner(&last.ty)
    {
        states.insert(0, (last.ty.clone(), inner));
        typed.pop();
    }
    let (bot, event) = match typed.as_slice() {
        [] if receiver => return None,
        [] => {
            errors.add(
                sig.paren_token.span.join(),
                format!("a listener takes the event it listens to: {FORMS}"),
            );
            return None;
        }
        [event] => (None, *event),
        [bot, event] => (Some(*bot), *event),
        [_, _, extra @ ..] => {
            let extra: TokenStream = sig
                .inputs
                .iter()
                .skip(sig.inputs.len() - extra.len())
                .map(|input| input.to_token_stream())
                .collect();
            errors.push(syn::Error::new_spanned(
                extra,
                format!(
                    "a listener takes one or two parameters ({FORMS}); found {}",
                    typed.len()
                ),
            ));
            return None;
        }
    };
    if let Some(bot) = bot
        && !matches!(bot.by, By::Ref(_))
    {
        errors.push(syn::Error::new_spanned(
            &bot.ty,
            "a listener's first parameter of two is the bot's context, by shared reference: `ctx: &Context`",
        ));
    }
    let event_ty = match &event.by {
        By::Ref(ty) => Some(ty),
        By::Mut(span) => {
            errors.add(
                *span,
                "a listener takes its event by shared reference (`event: &MessageCreate`): \
                 remove `mut`",
            );
            None
        }
        By::Value => {
            let ty = &event.ty;
            errors.push(syn::Error::new_spanned(
                ty,
                format!("a listener takes its event by reference: `&{}`", pretty(ty)),
            ));
            None
        }
    };
    if let Some(ty) = event_ty
        && matches!(**ty, Type::ImplTrait(_) | Type::Infer(_))
    {
        errors.push(syn::Error::new_spanned(
            ty,
            "name the event's type: `&MessageCreate`, `&Ready`, ... or `&Event` for every event",
        ));
        return None;
    }
    if receiver {
        return None;
    }
    Some(Signature {
        bot: bot.map(|b| b.ty.clone()),
        event: (**event_ty?).clone(),
        states,
    })
}

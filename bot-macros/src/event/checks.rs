//! The rules an `#[event]` function's definition shows: its name is an event's, its shape, its
//! parameter count for that event, how each parameter is passed, and a return type that is
//! plainly not `()` or a `Result`. Whether the parameters' types are right (`&Context`,
//! `&Connected`, ...) and whether a named return type is a `ListenerOutput` is left to the
//! compiler, at code the expansion spans at each type.

use super::ir::{EventIr, EventName, NAMES};
use crate::diag::Errors;
use crate::listen::checks::{Shape, check_shape, pretty};
use crate::listen::expand::plain_name;
use crate::listen::ir::By;
use proc_macro2::TokenStream;
use quote::ToTokens as _;
use syn::{ReturnType, Type};

/// What a valid handler's parameters are.
pub(crate) struct Signature {
    pub(crate) event: EventName,
    /// The first parameter's type, as written (`&Context`).
    pub(crate) bot: Type,
    /// The second parameter's type, as written (`&Connected`), for events that have one.
    pub(crate) payload: Option<Type>,
}

/// Checks every rule, recording each violation at its token; the signature when it is right.
pub(crate) fn check(ir: &EventIr, errors: &mut Errors) -> Option<Signature> {
    let sig = &ir.func.sig;
    if ir.event.is_none() {
        errors.add(
            sig.ident.span(),
            format!(
                "`{}` is not an event with a default handler: `#[event]` replaces the handler \
                 its function is named after, {NAMES} (to listen to a gateway event, use \
                 `#[listen]`)",
                plain_name(&sig.ident)
            ),
        );
    }
    let (receiver, typed) = check_shape(
        sig,
        &ir.params,
        Shape {
            what: "an event handler",
            attribute: "#[event]",
            example: "`ctx: &Context`",
        },
        errors,
    );
    check_output(&sig.output, errors);
    let event = ir.event.as_ref().map(|event| event.value);
    // The parameters the event takes (all of them when the event is unknown); extra ones are
    // reported together below.
    let wanted = event.map_or(typed.len(), |event| {
        1 + usize::from(event.payload().is_some())
    });
    for param in typed.iter().take(wanted) {
        match &param.by {
            By::Ref(_) => {}
            By::Mut(span) => errors.add(
                *span,
                "an event handler takes its parameters by shared reference: remove `mut`",
            ),
            By::Value => errors.push(syn::Error::new_spanned(
                &param.ty,
                format!(
                    "an event handler takes its parameters by reference: `&{}`",
                    pretty(&param.ty)
                ),
            )),
        }
    }
    let event = event?;
    if typed.len() < wanted && !receiver {
        errors.add(
            sig.paren_token.span.join(),
            format!("`{}` takes {}", event.name(), event.signature()),
        );
    } else if typed.len() > wanted {
        let extra: TokenStream = sig
            .inputs
            .iter()
            .skip(sig.inputs.len() - (typed.len() - wanted))
            .map(|input| input.to_token_stream())
            .collect();
        errors.push(syn::Error::new_spanned(
            extra,
            format!(
                "`{}` takes {}: {} parameter{} too many",
                event.name(),
                event.signature(),
                typed.len() - wanted,
                if typed.len() - wanted == 1 { "" } else { "s" }
            ),
        ));
    }
    if receiver || typed.len() != wanted || !errors.is_empty() {
        return None;
    }
    Some(Signature {
        event,
        bot: typed[0].ty.clone(),
        payload: typed.get(1).map(|param| param.ty.clone()),
    })
}

/// Reports a return type that cannot be `()` or a `Result` whatever the names in scope mean.
fn check_output(output: &ReturnType, errors: &mut Errors) {
    let ReturnType::Type(_, ty) = output else {
        return;
    };
    if matches!(ty.as_ref(), Type::ImplTrait(_)) {
        errors.push(syn::Error::new_spanned(
            ty,
            "name an event handler's return type: `()` or `Result<(), E>`",
        ));
    } else if plainly_not_an_output(ty) {
        errors.push(syn::Error::new_spanned(
            ty,
            format!(
                "an event handler returns `()` or `Result<(), E>`, not `{}`",
                pretty(ty)
            ),
        ));
    }
}

/// Whether `ty` is certainly not `()` nor `Result<(), E>`: a non-empty tuple, a reference, an
/// array, a pointer, `!`, a function pointer, a trait object, or a primitive, `String`,
/// `Option` or `Vec` by name. Any other name may be an alias: left to the compiler.
fn plainly_not_an_output(ty: &Type) -> bool {
    const NOT: [&str; 20] = [
        "bool", "char", "str", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32",
        "u64", "u128", "usize", "f32", "f64", "String", "Option", "Vec",
    ];
    match ty {
        Type::Tuple(tuple) => !tuple.elems.is_empty(),
        Type::Paren(inner) => plainly_not_an_output(&inner.elem),
        Type::Group(inner) => plainly_not_an_output(&inner.elem),
        Type::Reference(_)
        | Type::Array(_)
        | Type::Slice(_)
        | Type::Ptr(_)
        | Type::Never(_)
        | Type::BareFn(_)
        | Type::TraitObject(_) => true,
        Type::Path(path) => {
            path.qself.is_none()
                && path.path.leading_colon.is_none()
                && path.path.segments.len() == 1
                && NOT.contains(&path.path.segments[0].ident.to_string().as_str())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::ir::parse_event;
    use super::*;
    use syn::ItemFn;

    /// The messages of every error `func` gets, and whether it has a signature.
    fn check_fn(func: ItemFn) -> (Vec<String>, bool) {
        let mut errors = Errors::default();
        let signature = check(&parse_event(func), &mut errors);
        let messages = errors
            .to_compile_errors()
            .into_iter()
            .filter_map(|tree| match tree {
                proc_macro2::TokenTree::Group(group) => Some(group.stream().to_string()),
                _ => None,
            })
            .filter(|text| text.starts_with('"'))
            .collect();
        (messages, signature.is_some())
    }

    #[test]
    fn every_handler_in_its_form_is_accepted() {
        let forms: [ItemFn; 6] = [
            syn::parse_quote!(
                async fn on_ready(ctx: &Context) {}
            ),
            syn::parse_quote!(
                async fn on_connect(_: &Context, c: &Connected) -> () {}
            ),
            syn::parse_quote!(
                async fn on_disconnect(b: &bot_core::Context, d: &Disconnected) -> Result<(), E> {}
            ),
            syn::parse_quote!(
                async fn on_error(ctx: &Context, error: &EventError) -> MyResult {}
            ),
            syn::parse_quote!(
                pub async fn on_ready(ctx: &Context) -> anyhow::Result<()> {}
            ),
            syn::parse_quote!(
                async fn r#on_ready(ctx: &Context) -> std::string::String {}
            ),
        ];
        for func in forms {
            let (errors, signature) = check_fn(func);
            assert!(errors.is_empty() && signature, "{errors:?}");
        }
    }

    #[test]
    fn an_unknown_name_lists_the_four() {
        let (errors, signature) = check_fn(syn::parse_quote!(
            async fn on_message(ctx: &Context) {}
        ));
        assert!(!signature);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("`on_message` is not an event with a default handler"));
        assert!(errors[0].contains(NAMES), "{}", errors[0]);
    }

    #[test]
    fn every_error_of_one_function_is_reported() {
        let (errors, signature) = check_fn(syn::parse_quote!(
            unsafe fn on_connect<T>(self, ctx: Context, c: &mut Connected, extra: &T) -> i32 {}
        ));
        assert!(!signature);
        let expected = [
            "must be an `async fn`",
            "cannot be `unsafe`",
            "cannot be generic",
            "not a method",
            "returns `()` or `Result<(), E>`, not `i32`",
            "by reference: `&Context`",
            "remove `mut`",
            "1 parameter too many",
        ];
        assert_eq!(errors.len(), expected.len(), "{errors:?}");
        for (error, fragment) in errors.iter().zip(expected) {
            assert!(error.contains(fragment), "{error} lacks {fragment}");
        }
    }

    #[test]
    fn a_missing_parameter_states_the_signature() {
        let (errors, _) = check_fn(syn::parse_quote!(
            async fn on_error(ctx: &Context) {}
        ));
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("`async fn on_error(ctx: &Context, error: &EventError)`"),
            "{}",
            errors[0]
        );
        let (errors, _) = check_fn(syn::parse_quote!(
            async fn on_ready() {}
        ));
        assert!(
            errors[0].contains("`async fn on_ready(ctx: &Context)`"),
            "{errors:?}"
        );
    }

    #[test]
    fn plainly_wrong_return_types_are_caught_and_names_left_to_the_compiler() {
        for ty in [
            "i32",
            "(u8, u8)",
            "&'static str",
            "[u8; 2]",
            "Option<()>",
            "Vec<()>",
            "String",
            "!",
            "fn()",
            "Box<dyn Fn()>",
        ] {
            let ty: Type = syn::parse_str(ty).unwrap();
            let plain = plainly_not_an_output(&ty);
            let boxed = matches!(&ty, Type::Path(p) if p.path.segments[0].ident == "Box");
            assert_eq!(plain, !boxed, "{}", pretty(&ty));
        }
        for ty in [
            "()",
            "Result<(), E>",
            "CommandResult",
            "io::Result<()>",
            "::i32",
        ] {
            let ty: Type = syn::parse_str(ty).unwrap();
            assert!(!plainly_not_an_output(&ty), "{}", pretty(&ty));
        }
        let mut errors = Errors::default();
        check_output(&syn::parse_quote!(-> impl Sized), &mut errors);
        assert!(!errors.is_empty());
    }
}

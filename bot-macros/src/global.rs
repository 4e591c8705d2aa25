//! `#[check]`, `#[check_once]`, `#[before_invoke]` and `#[after_invoke]`: an
//! `async fn(ctx: &ApplicationContext)` that applies to every command.

use crate::command::expand::private;
use crate::diag::Errors;
use crate::listen::checks::{Shape, check_shape, pretty};
use crate::listen::expand::{plain_name, span_range};
use crate::listen::ir::{By, parse_params};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ReturnType;
use syn::spanned::Spanned as _;

/// Which of the four attributes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Global {
    Check,
    CheckOnce,
    BeforeInvoke,
    AfterInvoke,
}

impl Global {
    fn attribute(self) -> &'static str {
        match self {
            Global::Check => "#[check]",
            Global::CheckOnce => "#[check_once]",
            Global::BeforeInvoke => "#[before_invoke]",
            Global::AfterInvoke => "#[after_invoke]",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Global::Check | Global::CheckOnce => "a check",
            Global::BeforeInvoke | Global::AfterInvoke => "a hook",
        }
    }

    fn returns(self) -> &'static str {
        match self {
            Global::Check | Global::CheckOnce => "`bool`, `Result<bool, E>` or `Result<(), E>`",
            Global::BeforeInvoke | Global::AfterInvoke => "`()` or `Result<(), E>`",
        }
    }
}

/// Parses, validates and expands one global check or hook.
pub(crate) fn expand(kind: Global, args: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(error) => {
            let error = syn::Error::new(
                error.span(),
                format!(
                    "`{}` goes on an `async fn(ctx: &ApplicationContext)`",
                    kind.attribute()
                ),
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    let mut errors = Errors::default();
    if !args.is_empty() {
        errors.push(syn::Error::new_spanned(
            &args,
            format!("`{}` takes no arguments", kind.attribute()),
        ));
    }
    let params = parse_params(&func);
    let sig = &func.sig;
    let (receiver, typed) = check_shape(
        sig,
        &params,
        Shape {
            what: kind.what(),
            attribute: kind.attribute(),
            example: "`ctx: &ApplicationContext`",
        },
        &mut errors,
    );
    if let ReturnType::Type(_, ty) = &sig.output
        && matches!(ty.as_ref(), syn::Type::ImplTrait(_))
    {
        errors.push(syn::Error::new_spanned(
            ty,
            format!("name {}'s return type: {}", kind.what(), kind.returns()),
        ));
    }
    let ctx_ty = match typed.as_slice() {
        [] if receiver => None,
        [one] => match &one.by {
            By::Ref(_) => Some(one.ty.clone()),
            By::Mut(span) => {
                errors.add(
                    *span,
                    format!(
                        "{} takes the context by shared reference: remove `mut`",
                        kind.what()
                    ),
                );
                None
            }
            By::Value => {
                errors.push(syn::Error::new_spanned(
                    &one.ty,
                    format!(
                        "{} takes the context by reference: `&{}`",
                        kind.what(),
                        pretty(&one.ty)
                    ),
                ));
                None
            }
        },
        _ => {
            errors.add(
                sig.paren_token.span.join(),
                format!(
                    "{} takes one parameter, the invocation's context: \
                     `async fn {}(ctx: &ApplicationContext)`",
                    kind.what(),
                    plain_name(&sig.ident)
                ),
            );
            None
        }
    };
    let (Some(ctx_ty), true) = (ctx_ty, errors.is_empty()) else {
        let errors = errors.to_compile_errors();
        return quote!(#func #errors);
    };
    let p = private();
    let ident = &sig.ident;
    let name = plain_name(ident);
    let (first, _) = span_range(&ctx_ty);
    let bind = quote_spanned!(first=> let __bot_ctx: #ctx_ty = ctx;);
    let output_span = match &sig.output {
        ReturnType::Type(_, ty) => ty.span(),
        ReturnType::Default => ident.span(),
    };
    let (future, outcome, def) = match kind {
        Global::Check | Global::CheckOnce => {
            let once = kind == Global::CheckOnce;
            (
                quote!(#p::CheckFuture<'a>),
                quote_spanned!(output_span=> #p::check_outcome(#name, __bot_out)),
                quote! {
                    #p::GlobalCheckDef {
                        path: ::core::concat!(::core::module_path!(), "::", #name),
                        once: #once,
                        check: #p::MacroCheck { name: #name, call: __bot_global_call },
                    }
                },
            )
        }
        Global::BeforeInvoke | Global::AfterInvoke => {
            let after = kind == Global::AfterInvoke;
            (
                quote!(#p::HookFuture<'a>),
                quote_spanned!(output_span=> #p::hook_outcome(__bot_out)),
                quote! {
                    #p::GlobalHookDef {
                        path: ::core::concat!(::core::module_path!(), "::", #name),
                        after: #after,
                        hook: #p::MacroHook { call: __bot_global_call },
                    }
                },
            )
        }
    };
    quote! {
        #func

        const _: () = {
            fn __bot_global_call<'a>(ctx: &'a #p::ApplicationContext) -> #future {
                #p::Box::pin(async move {
                    #bind
                    let __bot_out = #ident(__bot_ctx).await;
                    #outcome
                })
            }

            #p::inventory::submit! { #def }
        };
    }
}

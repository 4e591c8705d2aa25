//! `#[extension]` on an `async fn(ext: &mut Extension)`: registers a named extension whose setup
//! is the function (and whose teardown, if given, is `teardown = f`).

use crate::command::expand::private;
use crate::diag::Errors;
use crate::listen::checks::{Shape, check_shape, pretty};
use crate::listen::expand::{plain_name, span_range};
use crate::listen::ir::{By, parse_params};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Meta, ReturnType, Token, Type};

struct Args {
    name: Option<String>,
    teardown: Option<syn::Path>,
}

fn parse_args(args: TokenStream, errors: &mut Errors) -> Args {
    let mut out = Args {
        name: None,
        teardown: None,
    };
    let metas =
        match syn::parse::Parser::parse2(Punctuated::<Meta, Token![,]>::parse_terminated, args) {
            Ok(metas) => metas,
            Err(error) => {
                errors.push(error);
                return out;
            }
        };
    for meta in metas {
        match &meta {
            Meta::NameValue(nv) if nv.path.is_ident("name") => {
                match crate::literal::string(&nv.value) {
                    Ok((name, span)) if name.trim().is_empty() => {
                        errors.add(span, "an extension's name cannot be empty")
                    }
                    Ok((name, _)) => out.name = Some(name),
                    Err(error) => errors.push(error),
                }
            }
            Meta::NameValue(nv) if nv.path.is_ident("teardown") => match &nv.value {
                syn::Expr::Path(path) if path.qself.is_none() => {
                    out.teardown = Some(path.path.clone())
                }
                other => errors.add(
                    other.span(),
                    "`teardown` names an `async fn(ctx: &Context)`: `teardown = function_name`",
                ),
            },
            other => errors.add(
                other.path().span(),
                "unknown `#[extension]` argument; expected `name = \"...\"` or `teardown = f`",
            ),
        }
    }
    out
}

/// Parses, validates and expands one extension.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(error) => {
            let error = syn::Error::new(
                error.span(),
                "`#[extension]` goes on an `async fn setup(ext: &mut Extension)`",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    let mut errors = Errors::default();
    let args = parse_args(args, &mut errors);
    let params = parse_params(&func);
    let sig = &func.sig;
    let (receiver, typed) = check_shape(
        sig,
        &params,
        Shape {
            what: "an extension's setup",
            attribute: "#[extension]",
            example: "`ext: &mut Extension`",
        },
        &mut errors,
    );
    if let ReturnType::Type(_, ty) = &sig.output
        && matches!(ty.as_ref(), Type::ImplTrait(_))
    {
        errors.push(syn::Error::new_spanned(
            ty,
            "name the setup's return type: `()` or `Result<(), E>`",
        ));
    }
    let ext_ty = match typed.as_slice() {
        [] if receiver => None,
        [one] => match &one.by {
            By::Mut(_) => Some(one.ty.clone()),
            _ => {
                errors.push(syn::Error::new_spanned(
                    &one.ty,
                    format!(
                        "an extension's setup fills the extension: take it as `&mut {}`",
                        pretty(&one.ty).trim_start_matches('&')
                    ),
                ));
                None
            }
        },
        _ => {
            errors.add(
                sig.paren_token.span.join(),
                format!(
                    "an extension's setup takes one parameter: `async fn {}(ext: &mut Extension)`",
                    plain_name(&sig.ident)
                ),
            );
            None
        }
    };
    let (Some(ext_ty), true) = (ext_ty, errors.is_empty()) else {
        let errors = errors.to_compile_errors();
        return quote!(#func #errors);
    };
    let p = private();
    let ident = &sig.ident;
    let name = args.name.unwrap_or_else(|| plain_name(ident));
    let path = plain_name(ident);
    let (first, _) = span_range(&ext_ty);
    let bind = quote_spanned!(first=> let __bot_ext: #ext_ty = ext;);
    let outcome = match &sig.output {
        ReturnType::Type(_, ty) => {
            let (at, _) = span_range(ty);
            quote_spanned!(at=> <#ty as #p::ListenerOutput>::into_result)
        }
        ReturnType::Default => quote!(#p::ListenerOutput::into_result),
    };
    let (teardown_fn, teardown) = match &args.teardown {
        Some(path) => {
            let call = quote_spanned!(path.span()=> #path(ctx).await);
            (
                quote! {
                    fn __bot_teardown<'a>(ctx: &'a ::bot_core::Context) -> #p::TeardownFuture<'a> {
                        #p::Box::pin(async move { #call; })
                    }
                },
                quote!(::core::option::Option::Some(__bot_teardown)),
            )
        }
        None => (TokenStream::new(), quote!(::core::option::Option::None)),
    };
    quote! {
        #func

        const _: () = {
            fn __bot_setup<'a>(ext: &'a mut #p::Extension) -> #p::SetupFuture<'a> {
                #p::Box::pin(async move {
                    #bind
                    let __bot_out = #ident(__bot_ext).await;
                    #outcome(__bot_out)
                })
            }

            #teardown_fn

            #p::inventory::submit! {
                #p::ExtensionDef {
                    name: #name,
                    path: ::core::concat!(::core::module_path!(), "::", #path),
                    setup: __bot_setup,
                    teardown: #teardown,
                }
            }
        };
    }
}

//! Code generation: the function the bot calls and the `inventory` entry, inside one
//! `const _: () = { ... };` so nothing leaks.
//!
//! Each parameter type the user wrote is the type of a binding initialized with what the bot
//! passes (`&Context`, `&Connected`, ...), spanned at that type; the return type is named only as
//! `<R as ListenerOutput>`. A wrong type therefore gives one error, at the type.

use super::checks::Signature;
use super::ir::EventIr;
use crate::command::expand::private;
use crate::listen::expand::{plain_name, span_range};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{ReturnType, Type};

/// `let binding: #ty = &value;`, checked at `ty`.
fn bind(binding: &Ident, ty: &Type, value: &Ident) -> TokenStream {
    // The initializer runs from the type's first token to its last: a mismatch is reported
    // over the whole type.
    let (first, last) = span_range(ty);
    let amp = quote_spanned!(first=> &);
    let value = Ident::new(&value.to_string(), last);
    quote!(let #binding: #ty = #amp #value;)
}

/// The expansion of `on_application_command_error`: called with borrowed arguments and awaited
/// in the invocation's task (the error chain), its output a hook's.
fn command_error_handler(ir: &EventIr, sig: &Signature) -> TokenStream {
    let p = private();
    let func = &ir.func;
    let ident = &func.sig.ident;
    let ctx = format_ident!("__bot_event_ctx");
    let ctx_ref = format_ident!("__bot_event_ctx_ref");
    let error = format_ident!("__bot_event_error");
    let error_ref = format_ident!("__bot_event_error_ref");
    let bind_ctx = bind_borrowed(&ctx_ref, &sig.bot, &ctx);
    let bind_error = sig
        .payload
        .as_ref()
        .map(|ty| bind_borrowed(&error_ref, ty, &error))
        .unwrap_or_default();
    let outcome = match &func.sig.output {
        ReturnType::Type(_, ty) => {
            let (at, _) = span_range(ty);
            quote_spanned!(at=> <#ty as ::bot_core::invoke::HookOutput>::into_result)
        }
        ReturnType::Default => quote!(::bot_core::invoke::HookOutput::into_result),
    };
    let path = plain_name(ident);
    quote! {
        #func

        const _: () = {
            fn __bot_event_call<'a>(
                #ctx: &'a #p::ApplicationContext,
                #error: &'a #p::CommandError,
            ) -> #p::HookFuture<'a> {
                #p::Box::pin(async move {
                    #bind_ctx
                    #bind_error
                    let __bot_event_out = #ident(#ctx_ref, #error_ref).await;
                    #outcome(__bot_event_out)
                })
            }

            #p::inventory::submit! {
                #p::EventHandlerDef {
                    path: ::core::concat!(::core::module_path!(), "::", #path),
                    call: #p::EventHandlerCall::CommandError(__bot_event_call),
                }
            }
        };
    }
}

/// `let binding: #ty = value;` for a value that is already a reference, checked at `ty`.
fn bind_borrowed(binding: &Ident, ty: &Type, value: &Ident) -> TokenStream {
    let (_, last) = span_range(ty);
    let value = Ident::new(&value.to_string(), last);
    quote!(let #binding: #ty = #value;)
}

/// The expansion of a valid handler: the function as written, then its registration.
pub(crate) fn handler(ir: &EventIr, sig: &Signature) -> TokenStream {
    if sig.event == super::ir::EventName::CommandError {
        return command_error_handler(ir, sig);
    }
    let p = private();
    let func = &ir.func;
    let ident = &func.sig.ident;
    let variant = Ident::new(sig.event.variant(), Span::call_site());

    let bot = format_ident!("__bot_event_bot");
    let bot_ref = format_ident!("__bot_event_bot_ref");
    let bind_bot = bind(&bot_ref, &sig.bot, &bot);
    let payload = format_ident!("__bot_event_payload");
    let payload_ref = format_ident!("__bot_event_payload_ref");
    let (payload_param, bind_payload, payload_arg) = match (&sig.payload, sig.event.payload()) {
        (Some(ty), Some((_, type_name))) => {
            let type_name = Ident::new(type_name, Span::call_site());
            (
                quote!(, #payload: ::bot_core::event::#type_name),
                bind(&payload_ref, ty, &payload),
                quote!(, #payload_ref),
            )
        }
        _ => (TokenStream::new(), TokenStream::new(), TokenStream::new()),
    };

    let into_result = match &func.sig.output {
        ReturnType::Type(_, ty) => {
            let (at, _) = span_range(ty);
            quote_spanned!(at=> <#ty as ::bot_core::__private::ListenerOutput>::into_result)
        }
        ReturnType::Default => quote!(#p::ListenerOutput::into_result),
    };
    let path = plain_name(ident);
    let boxed = quote_spanned!(ident.span()=> ::std::boxed::Box::pin);

    quote! {
        #func

        const _: () = {
            fn __bot_event_call(
                #bot: ::bot_core::Context #payload_param
            ) -> #p::ListenerFuture {
                #boxed(async move {
                    #bind_bot
                    #bind_payload
                    let __bot_event_out = #ident(#bot_ref #payload_arg).await;
                    #into_result(__bot_event_out)
                })
            }

            #p::inventory::submit! {
                #p::EventHandlerDef {
                    path: ::core::concat!(::core::module_path!(), "::", #path),
                    call: #p::EventHandlerCall::#variant(__bot_event_call),
                }
            }
        };
    }
}

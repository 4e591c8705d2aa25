//! Code generation: the function the dispatcher calls, the `const` check of the event's name
//! and the `inventory` entry, all inside one `const _: () = { ... };` so nothing leaks.
//!
//! Each type the user wrote is named where the compiler checks it, spanned at that type: the
//! event type only as `<E as EventType>`, the bot parameter as the type of a binding initialized
//! with `&Context`, the return type as `<R as ListenerOutput>`. A wrong type therefore gives one
//! error, at the type.

use super::checks::Signature;
use super::ir::ListenerIr;
use crate::command::expand::private;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::{ReturnType, Type};

/// The spans of the first and last tokens of `tokens` (`call_site` when empty): code spanned
/// from one to the other is reported over the whole of `tokens`.
pub(crate) fn span_range(tokens: &impl ToTokens) -> (Span, Span) {
    let mut iter = tokens.to_token_stream().into_iter();
    let first = iter.next().map_or_else(Span::call_site, |t| t.span());
    let last = iter.last().map_or(first, |t| t.span());
    (first, last)
}

/// The function's name without `r#`.
pub(crate) fn plain_name(ident: &syn::Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").map(str::to_owned).unwrap_or(text)
}

/// The expansion of a valid listener: the function as written, then its registration.
pub(crate) fn listener(ir: &ListenerIr, sig: &Signature) -> TokenStream {
    let p = private();
    let func = &ir.func;
    let ident = &func.sig.ident;
    let event = &sig.event;
    let (event_at, _) = span_range(event);
    // The only places the event type is named: errors about it land on it, once.
    let event_type = quote_spanned!(event_at=> <#event as ::bot_core::event::EventType>);

    let name = match &ir.attrs.name {
        Some(name) => {
            let text = &name.value;
            quote!(::core::option::Option::Some(#text))
        }
        None => quote!(::core::option::Option::None),
    };
    // Every token of the check is spanned at the name (a path from `private()` would keep the
    // call site's span), so a failed check is reported at the name.
    let name_check = ir.attrs.name.as_ref().map(|name| {
        let lit = syn::LitStr::new(&name.value, name.span);
        quote_spanned! {name.span=>
            const _: () =
                ::bot_core::__private::check_listener_name(__BOT_LISTENER_KIND, #lit);
        }
    });

    let (bind_bot, bot_arg) = match &sig.bot {
        Some(ty) => {
            // Type-checks only when the parameter's type is `&Context`; the initializer carries the
            // type's span, so a mismatch is reported there.
            let (first, last) = span_range(ty);
            let amp = quote_spanned!(first=> &);
            let var = quote_spanned!(last=> __bot_listener_bot);
            (
                quote!(let __bot_listener_bot_ref: #ty = #amp #var;),
                quote!(__bot_listener_bot_ref,),
            )
        }
        None => (quote!(let _ = &__bot_listener_bot;), TokenStream::new()),
    };

    let into_result = match &func.sig.output {
        ReturnType::Type(_, ty) if !matches!(ty.as_ref(), Type::ImplTrait(_)) => {
            let (at, _) = span_range(ty);
            quote_spanned!(at=> <#ty as ::bot_core::__private::ListenerOutput>::into_result)
        }
        _ => quote!(#p::ListenerOutput::into_result),
    };

    // `State<T>` parameters: taken from the bot's data (the bot's build checked it has them).
    let state_names: Vec<syn::Ident> = (0..sig.states.len())
        .map(|i| quote::format_ident!("__bot_listener_state_{}", i))
        .collect();
    let bind_states: TokenStream = sig
        .states
        .iter()
        .zip(&state_names)
        .map(|((ty, inner), name)| {
            let (at, _) = span_range(ty);
            quote_spanned! {at=>
                let #name: #ty = match __bot_listener_bot.data::<#inner>() {
                    ::core::option::Option::Some(state) => state,
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(#p::missing_state::<#inner>());
                    }
                };
            }
        })
        .collect();
    let state_inners = sig.states.iter().map(|(_, inner)| inner);
    let path = plain_name(ident);
    let once = ir.attrs.once.is_some();
    let concurrent = ir.attrs.concurrent.is_some();
    let boxed = quote_spanned!(ident.span()=> ::std::boxed::Box::pin);

    quote! {
        #func

        const _: () = {
            const __BOT_LISTENER_KIND: ::core::option::Option<::bot_core::event::EventKind> =
                #event_type::KIND;

            #name_check

            fn __bot_listener_call(
                __bot_listener_bot: ::bot_core::Context,
                __bot_listener_event: #p::Arc<::bot_core::event::Event>,
            ) -> #p::ListenerFuture {
                #boxed(async move {
                    match #event_type::extract(&__bot_listener_event) {
                        ::core::option::Option::Some(__bot_listener_payload) => {
                            #bind_bot
                            #bind_states
                            let __bot_listener_out =
                                #ident(#bot_arg __bot_listener_payload #(, #state_names)*).await;
                            #into_result(__bot_listener_out)
                        }
                        ::core::option::Option::None => ::core::result::Result::Ok(()),
                    }
                })
            }

            #p::inventory::submit! {
                #p::ListenerDef {
                    path: ::core::concat!(::core::module_path!(), "::", #path),
                    event: __BOT_LISTENER_KIND,
                    name: #name,
                    once: #once,
                    concurrent: #concurrent,
                    call: __bot_listener_call,
                    state: &[#(#p::StateRequirement::of::<#state_inners>()),*],
                }
            }
        };
    }
}

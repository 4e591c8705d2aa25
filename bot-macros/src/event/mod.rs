//! `#[event]` on a free `async fn` named after an event (`on_ready`, `on_connect`,
//! `on_disconnect`, `on_error`): replaces the bot's default handler of that event.

pub(crate) mod checks;
pub(crate) mod expand;
pub(crate) mod ir;

use crate::diag::Errors;
use proc_macro2::TokenStream;
use quote::quote;

/// Parses, validates and expands one handler.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(error) => {
            let error = syn::Error::new(
                error.span(),
                "`#[event]` goes on a free `async fn` named after the event: \
                 `async fn on_ready(ctx: &Context)`",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    if !args.is_empty() {
        errors.push(syn::Error::new_spanned(
            args,
            format!(
                "`#[event]` takes no arguments: the function's name is the event ({})",
                ir::NAMES
            ),
        ));
    }
    let ir = ir::parse_event(func);
    let signature = checks::check(&ir, &mut errors);
    match signature {
        Some(signature) if errors.is_empty() => expand::handler(&ir, &signature),
        _ => {
            // The original function alone: rust-analyzer keeps working, and no generated item
            // can add errors of its own.
            let func = &ir.func;
            let errors = errors.to_compile_errors();
            quote!(#func #errors)
        }
    }
}

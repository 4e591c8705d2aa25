//! `#[listen]` on a free `async fn`: registers it as a listener of the event its parameter's
//! type names.

pub(crate) mod checks;
pub(crate) mod expand;
pub(crate) mod ir;

use crate::diag::Errors;
use proc_macro2::TokenStream;
use quote::quote;

/// Parses, validates and expands one listener.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(error) => {
            let error = syn::Error::new(
                error.span(),
                "`#[listen]` goes on a free `async fn`: `async fn name(event: &MessageCreate)`",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    let attrs = ir::parse_listen_attrs(args, &mut errors);
    let ir = ir::parse_listener(func, attrs);
    let signature = checks::check(&ir, &mut errors);
    match signature {
        Some(signature) if errors.is_empty() => expand::listener(&ir, &signature),
        _ => {
            // The original function alone: rust-analyzer keeps working, and no generated item
            // can add errors of its own.
            let func = &ir.func;
            let errors = errors.to_compile_errors();
            quote!(#func #errors)
        }
    }
}

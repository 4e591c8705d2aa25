//! `#[cog]` on an `impl` block: its command and listener methods (taking `&self`) become the
//! cog's parts, its special methods (`cog_check`, `cog_before_invoke`, `cog_after_invoke`,
//! `cog_command_error`, `cog_unload`) override the `Cog` trait's defaults.

mod expand;
mod groups;
mod ir;

use crate::diag::Errors;
use proc_macro2::TokenStream;
use quote::quote;

/// Parses, validates and expands one cog.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let block: syn::ItemImpl = match syn::parse2(item.clone()) {
        Ok(block) => block,
        Err(error) => {
            let error = syn::Error::new(
                error.span(),
                "`#[cog]` goes on an `impl` block of your own type: `#[cog] impl MyCog { ... }`",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    let mut errors = Errors::default();
    let ir = ir::parse(args, block, &mut errors);
    if !errors.is_empty() {
        // The block without this SDK's attributes: rust-analyzer keeps working, and no
        // generated item adds errors of its own.
        let block = &ir.block;
        let errors = errors.to_compile_errors();
        return quote!(#block #errors);
    }
    expand::cog(&ir)
}

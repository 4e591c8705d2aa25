//! `#[slash_command]`, `#[user_command]` and `#[message_command]` on free functions.

pub(crate) mod around;
mod attrs;
pub(crate) mod checks;
pub(crate) mod expand;
pub(crate) mod ir;
mod params;

use crate::diag::Errors;
use bot_spec::CommandKind;
use ir::Placement;
use proc_macro2::TokenStream;
use quote::quote;

/// Parses, validates and expands one command function.
pub(crate) fn expand(kind: CommandKind, args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(error) => {
            let error = syn::Error::new(
                error.span(),
                "command attributes go on an `async fn` (for subcommands, on an inline `mod` \
                 with `#[slash_group]`)",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    let attrs = ir::parse_command_attrs(args, kind, Placement::TopLevel, &mut errors);
    let ir = ir::parse_command(func, kind, Placement::TopLevel, attrs, &mut errors);
    checks::check_types(&ir, &mut errors);
    let mut spans = checks::SpanMap::new(ir.func.sig.ident.span());
    let spec = checks::command_spec(&ir, &mut spans);
    checks::report(&spec, &spans, &mut errors);

    let func = &ir.func;
    if !errors.is_empty() {
        // The original function alone: rust-analyzer keeps working, and no generated item can
        // add errors of its own.
        let errors = errors.to_compile_errors();
        return quote!(#func #errors);
    }
    let base = &func.sig.ident;
    let options: Vec<TokenStream> = match kind {
        CommandKind::ChatInput => ir.params.iter().map(expand::param_option).collect(),
        _ => Vec::new(),
    };
    let literal = expand::command_literal(&ir, quote!(#(#options),*));
    let body = expand::invoke(&ir, quote!(#base));
    let p = expand::private();
    let state_types = ir.states.iter().map(|state| &state.inner);
    let layer_name = quote::format_ident!("__bot_layer_{}", base);
    let layer_fn = around::layer_fn(&layer_name, &ir.attrs.around, &ir.params);
    let setup_name = quote::format_ident!("__bot_setup_{}", base);
    let setup = quote! {
        #layer_fn

        #[doc(hidden)]
        fn #setup_name(layers: &mut #p::CommandLayers) {
            #layer_name(layers.layer(&[]));
        }
    };
    let (spec_ident, registration) = expand::registration(
        base,
        literal,
        body,
        base.span(),
        false,
        expand::EntryExtras {
            help: crate::docs::help(&func.attrs),
            states: quote!(&[&[#(#p::StateRequirement::of::<#state_types>()),*]]),
            setup: quote!(#setup_name),
        },
    );
    let assertions: TokenStream = match kind {
        CommandKind::ChatInput => ir
            .params
            .iter()
            .enumerate()
            .map(|(i, param)| expand::param_assertions(param, &spec_ident, &[i]))
            .collect(),
        _ => TokenStream::new(),
    };
    quote! {
        #func
        #setup
        #registration
        #assertions
    }
}

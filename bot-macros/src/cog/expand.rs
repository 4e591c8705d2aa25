//! Code generation for a `#[cog]` block: the block as written, then, inside one
//! `const _: () = { ... };`, each command's static spec and assertions, and the `Cog` impl whose
//! `parts` binds every command and listener to the instance.

use super::ir::{CogCommand, CogIr, CogListener, Special};
use crate::command::around;
use crate::command::expand::{self, private};
use crate::group::{Group, Member};
use crate::listen::expand::{plain_name, span_range};
use bot_spec::CommandKind;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::{ReturnType, Type};

/// The statement adding a command to `parts`: its `[spec, state, setup]` items, where it is
/// defined, its help, and the handler's body (run with `this`, the cog, and `ctx` in scope).
fn add_command(
    [spec, state, setup]: &[&syn::Ident; 3],
    source: &str,
    help: &str,
    body: TokenStream,
) -> TokenStream {
    let p = private();
    quote! {{
        let this = ::std::sync::Arc::clone(&self);
        parts.command(#p::RegisteredCommand::of_cog(
            &#spec,
            ::core::concat!(::core::module_path!(), "::", #source),
            #help,
            #state,
            #setup,
            move |ctx: #p::ApplicationContext| -> #p::HandlerFuture {
                let this = ::std::sync::Arc::clone(&this);
                ::std::boxed::Box::pin(async move { #body })
            },
        ));
    }}
}

/// A command's static items (outside the impl) and the statement adding it to `parts`.
fn command(ty: &Type, command: &CogCommand) -> (TokenStream, TokenStream) {
    let p = private();
    let ir = &command.ir;
    let method = &ir.func.sig.ident;
    let options: Vec<TokenStream> = match ir.kind {
        CommandKind::ChatInput => ir.params.iter().map(expand::param_option).collect(),
        _ => Vec::new(),
    };
    let literal = expand::command_literal(ir, quote!(#(#options),*));
    let spec = format_ident!("__bot_spec_{}", method);
    let layer = format_ident!("__bot_layer_{}", method);
    let setup = format_ident!("__bot_setup_{}", method);
    let layer_fn = around::layer_fn(&layer, &ir.attrs.around, &ir.params);
    let assertions: TokenStream = match ir.kind {
        CommandKind::ChatInput => ir
            .params
            .iter()
            .enumerate()
            .map(|(i, param)| expand::param_assertions(param, &spec, &[i]))
            .collect(),
        _ => TokenStream::new(),
    };
    let size = size_assertion(&spec, method.span());
    let state_types = ir.states.iter().map(|state| &state.inner);
    let state = format_ident!("__bot_state_{}", method);
    let statics = quote! {
        #[allow(non_upper_case_globals)]
        static #spec: #p::CommandSpec<'static> = #literal;
        #[allow(non_upper_case_globals)]
        const #state: &[&[#p::StateRequirement]] =
            &[&[#(#p::StateRequirement::of::<#state_types>()),*]];
        #size
        #assertions
        #layer_fn
        #[allow(non_snake_case)]
        fn #setup(layers: &mut #p::CommandLayers) {
            #layer(layers.layer(&[]));
        }
    };
    let body = expand::invoke(ir, quote!(this.#method));
    let help = crate::docs::help(&ir.func.attrs);
    let source = format!(
        "{}::{}",
        quote!(#ty).to_string().replace(' ', ""),
        plain_name(method)
    );
    let add = add_command(&[&spec, &state, &setup], &source, &help, body);
    (statics, add)
}

/// The size assertion of the spec `spec`, at `span`.
fn size_assertion(spec: &syn::Ident, span: proc_macro2::Span) -> TokenStream {
    let p = private();
    quote_spanned! {span=>
        const _: () = ::core::assert!(
            #p::limits::command_size(&#spec) <= #p::limits::COMMAND_SIZE_MAX,
            "the command exceeds Discord's maximum size of 8000 characters over names, \
             descriptions and choices (APPLICATION_COMMAND_TOO_LARGE)"
        );
    }
}

/// What a group's members add: layer functions, setup statements, dispatch arms and state
/// lists, walked depth first.
#[derive(Default)]
struct Walk {
    layer_fns: TokenStream,
    setups: Vec<TokenStream>,
    arms: Vec<TokenStream>,
    states: Vec<TokenStream>,
}

fn walk(member: &Member, names: &[String], out: &mut Walk) {
    let p = private();
    match member {
        Member::Sub(ir) => {
            let method = &ir.func.sig.ident;
            let mut full = names.to_vec();
            full.push(crate::command::checks::command_name(ir).value);
            let layer = format_ident!("__bot_layer_{}", method);
            out.layer_fns
                .extend(around::layer_fn(&layer, &ir.attrs.around, &ir.params));
            out.setups
                .push(quote!(#layer(layers.layer(&[#(#full),*]));));
            let body = expand::invoke(ir, quote!(this.#method));
            out.arms.push(quote!([#(#full),*] => { #body }));
            let state_types = ir.states.iter().map(|state| &state.inner);
            out.states
                .push(quote!(&[#(#p::StateRequirement::of::<#state_types>()),*]));
        }
        Member::Group(group) => {
            let ident = &group.module.ident;
            let mut full = names.to_vec();
            full.push(crate::command::checks::command_name(&group.ir).value);
            let layer = format_ident!("__bot_layer_group_{}", ident);
            out.layer_fns
                .extend(around::layer_fn(&layer, &group.ir.attrs.around, &[]));
            out.setups
                .push(quote!(#layer(layers.layer(&[#(#full),*]));));
            for inner in &group.members {
                walk(inner, &full, out);
            }
        }
    }
}

/// A group's static items and the statement adding it to `parts`.
fn group_command(ty: &Type, group: &Group) -> (TokenStream, TokenStream) {
    let p = private();
    let base = &group.module.ident;
    let spec = format_ident!("__bot_spec_group_{}", base);
    let mut unused_wrappers = Vec::new();
    let mut literals = Vec::new();
    let mut assertions = TokenStream::new();
    for (i, member) in group.members.iter().enumerate() {
        let generated = crate::group::generate(
            member,
            vec![i],
            quote!(self::),
            Vec::new(),
            &spec,
            &mut unused_wrappers,
            0,
        );
        literals.push(generated.literal);
        assertions.extend(generated.assertions);
    }
    let literal = expand::command_literal(&group.ir, quote!(#(#literals),*));
    let mut members = Walk::default();
    for member in &group.members {
        walk(member, &[], &mut members);
    }
    let Walk {
        layer_fns,
        setups,
        arms,
        states,
    } = members;
    let group_layer = format_ident!("__bot_layer_group_{}", base);
    let group_layer_fn = around::layer_fn(&group_layer, &group.ir.attrs.around, &[]);
    let setup = format_ident!("__bot_setup_group_{}", base);
    let state = format_ident!("__bot_state_group_{}", base);
    let size = size_assertion(&spec, base.span());
    let statics = quote! {
        #[allow(non_upper_case_globals)]
        static #spec: #p::CommandSpec<'static> = #literal;
        #[allow(non_upper_case_globals)]
        const #state: &[&[#p::StateRequirement]] = &[#(#states),*];
        #size
        #assertions
        #group_layer_fn
        #layer_fns
        #[allow(non_snake_case)]
        fn #setup(layers: &mut #p::CommandLayers) {
            #group_layer(layers.layer(&[]));
            #(#setups)*
        }
    };
    let help = crate::docs::help(&group.module.attrs);
    let source = format!("{}::{}", quote!(#ty).to_string().replace(' ', ""), base);
    let dispatch = quote! {
        let __bot_path: ::std::vec::Vec<::std::string::String> =
            ctx.command_path().get(1..).unwrap_or_default().to_vec();
        let __bot_path: ::std::vec::Vec<&str> =
            __bot_path.iter().map(::std::string::String::as_str).collect();
        match __bot_path.as_slice() {
            #(#arms)*
            _ => ::core::result::Result::Err(#p::unknown_subcommand(&ctx)),
        }
    };
    let add = add_command(&[&spec, &state, &setup], &source, &help, dispatch);
    (statics, add)
}

/// The statement adding a listener to `parts`.
fn listener(ty: &Type, listener: &CogListener) -> TokenStream {
    let p = private();
    let ir = &listener.ir;
    let sig = &listener.signature;
    let method = &ir.func.sig.ident;
    let event = &sig.event;
    let (event_at, _) = span_range(event);
    let event_type = quote_spanned!(event_at=> <#event as ::bot_core::event::EventType>);
    let name_check = ir.attrs.name.as_ref().map(|name| {
        let lit = syn::LitStr::new(&name.value, name.span);
        quote_spanned! {name.span=>
            const _: () = ::bot_core::__private::check_listener_name(#event_type::KIND, #lit);
        }
    });
    let (bind_bot, bot_arg) = match &sig.bot {
        Some(bot_ty) => {
            let (first, last) = span_range(bot_ty);
            let amp = quote_spanned!(first=> &);
            let var = quote_spanned!(last=> __bot_listener_bot);
            (
                quote!(let __bot_listener_bot_ref: #bot_ty = #amp #var;),
                quote!(__bot_listener_bot_ref,),
            )
        }
        None => (TokenStream::new(), TokenStream::new()),
    };
    let into_result = match &ir.func.sig.output {
        ReturnType::Type(_, out) if !matches!(out.as_ref(), Type::ImplTrait(_)) => {
            let (at, _) = span_range(out);
            quote_spanned!(at=> <#out as ::bot_core::__private::ListenerOutput>::into_result)
        }
        _ => quote!(#p::ListenerOutput::into_result),
    };
    let state_names: Vec<syn::Ident> = (0..sig.states.len())
        .map(|i| format_ident!("__bot_listener_state_{}", i))
        .collect();
    let bind_states: TokenStream = sig
        .states
        .iter()
        .zip(&state_names)
        .map(|((state_ty, inner), name)| {
            let (at, _) = span_range(state_ty);
            quote_spanned! {at=>
                let #name: #state_ty = match __bot_listener_bot.data::<#inner>() {
                    ::core::option::Option::Some(state) => state,
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(#p::missing_state::<#inner>());
                    }
                };
            }
        })
        .collect();
    let mut options = quote!(#p::ListenerOptions::new());
    if ir.attrs.once.is_some() {
        options = quote!(#options.once());
    }
    if ir.attrs.concurrent.is_some() {
        options = quote!(#options.concurrent());
    }
    let path = format!(
        "{}::{}",
        quote!(#ty).to_string().replace(' ', ""),
        plain_name(method)
    );
    quote! {{
        #name_check
        let this = ::std::sync::Arc::clone(&self);
        parts.listener::<#event, _, _>(
            #options.name(::core::concat!(::core::module_path!(), "::", #path)),
            move |__bot_listener_received: #p::Received<#event>| {
                let this = ::std::sync::Arc::clone(&this);
                async move {
                    let __bot_listener_bot = ::std::clone::Clone::clone(__bot_listener_received.bot());
                    let _ = &__bot_listener_bot;
                    #bind_bot
                    #bind_states
                    let __bot_listener_out = this
                        .#method(#bot_arg &*__bot_listener_received #(, #state_names)*)
                        .await;
                    #into_result(__bot_listener_out)
                }
            },
        );
    }}
}

/// The `Cog` methods the block's special methods override.
fn special(ty: &Type, special: Special) -> TokenStream {
    let p = private();
    let name = syn::Ident::new(special.name(), proc_macro2::Span::call_site());
    match special {
        Special::Check => quote! {
            fn cog_check<'a>(&'a self, ctx: &'a #p::ApplicationContext) -> #p::CheckFuture<'a> {
                ::std::boxed::Box::pin(async move {
                    #p::check_outcome("cog_check", <#ty>::#name(self, ctx).await)
                })
            }
        },
        Special::BeforeInvoke | Special::AfterInvoke => quote! {
            fn #name<'a>(&'a self, ctx: &'a #p::ApplicationContext) -> #p::HookFuture<'a> {
                ::std::boxed::Box::pin(async move {
                    #p::hook_outcome(<#ty>::#name(self, ctx).await)
                })
            }
        },
        Special::CommandError => quote! {
            fn has_error_handler(&self) -> bool {
                true
            }

            fn cog_command_error<'a>(
                &'a self,
                ctx: &'a #p::ApplicationContext,
                error: &'a #p::CommandError,
            ) -> #p::HookFuture<'a> {
                ::std::boxed::Box::pin(async move {
                    #p::hook_outcome(<#ty>::cog_command_error(self, ctx, error).await)
                })
            }
        },
        Special::Unload => quote! {
            fn cog_unload(&self) -> ::bot_core::cog::UnloadFuture<'_> {
                ::std::boxed::Box::pin(async move { <#ty>::cog_unload(self).await })
            }
        },
    }
}

/// The expansion of a valid cog.
pub(crate) fn cog(ir: &CogIr) -> TokenStream {
    let p = private();
    let block = &ir.block;
    let ty = block.self_ty.as_ref();
    let name = &ir.name;
    let (mut statics, mut adds): (Vec<_>, Vec<_>) =
        ir.commands.iter().map(|c| command(ty, c)).unzip();
    for group in &ir.groups {
        let (group_statics, add) = group_command(ty, group);
        statics.push(group_statics);
        adds.push(add);
    }
    let listeners: Vec<TokenStream> = ir.listeners.iter().map(|l| listener(ty, l)).collect();
    let specials: Vec<TokenStream> = ir.specials.iter().map(|s| special(ty, *s)).collect();
    let layer_body = around::layer_body(&ir.around, &[]);
    quote! {
        #block

        const _: () = {
            #(#statics)*

            impl ::bot_core::cog::Cog for #ty {
                fn name(&self) -> #p::Cow<'static, str> {
                    #p::Cow::Borrowed(#name)
                }

                fn parts(self: ::std::sync::Arc<Self>) -> ::bot_core::cog::CogParts {
                    let mut parts = ::bot_core::cog::CogParts::new();
                    #(#adds)*
                    #(#listeners)*
                    let _ = &self;
                    parts
                }

                #[allow(unused_variables)]
                fn layer(&self, layer: &mut #p::CommandLayer) {
                    #layer_body
                }

                #(#specials)*
            }
        };
    }
}

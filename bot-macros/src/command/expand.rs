//! Code generation: the static spec, the `const` assertions of tier (b), the handler and the
//! `inventory` entry.

use super::checks::{command_description, command_name};
use super::ir::{CommandIr, InlineChoice, Localized, Param};
use bot_spec::{
    ChannelType, ChoiceValue, CommandKind, IntegrationType, InteractionContextType, NumericValue,
};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

/// `::bot_core::__private`, where the expansion finds everything it names.
pub(crate) fn private() -> TokenStream {
    quote!(::bot_core::__private)
}

pub(crate) fn localizations(items: &[Localized]) -> TokenStream {
    let p = private();
    let entries = items.iter().map(|l| {
        let (locale, text) = &l.value;
        quote!(#p::Localized::new(#locale, #text))
    });
    quote!(#p::Localizations(#p::Cow::Borrowed(&[#(#entries),*])))
}

fn numeric(value: NumericValue) -> TokenStream {
    let p = private();
    match value {
        NumericValue::Integer(n) => quote!(#p::NumericValue::Integer(#n)),
        NumericValue::Number(x) => quote!(#p::NumericValue::Number(#x)),
    }
}

fn option_tokens<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

fn channel_type(t: ChannelType) -> TokenStream {
    let p = private();
    let n = t.value();
    quote!(#p::ChannelType::from_value(#n))
}

fn inline_choices(choices: &[InlineChoice]) -> TokenStream {
    let p = private();
    let items = choices.iter().map(|c| {
        let name = &c.name;
        match &c.value {
            ChoiceValue::String(s) => {
                let s = s.as_ref();
                quote!(#p::ChoiceSpec::string(#name, #s))
            }
            ChoiceValue::Integer(n) => quote!(#p::ChoiceSpec::integer(#name, #n)),
            ChoiceValue::Number(x) => quote!(#p::ChoiceSpec::number(#name, #x)),
        }
    });
    quote!(#p::Cow::Borrowed(&[#(#items),*]))
}

/// `<T as SlashArgument>::NAME`, spanned at the type so every error about it points there.
fn project(ty: &Type, name: &str) -> TokenStream {
    let p = private();
    let name = Ident::new(name, Span::call_site());
    quote_spanned!(ty.span()=> <#ty as #p::SlashArgument>::#name)
}

/// The `OptionSpec` literal of a parameter.
pub(crate) fn param_option(param: &Param) -> TokenStream {
    let p = private();
    let ty = &param.ty;
    let kind = project(ty, "KIND");
    let name = &param.name.value;
    let description = param
        .description
        .as_ref()
        .map(|d| d.value.clone())
        .unwrap_or_default();
    let name_localizations = localizations(&param.name_localized);
    let description_localizations = localizations(&param.description_localized);
    let required = if param.default.is_some() {
        quote!(false)
    } else {
        project(ty, "REQUIRED")
    };
    let choices = match &param.choices {
        Some(choices) => inline_choices(&choices.value),
        None => {
            let from_type = project(ty, "CHOICES");
            quote!(#p::Cow::Borrowed(#from_type))
        }
    };
    let channel_types = match &param.channel_types {
        Some(types) => {
            let items = types.value.iter().map(|t| channel_type(*t));
            quote!(#p::Cow::Borrowed(&[#(#items),*]))
        }
        None => {
            let from_type = project(ty, "CHANNEL_TYPES");
            quote!(#p::Cow::Borrowed(#from_type))
        }
    };
    let min_explicit = option_tokens(param.min.as_ref().map(|b| numeric(b.value)));
    let max_explicit = option_tokens(param.max.as_ref().map(|b| numeric(b.value)));
    let type_min = project(ty, "MIN_VALUE");
    let type_max = project(ty, "MAX_VALUE");
    let min_length = option_tokens(param.min_length.as_ref().map(|l| l.value));
    let max_length = option_tokens(param.max_length.as_ref().map(|l| l.value));
    let autocomplete = param.autocomplete.is_some();
    let file_types = param
        .file_types
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_default();
    quote! {
        #p::OptionSpec {
            kind: #kind,
            name: #p::Cow::Borrowed(#name),
            name_localizations: #name_localizations,
            description: #p::Cow::Borrowed(#description),
            description_localizations: #description_localizations,
            required: #required,
            choices: #choices,
            options: #p::Cow::Borrowed(&[]),
            channel_types: #channel_types,
            min_value: #p::bound_or(#min_explicit, #type_min),
            max_value: #p::bound_or(#max_explicit, #type_max),
            min_length: #min_length,
            max_length: #max_length,
            autocomplete: #autocomplete,
            file_types: #p::Cow::Borrowed(&[#(#p::Cow::Borrowed(#file_types)),*]),
        }
    }
}

/// One `const` assertion, spanned at `span`.
fn assertion(span: Span, condition: TokenStream, message: &str) -> TokenStream {
    quote_spanned! {span=>
        const _: () = ::core::assert!(#condition, #message);
    }
}

/// The tier-(b) assertions of the parameter at `path` in the spec `spec_ident`.
pub(crate) fn param_assertions(param: &Param, spec: &Ident, path: &[usize]) -> TokenStream {
    let p = private();
    let option = quote!(#p::option_at(&#spec, &[#(#path),*]));
    let (level_path, index) = path.split_at(path.len() - 1);
    let index = index[0];
    let ty_span = param.ty.span();
    let mut out = TokenStream::new();
    out.extend(assertion(
        ty_span,
        quote!(#p::required_in_order(#p::options_at(&#spec, &[#(#level_path),*]), #index)),
        &format!(
            "option `{}` is required but follows an optional one: Discord needs required options \
             first (make it `Option<_>`, give it a `default`, or move it up)",
            param.name.value
        ),
    ));
    out.extend(assertion(
        ty_span,
        quote!(#p::choices_fit(#option)),
        &format!(
            "option `{}`: its choices must be at most 25, on a string, integer or number option, \
             with values of the option's type (strings of at most 100 characters)",
            param.name.value
        ),
    ));
    let type_min = project(&param.ty, "MIN_VALUE");
    let type_max = project(&param.ty, "MAX_VALUE");
    for bound in [&param.min, &param.max].into_iter().flatten() {
        let value = numeric(bound.value);
        out.extend(assertion(
            bound.span,
            quote!(#p::value_bounds_apply(#option)),
            "`min`/`max` apply only to integer and number options (Discord: min_value/max_value \
             on INTEGER and NUMBER)",
        ));
        out.extend(assertion(
            bound.span,
            quote!(#p::integer_bounds_are_integers(#option)),
            "an integer option's `min`/`max` must be whole numbers",
        ));
        out.extend(assertion(
            bound.span,
            quote!(#p::within_type(::core::option::Option::Some(#value), #type_min, #type_max)),
            "this bound lies outside the range of the parameter's type",
        ));
    }
    if let Some(max) = param.max.as_ref().or(param.min.as_ref()) {
        out.extend(assertion(
            max.span,
            quote!(#p::value_bounds_ordered(#option)),
            "`min` must not be greater than `max` (including the range of the parameter's type)",
        ));
    }
    for bound in [&param.min_length, &param.max_length].into_iter().flatten() {
        out.extend(assertion(
            bound.span,
            quote!(#p::length_bounds_apply(#option)),
            "`min_length`/`max_length` apply only to string options (Discord: STRING only)",
        ));
    }
    if let Some(types) = &param.channel_types {
        out.extend(assertion(
            types.span,
            quote!(#p::channel_types_apply(#option)),
            "`channel_types` applies only to channel options (Discord: CHANNEL only)",
        ));
    }
    if let Some(types) = &param.file_types {
        out.extend(assertion(
            types.span,
            quote!(#p::file_types_apply(#option)),
            "`file_types` applies only to attachment options (Discord: ATTACHMENT only)",
        ));
    }
    if let Some(path) = &param.autocomplete {
        out.extend(assertion(
            path.span(),
            quote!(#p::autocomplete_applies(#option)),
            "`autocomplete` applies only to string, integer and number options without choices \
             (a `Choice` type already lists its values)",
        ));
    }
    out
}

/// The statement that extracts one argument inside a handler. The type is named only through
/// `<T as SlashArgument>`, spanned at the type, so an unsupported type gives one error.
pub(crate) fn extract_argument(param: &Param, ident: &Ident) -> TokenStream {
    let p = private();
    let ty = &param.ty;
    let name = &param.name.value;
    let extract = quote_spanned!(ty.span()=> <#ty as #p::SlashArgument>::extract);
    match &param.default {
        Some(default) => quote! {
            let #ident: #ty = match ctx.option(#name) {
                ::core::option::Option::Some(_) => #extract(&ctx.argument_source(#name))?,
                ::core::option::Option::None => #default,
            };
        },
        None => quote! {
            let #ident: #ty = #extract(&ctx.argument_source(#name))?;
        },
    }
}

/// How the handler passes the context: by reference, or a clone for an owned parameter.
pub(crate) fn context_argument(ir: &CommandIr) -> TokenStream {
    match &ir.ctx_ty {
        Some(Type::Reference(_)) | None => quote!(&ctx),
        Some(_) => quote!(ctx.clone()),
    }
}

/// The body that extracts the arguments and calls the function `call_path`.
pub(crate) fn invoke(ir: &CommandIr, call_path: TokenStream) -> TokenStream {
    let p = private();
    let ctx_arg = context_argument(ir);
    // Each argument is bound to a name of the macro's own (`__bot_arg_<position>`): a parameter
    // named like the function must not shadow it at the call.
    let binding = |ident: &Ident| -> Ident {
        let position = ir
            .args
            .iter()
            .position(|a| a == ident)
            .unwrap_or(usize::MAX);
        quote::format_ident!("__bot_arg_{}", position)
    };
    let idents: Vec<Ident> = ir.args.iter().map(binding).collect();
    let states: TokenStream = ir
        .states
        .iter()
        .map(|state| {
            let (ty, inner) = (&state.ty, &state.inner);
            let ident = binding(&state.ident);
            quote_spanned!(ty.span()=> let #ident: #ty = #p::state::<#inner>(&ctx)?;)
        })
        .collect();
    let extract: TokenStream = match ir.kind {
        CommandKind::User | CommandKind::Message => ir
            .params
            .iter()
            .map(|param| {
                let ident = binding(&param.ident);
                let ty = &param.ty;
                let getter = if ir.kind == CommandKind::User {
                    quote_spanned!(ty.span()=> #p::user_target::<#ty>)
                } else {
                    quote_spanned!(ty.span()=> #p::message_target::<#ty>)
                };
                quote!(let #ident: #ty = #getter(&ctx)?;)
            })
            .collect(),
        _ => ir
            .params
            .iter()
            .map(|param| extract_argument(param, &binding(&param.ident)))
            .collect(),
    };
    let output_span = match &ir.func.sig.output {
        syn::ReturnType::Type(_, ty) => ty.span(),
        syn::ReturnType::Default => ir.func.sig.ident.span(),
    };
    let result = quote_spanned!(output_span=> #p::into_command_result(#call_path(#ctx_arg, #(#idents),*).await));
    quote! {
        #states
        #extract
        #result
    }
}

/// The `CommandSpec` literal of a whole command with the given options tokens.
pub(crate) fn command_literal(ir: &CommandIr, options: TokenStream) -> TokenStream {
    let p = private();
    let kind = match ir.kind {
        CommandKind::ChatInput => quote!(#p::CommandKind::ChatInput),
        CommandKind::User => quote!(#p::CommandKind::User),
        _ => quote!(#p::CommandKind::Message),
    };
    let name = command_name(ir).value;
    let description = match ir.kind {
        CommandKind::ChatInput => command_description(ir).map(|d| d.value).unwrap_or_default(),
        _ => String::new(),
    };
    let name_localizations = localizations(&ir.attrs.name_localized);
    let description_localizations = localizations(&ir.attrs.description_localized);
    let permissions = option_tokens(
        ir.attrs
            .default_member_permissions
            .as_ref()
            .map(|expr| quote!(#p::Permissions::from_bits(#expr))),
    );
    let contexts = option_tokens(ir.attrs.contexts.as_ref().map(|c| {
        let items = c.value.iter().map(|t: &InteractionContextType| {
            let n = t.value();
            quote!(#p::InteractionContextType::from_value(#n))
        });
        quote!(#p::Cow::Borrowed(&[#(#items),*]))
    }));
    let integration_types = option_tokens(ir.attrs.integration_types.as_ref().map(|c| {
        let items = c.value.iter().map(|t: &IntegrationType| {
            let n = t.value();
            quote!(#p::IntegrationType::from_value(#n))
        });
        quote!(#p::Cow::Borrowed(&[#(#items),*]))
    }));
    let nsfw = ir.attrs.nsfw.is_some();
    let scope = match &ir.attrs.guild_ids {
        Some(ids) => {
            let ids = &ids.value;
            quote!(#p::Scope::Guilds(#p::Cow::Borrowed(&[#(#ids),*])))
        }
        None => quote!(#p::Scope::Global),
    };
    quote! {
        #p::CommandSpec {
            kind: #kind,
            name: #p::Cow::Borrowed(#name),
            name_localizations: #name_localizations,
            description: #p::Cow::Borrowed(#description),
            description_localizations: #description_localizations,
            options: #p::Cow::Borrowed(&[#options]),
            default_member_permissions: #permissions,
            contexts: #contexts,
            integration_types: #integration_types,
            nsfw: #nsfw,
            scope: #scope,
        }
    }
}

/// The entry's fields besides its spec and handler.
pub(crate) struct EntryExtras {
    /// The doc comment after its first paragraph.
    pub(crate) help: String,
    /// The `&[&[StateRequirement]]` of its handler functions.
    pub(crate) states: TokenStream,
    /// The path of the function that fills its layers.
    pub(crate) setup: TokenStream,
}

/// The static, the size assertion, the handler and the `inventory` entry of a command whose
/// handler body is `body` (run with `ctx: ApplicationContext` in scope) and whose layers
/// `setup` (a function's path) fills.
pub(crate) fn registration(
    base: &Ident,
    literal: TokenStream,
    body: TokenStream,
    size_span: Span,
    inside_module: bool,
    extras: EntryExtras,
) -> (Ident, TokenStream) {
    let EntryExtras {
        help,
        states,
        setup,
    } = extras;
    let p = private();
    let spec = format_ident!("__bot_spec_{}", base);
    let handler = format_ident!("__bot_handler_{}", base);
    // A group registers inside its own module, whose path already names it.
    let source = if inside_module {
        quote!(::core::module_path!())
    } else {
        let name = base.to_string();
        quote!(::core::concat!(::core::module_path!(), "::", #name))
    };
    let size = assertion(
        size_span,
        quote!(#p::limits::command_size(&#spec) <= #p::limits::COMMAND_SIZE_MAX),
        "the command exceeds Discord's maximum size of 8000 characters over names, descriptions \
         and choices (APPLICATION_COMMAND_TOO_LARGE)",
    );
    let tokens = quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        static #spec: #p::CommandSpec<'static> = #literal;

        #size

        #[doc(hidden)]
        fn #handler(ctx: #p::ApplicationContext) -> #p::HandlerFuture {
            ::std::boxed::Box::pin(async move { #body })
        }

        #p::inventory::submit! {
            #p::CommandEntry {
                spec: &#spec,
                handler: #handler,
                source: #source,
                help: #help,
                state: #states,
                setup: #setup,
            }
        }
    };
    (spec, tokens)
}

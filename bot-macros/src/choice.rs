//! `#[derive(Choice)]`: an enum whose variants are an option's fixed choices.

use crate::command::expand::private;
use crate::command::ir::{Localized, Spanned};
use crate::diag::Errors;
use crate::literal;
use bot_spec::{
    ChoiceSpec, ChoiceValue, CommandSpec, Localizations, OptionKind, OptionSpec, validate_command,
};
use proc_macro2::TokenStream;
use quote::quote;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Data, DeriveInput, Expr, Fields, Meta, Token};

struct Variant {
    ident: syn::Ident,
    name: Spanned<String>,
    value: Spanned<ChoiceValue<'static>>,
    localized: Vec<Localized>,
}

const KEYS: &str = "`name`, `value`, `name_localized`";

fn parse_variant_attrs(
    variant: &syn::Variant,
    errors: &mut Errors,
) -> (
    Option<Spanned<String>>,
    Option<Spanned<String>>,
    Vec<Localized>,
) {
    let mut name = None;
    let mut value = None;
    let mut localized = Vec::new();
    for attr in variant.attrs.iter().filter(|a| a.path().is_ident("choice")) {
        let metas = match attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) {
            Ok(metas) => metas,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        for meta in metas {
            let key = meta
                .path()
                .get_ident()
                .map(|i| i.to_string())
                .unwrap_or_default();
            let result: syn::Result<()> = (|| {
                match (key.as_str(), &meta) {
                    ("name", Meta::NameValue(nv)) => {
                        let (text, span) = literal::string(&nv.value)?;
                        name = Some(Spanned::new(text, span));
                    }
                    ("value", Meta::NameValue(nv)) => {
                        let (text, span) = literal::string(&nv.value)?;
                        value = Some(Spanned::new(text, span));
                    }
                    ("name_localized", Meta::List(list)) => {
                        let args =
                            list.parse_args_with(Punctuated::<Expr, Token![,]>::parse_terminated)?;
                        let items: Vec<&Expr> = args.iter().collect();
                        let [locale, text] = items.as_slice() else {
                            return Err(syn::Error::new(
                                list.span(),
                                "expected `name_localized(\"locale\", \"name\")`",
                            ));
                        };
                        let (locale, _) = literal::string(locale)?;
                        let (text, _) = literal::string(text)?;
                        localized.push(Spanned::new((locale, text), list.span()));
                    }
                    _ => {
                        return Err(syn::Error::new(
                            meta.path().span(),
                            format!("unknown choice attribute `{key}`; expected one of: {KEYS}"),
                        ));
                    }
                }
                Ok(())
            })();
            errors.ok(result);
        }
    }
    (name, value, localized)
}

/// Expands `#[derive(Choice)]`.
pub(crate) fn expand(item: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(item) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let mut errors = Errors::default();
    let Data::Enum(data) = &input.data else {
        return syn::Error::new(input.ident.span(), "`Choice` derives only on enums")
            .to_compile_error();
    };
    if !input.generics.params.is_empty() {
        errors.add(input.generics.span(), "a `Choice` enum cannot be generic");
    }
    let integer = data.variants.iter().any(|v| v.discriminant.is_some());
    let mut variants = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            errors.add(
                variant.fields.span(),
                "a `Choice` variant carries no data: each variant is one choice",
            );
            continue;
        }
        let (name, value, localized) = parse_variant_attrs(variant, &mut errors);
        let name =
            name.unwrap_or_else(|| Spanned::new(variant.ident.to_string(), variant.ident.span()));
        let value = match (&variant.discriminant, integer, value) {
            (Some((_, expr)), _, None) => match literal::number(expr) {
                Ok(bot_spec::NumericValue::Integer(n)) => {
                    Spanned::new(ChoiceValue::Integer(n), expr.span())
                }
                _ => {
                    errors.add(
                        expr.span(),
                        "an integer choice's value is an integer literal",
                    );
                    continue;
                }
            },
            (None, true, _) => {
                errors.add(variant.ident.span(), "give every variant a value (`= 1`) or none: integer choices need all, string choices none");
                continue;
            }
            (_, true, Some(value)) => {
                errors.add(
                    value.span,
                    "`value = \"...\"` is for string choices; this enum has integer values",
                );
                continue;
            }
            (_, false, Some(value)) => {
                Spanned::new(ChoiceValue::String(value.value.into()), value.span)
            }
            (_, false, None) => Spanned::new(
                ChoiceValue::String(variant.ident.to_string().into()),
                variant.ident.span(),
            ),
        };
        variants.push(Variant {
            ident: variant.ident.clone(),
            name,
            value,
            localized,
        });
    }
    if data.variants.is_empty() {
        errors.add(
            input.ident.span(),
            "a `Choice` enum needs at least one variant",
        );
    }

    // Discord's rules on the choices, checked through bot-spec on a stand-in option.
    let kind = if integer {
        OptionKind::Integer
    } else {
        OptionKind::String
    };
    let choices: Vec<ChoiceSpec<'static>> = variants
        .iter()
        .map(|v| ChoiceSpec {
            name: v.name.value.clone().into(),
            name_localizations: v
                .localized
                .iter()
                .map(|l| (l.value.0.clone(), l.value.1.clone()))
                .collect::<Localizations<'static>>(),
            value: v.value.value.clone(),
        })
        .collect();
    let stand_in = CommandSpec::chat_input("choice", "choice").option(OptionSpec {
        choices: choices.into(),
        ..OptionSpec::new(kind, "choice", "choice")
    });
    if let Err(violations) = validate_command(&stand_in) {
        for violation in &violations {
            let path = violation.path.to_string();
            let span = path
                .strip_prefix("options[0].choices[")
                .and_then(|rest| rest.split(']').next())
                .and_then(|index| index.parse::<usize>().ok())
                .and_then(|index| variants.get(index))
                .map(|v| {
                    if path.ends_with(".value") {
                        v.value.span
                    } else {
                        v.name.span
                    }
                })
                .unwrap_or_else(|| input.ident.span());
            errors.add(span, format!("{} [{}]", violation.message, violation.code));
        }
    }
    for (i, v) in variants.iter().enumerate() {
        if variants[..i]
            .iter()
            .any(|earlier| earlier.value.value == v.value.value)
        {
            errors.add(v.value.span, "two choices have the same value");
        }
    }
    if !errors.is_empty() {
        return errors.to_compile_errors();
    }

    let p = private();
    let ident = &input.ident;
    let kind_tokens = if integer {
        quote!(#p::OptionKind::Integer)
    } else {
        quote!(#p::OptionKind::String)
    };
    let specs = variants.iter().map(|v| {
        let name = &v.name.value;
        let localized = v.localized.iter().map(|l| {
            let (locale, text) = &l.value;
            quote!(#p::Localized::new(#locale, #text))
        });
        let value = match &v.value.value {
            ChoiceValue::String(s) => {
                let s = s.as_ref();
                quote!(#p::ChoiceValue::String(#p::Cow::Borrowed(#s)))
            }
            ChoiceValue::Integer(n) => quote!(#p::ChoiceValue::Integer(#n)),
            ChoiceValue::Number(x) => quote!(#p::ChoiceValue::Number(#x)),
        };
        quote! {
            #p::ChoiceSpec {
                name: #p::Cow::Borrowed(#name),
                name_localizations: #p::Localizations(#p::Cow::Borrowed(&[#(#localized),*])),
                value: #value,
            }
        }
    });
    let arms = variants.iter().enumerate().map(|(i, v)| {
        let variant = &v.ident;
        quote!(#i => ::core::result::Result::Ok(#ident::#variant),)
    });
    quote! {
        impl #p::SlashArgument for #ident {
            const KIND: #p::OptionKind = #kind_tokens;
            const CHOICES: &'static [#p::ChoiceSpec<'static>] = &[#(#specs),*];

            fn extract(source: &#p::ArgumentSource<'_>) -> ::core::result::Result<Self, #p::ArgumentError> {
                match #p::choice_index(source, Self::KIND, Self::CHOICES)? {
                    #(#arms)*
                    _ => ::core::result::Result::Err(#p::ArgumentError::UnknownChoice {
                        name: ::std::string::ToString::to_string(source.name),
                        value: ::std::string::String::new(),
                    }),
                }
            }
        }
    }
}

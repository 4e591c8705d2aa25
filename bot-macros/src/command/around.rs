//! What runs around a command, from its attributes: `checks = [...]`, `cooldown(...)`,
//! `max_concurrency(...)`, `auto_defer`, `before_invoke = f`, `after_invoke = f`,
//! `on_error = f` — parsed and validated here, and expanded into the statements that fill the
//! command's layer.
//!
//! Each function named in them is called from a wrapper the expansion generates, spanned at
//! the name, so a function of the wrong shape is one error at the name.

use super::ir::Param;
use crate::command::expand::private;
use crate::literal;
use bot_spec::NumericValue;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Expr, Meta, Token};

/// The keys of this module, allowed on every command, subcommand and group.
pub(crate) const KEYS: &[&str] = &[
    "checks",
    "cooldown",
    "max_concurrency",
    "auto_defer",
    "before_invoke",
    "after_invoke",
    "on_error",
];

/// The latest auto-defer delay, in seconds (`bot_core::command::AutoDefer::MAX_DELAY`): a later
/// deferral may miss Discord's 3 s deadline.
const MAX_AUTO_DEFER_AFTER: f64 = 2.5;

const BUCKETS: &[&str] = &[
    "Default", "User", "Member", "Guild", "Channel", "Category", "Role",
];

/// `cooldown(rate, per, Bucket)`.
pub(crate) struct CooldownAttr {
    rate: u32,
    per: f64,
    bucket: syn::Ident,
}

/// `max_concurrency(n, Bucket, wait)`.
pub(crate) struct ConcurrencyAttr {
    limit: usize,
    bucket: syn::Ident,
    wait: bool,
}

/// `auto_defer`, `auto_defer = bool`, `auto_defer(ephemeral, after = seconds)`.
pub(crate) struct AutoDeferAttr {
    on: bool,
    ephemeral: bool,
    after: Option<f64>,
}

/// A command level's checks, limits and hooks, as written.
#[derive(Default)]
pub(crate) struct Around {
    pub(crate) checks: Vec<Expr>,
    pub(crate) cooldown: Option<CooldownAttr>,
    pub(crate) max_concurrency: Option<ConcurrencyAttr>,
    pub(crate) auto_defer: Option<AutoDeferAttr>,
    pub(crate) before_invoke: Option<syn::Path>,
    pub(crate) after_invoke: Option<syn::Path>,
    pub(crate) on_error: Option<syn::Path>,
}

fn path_of(expr: &Expr, key: &str) -> syn::Result<syn::Path> {
    match expr {
        Expr::Path(path) if path.qself.is_none() => Ok(path.path.clone()),
        other => Err(syn::Error::new(
            other.span(),
            format!("`{key}` names an `async fn`: `{key} = function_name`"),
        )),
    }
}

fn bucket(expr: Option<&&Expr>, span: Span) -> syn::Result<syn::Ident> {
    let Some(expr) = expr else {
        return Ok(syn::Ident::new("Default", span));
    };
    let ident = literal::ident(expr)?;
    if BUCKETS.iter().any(|b| ident == b) {
        Ok(ident)
    } else {
        Err(syn::Error::new(
            ident.span(),
            format!(
                "unknown bucket type `{ident}`; expected one of: {}",
                super::attrs::one_of(BUCKETS)
            ),
        ))
    }
}

fn list_args(list: &syn::MetaList) -> syn::Result<Punctuated<Expr, Token![,]>> {
    list.parse_args_with(Punctuated::<Expr, Token![,]>::parse_terminated)
}

fn cooldown(list: &syn::MetaList) -> syn::Result<CooldownAttr> {
    let args = list_args(list)?;
    let items: Vec<&Expr> = args.iter().collect();
    if !(2..=3).contains(&items.len()) {
        return Err(syn::Error::new(
            list.span(),
            "expected `cooldown(rate, per_seconds)` or `cooldown(rate, per_seconds, Bucket)`, \
             e.g. `cooldown(1, 5.0, User)`",
        ));
    }
    let rate = literal::unsigned(items[0])?;
    if rate == 0 || rate > u64::from(u32::MAX) {
        return Err(syn::Error::new(
            items[0].span(),
            "a cooldown allows at least one use per window (Pycord: `rate` >= 1)",
        ));
    }
    let per = match literal::number(items[1])? {
        NumericValue::Integer(n) => n as f64,
        NumericValue::Number(x) => x,
    };
    if !(per > 0.0 && per.is_finite() && per <= 1e9) {
        return Err(syn::Error::new(
            items[1].span(),
            "a cooldown's window is a positive number of seconds",
        ));
    }
    Ok(CooldownAttr {
        rate: rate as u32,
        per,
        bucket: bucket(items.get(2), list.span())?,
    })
}

fn concurrency(list: &syn::MetaList) -> syn::Result<ConcurrencyAttr> {
    let args = list_args(list)?;
    let items: Vec<&Expr> = args.iter().collect();
    if !(1..=3).contains(&items.len()) {
        return Err(syn::Error::new(
            list.span(),
            "expected `max_concurrency(n)`, `max_concurrency(n, Bucket)` or \
             `max_concurrency(n, Bucket, wait)`",
        ));
    }
    let limit = literal::unsigned(items[0])?;
    if limit == 0 || limit > u64::from(u32::MAX) {
        return Err(syn::Error::new(
            items[0].span(),
            "`max_concurrency` lets at least one invocation run (Pycord: `number` >= 1)",
        ));
    }
    let wait = match items.get(2) {
        None => false,
        Some(expr) => {
            let ident = literal::ident(expr)?;
            if ident != "wait" {
                return Err(syn::Error::new(
                    ident.span(),
                    "expected `wait` (the next invocation waits for a slot instead of failing)",
                ));
            }
            true
        }
    };
    Ok(ConcurrencyAttr {
        limit: limit as usize,
        bucket: bucket(items.get(1), list.span())?,
        wait,
    })
}

/// Adds `error` to `all`.
fn combine(all: &mut Option<syn::Error>, error: syn::Error) {
    match all {
        Some(all) => all.combine(error),
        None => *all = Some(error),
    }
}

/// The arguments of `auto_defer(...)`: `ephemeral`, `after = seconds`; every error at once.
fn auto_defer_args(list: &syn::MetaList) -> syn::Result<AutoDeferAttr> {
    let args = list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)?;
    if args.is_empty() {
        return Err(syn::Error::new(
            list.span(),
            "`auto_defer()` sets nothing: write `auto_defer`, `auto_defer(ephemeral)` or \
             `auto_defer(after = 1.5)`",
        ));
    }
    let mut attr = AutoDeferAttr {
        on: true,
        ephemeral: false,
        after: None,
    };
    let mut errors = None;
    let mut seen_ephemeral = false;
    for arg in &args {
        match arg {
            Meta::Path(path) if path.is_ident("ephemeral") => {
                if seen_ephemeral {
                    combine(
                        &mut errors,
                        syn::Error::new(path.span(), "`ephemeral` is given twice"),
                    );
                }
                seen_ephemeral = true;
                attr.ephemeral = true;
            }
            Meta::NameValue(nv) if nv.path.is_ident("after") => {
                if attr.after.is_some() {
                    combine(
                        &mut errors,
                        syn::Error::new(nv.path.span(), "`after` is given twice"),
                    );
                }
                let seconds = match literal::number(&nv.value) {
                    Ok(NumericValue::Integer(n)) => n as f64,
                    Ok(NumericValue::Number(x)) => x,
                    Err(error) => {
                        combine(&mut errors, error);
                        continue;
                    }
                };
                if !(0.0..=MAX_AUTO_DEFER_AFTER).contains(&seconds) {
                    combine(
                        &mut errors,
                        syn::Error::new(
                            nv.value.span(),
                            format!(
                                "`after` is 0 to {MAX_AUTO_DEFER_AFTER} seconds after the \
                                 interaction arrived: a later deferral may miss Discord's 3 s \
                                 deadline"
                            ),
                        ),
                    );
                }
                attr.after = Some(seconds);
            }
            other => combine(
                &mut errors,
                syn::Error::new(
                    other.span(),
                    "unknown `auto_defer` argument; expected `ephemeral` or `after = seconds`",
                ),
            ),
        }
    }
    match errors {
        Some(errors) => Err(errors),
        None => Ok(attr),
    }
}

/// `auto_defer` in any of its forms.
fn auto_defer(meta: &Meta) -> syn::Result<AutoDeferAttr> {
    match meta {
        Meta::Path(_) => Ok(AutoDeferAttr {
            on: true,
            ephemeral: false,
            after: None,
        }),
        Meta::NameValue(nv) => match &nv.value {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(on),
                ..
            }) => Ok(AutoDeferAttr {
                on: on.value,
                ephemeral: false,
                after: None,
            }),
            other => Err(syn::Error::new(
                other.span(),
                "expected `auto_defer = false` (never deferred for the handler, e.g. a command \
                 that may open a modal) or `auto_defer = true`",
            )),
        },
        Meta::List(list) => auto_defer_args(list),
    }
}

/// Reads one of [`KEYS`] into `around`.
pub(crate) fn parse(key: &str, meta: &Meta, around: &mut Around) -> syn::Result<()> {
    let form = |form: &str| Err(syn::Error::new(meta.span(), format!("expected {form}")));
    match (key, meta) {
        ("checks", Meta::NameValue(nv)) => {
            around.checks = literal::array(&nv.value)?.into_iter().cloned().collect();
            if around.checks.is_empty() {
                return Err(syn::Error::new(
                    nv.value.span(),
                    "`checks = []` lists no check: name at least one or remove it",
                ));
            }
        }
        ("checks", _) => return form("`checks = [check, ...]`"),
        ("cooldown", Meta::List(list)) => around.cooldown = Some(cooldown(list)?),
        ("cooldown", _) => return form("`cooldown(rate, per_seconds, Bucket)`"),
        ("max_concurrency", Meta::List(list)) => around.max_concurrency = Some(concurrency(list)?),
        ("max_concurrency", _) => return form("`max_concurrency(n, Bucket, wait)`"),
        ("auto_defer", meta) => {
            if around.auto_defer.is_some() {
                return Err(syn::Error::new(
                    meta.path().span(),
                    "`auto_defer` is given twice: merge them into one, e.g. \
                     `auto_defer(ephemeral, after = 1.5)`",
                ));
            }
            around.auto_defer = Some(auto_defer(meta)?);
        }
        ("before_invoke", Meta::NameValue(nv)) => {
            around.before_invoke = Some(path_of(&nv.value, key)?)
        }
        ("after_invoke", Meta::NameValue(nv)) => {
            around.after_invoke = Some(path_of(&nv.value, key)?)
        }
        ("on_error", Meta::NameValue(nv)) => around.on_error = Some(path_of(&nv.value, key)?),
        (key, _) => return form(&format!("`{key} = function_name`")),
    }
    Ok(())
}

/// The name of a function path, for a check's failure.
fn name_of(path: &syn::Path) -> String {
    path.segments
        .last()
        .map(|s| crate::listen::expand::plain_name(&s.ident))
        .unwrap_or_default()
}

/// The statements that fill `layer` (a `&mut CommandLayer` in scope) with `around` and the
/// autocomplete callbacks of `params`.
pub(crate) fn layer_body(around: &Around, params: &[Param]) -> TokenStream {
    let p = private();
    let mut out = TokenStream::new();
    for check in &around.checks {
        out.extend(match check {
            Expr::Path(path) if path.qself.is_none() => {
                let name = name_of(&path.path);
                let call = quote_spanned!(path.span()=> #p::check_outcome(#name, #path(ctx).await));
                quote! {{
                    fn __bot_check<'a>(ctx: &'a #p::ApplicationContext) -> #p::CheckFuture<'a> {
                        #p::Box::pin(async move { #call })
                    }
                    layer.check(#p::MacroCheck { name: #name, call: __bot_check });
                }}
            }
            other => {
                let value = quote_spanned!(other.span()=> #p::check_value(#other));
                quote!(layer.check(#value);)
            }
        });
    }
    if let Some(CooldownAttr { rate, per, bucket }) = &around.cooldown {
        out.extend(quote! {
            layer.cooldown(#rate, #p::Duration::from_secs_f64(#per), #p::BucketType::#bucket);
        });
    }
    if let Some(ConcurrencyAttr {
        limit,
        bucket,
        wait,
    }) = &around.max_concurrency
    {
        out.extend(quote! {
            layer.max_concurrency(#limit, #p::BucketType::#bucket, #wait);
        });
    }
    if let Some(AutoDeferAttr {
        on,
        ephemeral,
        after,
    }) = &around.auto_defer
    {
        let setting = if !on {
            quote!(#p::AutoDefer::off())
        } else {
            let base = match after {
                Some(seconds) => {
                    quote!(#p::AutoDefer::after(#p::Duration::from_secs_f64(#seconds)))
                }
                None => quote!(#p::AutoDefer::after(#p::AutoDefer::DEFAULT_DELAY)),
            };
            if *ephemeral {
                quote!(#base.ephemeral())
            } else {
                base
            }
        };
        out.extend(quote! {
            layer.auto_defer(#setting);
        });
    }
    for (path, method) in [
        (&around.before_invoke, quote!(before_invoke)),
        (&around.after_invoke, quote!(after_invoke)),
    ] {
        if let Some(path) = path {
            let call = quote_spanned!(path.span()=> #p::hook_outcome(#path(ctx).await));
            out.extend(quote! {{
                fn __bot_hook<'a>(ctx: &'a #p::ApplicationContext) -> #p::HookFuture<'a> {
                    #p::Box::pin(async move { #call })
                }
                layer.#method(#p::MacroHook { call: __bot_hook });
            }});
        }
    }
    if let Some(path) = &around.on_error {
        let call = quote_spanned!(path.span()=> #p::hook_outcome(#path(ctx, error).await));
        out.extend(quote! {{
            fn __bot_on_error<'a>(
                ctx: &'a #p::ApplicationContext,
                error: &'a #p::CommandError,
            ) -> #p::HookFuture<'a> {
                #p::Box::pin(async move { #call })
            }
            layer.on_error(#p::MacroErrorHook { call: __bot_on_error });
        }});
    }
    for param in params {
        let Some(path) = &param.autocomplete else {
            continue;
        };
        let option = &param.name.value;
        let call = quote_spanned!(path.span()=> #p::autocomplete_outcome(#path(ctx).await));
        out.extend(quote! {{
            fn __bot_autocomplete<'a>(
                ctx: &'a #p::AutocompleteContext,
            ) -> #p::AutocompleteFuture<'a> {
                #p::Box::pin(async move { #call })
            }
            layer.autocomplete(#option, #p::MacroAutocomplete { call: __bot_autocomplete });
        }});
    }
    out
}

/// A function filling a layer: `fn #name(layer: &mut CommandLayer) { ... }`.
pub(crate) fn layer_fn(name: &syn::Ident, around: &Around, params: &[Param]) -> TokenStream {
    let p = private();
    let body = layer_body(around, params);
    quote! {
        #[doc(hidden)]
        #[allow(unused_variables, non_snake_case)]
        pub(crate) fn #name(layer: &mut #p::CommandLayer) {
            #body
        }
    }
}

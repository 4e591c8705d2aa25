//! The typed, spanned representation of a listener: its attribute's arguments and its
//! function's parameters.

use crate::command::ir::Spanned;
use crate::diag::Errors;
use proc_macro2::{Span, TokenStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Expr, ExprLit, FnArg, ItemFn, Lit, Token, Type};

/// The keys `#[listen(...)]` accepts besides the event's name.
const KEYS: &str = "a Pycord event name (`\"on_message\"`), `once` or `concurrent`";

/// The arguments of `#[listen(...)]`.
#[derive(Default)]
pub(crate) struct ListenAttrs {
    /// Pycord's name of the event (`"on_message"`), at the string literal.
    pub(crate) name: Option<Spanned<String>>,
    /// `once`: called for the first matching event only.
    pub(crate) once: Option<Span>,
    /// `concurrent`: one task per event.
    pub(crate) concurrent: Option<Span>,
}

/// One parameter of the listener function.
pub(crate) enum ParamIr {
    /// `self`, `&self`, `&mut self`, ...
    Receiver(Span),
    /// `pattern: Type`.
    Typed(Box<TypedParam>),
}

/// A typed parameter, read as `&T` where it is a shared reference.
pub(crate) struct TypedParam {
    /// The type as written (`&MessageCreate`).
    pub(crate) ty: Type,
    /// How the parameter is passed.
    pub(crate) by: By,
}

/// How a parameter's type passes its value.
pub(crate) enum By {
    /// `&T`, with `T`.
    Ref(Box<Type>),
    /// `&mut T`, at `mut`.
    Mut(Span),
    /// By value.
    Value,
}

/// A parsed `#[listen]` function.
pub(crate) struct ListenerIr {
    pub(crate) attrs: ListenAttrs,
    /// The function, unchanged.
    pub(crate) func: ItemFn,
    /// Its parameters, in order.
    pub(crate) params: Vec<ParamIr>,
}

/// Reads the parameters of `func`.
pub(crate) fn parse_listener(func: ItemFn, attrs: ListenAttrs) -> ListenerIr {
    let params = parse_params(&func);
    ListenerIr {
        attrs,
        func,
        params,
    }
}

/// The parameters of `func`, each with how it is passed (`#[event]` reads them alike).
pub(crate) fn parse_params(func: &ItemFn) -> Vec<ParamIr> {
    func.sig
        .inputs
        .iter()
        .map(|input| match input {
            FnArg::Receiver(receiver) => ParamIr::Receiver(receiver.span()),
            FnArg::Typed(typed) => {
                let by = match typed.ty.as_ref() {
                    Type::Reference(r) => match &r.mutability {
                        Some(m) => By::Mut(m.span()),
                        None => By::Ref(r.elem.clone()),
                    },
                    _ => By::Value,
                };
                ParamIr::Typed(Box::new(TypedParam {
                    ty: (*typed.ty).clone(),
                    by,
                }))
            }
        })
        .collect()
}

/// Records a flag key (`once`, `concurrent`), reporting a repeat at the repeated key.
fn flag(slot: &mut Option<Span>, key: &str, span: Span, errors: &mut Errors) {
    if slot.is_some() {
        errors.add(span, format!("`{key}` is given twice"));
    } else {
        *slot = Some(span);
    }
}

/// The key a path spells (`once`, `a::b`).
fn key_of(path: &syn::Path) -> String {
    path.get_ident()
        .map(|i| i.to_string())
        .unwrap_or_else(|| quote::quote!(#path).to_string().replace(' ', ""))
}

/// The key an argument names (`once` in `once`, `once = true` or `once(...)`), if any.
fn key_path(expr: &Expr) -> Option<&syn::Path> {
    match expr {
        Expr::Path(path) if path.qself.is_none() => Some(&path.path),
        Expr::Assign(assign) => key_path(&assign.left),
        Expr::Call(call) => key_path(&call.func),
        _ => None,
    }
}

/// Parses the arguments of `#[listen(...)]`: an optional event name (a string starting with
/// `on_`), `once` and `concurrent`, in any order.
pub(crate) fn parse_listen_attrs(args: TokenStream, errors: &mut Errors) -> ListenAttrs {
    let mut attrs = ListenAttrs::default();
    let items =
        match syn::parse::Parser::parse2(Punctuated::<Expr, Token![,]>::parse_terminated, args) {
            Ok(items) => items,
            Err(error) => {
                errors.push(error);
                return attrs;
            }
        };
    for item in &items {
        if let Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) = item
        {
            let name = lit.value();
            if attrs.name.is_some() {
                errors.add(lit.span(), "the event's name is given twice");
            } else if !name.starts_with("on_") {
                errors.add(
                    lit.span(),
                    format!(
                        "the name of the event must start with 'on_' (Pycord's names: \
                         `\"on_message\"`, `\"on_member_join\"`, ...); found `{name:?}`"
                    ),
                );
            } else {
                attrs.name = Some(Spanned::new(name, lit.span()));
            }
            continue;
        }
        let Some(path) = key_path(item) else {
            errors.push(syn::Error::new_spanned(
                item,
                format!("expected {KEYS}, e.g. `#[listen(\"on_message\", once)]`"),
            ));
            continue;
        };
        let key = key_of(path);
        let slot = match key.as_str() {
            "once" => &mut attrs.once,
            "concurrent" => &mut attrs.concurrent,
            "name" => {
                errors.push(syn::Error::new_spanned(
                    item,
                    "write the event's name alone, as the first argument: \
                     `#[listen(\"on_message\")]`",
                ));
                continue;
            }
            _ => {
                errors.push(syn::Error::new_spanned(
                    path,
                    format!("unknown key `{key}`; expected {KEYS}"),
                ));
                continue;
            }
        };
        if !matches!(item, Expr::Path(_)) {
            errors.push(syn::Error::new_spanned(
                item,
                format!("`{key}` takes no value: write `#[listen({key})]`"),
            ));
            continue;
        }
        flag(slot, &key, path.span(), errors);
    }
    attrs
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse(args: TokenStream) -> (ListenAttrs, Vec<String>) {
        let mut errors = Errors::default();
        let attrs = parse_listen_attrs(args, &mut errors);
        let messages = errors
            .to_compile_errors()
            .into_iter()
            .filter_map(|tree| match tree {
                proc_macro2::TokenTree::Group(group) => Some(group.stream().to_string()),
                _ => None,
            })
            .filter(|text| text.starts_with('"'))
            .collect();
        (attrs, messages)
    }

    #[test]
    fn every_form_is_read() {
        let (attrs, errors) = parse(quote!());
        assert!(errors.is_empty());
        assert!(attrs.name.is_none() && attrs.once.is_none() && attrs.concurrent.is_none());

        let (attrs, errors) = parse(quote!("on_message", once, concurrent,));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(attrs.name.map(|n| n.value).as_deref(), Some("on_message"));
        assert!(attrs.once.is_some() && attrs.concurrent.is_some());

        let (attrs, errors) = parse(quote!(concurrent, "on_ready"));
        assert!(errors.is_empty());
        assert_eq!(attrs.name.map(|n| n.value).as_deref(), Some("on_ready"));
    }

    #[test]
    fn every_wrong_argument_is_reported() {
        let (attrs, errors) = parse(quote!(
            "message",
            twice,
            once,
            once,
            concurrent = true,
            name = "on_x",
            3,
            "on_a",
            "on_b"
        ));
        let expected = [
            "must start with 'on_'",
            "unknown key `twice`",
            "`once` is given twice",
            "`concurrent` takes no value",
            "write the event's name alone",
            "expected a Pycord event name",
            "the event's name is given twice",
        ];
        assert_eq!(errors.len(), expected.len(), "{errors:?}");
        for (error, fragment) in errors.iter().zip(expected) {
            assert!(error.contains(fragment), "{error} lacks {fragment}");
        }
        assert_eq!(attrs.name.map(|n| n.value).as_deref(), Some("on_a"));
        assert!(attrs.concurrent.is_none());
    }
}

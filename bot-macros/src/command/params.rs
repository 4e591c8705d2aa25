//! Parsing one option parameter and its attributes: `#[min = 1]`, `#[choices(...)]`, ...

use super::attrs::{CHANNEL_TYPES, enum_list, key_of, localized, one_of};
use super::ir::{InlineChoice, Param, Spanned};
use crate::diag::Errors;
use crate::types::hint;
use crate::{docs, literal};
use bot_spec::{ChoiceValue, NumericValue};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Attribute, Expr, Ident, Meta, Token, Type};

const PARAM_KEYS: &[&str] = &[
    "description",
    "rename",
    "min",
    "max",
    "min_length",
    "max_length",
    "channel_types",
    "file_types",
    "autocomplete",
    "default",
    "choices",
    "name_localized",
    "description_localized",
];
/// Attributes the compiler itself understands on parameters; left in place.
pub(super) const BUILTIN_PARAM_ATTRS: &[&str] = &[
    "cfg", "cfg_attr", "allow", "warn", "deny", "expect", "forbid",
];

fn strip_raw(ident: &Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").map(str::to_owned).unwrap_or(text)
}

/// Parses one option parameter and removes this SDK's attributes from it.
pub(super) fn parse_param(
    ident: Ident,
    ty: Type,
    attrs: &mut Vec<Attribute>,
    errors: &mut Errors,
) -> Param {
    let description = docs::description(attrs).map(|(text, span)| Spanned::new(text, span));
    let mut param = Param {
        name: Spanned::new(strip_raw(&ident), ident.span()),
        hint: hint(&ty),
        ident,
        ty,
        description,
        name_localized: Vec::new(),
        description_localized: Vec::new(),
        min: None,
        max: None,
        min_length: None,
        max_length: None,
        channel_types: None,
        file_types: None,
        autocomplete: None,
        default: None,
        choices: None,
    };
    let mut kept = Vec::new();
    for attr in attrs.drain(..) {
        if docs::is_doc(&attr) {
            continue;
        }
        let key = key_of(attr.path());
        if BUILTIN_PARAM_ATTRS.contains(&key.as_str()) {
            kept.push(attr);
            continue;
        }
        if !PARAM_KEYS.contains(&key.as_str()) {
            errors.add(
                attr.path().span(),
                format!(
                    "unknown parameter attribute `{key}`; expected one of: {}",
                    one_of(PARAM_KEYS)
                ),
            );
            continue;
        }
        let result = parse_param_attr(&mut param, &key, &attr.meta);
        errors.ok(result);
    }
    *attrs = kept;
    param
}

fn name_value<'m>(meta: &'m Meta, key: &str) -> syn::Result<&'m Expr> {
    match meta {
        Meta::NameValue(nv) => Ok(&nv.value),
        other => Err(syn::Error::new(
            other.span(),
            format!("expected `#[{key} = ...]`"),
        )),
    }
}

fn list<'m>(meta: &'m Meta, key: &str) -> syn::Result<&'m syn::MetaList> {
    match meta {
        Meta::List(list) => Ok(list),
        other => Err(syn::Error::new(
            other.span(),
            format!("expected `#[{key}(...)]`"),
        )),
    }
}

fn list_items(list: &syn::MetaList) -> syn::Result<Vec<Expr>> {
    Ok(list
        .parse_args_with(Punctuated::<Expr, Token![,]>::parse_terminated)?
        .into_iter()
        .collect())
}

fn length_value(expr: &Expr) -> syn::Result<Spanned<i64>> {
    match literal::number(expr)? {
        NumericValue::Integer(n) => Ok(Spanned::new(n, expr.span())),
        NumericValue::Number(_) => Err(syn::Error::new(expr.span(), "expected an integer")),
    }
}

fn choice_value(expr: &Expr) -> syn::Result<ChoiceValue<'static>> {
    if let Ok((text, _)) = literal::string(expr) {
        return Ok(ChoiceValue::String(text.into()));
    }
    match literal::number(expr) {
        Ok(NumericValue::Integer(n)) => Ok(ChoiceValue::Integer(n)),
        Ok(NumericValue::Number(x)) => Ok(ChoiceValue::Number(x)),
        Err(_) => Err(syn::Error::new(
            expr.span(),
            "expected a string or number literal as the choice's value",
        )),
    }
}

fn inline_choice(expr: &Expr) -> syn::Result<InlineChoice> {
    match expr {
        Expr::Tuple(tuple) if tuple.elems.len() == 2 => {
            let (name, _) = literal::string(&tuple.elems[0])?;
            let value = choice_value(&tuple.elems[1])?;
            Ok(InlineChoice { name, value })
        }
        other => {
            let value = choice_value(other)?;
            let name = match &value {
                ChoiceValue::String(s) => s.to_string(),
                ChoiceValue::Integer(n) => n.to_string(),
                ChoiceValue::Number(x) => x.to_string(),
            };
            Ok(InlineChoice { name, value })
        }
    }
}

fn parse_param_attr(param: &mut Param, key: &str, meta: &Meta) -> syn::Result<()> {
    match key {
        "description" => {
            let (text, span) = literal::string(name_value(meta, key)?)?;
            param.description = Some(Spanned::new(text, span));
        }
        "rename" => {
            let (text, span) = literal::string(name_value(meta, key)?)?;
            param.name = Spanned::new(text, span);
        }
        "min" | "max" => {
            let expr = name_value(meta, key)?;
            let value = Spanned::new(literal::number(expr)?, expr.span());
            if key == "min" {
                param.min = Some(value);
            } else {
                param.max = Some(value);
            }
        }
        "min_length" => param.min_length = Some(length_value(name_value(meta, key)?)?),
        "max_length" => param.max_length = Some(length_value(name_value(meta, key)?)?),
        "channel_types" => {
            let list = list(meta, key)?;
            let items = list_items(list)?;
            let array = Expr::Array(syn::ExprArray {
                attrs: Vec::new(),
                bracket_token: Default::default(),
                elems: items.into_iter().collect(),
            });
            let parsed = enum_list(&array, CHANNEL_TYPES, "channel type")?;
            param.channel_types = Some(Spanned::new(parsed.value, list.span()));
        }
        "file_types" => {
            let list = list(meta, key)?;
            let types = list_items(list)?
                .iter()
                .map(|e| literal::string(e).map(|(s, _)| s))
                .collect::<syn::Result<Vec<_>>>()?;
            param.file_types = Some(Spanned::new(types, list.span()));
        }
        "autocomplete" => match name_value(meta, key)? {
            Expr::Path(path) => param.autocomplete = Some(path.path.clone()),
            other => {
                return Err(syn::Error::new(
                    other.span(),
                    "expected the path of an autocomplete function",
                ));
            }
        },
        "default" => param.default = Some(name_value(meta, key)?.clone()),
        "choices" => {
            let list = list(meta, key)?;
            let choices = list_items(list)?
                .iter()
                .map(inline_choice)
                .collect::<syn::Result<Vec<_>>>()?;
            param.choices = Some(Spanned::new(choices, list.span()));
        }
        "name_localized" => param.name_localized.push(localized(list(meta, key)?)?),
        "description_localized" => param
            .description_localized
            .push(localized(list(meta, key)?)?),
        other => {
            return Err(syn::Error::new(
                meta.path().span(),
                format!(
                    "unknown parameter attribute `{other}`; expected one of: {}",
                    one_of(PARAM_KEYS)
                ),
            ));
        }
    }
    Ok(())
}

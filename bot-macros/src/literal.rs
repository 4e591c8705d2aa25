//! Reading literal values out of attribute arguments.

use bot_spec::NumericValue;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, ExprUnary, Lit, UnOp};

/// A string literal.
pub(crate) fn string(expr: &Expr) -> syn::Result<(String, Span)> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Ok((s.value(), s.span())),
        other => Err(syn::Error::new(other.span(), "expected a string literal")),
    }
}

/// An integer or float literal, possibly negated.
pub(crate) fn number(expr: &Expr) -> syn::Result<NumericValue> {
    let (negative, lit) = match expr {
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => match expr.as_ref() {
            Expr::Lit(ExprLit { lit, .. }) => (true, lit),
            other => return Err(syn::Error::new(other.span(), "expected a number literal")),
        },
        Expr::Lit(ExprLit { lit, .. }) => (false, lit),
        other => return Err(syn::Error::new(other.span(), "expected a number literal")),
    };
    match lit {
        Lit::Int(int) => {
            let magnitude: i128 = int.base10_parse()?;
            let value = if negative { -magnitude } else { magnitude };
            i64::try_from(value)
                .map(NumericValue::Integer)
                .map_err(|_| syn::Error::new(int.span(), "integer out of range for i64"))
        }
        Lit::Float(float) => {
            let magnitude: f64 = float.base10_parse()?;
            Ok(NumericValue::Number(if negative {
                -magnitude
            } else {
                magnitude
            }))
        }
        other => Err(syn::Error::new(other.span(), "expected a number literal")),
    }
}

/// An unsigned integer literal.
pub(crate) fn unsigned(expr: &Expr) -> syn::Result<u64> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse(),
        other => Err(syn::Error::new(
            other.span(),
            "expected an unsigned integer literal",
        )),
    }
}

/// The elements of `[a, b, c]`.
pub(crate) fn array(expr: &Expr) -> syn::Result<Vec<&Expr>> {
    match expr {
        Expr::Array(array) => Ok(array.elems.iter().collect()),
        other => Err(syn::Error::new(other.span(), "expected a list `[...]`")),
    }
}

/// A bare identifier (`Guild`, `GuildText`).
pub(crate) fn ident(expr: &Expr) -> syn::Result<syn::Ident> {
    match expr {
        Expr::Path(path) if path.qself.is_none() => path
            .path
            .get_ident()
            .cloned()
            .ok_or_else(|| syn::Error::new(path.span(), "expected a name")),
        other => Err(syn::Error::new(other.span(), "expected a name")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_kind_and_sign() {
        let parse = |text: &str| number(&syn::parse_str::<Expr>(text).unwrap()).unwrap();
        assert_eq!(parse("-5"), NumericValue::Integer(-5));
        assert_eq!(parse("6"), NumericValue::Integer(6));
        assert_eq!(parse("-273.15"), NumericValue::Number(-273.15));
        assert_eq!(
            parse("9_007_199_254_740_991"),
            NumericValue::Integer(9_007_199_254_740_991)
        );
    }

    #[test]
    fn non_numbers_and_overflow_are_errors() {
        let parse = |text: &str| number(&syn::parse_str::<Expr>(text).unwrap());
        assert!(parse("\"5\"").is_err());
        assert!(parse("x").is_err());
        assert!(parse("99999999999999999999").is_err());
    }
}

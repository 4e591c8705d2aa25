//! Doc comments as descriptions.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Lit, Meta};

/// The first paragraph of the doc comment, lines joined by a space, and where it is.
pub(crate) fn description(attrs: &[Attribute]) -> Option<(String, Span)> {
    let mut lines = Vec::new();
    let mut span = None;
    for attr in attrs {
        let Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        if !nv.path.is_ident("doc") {
            continue;
        }
        if let Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) = &nv.value
        {
            span.get_or_insert(attr.span());
            lines.push(text.value());
        }
    }
    let paragraph: Vec<&str> = lines
        .iter()
        .map(|line| line.trim())
        .skip_while(|line| line.is_empty())
        .take_while(|line| !line.is_empty())
        .collect();
    span.map(|span| (paragraph.join(" "), span))
}

/// The doc comment after its first paragraph (the help text), lines kept, trimmed at both ends.
pub(crate) fn help(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(text),
                    ..
                }) => Some(text.value()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let rest: Vec<&str> = lines
        .iter()
        .map(|line| line.strip_prefix(' ').unwrap_or(line).trim_end())
        .skip_while(|line| line.trim().is_empty())
        .skip_while(|line| !line.trim().is_empty())
        .collect();
    rest.join("\n").trim().to_owned()
}

/// Whether the attribute is a doc comment.
pub(crate) fn is_doc(attr: &Attribute) -> bool {
    attr.path().is_ident("doc")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(lines: &[&str]) -> Vec<Attribute> {
        lines
            .iter()
            .map(|line| syn::parse_quote!(#[doc = #line]))
            .collect()
    }

    #[test]
    fn first_paragraph_is_the_description_and_the_rest_help() {
        let docs = attrs(&[
            " Convert a",
            " temperature.",
            "",
            " Uses the usual",
            " formulas.",
        ]);
        assert_eq!(description(&docs).unwrap().0, "Convert a temperature.");
        assert_eq!(help(&docs), "Uses the usual\nformulas.");
    }

    #[test]
    fn no_doc_comment_means_no_description() {
        assert!(description(&[]).is_none());
        assert_eq!(help(&attrs(&[" Only a description."])), "");
    }
}

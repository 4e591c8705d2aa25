//! What a parameter's type says, read from its tokens where it names a known type.
//!
//! The macros only use this to report errors early; the option itself always comes from the
//! type's `SlashArgument` implementation, so aliases and custom types work too.

use bot_spec::OptionKind;
use syn::{GenericArgument, PathArguments, Type};

/// What the tokens of a parameter type reveal.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TypeHint {
    /// The option type, when the type is one the SDK knows by name.
    pub(crate) kind: Option<OptionKind>,
    /// Whether the type is written `Option<...>`.
    pub(crate) optional: bool,
    /// The range of a known integer type.
    pub(crate) range: Option<(i128, i128)>,
    /// Whether the type is an unsupported integer width (`u128`, `i128`, `usize`, `isize`).
    pub(crate) unsupported_integer: bool,
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        Type::Group(group) => last_segment(&group.elem),
        Type::Paren(paren) => last_segment(&paren.elem),
        _ => None,
    }
}

/// Reads the hint of `ty`.
pub(crate) fn hint(ty: &Type) -> TypeHint {
    let Some(segment) = last_segment(ty) else {
        return TypeHint::default();
    };
    if segment.ident == "Option" {
        if let PathArguments::AngleBracketed(args) = &segment.arguments
            && let Some(GenericArgument::Type(inner)) = args.args.first()
        {
            return TypeHint {
                optional: true,
                ..hint(inner)
            };
        }
        return TypeHint::default();
    }
    let name = segment.ident.to_string();
    let integer = |min: i128, max: i128| TypeHint {
        kind: Some(OptionKind::Integer),
        range: Some((min, max)),
        ..TypeHint::default()
    };
    let kind = |kind| TypeHint {
        kind: Some(kind),
        ..TypeHint::default()
    };
    match name.as_str() {
        "String" => kind(OptionKind::String),
        "bool" => kind(OptionKind::Boolean),
        "f64" | "f32" => kind(OptionKind::Number),
        "i64" => integer(i64::MIN.into(), i64::MAX.into()),
        "i32" => integer(i32::MIN.into(), i32::MAX.into()),
        "i16" => integer(i16::MIN.into(), i16::MAX.into()),
        "i8" => integer(i8::MIN.into(), i8::MAX.into()),
        "u64" => integer(0, u64::MAX.into()),
        "u32" => integer(0, u32::MAX.into()),
        "u16" => integer(0, u16::MAX.into()),
        "u8" => integer(0, u8::MAX.into()),
        "u128" | "i128" | "usize" | "isize" => TypeHint {
            unsupported_integer: true,
            ..TypeHint::default()
        },
        "User" | "Member" => kind(OptionKind::User),
        "Role" => kind(OptionKind::Role),
        "Mentionable" => kind(OptionKind::Mentionable),
        "Attachment" => kind(OptionKind::Attachment),
        "Channel"
        | "TextChannel"
        | "VoiceChannel"
        | "StageChannel"
        | "CategoryChannel"
        | "AnnouncementChannel"
        | "ForumChannel"
        | "ThreadChannel" => kind(OptionKind::Channel),
        _ => TypeHint::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> TypeHint {
        hint(&syn::parse_str::<Type>(text).unwrap())
    }

    #[test]
    fn known_types_give_their_kind_and_range() {
        assert_eq!(of("String").kind, Some(OptionKind::String));
        assert_eq!(of("u8").range, Some((0, 255)));
        assert_eq!(of("bot_core::model::Member").kind, Some(OptionKind::User));
        let optional = of("Option<i16>");
        assert!(optional.optional);
        assert_eq!(optional.range, Some((-32768, 32767)));
    }

    #[test]
    fn unknown_types_give_nothing_and_wide_integers_are_flagged() {
        assert_eq!(of("MyAlias").kind, None);
        assert!(!of("MyAlias").optional);
        assert!(of("u128").unsupported_integer);
        assert_eq!(of("&str").kind, None);
    }
}

//! Text rules: character counts and the name pattern.
//!
//! Lengths are counted in Unicode scalar values (Rust `char`s), not bytes: 100 × `"é"` is a valid
//! description. The name pattern is Discord's regular expression, compiled with the
//! [`regex`](https://docs.rs/regex) crate, whose Unicode tables supply the general categories
//! (`\p{L}`, `\p{N}`) and scripts (`\p{sc=Deva}`, `\p{sc=Thai}`).

use std::borrow::Cow;
use std::sync::LazyLock;

/// The characters a CHAT_INPUT command name or an option name may contain (AC L15-18), as the
/// docs write them: `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`. The length part is checked
/// separately so that a too-long name and a bad character get their own errors.
pub const NAME_PATTERN: &str = r"^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]+$";

static NAME_REGEX: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(NAME_PATTERN).expect("NAME_PATTERN is a valid regular expression")
});

/// The number of characters (Unicode scalar values) in `text`, usable in `const` contexts.
///
/// ```
/// const N: usize = bot_spec::char_count("héllo");
/// assert_eq!(N, 5);
/// ```
pub const fn char_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Every character has exactly one byte that is not a UTF-8 continuation byte.
        if bytes[i] & 0xC0 != 0x80 {
            count += 1;
        }
        i += 1;
    }
    count
}

/// The text of a `Cow<str>`, usable in `const` contexts.
#[allow(
    clippy::ptr_arg,
    reason = "`Cow`'s `Deref` is not `const`; a const fn must match on it"
)]
pub const fn cow_str<'c>(text: &'c Cow<'_, str>) -> &'c str {
    match text {
        Cow::Borrowed(s) => s,
        Cow::Owned(s) => s.as_str(),
    }
}

/// The items of a `Cow<[T]>`, usable in `const` contexts.
#[allow(
    clippy::ptr_arg,
    reason = "`Cow`'s `Deref` is not `const`; a const fn must match on it"
)]
pub const fn cow_slice<'c, T: Clone>(items: &'c Cow<'_, [T]>) -> &'c [T] {
    match items {
        Cow::Borrowed(s) => s,
        Cow::Owned(v) => v.as_slice(),
    }
}

/// Whether every character of `name` is one Discord's name pattern allows (empty is not).
pub fn has_only_name_characters(name: &str) -> bool {
    NAME_REGEX.is_match(name)
}

/// Whether no character of `name` has a lowercase form different from itself (uncased letters,
/// digits and lowercase letters pass; `É`, `Σ` and titlecase `ǅ` do not).
pub fn is_lowercase(name: &str) -> bool {
    name.chars().all(|c| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    })
}

/// Whether `name` is a valid CHAT_INPUT command name or option name: 1–32 characters from the
/// name pattern, in lowercase.
///
/// ```
/// assert!(bot_spec::is_valid_chat_input_name("café"));
/// assert!(bot_spec::is_valid_chat_input_name("नमस्ते"));
/// assert!(!bot_spec::is_valid_chat_input_name("Café"));
/// assert!(!bot_spec::is_valid_chat_input_name("two words"));
/// ```
pub fn is_valid_chat_input_name(name: &str) -> bool {
    (1..=crate::limits::NAME_MAX).contains(&char_count(name))
        && has_only_name_characters(name)
        && is_lowercase(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(char_count(""), 0);
        assert_eq!(char_count("abc"), 3);
        assert_eq!(char_count("é"), 1);
        assert_eq!(char_count("😀x"), 2);
        assert_eq!(char_count(&"é".repeat(100)), 100);
    }

    #[test]
    fn lowercase_rule() {
        assert!(is_lowercase("abc_123-ß"));
        assert!(is_lowercase("日本語"));
        assert!(!is_lowercase("aBc"));
        assert!(!is_lowercase("ǅ"));
        assert!(!is_lowercase("İ"));
    }
}

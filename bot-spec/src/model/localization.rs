//! Localized variants of a name or description, keyed by Discord locale.

use std::borrow::Cow;

/// The 34 locales Discord accepts as localization keys (spec `AvailableLocalesEnum`; the docs table
/// at REF L555+ lists 32 of them, lacking `ar` and `he`, which Discord accepts too).
pub const LOCALES: [&str; 34] = [
    "ar", "bg", "cs", "da", "de", "el", "en-GB", "en-US", "es-419", "es-ES", "fi", "fr", "he",
    "hi", "hr", "hu", "id", "it", "ja", "ko", "lt", "nl", "no", "pl", "pt-BR", "ro", "ru", "sv-SE",
    "th", "tr", "uk", "vi", "zh-CN", "zh-TW",
];

/// Whether `code` is one of Discord's [`LOCALES`] (exact, case-sensitive match).
///
/// ```
/// assert!(bot_spec::is_known_locale("pt-BR"));
/// assert!(!bot_spec::is_known_locale("pt-br"));
/// ```
pub fn is_known_locale(code: &str) -> bool {
    LOCALES.contains(&code)
}

/// One localized variant: a locale code and the text for it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Localized<'a> {
    /// The locale code, e.g. `"fr"` or `"pt-BR"`.
    pub locale: Cow<'a, str>,
    /// The text in that locale.
    pub value: Cow<'a, str>,
}

impl<'a> Localized<'a> {
    /// A variant from borrowed text, usable in `const` and `static` items.
    pub const fn new(locale: &'a str, value: &'a str) -> Self {
        Localized {
            locale: Cow::Borrowed(locale),
            value: Cow::Borrowed(value),
        }
    }
}

/// The localized variants of one field (`name_localizations`, `description_localizations`).
///
/// Written on the wire as a JSON object `{"fr": "...", "de": "..."}`; `null` and a missing field
/// read as empty. Equality ignores order, as a JSON object does.
///
/// ```
/// use bot_spec::{Localizations, Localized};
/// use std::borrow::Cow;
/// // In a `static`, write the slice inside the struct literal so it lives for `'static`.
/// static NAMES: Localizations<'static> =
///     Localizations(Cow::Borrowed(&[Localized::new("fr", "chien"), Localized::new("de", "hund")]));
/// assert_eq!(NAMES.get("de"), Some("hund"));
/// ```
#[derive(Clone, Debug, Default, Eq)]
pub struct Localizations<'a>(pub Cow<'a, [Localized<'a>]>);

impl<'a> Localizations<'a> {
    /// No localized variants.
    pub const EMPTY: Self = Localizations(Cow::Borrowed(&[]));

    /// Variants from a borrowed slice, usable in `const` and `static` items.
    pub const fn borrowed(entries: &'a [Localized<'a>]) -> Self {
        Localizations(Cow::Borrowed(entries))
    }

    /// Whether there are no variants.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of variants.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The variants in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Localized<'a>> {
        self.0.iter()
    }

    /// The text for `locale`, if any (the first one, should a slice list it twice).
    pub fn get(&self, locale: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|entry| entry.locale == locale)
            .map(|entry| entry.value.as_ref())
    }

    /// Sets the text for `locale`, replacing an earlier one.
    pub fn insert(&mut self, locale: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) {
        let locale = locale.into();
        let value = value.into();
        let entries = self.0.to_mut();
        match entries.iter_mut().find(|entry| entry.locale == locale) {
            Some(entry) => entry.value = value,
            None => entries.push(Localized { locale, value }),
        }
    }
}

impl PartialEq for Localizations<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|entry| other.get(&entry.locale) == Some(entry.value.as_ref()))
    }
}

impl<'a, L: Into<Cow<'a, str>>, V: Into<Cow<'a, str>>> FromIterator<(L, V)> for Localizations<'a> {
    fn from_iter<I: IntoIterator<Item = (L, V)>>(iter: I) -> Self {
        let mut out = Localizations::default();
        for (locale, value) in iter {
            out.insert(locale, value);
        }
        out
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::{Localizations, Localized};
    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use std::borrow::Cow;
    use std::fmt;
    use std::marker::PhantomData;

    impl serde::Serialize for Localizations<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.len()))?;
            for entry in self.iter() {
                map.serialize_entry(entry.locale.as_ref(), entry.value.as_ref())?;
            }
            map.end()
        }
    }

    struct LocalizationsVisitor<'a>(PhantomData<Localizations<'a>>);

    impl<'de, 'a> Visitor<'de> for LocalizationsVisitor<'a> {
        type Value = Localizations<'a>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of locale to text, or null")
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Localizations::default())
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Localizations::default())
        }

        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(LocalizationsVisitor(PhantomData))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
            while let Some((locale, value)) = map.next_entry::<String, String>()? {
                entries.push(Localized {
                    locale: Cow::Owned(locale),
                    value: Cow::Owned(value),
                });
            }
            Ok(Localizations(Cow::Owned(entries)))
        }
    }

    impl<'de, 'a> serde::Deserialize<'de> for Localizations<'a> {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_option(LocalizationsVisitor(PhantomData))
        }
    }
}

//! A command option: a value parameter, a subcommand or a subcommand group.

use super::{ChannelType, ChoiceSpec, Localizations, NumericValue, OptionKind};
use std::borrow::Cow;

/// One entry of a command's `options` (AC L61-95).
///
/// Value options carry `required`, `choices`, bounds and so on; subcommands carry value options in
/// `options`; groups carry subcommands in `options`. Fields that do not apply to a kind stay at
/// their empty default (`false`, `None`, an empty slice), which is also how they read when absent
/// from JSON. Validation ([`crate::validate_command`]) reports any that are set where they do not
/// apply.
///
/// All fields are public so the macros can build options in `static` items, taking the fields
/// they do not set from [`OptionSpec::EMPTY`]:
///
/// ```
/// use bot_spec::{OptionKind, OptionSpec};
/// use std::borrow::Cow;
/// static ANIMAL: OptionSpec<'static> = OptionSpec {
///     kind: OptionKind::String,
///     name: Cow::Borrowed("animal"),
///     description: Cow::Borrowed("The type of animal"),
///     required: true,
///     ..OptionSpec::EMPTY
/// };
/// assert!(ANIMAL.required);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
pub struct OptionSpec<'a> {
    /// The option's type (`type` on the wire).
    #[cfg_attr(feature = "serde", serde(rename = "type", default = "unknown_kind"))]
    pub kind: OptionKind,
    /// 1–32 characters matching Discord's name pattern, lowercase.
    #[cfg_attr(feature = "serde", serde(default))]
    pub name: Cow<'a, str>,
    /// Localized names.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub name_localizations: Localizations<'a>,
    /// 1–100 characters.
    #[cfg_attr(feature = "serde", serde(default))]
    pub description: Cow<'a, str>,
    /// Localized descriptions.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub description_localizations: Localizations<'a>,
    /// Whether the user must give a value (value options only; default `false`).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub required: bool,
    /// Predefined choices (STRING, INTEGER, NUMBER only; at most 25).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub choices: Cow<'a, [ChoiceSpec<'a>]>,
    /// Nested options: subcommands of a group, or value options of a subcommand.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub options: Cow<'a, [OptionSpec<'a>]>,
    /// The channel types offered (CHANNEL only; empty means all).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub channel_types: Cow<'a, [ChannelType]>,
    /// The smallest value allowed (INTEGER, NUMBER only).
    #[cfg_attr(feature = "serde", serde(default))]
    pub min_value: Option<NumericValue>,
    /// The largest value allowed (INTEGER, NUMBER only).
    #[cfg_attr(feature = "serde", serde(default))]
    pub max_value: Option<NumericValue>,
    /// The shortest text allowed, 0–6000 (STRING only).
    #[cfg_attr(feature = "serde", serde(default))]
    pub min_length: Option<i64>,
    /// The longest text allowed, 1–6000 (STRING only).
    #[cfg_attr(feature = "serde", serde(default))]
    pub max_length: Option<i64>,
    /// Whether values are suggested by the bot as the user types (STRING, INTEGER, NUMBER only;
    /// never together with `choices`).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub autocomplete: bool,
    /// The file types accepted: `image`, `video`, `audio` or an extension such as `.pdf`
    /// (ATTACHMENT only; at most 10).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub file_types: Cow<'a, [Cow<'a, str>]>,
}

#[cfg(feature = "serde")]
fn unknown_kind() -> OptionKind {
    // A missing `type` reads as the invalid value 0, which validation reports as BASE_TYPE_CHOICES.
    OptionKind::Unknown(0)
}

impl<'a> OptionSpec<'a> {
    /// An option with every field empty and the invalid type 0 (so a forgotten `kind` is reported):
    /// the base for struct-update syntax in `static` items.
    // A literal, not a `const fn` call: only then may `static` items struct-update from it.
    pub const EMPTY: Self = OptionSpec {
        kind: OptionKind::Unknown(0),
        name: Cow::Borrowed(""),
        name_localizations: Localizations::EMPTY,
        description: Cow::Borrowed(""),
        description_localizations: Localizations::EMPTY,
        required: false,
        choices: Cow::Borrowed(&[]),
        options: Cow::Borrowed(&[]),
        channel_types: Cow::Borrowed(&[]),
        min_value: None,
        max_value: None,
        min_length: None,
        max_length: None,
        autocomplete: false,
        file_types: Cow::Borrowed(&[]),
    };

    /// An option of `kind` with a name and a description and everything else empty, usable in
    /// `const` and `static` items.
    pub const fn new(kind: OptionKind, name: &'a str, description: &'a str) -> Self {
        OptionSpec {
            kind,
            name: Cow::Borrowed(name),
            description: Cow::Borrowed(description),
            ..OptionSpec::EMPTY
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OptionSpec<'_> {
    /// Writes the JSON form Discord's create endpoints take: `required` on value options only, and
    /// empty or unset fields left out.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", &self.kind)?;
        map.serialize_entry("name", &self.name)?;
        if !self.name_localizations.is_empty() {
            map.serialize_entry("name_localizations", &self.name_localizations)?;
        }
        map.serialize_entry("description", &self.description)?;
        if !self.description_localizations.is_empty() {
            map.serialize_entry("description_localizations", &self.description_localizations)?;
        }
        if !self.kind.is_subcommand_like() || self.required {
            map.serialize_entry("required", &self.required)?;
        }
        if !self.choices.is_empty() {
            map.serialize_entry("choices", &self.choices)?;
        }
        if !self.options.is_empty() {
            map.serialize_entry("options", &self.options)?;
        }
        if !self.channel_types.is_empty() {
            map.serialize_entry("channel_types", &self.channel_types)?;
        }
        if let Some(min) = &self.min_value {
            map.serialize_entry("min_value", min)?;
        }
        if let Some(max) = &self.max_value {
            map.serialize_entry("max_value", max)?;
        }
        if let Some(min) = &self.min_length {
            map.serialize_entry("min_length", min)?;
        }
        if let Some(max) = &self.max_length {
            map.serialize_entry("max_length", max)?;
        }
        if self.autocomplete {
            map.serialize_entry("autocomplete", &true)?;
        }
        if !self.file_types.is_empty() {
            map.serialize_entry("file_types", &self.file_types)?;
        }
        map.end()
    }
}

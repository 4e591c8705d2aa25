//! A predefined choice of a STRING, INTEGER or NUMBER option.

use super::{ChoiceValue, Localizations};
use std::borrow::Cow;

/// One predefined choice (AC L114-126): a name shown to the user and the value the bot receives.
///
/// ```
/// use bot_spec::ChoiceSpec;
/// static DOG: ChoiceSpec<'static> = ChoiceSpec::string("Dog", "animal_dog");
/// assert_eq!(DOG.name, "Dog");
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ChoiceSpec<'a> {
    /// The name shown to the user, 1–100 characters.
    #[cfg_attr(feature = "serde", serde(default))]
    pub name: Cow<'a, str>,
    /// Localized names; values follow the rule of `name`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Localizations::is_empty")
    )]
    pub name_localizations: Localizations<'a>,
    /// The value the bot receives; its type must match the option's.
    pub value: ChoiceValue<'a>,
}

impl<'a> ChoiceSpec<'a> {
    /// A string choice from borrowed text, usable in `const` and `static` items.
    pub const fn string(name: &'a str, value: &'a str) -> Self {
        ChoiceSpec {
            name: Cow::Borrowed(name),
            name_localizations: Localizations::EMPTY,
            value: ChoiceValue::String(Cow::Borrowed(value)),
        }
    }

    /// An integer choice, usable in `const` and `static` items.
    pub const fn integer(name: &'a str, value: i64) -> Self {
        ChoiceSpec {
            name: Cow::Borrowed(name),
            name_localizations: Localizations::EMPTY,
            value: ChoiceValue::Integer(value),
        }
    }

    /// A double choice, usable in `const` and `static` items.
    pub const fn number(name: &'a str, value: f64) -> Self {
        ChoiceSpec {
            name: Cow::Borrowed(name),
            name_localizations: Localizations::EMPTY,
            value: ChoiceValue::Number(value),
        }
    }

    /// Sets the localized name for `locale`.
    pub fn name_localization(
        mut self,
        locale: impl Into<Cow<'a, str>>,
        name: impl Into<Cow<'a, str>>,
    ) -> Self {
        self.name_localizations.insert(locale, name);
        self
    }
}

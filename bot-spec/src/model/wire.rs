//! Helpers for reading the JSON form leniently, as Discord does.

use serde::{Deserialize, Deserializer};

/// Reads a field that may be `null` as its default value (Discord returns `null` for many unset
/// fields, e.g. `name_localizations` without `with_localizations`).
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

//! Small serde helpers the models share.

use serde::{Deserialize, Deserializer, Serializer};

/// A field whose presence is the value: Discord sends `"premium_subscriber": null` for `true`
/// and leaves the key out for `false`.
pub(crate) fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(deserializer).map(|_| true)
}

/// Writes a [`present`] field back: `null` (the field is skipped when `false`).
pub(crate) fn write_present<S: Serializer>(_: &bool, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_unit()
}

/// `false`, for `skip_serializing_if`.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde passes a reference"
)]
pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}

/// A list that may be `null`: `null` reads as empty.
pub(crate) fn nullable_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<Vec<T>>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// A list whose items may be `null`: the `null`s are left out.
pub(crate) fn without_nulls<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Option::<Vec<Option<T>>>::deserialize(deserializer)?;
    Ok(items.into_iter().flatten().flatten().collect())
}

/// A value that may be `null`: `null` reads as the default.
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// An integer Discord sends as a decimal string (audit-log counts), integers accepted too.
pub(crate) mod string_int {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Reads `"12"` or `12`.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<u64>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Int(u64),
            Text(String),
        }
        match Option::<Either>::deserialize(deserializer)? {
            None => Ok(None),
            Some(Either::Int(n)) => Ok(Some(n)),
            Some(Either::Text(text)) => text
                .trim()
                .parse()
                .map(Some)
                .map_err(serde::de::Error::custom),
        }
    }

    /// Writes `"12"`.
    pub(crate) fn serialize<S: Serializer>(
        value: &Option<u64>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(n) => serializer.collect_str(n),
            None => serializer.serialize_none(),
        }
    }
}

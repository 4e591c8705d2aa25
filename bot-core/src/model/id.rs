//! Snowflake ids.

use serde::de::{self, Visitor};
use std::fmt;

/// A Discord snowflake id (REF L134-175). Written as a decimal string on the wire; integers are
/// accepted on input.
///
/// ```
/// use bot_core::model::Id;
/// let id: Id = serde_json::from_str("\"53908232506183680\"").unwrap();
/// assert_eq!(id.get(), 53908232506183680);
/// assert_eq!(id.timestamp_ms(), 1_432_923_124_196); // 2015-05-29, (id >> 22) + Discord epoch
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Id(pub u64);

impl Id {
    /// Milliseconds since the Unix epoch of 2015-01-01, Discord's epoch.
    pub const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

    /// The raw value.
    pub const fn get(self) -> u64 {
        self.0
    }

    /// When the id was made, in milliseconds since the Unix epoch.
    pub const fn timestamp_ms(self) -> u64 {
        (self.0 >> 22) + Self::DISCORD_EPOCH_MS
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl From<u64> for Id {
    fn from(value: u64) -> Self {
        Id(value)
    }
}

impl std::str::FromStr for Id {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(Id)
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = Id;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a snowflake id as a decimal string")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
        Ok(Id(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
        u64::try_from(v)
            .map(Id)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
        v.parse()
            .map(Id)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IdVisitor)
    }
}

/// Reads a permission bit set written as a decimal string (or an integer).
pub(crate) mod permission_bits {
    use bot_spec::Permissions;
    use serde::{Deserialize, Deserializer};

    pub(crate) fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Ok(Option::<Permissions>::deserialize(d)?.map(Permissions::bits))
    }
}

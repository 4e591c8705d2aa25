//! Snowflake ids, typed by the kind of object they name.

mod marker;

pub use marker::*;

use super::Timestamp;
use serde::de::{self, Visitor};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

/// A Discord snowflake id naming an object of kind `T` (a marker such as [`UserMarker`]). Written
/// as a decimal string on the wire; integers are accepted on input.
///
/// ```
/// use bot_core::model::{Id, UserMarker};
/// let id: Id<UserMarker> = serde_json::from_str("\"53908232506183680\"").unwrap();
/// assert_eq!(id.get(), 53908232506183680);
/// assert_eq!(id.timestamp_ms(), 1_432_923_124_196); // (id >> 22) + Discord's epoch
/// assert_eq!(id.created_at().to_string(), "2015-05-29T18:12:04.196000+00:00");
/// ```
///
/// Ids of different kinds are different types:
///
/// ```compile_fail,E0308
/// use bot_core::model::{ChannelMarker, Id, UserMarker};
/// fn ban(user: Id<UserMarker>) {}
/// let channel: Id<ChannelMarker> = Id::new(1);
/// ban(channel);
/// ```
pub struct Id<T> {
    value: u64,
    kind: PhantomData<fn(T) -> T>,
}

impl<T> Id<T> {
    /// Milliseconds since the Unix epoch of 2015-01-01, Discord's epoch.
    pub const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

    /// An id from its value.
    pub const fn new(value: u64) -> Self {
        Id {
            value,
            kind: PhantomData,
        }
    }

    /// The raw value.
    pub const fn get(self) -> u64 {
        self.value
    }

    /// The same value as an id of another kind (a bot user's id and its application's id are
    /// often equal; a guild's id is its `@everyone` role's).
    pub const fn cast<U>(self) -> Id<U> {
        Id::new(self.value)
    }

    /// When the id was made, in milliseconds since the Unix epoch.
    pub const fn timestamp_ms(self) -> u64 {
        (self.value >> 22) + Self::DISCORD_EPOCH_MS
    }

    /// When the id was made.
    pub fn created_at(self) -> Timestamp {
        Timestamp::from_unix_micros(self.timestamp_ms() as i64 * 1000)
    }
}

impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Id<T> {}

impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> Eq for Id<T> {}

impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value.cmp(&other.value)
    }
}

impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T> Default for Id<T> {
    /// The id 0, which names nothing on Discord.
    fn default() -> Self {
        Id::new(0)
    }
}

impl<T> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = std::any::type_name::<T>()
            .rsplit("::")
            .next()
            .unwrap_or("")
            .trim_end_matches("Marker");
        write!(f, "Id<{kind}>({})", self.value)
    }
}

impl<T> fmt::Display for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

impl<T> From<u64> for Id<T> {
    fn from(value: u64) -> Self {
        Id::new(value)
    }
}

impl<T> From<Id<T>> for u64 {
    fn from(id: Id<T>) -> Self {
        id.value
    }
}

impl<T> std::str::FromStr for Id<T> {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(Id::new)
    }
}

impl<T> serde::Serialize for Id<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.value)
    }
}

struct IdVisitor<T>(PhantomData<fn(T) -> T>);

impl<T> Visitor<'_> for IdVisitor<T> {
    type Value = Id<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a snowflake id as a decimal string")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id<T>, E> {
        Ok(Id::new(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id<T>, E> {
        u64::try_from(v)
            .map(Id::new)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Id<T>, E> {
        v.parse()
            .map(Id::new)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

impl<'de, T> serde::Deserialize<'de> for Id<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IdVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_strings_and_integers_and_write_strings() {
        let id: Id<UserMarker> = serde_json::from_str("\"80351110224678912\"").unwrap();
        let same: Id<UserMarker> = serde_json::from_str("80351110224678912").unwrap();
        assert_eq!(id, same);
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"80351110224678912\"");
        assert!(serde_json::from_str::<Id<UserMarker>>("\"abc\"").is_err());
        assert!(serde_json::from_str::<Id<UserMarker>>("-1").is_err());
    }

    #[test]
    fn debug_names_the_kind() {
        let id: Id<GuildMarker> = Id::new(7);
        assert_eq!(format!("{id:?}"), "Id<Guild>(7)");
        assert_eq!(std::mem::size_of::<Id<GuildMarker>>(), 8);
    }
}

//! `default_member_permissions`: a permission bit set, written as a decimal string on the wire.

/// A set of Discord permission bits (AC L380-392).
///
/// On the wire it is a decimal **string** (`"8"`); requests may also carry an integer (the spec's
/// convention), which deserialization accepts. `Permissions::NONE` (`"0"`) makes a command available
/// to administrators only.
///
/// ```
/// use bot_spec::Permissions;
/// let manage = Permissions::from_bits(1 << 5);
/// assert_eq!(manage.bits(), 32);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Permissions(pub u64);

impl Permissions {
    /// No permission: only administrators (and explicit overwrites) may use the command.
    pub const NONE: Permissions = Permissions(0);
    /// The largest value the API accepts: 2^54 − 1 (spec `default_member_permissions` maximum).
    pub const MAX_BITS: u64 = (1 << 54) - 1;

    /// Wraps raw bits.
    pub const fn from_bits(bits: u64) -> Self {
        Permissions(bits)
    }

    /// The raw bits.
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// The union of two sets.
    pub const fn union(self, other: Permissions) -> Self {
        Permissions(self.0 | other.0)
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::Permissions;
    use serde::de::{self, Visitor};
    use std::fmt;

    impl serde::Serialize for Permissions {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(&self.0)
        }
    }

    struct PermissionsVisitor;

    impl Visitor<'_> for PermissionsVisitor {
        type Value = Permissions;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a permission bit set as a decimal string or an integer")
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Permissions, E> {
            Ok(Permissions(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Permissions, E> {
            u64::try_from(v)
                .map(Permissions)
                .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Permissions, E> {
            v.parse::<u64>()
                .map(Permissions)
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }

    impl<'de> serde::Deserialize<'de> for Permissions {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(PermissionsVisitor)
        }
    }
}

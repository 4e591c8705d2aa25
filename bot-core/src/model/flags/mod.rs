//! Discord's bit sets as [`bitflags`] types: permissions, intents and the flags of messages,
//! users, channels, guilds, members, roles, attachments and applications. Bits this version does
//! not know are kept (`from_bits_retain`), never dropped.

mod content;
mod intents;
mod others;
mod permissions;

pub use content::{EmbedFlags, EmbedMediaFlags, UnfurledMediaFlags};
pub use intents::Intents;
pub use others::{
    ActivityFlags, ApplicationFlags, AttachmentFlags, ChannelFlags, MemberFlags, MessageFlags,
    RoleFlags, SkuFlags, SystemChannelFlags, UserFlags,
};
pub use permissions::Permissions;

/// Serde for a flags type: as an integer (or a decimal string, which is accepted too), or, with
/// `string`, written as a decimal string (permissions).
macro_rules! flags_serde {
    ($name:ident, $repr:ty, $string:literal) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                if $string {
                    serializer.collect_str(&self.bits())
                } else {
                    serde::Serialize::serialize(&self.bits(), serializer)
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Bits;
                impl serde::de::Visitor<'_> for Bits {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a bit set as an integer or a decimal string")
                    }
                    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<$name, E> {
                        <$repr>::try_from(v)
                            .map($name::from_bits_retain)
                            .map_err(|_| {
                                E::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                            })
                    }
                    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<$name, E> {
                        <$repr>::try_from(v)
                            .map($name::from_bits_retain)
                            .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        v.trim()
                            .parse::<$repr>()
                            .map($name::from_bits_retain)
                            .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
                    }
                }
                deserializer.deserialize_any(Bits)
            }
        }
    };
}

pub(crate) use flags_serde;

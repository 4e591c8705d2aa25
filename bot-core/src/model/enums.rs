//! Macros for Discord's coded enumerations: each keeps a value this version does not know in an
//! `Unknown` variant, so a new Discord value never fails a payload.

/// An enum coded as an integer on the wire, with an `Unknown(n)` fallback.
///
/// ```ignore
/// int_enum! {
///     /// A channel's type.
///     pub enum ChannelType: u8 {
///         /// A text channel.
///         GuildText = 0,
///     }
/// }
/// ```
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $repr:ty {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the SDK does not know.
            Unknown($repr),
        }

        impl $name {
            /// The value on the wire.
            pub const fn value(self) -> $repr {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(n) => n,
                }
            }

            /// The variant for a wire value (`Unknown(n)` for a value not listed).
            pub const fn from_value(n: $repr) -> Self {
                match n {
                    $( $value => $name::$variant, )+
                    other => $name::Unknown(other),
                }
            }
        }

        impl From<$repr> for $name {
            fn from(n: $repr) -> Self {
                $name::from_value(n)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&self.value(), serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$repr as serde::Deserialize>::deserialize(deserializer).map($name::from_value)
            }
        }
    };
}

/// An enum coded as a string on the wire, with an `Unknown(String)` fallback.
#[allow(
    unused_macros,
    reason = "the models of statuses and other string enums use it"
)]
macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the SDK does not know.
            Unknown(Box<str>),
        }

        impl $name {
            /// The value on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(text) => text,
                }
            }

            /// The variant for a wire value (`Unknown` for a value not listed).
            pub fn from_value(text: &str) -> Self {
                match text {
                    $( $value => $name::$variant, )+
                    other => $name::Unknown(other.into()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Ok($name::from_value(&text))
            }
        }
    };
}

pub(crate) use int_enum;
#[allow(
    unused_imports,
    reason = "the models of statuses and other string enums use it"
)]
pub(crate) use str_enum;

#[cfg(test)]
mod tests {
    int_enum! {
        /// A test enum.
        pub enum Colour: u8 {
            /// Red.
            Red = 1,
            /// Blue.
            Blue = 2,
        }
    }

    str_enum! {
        /// A test enum.
        pub enum Mood {
            /// Glad.
            Glad = "glad",
        }
    }

    #[test]
    fn unknown_values_are_kept() {
        let colour: Colour = serde_json::from_str("9").unwrap();
        assert_eq!(colour, Colour::Unknown(9));
        assert_eq!(serde_json::to_string(&colour).unwrap(), "9");
        assert_eq!(serde_json::from_str::<Colour>("2").unwrap(), Colour::Blue);
        let mood: Mood = serde_json::from_str("\"wistful\"").unwrap();
        assert_eq!(mood.as_str(), "wistful");
        assert_eq!(
            serde_json::from_str::<Mood>("\"glad\"").unwrap(),
            Mood::Glad
        );
    }
}

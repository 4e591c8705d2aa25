//! Values carried by options: choice values and numeric bounds.

use std::borrow::Cow;

/// The value of a choice: a string for STRING options, an integer or a double for INTEGER and
/// NUMBER options (AC L114-126).
#[derive(Clone, Debug, PartialEq)]
pub enum ChoiceValue<'a> {
    /// A string value (at most 100 characters).
    String(Cow<'a, str>),
    /// An integer value.
    Integer(i64),
    /// A double value.
    Number(f64),
}

/// A numeric bound (`min_value`, `max_value`): an integer or a double.
///
/// An INTEGER option takes only [`NumericValue::Integer`]; a NUMBER option takes either.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumericValue {
    /// An integer.
    Integer(i64),
    /// A double.
    Number(f64),
}

impl NumericValue {
    /// The value as a double (exact for integers within ±2^53).
    pub const fn as_f64(self) -> f64 {
        match self {
            NumericValue::Integer(n) => n as f64,
            NumericValue::Number(x) => x,
        }
    }
}

impl std::fmt::Display for NumericValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NumericValue::Integer(n) => write!(f, "{n}"),
            NumericValue::Number(x) => write!(f, "{x}"),
        }
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::{ChoiceValue, NumericValue};
    use serde::de::{self, Visitor};
    use std::borrow::Cow;
    use std::fmt;
    use std::marker::PhantomData;

    fn from_u64(v: u64) -> NumericValue {
        match i64::try_from(v) {
            Ok(n) => NumericValue::Integer(n),
            // Out of i64 range: keep the magnitude; validation rejects it as out of range.
            Err(_) => NumericValue::Number(v as f64),
        }
    }

    impl serde::Serialize for NumericValue {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match *self {
                NumericValue::Integer(n) => serializer.serialize_i64(n),
                NumericValue::Number(x) => serializer.serialize_f64(x),
            }
        }
    }

    impl serde::Serialize for ChoiceValue<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                ChoiceValue::String(s) => serializer.serialize_str(s),
                ChoiceValue::Integer(n) => serializer.serialize_i64(*n),
                ChoiceValue::Number(x) => serializer.serialize_f64(*x),
            }
        }
    }

    struct NumericVisitor;

    impl Visitor<'_> for NumericVisitor {
        type Value = NumericValue;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<NumericValue, E> {
            Ok(NumericValue::Integer(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<NumericValue, E> {
            Ok(from_u64(v))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<NumericValue, E> {
            Ok(NumericValue::Number(v))
        }
    }

    impl<'de> serde::Deserialize<'de> for NumericValue {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(NumericVisitor)
        }
    }

    struct ChoiceValueVisitor<'a>(PhantomData<ChoiceValue<'a>>);

    impl<'a> Visitor<'_> for ChoiceValueVisitor<'a> {
        type Value = ChoiceValue<'a>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(ChoiceValue::String(Cow::Owned(v.to_owned())))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(ChoiceValue::String(Cow::Owned(v)))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(ChoiceValue::Integer(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(match from_u64(v) {
                NumericValue::Integer(n) => ChoiceValue::Integer(n),
                NumericValue::Number(x) => ChoiceValue::Number(x),
            })
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(ChoiceValue::Number(v))
        }
    }

    impl<'de, 'a> serde::Deserialize<'de> for ChoiceValue<'a> {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(ChoiceValueVisitor(PhantomData))
        }
    }
}

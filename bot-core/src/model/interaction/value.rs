//! The value of one option as the user gave it: text, an integer, a number or a boolean.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An option's value (RR L102-115). Users, roles, channels, mentionables and attachments arrive
/// as their id in a [`String`](OptionValue::String); the value of an option being typed into
/// (autocomplete) is always the partial text.
///
/// ```
/// use bot_core::model::OptionValue;
/// let id: OptionValue = serde_json::from_str(r#""80351110224678912""#).unwrap();
/// assert_eq!(id.as_str(), Some("80351110224678912"));
/// let n: OptionValue = serde_json::from_str("-5").unwrap();
/// assert_eq!((n.as_i64(), n.as_f64()), (Some(-5), Some(-5.0)));
/// assert_eq!(serde_json::to_string(&OptionValue::Boolean(true)).unwrap(), "true");
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum OptionValue {
    /// Text, or an id.
    String(String),
    /// An integer.
    Integer(i64),
    /// A number with a fraction (or an integer beyond `i64`).
    Number(f64),
    /// A boolean.
    Boolean(bool),
}

impl OptionValue {
    /// The text, for a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            OptionValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, for an integer value.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            OptionValue::Integer(n) => Some(*n),
            _ => None,
        }
    }

    /// The number, for a number or an integer value.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            OptionValue::Number(x) => Some(*x),
            OptionValue::Integer(n) => Some(*n as f64),
            _ => None,
        }
    }

    /// The boolean, for a boolean value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            OptionValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }
}

/// As JSON: strings quoted, so `"7"` and `7` read differently in errors.
impl fmt::Display for OptionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionValue::String(s) => write!(f, "{s:?}"),
            OptionValue::Integer(n) => write!(f, "{n}"),
            OptionValue::Number(x) => write!(f, "{x}"),
            OptionValue::Boolean(b) => write!(f, "{b}"),
        }
    }
}

impl From<&str> for OptionValue {
    fn from(s: &str) -> Self {
        OptionValue::String(s.to_owned())
    }
}

impl From<String> for OptionValue {
    fn from(s: String) -> Self {
        OptionValue::String(s)
    }
}

impl From<i64> for OptionValue {
    fn from(n: i64) -> Self {
        OptionValue::Integer(n)
    }
}

impl From<f64> for OptionValue {
    fn from(x: f64) -> Self {
        OptionValue::Number(x)
    }
}

impl From<bool> for OptionValue {
    fn from(b: bool) -> Self {
        OptionValue::Boolean(b)
    }
}

impl Serialize for OptionValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OptionValue::String(s) => serializer.serialize_str(s),
            OptionValue::Integer(n) => serializer.serialize_i64(*n),
            OptionValue::Number(x) => serializer.serialize_f64(*x),
            OptionValue::Boolean(b) => serializer.serialize_bool(*b),
        }
    }
}

struct ValueVisitor;

impl Visitor<'_> for ValueVisitor {
    type Value = OptionValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<OptionValue, E> {
        Ok(OptionValue::Boolean(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<OptionValue, E> {
        Ok(OptionValue::Integer(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<OptionValue, E> {
        Ok(i64::try_from(n).map_or(OptionValue::Number(n as f64), OptionValue::Integer))
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<OptionValue, E> {
        Ok(OptionValue::Number(x))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<OptionValue, E> {
        Ok(OptionValue::String(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<OptionValue, E> {
        Ok(OptionValue::String(s))
    }
}

impl<'de> Deserialize<'de> for OptionValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

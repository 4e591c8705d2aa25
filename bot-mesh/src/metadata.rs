//! Typed metadata values and their wire form `{key: {"value": V, "type": T}}`.

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::Value;
use std::fmt;

/// Keys the server sets itself and refuses in UPDATE_METADATA (they can still be queried).
pub const RESERVED_KEYS: [&str; 4] = ["ip", "restricted", "encoding", "last_heartbeat_time"];

/// Why a metadata value is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MetadataError {
    /// The JSON type has no metadata type (booleans, objects and null have none in V2019).
    #[error("a {0} is not a metadata type (string, integer, float, version or list)")]
    WrongType(&'static str),
    /// NaN or an infinity: JSON cannot carry it.
    #[error("the float is not finite")]
    NotFinite,
    /// Not a strict SemVer 2.0 version (`1.2` and `v1.2.3` are not).
    #[error("`{0}` is not a SemVer version")]
    InvalidVersion(String),
    /// The value's `Serialize` implementation failed.
    #[error("not serialisable to JSON: {0}")]
    NotSerializable(String),
}

/// A strict SemVer 2.0 version string, as the server's `Version.parse` accepts it.
///
/// ```
/// use bot_mesh::Version;
/// assert!(Version::parse("1.2.3-beta.1+build.5").is_ok());
/// assert!(Version::parse("1.2").is_err());
/// assert!(Version::parse("v1.2.3").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version(String);

impl Version {
    /// Checks `text` and keeps it as given.
    pub fn parse(text: &str) -> Result<Version, MetadataError> {
        if is_semver(text) {
            Ok(Version(text.to_owned()))
        } else {
            Err(MetadataError::InvalidVersion(text.to_owned()))
        }
    }

    /// The version string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_semver(text: &str) -> bool {
    let (rest, build) = match text.split_once('+') {
        Some((rest, build)) => (rest, Some(build)),
        None => (text, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (rest, None),
    };
    let numeric = |part: &str| {
        !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_digit())
            && (part == "0" || !part.starts_with('0'))
    };
    let identifier = |part: &str| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let core_ok = {
        let parts: Vec<&str> = core.split('.').collect();
        parts.len() == 3 && parts.iter().all(|part| numeric(part))
    };
    let pre_ok = pre.is_none_or(|pre| {
        pre.split('.').all(|part| {
            identifier(part) && (!part.bytes().all(|b| b.is_ascii_digit()) || numeric(part))
        })
    });
    let build_ok = build.is_none_or(|build| build.split('.').all(identifier));
    core_ok && pre_ok && build_ok
}

/// One metadata value with its wire type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MetadataValue {
    /// `"type": "string"`.
    String(String),
    /// `"type": "integer"`.
    Integer(i64),
    /// `"type": "float"`, always written with a decimal point.
    Float(f64),
    /// `"type": "version"`.
    Version(Version),
    /// `"type": "list"`: any JSON values.
    List(Vec<Value>),
}

impl MetadataValue {
    /// The wire type name.
    pub fn type_name(&self) -> &'static str {
        match self {
            MetadataValue::String(_) => "string",
            MetadataValue::Integer(_) => "integer",
            MetadataValue::Float(_) => "float",
            MetadataValue::Version(_) => "version",
            MetadataValue::List(_) => "list",
        }
    }

    /// The type a JSON-serialisable value maps to, as shinkei maps Python types: a string, an
    /// integer, a float or an array. Booleans, objects and null are refused.
    ///
    /// ```
    /// use bot_mesh::{MetadataError, MetadataValue};
    /// assert_eq!(MetadataValue::from_serialize(&3u8), Ok(MetadataValue::Integer(3)));
    /// assert_eq!(MetadataValue::from_serialize(&true), Err(MetadataError::WrongType("boolean")));
    /// ```
    pub fn from_serialize<T: Serialize + ?Sized>(
        value: &T,
    ) -> Result<MetadataValue, MetadataError> {
        let json = serde_json::to_value(value)
            .map_err(|error| MetadataError::NotSerializable(error.to_string()))?;
        match json {
            Value::String(text) => Ok(MetadataValue::String(text)),
            Value::Number(number) => match (number.as_i64(), number.as_f64()) {
                (Some(integer), _) if !number.is_f64() => Ok(MetadataValue::Integer(integer)),
                (_, Some(float)) if number.is_f64() => Ok(MetadataValue::Float(float)),
                _ => Err(MetadataError::WrongType("integer beyond 64 bits")),
            },
            Value::Array(items) => Ok(MetadataValue::List(items)),
            Value::Bool(_) => Err(MetadataError::WrongType("boolean")),
            Value::Object(_) => Err(MetadataError::WrongType("map")),
            Value::Null => Err(MetadataError::WrongType("null")),
        }
    }

    /// Checks what the type system cannot: a float must be finite.
    pub fn validate(&self) -> Result<(), MetadataError> {
        match self {
            MetadataValue::Float(float) if !float.is_finite() => Err(MetadataError::NotFinite),
            _ => Ok(()),
        }
    }
}

impl From<&str> for MetadataValue {
    fn from(value: &str) -> Self {
        MetadataValue::String(value.to_owned())
    }
}

impl From<String> for MetadataValue {
    fn from(value: String) -> Self {
        MetadataValue::String(value)
    }
}

macro_rules! integer_from {
    ($($ty:ty),*) => {$(
        impl From<$ty> for MetadataValue {
            fn from(value: $ty) -> Self {
                MetadataValue::Integer(i64::from(value))
            }
        }
    )*};
}
integer_from!(i8, i16, i32, i64, u8, u16, u32);

impl From<f64> for MetadataValue {
    fn from(value: f64) -> Self {
        MetadataValue::Float(value)
    }
}

impl From<f32> for MetadataValue {
    fn from(value: f32) -> Self {
        MetadataValue::Float(f64::from(value))
    }
}

impl From<Version> for MetadataValue {
    fn from(value: Version) -> Self {
        MetadataValue::Version(value)
    }
}

impl<T: Into<Value>> From<Vec<T>> for MetadataValue {
    fn from(items: Vec<T>) -> Self {
        MetadataValue::List(items.into_iter().map(Into::into).collect())
    }
}

/// Metadata in insertion order; setting a key again replaces its value in place (the server
/// merges updates key by key the same way).
///
/// ```
/// use bot_mesh::{Metadata, Version};
/// let metadata = Metadata::new()
///     .with("shard_id", 3)
///     .with("load", 0.5)
///     .with("version", Version::parse("1.2.3")?);
/// assert_eq!(
///     serde_json::to_string(&metadata)?,
///     r#"{"shard_id":{"value":3,"type":"integer"},"load":{"value":0.5,"type":"float"},"version":{"value":"1.2.3","type":"version"}}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    entries: Vec<(String, MetadataValue)>,
}

impl Metadata {
    /// No entries.
    pub fn new() -> Metadata {
        Metadata::default()
    }

    /// Adds or replaces `key` (builder style).
    pub fn with(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Metadata {
        self.set(key, value);
        self
    }

    /// Adds or replaces `key`.
    pub fn set(&mut self, key: impl Into<String>, value: impl Into<MetadataValue>) {
        let key = key.into();
        let value = value.into();
        match self
            .entries
            .iter_mut()
            .find(|(existing, _)| *existing == key)
        {
            Some(entry) => entry.1 = value,
            None => self.entries.push((key, value)),
        }
    }

    /// Merges `other` into this, key by key.
    pub fn merge(&mut self, other: &Metadata) {
        for (key, value) in &other.entries {
            self.set(key.clone(), value.clone());
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&MetadataValue> {
        self.entries
            .iter()
            .find(|(existing, _)| existing == key)
            .map(|(_, value)| value)
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &MetadataValue)> {
        self.entries
            .iter()
            .map(|(key, value)| (key.as_str(), value))
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Metadata from any value that serialises to a JSON object, each entry typed as
    /// [`MetadataValue::from_serialize`] types it (as shinkei types a Python dict).
    ///
    /// ```
    /// use bot_mesh::{Error, Metadata, MetadataError};
    /// use std::collections::BTreeMap;
    ///
    /// let ok = Metadata::from_serialize(&serde_json::json!({"shard_id": 3, "load": 0.5}))?;
    /// assert_eq!(ok.len(), 2);
    /// let flag = BTreeMap::from([("flag", true)]);
    /// assert!(matches!(
    ///     Metadata::from_serialize(&flag),
    ///     Err(Error::Metadata { key, reason: MetadataError::WrongType("boolean") }) if key == "flag"
    /// ));
    /// # Ok::<(), bot_mesh::Error>(())
    /// ```
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<Metadata, crate::Error> {
        let json = serde_json::to_value(value).map_err(crate::Error::Serialize)?;
        let Value::Object(entries) = json else {
            return Err(crate::Error::Metadata {
                key: String::new(),
                reason: MetadataError::WrongType("non-map value for the whole metadata"),
            });
        };
        let mut metadata = Metadata::new();
        for (key, value) in entries {
            let typed =
                MetadataValue::from_serialize(&value).map_err(|reason| crate::Error::Metadata {
                    key: key.clone(),
                    reason,
                })?;
            metadata.set(key, typed);
        }
        Ok(metadata)
    }

    /// Refuses reserved keys and invalid values.
    pub fn validate(&self) -> Result<(), crate::Error> {
        for (key, value) in &self.entries {
            if RESERVED_KEYS.contains(&key.as_str()) {
                return Err(crate::Error::ReservedKey(key.clone()));
            }
            value.validate().map_err(|reason| crate::Error::Metadata {
                key: key.clone(),
                reason,
            })?;
        }
        Ok(())
    }
}

impl<K: Into<String>, V: Into<MetadataValue>> FromIterator<(K, V)> for Metadata {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut metadata = Metadata::new();
        for (key, value) in entries {
            metadata.set(key, value);
        }
        metadata
    }
}

struct Typed<'a>(&'a MetadataValue);

impl Serialize for Typed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        match self.0 {
            MetadataValue::String(text) => map.serialize_entry("value", text)?,
            MetadataValue::Integer(integer) => map.serialize_entry("value", integer)?,
            MetadataValue::Float(float) => map.serialize_entry("value", float)?,
            MetadataValue::Version(version) => map.serialize_entry("value", version.as_str())?,
            MetadataValue::List(items) => map.serialize_entry("value", items)?,
        }
        map.serialize_entry("type", self.0.type_name())?;
        map.end()
    }
}

impl Serialize for Metadata {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (key, value) in &self.entries {
            map.serialize_entry(key, &Typed(value))?;
        }
        map.end()
    }
}

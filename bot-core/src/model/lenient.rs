//! Decoding that one odd field never fails: when a payload does not decode, the field at fault
//! is taken out (it then takes its default) and decoding is tried again, a few times, each drop
//! logged. A required field that is odd still fails, with its path.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// How many odd fields one payload may lose before it fails.
const MAX_DROPPED: usize = 8;

/// Why a payload could not be decoded even without its odd fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// The path of the field at fault (`d.author.id`), or empty for the payload itself.
    pub path: String,
    /// What was wrong.
    pub message: String,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "{}", self.message)
        } else {
            write!(f, "at `{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes `value` as `T`; on failure, drops the field at fault and retries. Returns what was
/// decoded and the paths of the fields dropped.
///
/// ```
/// use bot_core::model::{User, decode_lenient};
/// let (user, dropped) = decode_lenient::<User>(serde_json::json!({
///     "id": "1", "username": "ann", "bot": "not a boolean"
/// })).unwrap();
/// assert_eq!((&*user.username, user.bot), ("ann", false));
/// assert_eq!(dropped, ["bot"]);
/// ```
pub fn decode_lenient<T: DeserializeOwned>(
    mut value: Value,
) -> Result<(T, Vec<String>), DecodeError> {
    let mut dropped = Vec::new();
    loop {
        let error = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(decoded) => return Ok((decoded, dropped)),
            Err(error) => error,
        };
        let path = error.path().to_string();
        let fail = || DecodeError {
            path: path.clone(),
            message: error.inner().to_string(),
        };
        if dropped.len() >= MAX_DROPPED || !remove(&mut value, error.path()) {
            return Err(fail());
        }
        tracing::debug!(field = %path, "dropped an odd field ({})", error.inner());
        dropped.push(path);
    }
}

/// Removes the field (or array element) at `path`; `false` if there is nothing to remove.
fn remove(value: &mut Value, path: &serde_path_to_error::Path) -> bool {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut at = value;
    for segment in parents {
        let next = match (segment, at) {
            (Segment::Map { key }, Value::Object(map)) => map.get_mut(key.as_str()),
            (Segment::Seq { index }, Value::Array(list)) => list.get_mut(*index),
            _ => None,
        };
        match next {
            Some(next) => at = next,
            None => return false,
        }
    }
    match (last, at) {
        (Segment::Map { key }, Value::Object(map)) => map.remove(key.as_str()).is_some(),
        (Segment::Seq { index }, Value::Array(list)) if *index < list.len() => {
            list.remove(*index);
            true
        }
        _ => false,
    }
}

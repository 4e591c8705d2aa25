//! Decoding a dispatch's data into its payload: strictly first (no copy), then without its odd
//! optional fields; what still fails is kept as a [`RawEvent`].

use super::{Event, EventKind};
use crate::model::{DecodeError, decode_lenient};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A dispatch this version does not know, or could not decode: its name and its data.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RawEvent {
    /// The dispatch's name (`SOMETHING_NEW`).
    pub name: String,
    /// Its data (an undecodable INTERACTION_CREATE's token is replaced by `[redacted]`).
    pub data: Value,
}

impl RawEvent {
    pub(crate) fn new(name: &str, data: Value) -> Self {
        RawEvent {
            name: name.to_owned(),
            data,
        }
    }
}

/// `data` as `T`, dropping odd optional fields if it must; the error gives the data back.
fn typed<T: DeserializeOwned>(data: Value) -> Result<T, (DecodeError, Value)> {
    if let Ok(payload) = T::deserialize(&data) {
        return Ok(payload);
    }
    match decode_lenient::<T>(data.clone()) {
        Ok((payload, dropped)) => {
            tracing::debug!(?dropped, "dropped odd fields of a dispatch");
            Ok(payload)
        }
        Err(error) => Err((error, data)),
    }
}

/// `data` (JSON text) as `T`, straight from the text; only when that fails is it parsed into a
/// `Value` to drop odd optional fields. The error gives the data back (`Null` if not JSON).
pub(super) fn typed_str<T: DeserializeOwned>(data: &str) -> Result<T, (DecodeError, Value)> {
    if let Ok(payload) = serde_json::from_str::<T>(data) {
        return Ok(payload);
    }
    match serde_json::from_str::<Value>(data) {
        Ok(value) => typed(value),
        Err(error) => Err((
            DecodeError {
                path: String::new(),
                message: error.to_string(),
            },
            Value::Null,
        )),
    }
}

/// The [`Event::Unknown`] of a dispatch that did not decode, logged; an INTERACTION_CREATE loses
/// its token first, from the log and from the event.
pub(super) fn undecodable(kind: EventKind, error: &DecodeError, mut data: Value) -> Event {
    let mut why = error.to_string();
    if kind == EventKind::InteractionCreate {
        let token = data
            .get("token")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        if let Some(token) = token {
            why = why.replace(token.as_str(), "[redacted]");
        }
        if let Some(map) = data.as_object_mut()
            && map.contains_key("token")
        {
            map.insert("token".to_owned(), Value::from("[redacted]"));
        }
        let id = data.get("id").and_then(Value::as_str).unwrap_or("?");
        tracing::warn!(
            id,
            "an INTERACTION_CREATE the SDK cannot read ({why}); not answered"
        );
    } else {
        tracing::warn!(
            event = kind.dispatch_name(),
            "a dispatch the SDK cannot read ({why}); passed on as Event::Unknown"
        );
    }
    Event::Unknown(RawEvent::new(kind.dispatch_name(), data))
}

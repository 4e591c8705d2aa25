//! Discord's timestamps (ISO 8601), as a lean date-time type.

use serde::de::{self, Visitor};
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// A point in time, to the microsecond, as Discord writes it (`2015-04-26T06:26:56.936000+00:00`).
/// Eight bytes: microseconds since the Unix epoch.
///
/// ```
/// use bot_core::model::Timestamp;
/// let at: Timestamp = serde_json::from_str("\"2021-05-29T18:12:04.196+02:00\"").unwrap();
/// assert_eq!(at.to_string(), "2021-05-29T16:12:04.196000+00:00");
/// assert_eq!(at.unix_seconds(), 1_622_304_724);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(i64);

/// Why a text is not a timestamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimestampParseError(String);

impl fmt::Display for TimestampParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 8601 timestamp: {}", self.0)
    }
}

impl std::error::Error for TimestampParseError {}

impl Timestamp {
    /// From microseconds since the Unix epoch.
    pub const fn from_unix_micros(micros: i64) -> Self {
        Timestamp(micros)
    }

    /// From seconds since the Unix epoch.
    pub const fn from_unix_seconds(seconds: i64) -> Self {
        Timestamp(seconds.saturating_mul(1_000_000))
    }

    /// Now.
    pub fn now() -> Self {
        let now = OffsetDateTime::now_utc();
        Timestamp((now.unix_timestamp_nanos() / 1000) as i64)
    }

    /// Microseconds since the Unix epoch.
    pub const fn unix_micros(self) -> i64 {
        self.0
    }

    /// Whole seconds since the Unix epoch.
    pub const fn unix_seconds(self) -> i64 {
        self.0.div_euclid(1_000_000)
    }

    /// Parses ISO 8601 / RFC 3339 text, with any offset.
    pub fn parse(text: &str) -> Result<Self, TimestampParseError> {
        let at = OffsetDateTime::parse(text.trim(), &Rfc3339)
            .map_err(|e| TimestampParseError(format!("`{text}` ({e})")))?;
        Ok(Timestamp((at.unix_timestamp_nanos() / 1000) as i64))
    }

    /// As a `time` date-time in UTC, for calendar arithmetic (`None` out of `time`'s range).
    pub fn to_offset_date_time(self) -> Option<OffsetDateTime> {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0) * 1000)
            .ok()
            .map(|at| at.to_offset(UtcOffset::UTC))
    }
}

impl fmt::Display for Timestamp {
    /// Discord's form: UTC, six decimal places, `+00:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_offset_date_time() {
            Some(at) => write!(
                f,
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}+00:00",
                at.year(),
                u8::from(at.month()),
                at.day(),
                at.hour(),
                at.minute(),
                at.second(),
                at.microsecond()
            ),
            None => write!(f, "@{}us", self.0),
        }
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl std::str::FromStr for Timestamp {
    type Err = TimestampParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse(s)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISO 8601 timestamp")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        Timestamp::parse(v).map_err(E::custom)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TimestampVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discords_forms_round_trip() {
        for (given, shown) in [
            (
                "2015-04-26T06:26:56.936000+00:00",
                "2015-04-26T06:26:56.936000+00:00",
            ),
            (
                "2017-07-11T17:27:07.299Z",
                "2017-07-11T17:27:07.299000+00:00",
            ),
            (
                "2021-01-01T00:00:00+00:00",
                "2021-01-01T00:00:00.000000+00:00",
            ),
        ] {
            let at = Timestamp::parse(given).unwrap();
            assert_eq!(at.to_string(), shown);
            assert_eq!(Timestamp::parse(&at.to_string()), Ok(at));
        }
    }

    #[test]
    fn garbage_is_an_error() {
        for bad in ["", "yesterday", "2021-13-01T00:00:00Z", "12"] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Timestamp>("12").is_err());
    }
}

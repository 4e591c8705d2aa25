//! Reading the fields of a JSON body as Discord does: a field of the wrong type or out of range
//! is 400 / 50035 Invalid Form Body with the error under the field's name
//! (developers/reference.mdx "Error Messages", "Object Error").

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

/// 50035 with one error at `field`.
pub(crate) fn field_error(field: &str, code: &str, message: &str) -> Response {
    super::json_reply(
        StatusCode::BAD_REQUEST,
        HeaderMap::new(),
        json!({"code": 50035, "message": "Invalid Form Body",
               "errors": {field: {"_errors": [{"code": code, "message": message}]}}}),
    )
}

/// A value as an error message quotes it: a string without its JSON quotes.
fn shown(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// A snowflake given as a string of digits or as an integer.
pub(crate) fn snowflake_of(value: &Value) -> Option<u64> {
    match value {
        Value::String(text) => text.parse().ok(),
        Value::Number(number) => number.as_u64(),
        _ => None,
    }
}

/// `field` absent (`None`), `null` (`Some(None)`) or a string of at most `max` characters.
pub(crate) fn nullable_string(
    body: &Value,
    field: &str,
    max: usize,
) -> Result<Option<Option<String>>, Response> {
    match body.get(field) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(text)) if text.chars().count() <= max => Ok(Some(Some(text.clone()))),
        Some(Value::String(_)) => Err(field_error(
            field,
            "BASE_TYPE_MAX_LENGTH",
            &format!("Must be {max} or fewer in length."),
        )),
        Some(other) => Err(field_error(
            field,
            "BASE_TYPE_STRING",
            &format!("Could not interpret \"{}\" as string.", shown(other)),
        )),
    }
}

/// `field` absent or `null` (`None`), or a boolean.
pub(crate) fn nullable_bool(body: &Value, field: &str) -> Result<Option<bool>, Response> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(flag)) => Ok(Some(*flag)),
        Some(other) => Err(field_error(
            field,
            "BASE_TYPE_BOOLEAN",
            &format!("Could not interpret \"{}\" as boolean.", shown(other)),
        )),
    }
}

/// `field` absent (`None`), `null` (`Some(None)`) or a snowflake.
pub(crate) fn nullable_snowflake(
    body: &Value,
    field: &str,
) -> Result<Option<Option<u64>>, Response> {
    match body.get(field) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(value) => snowflake_of(value).map(|id| Some(Some(id))).ok_or_else(|| {
            field_error(
                field,
                "NUMBER_TYPE_COERCE",
                &format!("Value \"{}\" is not snowflake.", shown(value)),
            )
        }),
    }
}

/// `field` absent or `null` (`None`), or an integer in `min..=max`.
pub(crate) fn bounded_integer(
    body: &Value,
    field: &str,
    min: u64,
    max: u64,
) -> Result<Option<u64>, Response> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => match value.as_u64() {
            Some(n) if (min..=max).contains(&n) => Ok(Some(n)),
            Some(n) if n > max => Err(field_error(
                field,
                "NUMBER_TYPE_MAX",
                &format!("int value should be less than or equal to {max}."),
            )),
            Some(_) => Err(field_error(
                field,
                "NUMBER_TYPE_MIN",
                &format!("int value should be greater than or equal to {min}."),
            )),
            None => Err(field_error(
                field,
                "NUMBER_TYPE_COERCE",
                &format!("Value \"{}\" is not int.", shown(value)),
            )),
        },
    }
}

/// `field` absent or `null` (`None`), or a permission bit set: a string of digits (as the
/// docs send it) or an integer.
pub(crate) fn permissions(body: &Value, field: &str) -> Result<Option<u64>, Response> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => snowflake_of(value)
            .filter(|bits| *bits < 1 << 53)
            .map(Some)
            .ok_or_else(|| {
                field_error(
                    field,
                    "NUMBER_TYPE_COERCE",
                    &format!("Value \"{}\" is not int.", shown(value)),
                )
            }),
    }
}

/// A query parameter as an integer in `min..=max` (`default` when absent).
/// A positions body, `[{id, position}]` (roles, channels): each id and its new position.
pub(crate) fn positions(body: &Value) -> Result<Vec<(u64, u32)>, Response> {
    let items = body.as_array().ok_or_else(|| {
        super::invalid_form(
            "LIST_TYPE_CONVERT",
            "Only iterables may be used in a ListType",
        )
    })?;
    items
        .iter()
        .map(|item| {
            let id = item.get("id").and_then(snowflake_of)?;
            let position = item.get("position").and_then(Value::as_u64)?;
            Some((id, u32::try_from(position).ok()?))
        })
        .collect::<Option<_>>()
        .ok_or_else(|| field_error("id", "NUMBER_TYPE_COERCE", "Value is not snowflake."))
}

pub(crate) fn query_integer(
    query: &std::collections::HashMap<String, String>,
    field: &str,
    (min, max, default): (u64, u64, u64),
) -> Result<u64, Response> {
    let Some(text) = query.get(field) else {
        return Ok(default);
    };
    let value = text
        .parse::<u64>()
        .map_or_else(|_| Value::String(text.clone()), Value::from);
    bounded_integer(&json!({ field: value }), field, min, max).map(|n| n.unwrap_or(default))
}

/// Seconds since the Unix epoch of an ISO 8601 date-time (`2030-01-01T00:00:00+00:00`,
/// fractions and `Z` allowed), or `None` if it is not one.
pub(crate) fn epoch_seconds(text: &str) -> Option<i64> {
    let (date, time) = text.split_once('T')?;
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    let (clock, offset) = match time.find(['Z', '+', '-']) {
        Some(at) => time.split_at(at),
        None => (time, "Z"),
    };
    let mut hms = clock.splitn(3, ':');
    let hour: i64 = hms.next()?.parse().ok()?;
    let minute: i64 = hms.next()?.parse().ok()?;
    let second: f64 = hms.next().unwrap_or("0").parse().ok()?;
    let offset_seconds = match offset {
        "Z" => 0,
        signed => {
            let sign = if signed.starts_with('-') { -1 } else { 1 };
            let (h, m) = signed[1..].split_once(':').unwrap_or((&signed[1..], "0"));
            sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60)
        }
    };
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0.0..61.0).contains(&second);
    if !valid {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second as i64 - offset_seconds)
}

#[cfg(test)]
mod tests {
    use super::epoch_seconds;

    #[test]
    fn iso_dates_become_epoch_seconds() {
        assert_eq!(epoch_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            epoch_seconds("2024-01-01T00:00:00.000000+00:00"),
            Some(1_704_067_200)
        );
        assert_eq!(
            epoch_seconds("2024-01-01T01:00:00+01:00"),
            Some(1_704_067_200)
        );
        assert_eq!(
            epoch_seconds("2024-03-01T12:30:15-02:30"),
            Some(1_709_305_215)
        );
        for bad in [
            "",
            "tomorrow",
            "2024-13-01T00:00:00Z",
            "2024-01-01",
            "2024-01-01T25:00:00Z",
        ] {
            assert_eq!(epoch_seconds(bad), None, "{bad}");
        }
    }
}
